"""Halls, staff users, the audit log and the counters behind gapless numbers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.cashier import ALL_TENDERS_TEXT
from app.persistence.orm.base import Base


class Hall(Base):
    """A service hall (营业网点) and its hall-wide settings."""

    __tablename__ = "halls"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    hotline: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    opening_hours: Mapped[str] = mapped_column(String(120), default="")
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=10)
    # Tender codes the cash desk offers, comma-separated in the counter's order (cash always)
    tenders: Mapped[str] = mapped_column(String(60), default=ALL_TENDERS_TEXT,
                                         server_default=ALL_TENDERS_TEXT)


class User(Base):
    """A member of staff who logs in; the password is kept only as an Argon2id hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    created_on: Mapped[date] = mapped_column(Date)


class AuditEntry(Base):
    """One line of the append-only, hash-chained audit log."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    hall_id: Mapped[int | None] = mapped_column(ForeignKey("halls.id"), default=None)
    actor: Mapped[str] = mapped_column(String(32), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    """The last link of a hash chain; its row lock serialises appends to the chain."""

    __tablename__ = "chain_heads"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


class Counter(Base):
    """A gapless number series per hall, name and period (e.g. receipts of 2026)."""

    __tablename__ = "counters"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
