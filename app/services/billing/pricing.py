"""Planning one bill: tier lines per tariff segment and cycle, late-fee lines, due date.

Pure computation on preloaded state; the caller writes the plan. ``AccountState`` is updated as
bills are planned, so that many readings of one import see each other's volumes and bills.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from app.domain.tariff import (
    Household,
    PeriodPart,
    PriceBand,
    Tariff,
    TierPosition,
    in_force,
    late_fee_fen,
    period_parts,
    position_in_bands,
    price_bands,
    price_in_bands,
    share_litres,
)
from app.persistence.repositories.billing_queries import OpenBill


@dataclass
class AccountState:
    """What billing knows of one account while a transaction runs."""

    account_id: int
    hall_id: int
    household: Household
    cumulative: dict[date, int] = field(default_factory=dict)  # cycle start -> litres
    open_bills: list[OpenBill] = field(default_factory=list)  # oldest first


class LinePlan(NamedTuple):
    """A bill line before it is written (the columns of ``bill_lines``).

    A named tuple rather than a dataclass: an import plans one or two hundred thousand of them.
    """

    kind: str  # tier | late_fee
    tariff_id: int | None
    tier_no: int | None
    cycle_start: date | None
    from_on: date | None
    to_on: date | None
    litres: int
    price: int
    amount_fen: int
    late_bill_id: int | None = None
    days: int | None = None


class BillPlan(NamedTuple):
    """A bill before it is written."""

    period_from: date
    period_to: date
    volume_litres: int
    cycle_start: date
    cumulative_litres: int
    tier: TierPosition
    total_fen: int
    due_on: date
    lines: tuple[LinePlan, ...]

    @property
    def gas_fen(self) -> int:
        """The sum of the tier (gas) lines: what late fees may later be charged on."""
        return sum(line.amount_fen for line in self.lines if line.kind == "tier")


class PriceBook:
    """What pricing works out once and reuses across the bills of one transaction.

    Tier bands per (tariff version, household), the period's parts per (versions, start, end)
    and the version in force per (versions, day): an import bills most of its readings with the
    same tariff, household and dates. Keyed by the identity of the tariff objects, which live
    as long as the transaction's run.
    """

    def __init__(self) -> None:
        self._bands: dict[tuple[int, int, bool, bool], tuple[PriceBand, ...]] = {}
        self._parts: dict[tuple[int, date, date], tuple[PeriodPart, ...]] = {}
        self._in_force: dict[tuple[int, date], Tariff | None] = {}

    def bands(self, tariff: Tariff, household: Household) -> tuple[PriceBand, ...]:
        """``price_bands`` of the tariff for the household."""
        # plain values: a dataclass in the key would be compared by its slow generated __eq__
        key = (id(tariff), household.size, household.heating, household.low_income)
        found = self._bands.get(key)
        if found is None:
            found = self._bands[key] = price_bands(tariff, household)
        return found

    def parts(
        self, tariffs: Sequence[Tariff], start: date, end: date
    ) -> tuple[PeriodPart, ...]:
        """``period_parts`` of the period."""
        key = (id(tariffs), start, end)
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = period_parts(tariffs, start, end)
        return found

    def in_force(self, tariffs: Sequence[Tariff], day: date) -> Tariff | None:
        """The version in force on ``day``."""
        key = (id(tariffs), day)
        if key not in self._in_force:
            self._in_force[key] = in_force(tariffs, day)
        return self._in_force[key]


def plan_bill(
    tariffs: Sequence[Tariff], account: AccountState, start: date, end: date, litres: int,
    bill_date: date, book: PriceBook | None = None,
) -> BillPlan:
    """Price ``litres`` used between the readings on ``start`` and ``end``, issued on ``bill_date``.

    The period is split at tariff changes and cycle starts; each segment is priced on the
    cumulative volume of its cycle so far. Late fees on the account's overdue bills follow as
    their own lines. ``account`` is updated (cumulative volumes, late fees charged up to
    ``bill_date``); the caller adds the new bill to its open bills once it has an id. ``book``
    keeps what several bills share (``tariffs`` must then stay the same object).
    """
    book = book or PriceBook()
    household = account.household
    cumulative_of = account.cumulative
    lines: list[LinePlan] = []
    parts = book.parts(tariffs, start, end)
    shares = (litres,) if len(parts) == 1 else share_litres(parts, litres)
    for (seg_start, seg_end, tariff, cycle, _), seg_litres in zip(parts, shares, strict=True):
        before = cumulative_of.get(cycle, 0)
        for tier_no, line_litres, price, amount in price_in_bands(
                book.bands(tariff, household), before, seg_litres):
            lines.append(LinePlan("tier", tariff.id, tier_no, cycle, seg_start, seg_end,
                                  line_litres, price, amount))
        cumulative_of[cycle] = before + seg_litres
    last_tariff, last_cycle = parts[-1][2], parts[-1][3]
    cumulative = cumulative_of.get(last_cycle, 0)
    rule_tariff = book.in_force(tariffs, bill_date) or last_tariff
    if account.open_bills:
        lines.extend(_late_fees(rule_tariff, account, bill_date))
    return BillPlan(
        start, end, litres, last_cycle, cumulative,
        position_in_bands(book.bands(last_tariff, household), cumulative),
        sum(line.amount_fen for line in lines),
        bill_date + timedelta(days=rule_tariff.late_fee.grace_days), tuple(lines),
    )


def _late_fees(tariff: Tariff, account: AccountState, bill_date: date) -> list[LinePlan]:
    """违约金 lines: each overdue bill's fee base × rate × days since its last fee.

    Late fees are charged on the arrears of gas charges (DOMAIN.md §9), never on late fees: the
    fee base of an overdue bill is its outstanding amount, but at most the sum of its tier
    (gas) lines. So when a bill that carries late-fee lines is itself overdue, those lines add
    nothing to the next fee and fees do not compound. A bill of late fees only has no base.
    """
    rule = tariff.late_fee
    lines: list[LinePlan] = []
    for overdue in account.open_bills:
        days = (bill_date - overdue.fee_from).days
        fee = late_fee_fen(overdue.fee_base_fen, days, rule)
        if fee <= 0:
            continue
        lines.append(LinePlan("late_fee", tariff.id, None, None, overdue.fee_from, bill_date,
                              0, rule.ppm_per_day, fee, overdue.bill_id, days))
        overdue.fee_from = bill_date
    return lines
