"""Tariff versions, reading rules, meter readings, bills with their lines, and the ledger.

Units (DESIGN.md §4): volumes and register values in integer litres (1 m³ = 1000 L), prices in
integer 1/10000 yuan per m³, money in integer fen. Bills, bill lines and ledger entries are
append-only (database triggers refuse UPDATE and DELETE); a correction is reversal + new bill.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.orm.base import Base, code_string


class TariffVersion(Base):
    """One immutable version of the tariff of a user type and gas use, from its effective date."""

    __tablename__ = "tariffs"
    __table_args__ = (UniqueConstraint("user_type", "gas_use", "effective_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_type: Mapped[str] = mapped_column(String(20))
    gas_use: Mapped[str] = mapped_column(String(20))
    effective_from: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(10))  # tiered | flat
    # [[upto_litres or null, price], ...] in tier order; a flat tariff has one tier [null, price].
    tiers: Mapped[list[Any]] = mapped_column(JSON)
    heating_thresholds: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    cycle_month: Mapped[int] = mapped_column(Integer, default=1)
    cycle_day: Mapped[int] = mapped_column(Integer, default=1)
    household_base: Mapped[int | None] = mapped_column(Integer, default=None)  # None: no rule
    household_step_litres: Mapped[int] = mapped_column(Integer, default=0)
    household_cap_litres: Mapped[int] = mapped_column(Integer, default=0)
    low_income_tier1: Mapped[bool] = mapped_column(Boolean, default=True)
    late_fee_ppm_per_day: Mapped[int] = mapped_column(Integer, default=0)  # 3000 = 0.3 %/day
    late_fee_grace_days: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(40))


class ReadingRule(Base):
    """Which reading checks apply to a gas use, and their limits (DESIGN.md §6)."""

    __tablename__ = "reading_rules"

    gas_use: Mapped[str] = mapped_column(String(20), primary_key=True)
    check_zero: Mapped[bool] = mapped_column(Boolean, default=True)
    check_high: Mapped[bool] = mapped_column(Boolean, default=True)
    high_litres: Mapped[int] = mapped_column(Integer, default=150_000)  # per period
    check_drop: Mapped[bool] = mapped_column(Boolean, default=True)
    drop_percent: Mapped[int] = mapped_column(Integer, default=70)
    check_year_drop: Mapped[bool] = mapped_column(Boolean, default=False)
    year_drop_percent: Mapped[int] = mapped_column(Integer, default=70)
    check_inactive: Mapped[bool] = mapped_column(Boolean, default=True)


class ReadingBatch(Base):
    """One imported handheld file."""

    __tablename__ = "reading_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    file_name: Mapped[str] = mapped_column(String(200))
    rows: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(40))


class Reading(Base):
    """A meter reading (抄表记录): register value, source, type, and where it stands."""

    __tablename__ = "readings"
    __table_args__ = (
        UniqueConstraint("meter_id", "read_on"),
        Index("ix_readings_state", "hall_id", "state"),
        Index("ix_readings_account_read_on", "account_id", "read_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    read_on: Mapped[date] = mapped_column(Date)
    value_litres: Mapped[int | None] = mapped_column(BigInteger)  # None: no reading (门锁, 拒抄, …)
    source: Mapped[str] = mapped_column(String(2))  # 01 见表, 02 自报, 03 估抄, …
    kind: Mapped[str] = mapped_column(String(1))  # P 正常, S 业务, T 临时, Z 复核
    reader: Mapped[str] = mapped_column(String(40), default="")
    route_book: Mapped[str] = mapped_column(String(20), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("reading_batches.id"), default=None)
    state: Mapped[str] = mapped_column(String(12))  # review | accepted | billed | not_billed
    flags: Mapped[str] = mapped_column(String(80), default="")  # comma-separated check codes
    rollover: Mapped[bool] = mapped_column(Boolean, default=False)
    estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    consumption_litres: Mapped[int | None] = mapped_column(BigInteger, default=None)
    previous_id: Mapped[int | None] = mapped_column(Integer, default=None)
    entered_by: Mapped[str] = mapped_column(String(40))
    entered_at: Mapped[datetime] = mapped_column(DateTime)
    reviewed_by: Mapped[str] = mapped_column(String(40), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    review_note: Mapped[str] = mapped_column(String(200), default="")


class Bill(Base):
    """A gas bill (or the reversal of one): append-only, its total the sum of its lines."""

    __tablename__ = "bills"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    meter_id: Mapped[int | None] = mapped_column(ForeignKey("meters.id"), default=None)
    reading_id: Mapped[int | None] = mapped_column(ForeignKey("readings.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # bill | reversal
    reverses_id: Mapped[int | None] = mapped_column(Integer, default=None)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    volume_litres: Mapped[int] = mapped_column(BigInteger)
    cycle_start: Mapped[date] = mapped_column(Date)  # the annual cycle of period_to
    cumulative_litres: Mapped[int] = mapped_column(BigInteger)  # in that cycle, after this bill
    tier_no: Mapped[int] = mapped_column(Integer)  # the tier the cumulative volume is in
    tier_left_litres: Mapped[int | None] = mapped_column(BigInteger)  # None in the top tier
    total_fen: Mapped[int] = mapped_column(BigInteger)
    due_on: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(200), default="")


class BillLine(Base):
    """One line of a bill: a tier's volume × price, or a late fee on an overdue bill."""

    __tablename__ = "bill_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # tier | late_fee
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"), default=None)
    tier_no: Mapped[int | None] = mapped_column(Integer, default=None)
    cycle_start: Mapped[date | None] = mapped_column(Date, default=None)
    from_on: Mapped[date | None] = mapped_column(Date, default=None)
    to_on: Mapped[date | None] = mapped_column(Date, default=None)
    litres: Mapped[int] = mapped_column(BigInteger, default=0)  # signed: negative on a reversal
    price: Mapped[int] = mapped_column(Integer, default=0)  # tier: 1/10000 yuan/m³; fee: ppm/day
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # signed: negative on a reversal
    late_bill_id: Mapped[int | None] = mapped_column(Integer, default=None)  # the overdue bill
    days: Mapped[int | None] = mapped_column(Integer, default=None)  # late-fee days

    __table_args__ = (Index("ix_bill_lines_account_cycle", "account_id", "cycle_start"),)


class LedgerEntry(Base):
    """An account's money movement, hash-chained: + owed (BLL), − paid or credited (CHG, COR…)."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(12))  # BLL, COR, CHG, …
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    bill_id: Mapped[int | None] = mapped_column(ForeignKey("bills.id"), default=None)
    ref: Mapped[str] = mapped_column(code_string(40), default="")
    operator: Mapped[str] = mapped_column(String(40))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
