"""Frozen records of readings, bills and imports that billing services hand out; safe after commit.

Units as everywhere (DESIGN.md §4): litres, 1/10000 yuan per m³, fen. Tariffs are handed out as
the domain's own frozen ``Tariff``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.tariff import TierPosition


@dataclass(frozen=True)
class SheetRow:
    """One row of a route-book entry grid (抄表录入): the account, its meter and the reading."""

    account_id: int
    account_no: str
    name: str
    address: str
    meter_id: int
    meter_no: str
    digits: int
    previous_value: int | None
    previous_on: date | None
    reading_id: int | None
    value: int | None
    state: str | None
    flags: tuple[str, ...]
    consumption: int | None


@dataclass(frozen=True)
class ReadingDraft:
    """A reading as typed at the grid: value in litres, or None for a no-value source."""

    meter_id: int
    read_on: date
    value_litres: int | None
    source: str = "01"
    kind: str = "P"
    reader: str = ""
    rollover_confirmed: bool = False
    note: str = ""


@dataclass(frozen=True)
class ReadingOutcome:
    """What became of a recorded or reviewed reading; the bill when it was billed."""

    reading_id: int
    state: str
    flags: tuple[str, ...]
    consumption_litres: int | None
    rollover: bool
    bill_id: int | None
    total_fen: int | None


@dataclass(frozen=True)
class ReviewItem:
    """A flagged reading waiting for a person (待审核)."""

    reading_id: int
    account_id: int
    account_no: str
    name: str
    meter_no: str
    read_on: date
    value: int | None
    previous_value: int | None
    previous_on: date | None
    consumption: int | None
    flags: tuple[str, ...]
    source: str
    estimate_litres: int | None


@dataclass(frozen=True)
class BillLineView:
    """A tier line (volume × price) or a late-fee line (amount × ppm/day × days)."""

    kind: str
    tier_no: int | None
    litres: int
    price: int
    amount_fen: int
    from_on: date | None
    to_on: date | None
    late_bill_id: int | None
    days: int | None


@dataclass(frozen=True)
class BillView:
    """A bill or a reversal, with its lines and what is still owed on it."""

    id: int
    kind: str
    period_from: date
    period_to: date
    volume_litres: int
    cumulative_litres: int
    tier_no: int
    tier_left_litres: int | None
    total_fen: int
    due_on: date
    issued_at: datetime
    issued_by: str
    reverses_id: int | None
    reason: str
    lines: tuple[BillLineView, ...]
    outstanding_fen: int


@dataclass(frozen=True)
class ReadingView:
    """A reading on the account history."""

    id: int
    read_on: date
    value_litres: int | None
    consumption_litres: int | None
    source: str
    kind: str
    state: str
    flags: tuple[str, ...]
    estimated: bool
    rollover: bool
    reader: str
    review_note: str


@dataclass(frozen=True)
class MonthPoint:
    """Billed consumption of one calendar month (``month`` is its first day)."""

    month: date
    litres: int


@dataclass(frozen=True)
class AccountHistory:
    """The account detail's readings, bills, 24-month chart, tier position and money."""

    account_id: int
    readings: tuple[ReadingView, ...]  # newest first
    bills: tuple[BillView, ...]  # newest first
    months: tuple[MonthPoint, ...]  # 24 months, oldest first, zeros included
    cumulative_litres: int  # this cycle
    thresholds: tuple[int, ...]
    tier: TierPosition
    balance_fen: int  # credit positive, debt negative
    arrears_fen: int  # owed on bills past their due date


@dataclass(frozen=True)
class ImportRow:
    """One checked row of a handheld file, ready to store."""

    line_no: int
    meter_no: str
    read_on: date
    value_litres: int | None
    source: str = "01"
    kind: str = "P"
    reader: str = ""
    note: str = ""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did."""

    batch_id: int
    rows: int
    billed: int
    in_review: int
    not_billed: int
    total_fen: int
