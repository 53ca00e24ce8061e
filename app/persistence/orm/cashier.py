"""Cash sessions, payments with their tenders and bills, receipts printed, IC purchases, day closes.

Money is integer fen. Payments, their tenders, bill allocations, IC purchase lines, cash movements
and print records are append-only (database triggers refuse UPDATE and DELETE): a void is a new
payment of kind ``void`` pointing at the one it cancels, a correction after the day is closed is a
new payment of kind ``correction``. A cash session row changes once, when it is closed.
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


class CashSession(Base):
    """A clerk's cash drawer at one counter (钱箱/班次), from counted float to blind count."""

    __tablename__ = "cash_sessions"
    __table_args__ = (Index("ix_cash_sessions_open", "hall_id", "user_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    counter_no: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(40))
    day: Mapped[date] = mapped_column(Date)  # the business day it was opened on
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    float_fen: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(10))  # open | closed
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    counted: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # note → count
    counted_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    expected_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    difference_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)  # + over, − short
    approved_by: Mapped[str] = mapped_column(String(40), default="")
    approval_reason: Mapped[str] = mapped_column(String(200), default="")


class CashMovement(Base):
    """Cash put into (+) or taken out of (−) a drawer with a reason (备用金补充, 上缴 …)."""

    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(200))
    operator: Mapped[str] = mapped_column(String(40))


class Payment(Base):
    """A payment (收费) with its gapless receipt number, or the void / correction of one."""

    __tablename__ = "payments"
    __table_args__ = (
        UniqueConstraint("hall_id", "receipt_seq"),
        Index("ix_payments_hall_day", "hall_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    receipt_seq: Mapped[int] = mapped_column(BigInteger)  # gapless per hall: 1, 2, 3 …
    receipt_no: Mapped[str] = mapped_column(code_string(32), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # payment | ic_purchase | void | correction
    voids_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), default=None)
    session_id: Mapped[int] = mapped_column(ForeignKey("cash_sessions.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(Integer, default=None)  # the visit (queue)
    day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime)
    counter_no: Mapped[int] = mapped_column(Integer)
    operator: Mapped[str] = mapped_column(String(40))
    due_fen: Mapped[int] = mapped_column(BigInteger)  # what the clerk called out as due
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # credited to the account (− on a void)
    tendered_fen: Mapped[int] = mapped_column(BigInteger)
    change_fen: Mapped[int] = mapped_column(BigInteger)
    balance_after_fen: Mapped[int] = mapped_column(BigInteger)  # credit +, owed −
    called_out: Mapped[bool] = mapped_column(Boolean)  # 唱收唱付 confirmed by the clerk
    reason: Mapped[str] = mapped_column(String(200), default="")
    authorised_by: Mapped[str] = mapped_column(String(40), default="")
    check_value: Mapped[str] = mapped_column(String(16))  # printed in the QR code


class PaymentTender(Base):
    """How a payment was paid: 现金, 银行卡(POS), 微信, 支付宝, 转账, 支票 — one row each."""

    __tablename__ = "payment_tenders"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    tender: Mapped[str] = mapped_column(String(12))
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # net of change for cash
    reference: Mapped[str] = mapped_column(String(60), default="")  # POS slip, cheque no. …


class PaymentBill(Base):
    """The part of a payment that settled one bill."""

    __tablename__ = "payment_bills"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class IcPurchase(Base):
    """An IC-card gas purchase (IC卡购气): volume, tier split, purchase count, card write state."""

    __tablename__ = "ic_purchases"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), unique=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), index=True)
    purchase_count: Mapped[int] = mapped_column(Integer)  # 购气次数 on this meter
    litres: Mapped[int] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    cycle_start: Mapped[date] = mapped_column(Date)
    cumulative_before: Mapped[int] = mapped_column(BigInteger)
    lines: Mapped[list[Any]] = mapped_column(JSON)  # [[tier_no, litres, price, amount_fen], …]
    tariff_id: Mapped[int | None] = mapped_column(ForeignKey("tariffs.id"), default=None)


class ReceiptPrint(Base):
    """A receipt sent to the printer: the first print, or a reprint (补打) with its count."""

    __tablename__ = "receipt_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    copy_no: Mapped[int] = mapped_column(Integer)  # 0 the original, 1.. reprints
    reason: Mapped[str] = mapped_column(String(200), default="")
    operator: Mapped[str] = mapped_column(String(40))


class DayClose(Base):
    """A closed business day (日结) of a hall: no voids after it, only corrections."""

    __tablename__ = "day_closes"
    __table_args__ = (UniqueConstraint("hall_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    day: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(40))
    totals: Mapped[dict[str, Any]] = mapped_column(JSON)  # the sheet's figures, as closed
