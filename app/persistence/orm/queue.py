"""Queue tables: categories and the counters serving them, tickets, calls, settings, notes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.persistence.orm.base import Base


class QueueCategory(Base):
    """A kind of business with its ticket letter (A 缴费, B 业务办理 ...)."""

    __tablename__ = "queue_categories"
    __table_args__ = (UniqueConstraint("hall_id", "prefix"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    prefix: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(40))
    time_limit_minutes: Mapped[int] = mapped_column(Integer, default=15)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CounterCategory(Base):
    """Which counter (窗口) serves which category."""

    __tablename__ = "counter_categories"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    counter_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_categories.id"), primary_key=True)


class HallCounter(Base):
    """A counter's state: paused (on break) since when."""

    __tablename__ = "hall_counters"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    counter_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    paused_since: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Ticket(Base):
    """One queue ticket, the thread of one visit from issue to rating."""

    __tablename__ = "tickets"
    __table_args__ = (
        # The call-next order: priority first, then oldest; the index serves it without a sort.
        Index("ix_tickets_queue", "hall_id", "day", "status", text("priority DESC"), "issued_at",
              "id"),
        Index("ix_tickets_counter", "hall_id", "counter_no", "status"),
        UniqueConstraint("hall_id", "day", "number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("queue_categories.id"))
    day: Mapped[date] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(8))
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    account_no: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(12))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    called_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    counter_no: Mapped[int | None] = mapped_column(Integer, default=None)
    target_counter: Mapped[int | None] = mapped_column(Integer, default=None)
    served_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), default=None)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    transfers: Mapped[int] = mapped_column(Integer, default=0)
    transfer_reason: Mapped[str] = mapped_column(String(200), default="")
    rating: Mapped[str | None] = mapped_column(String(20), default=None)
    rated_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class QueueCall(Base):
    """Each call and recall, in order: what the display board and the voice follow."""

    __tablename__ = "queue_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    number: Mapped[str] = mapped_column(String(8))
    counter_no: Mapped[int] = mapped_column(Integer)
    called_at: Mapped[datetime] = mapped_column(DateTime)
    recall: Mapped[bool] = mapped_column(Boolean, default=False)


class QueueSettings(Base):
    """A hall's queue settings and the notice banner of its display board."""

    __tablename__ = "queue_settings"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    notice: Mapped[str] = mapped_column(String(200), default="")
    max_recalls: Mapped[int] = mapped_column(Integer, default=2)
    rating_seconds: Mapped[int] = mapped_column(Integer, default=30)
    voice_repeats: Mapped[int] = mapped_column(Integer, default=2)


class ManagerNote(Base):
    """Something the manager should look at, e.g. a 不满意 rating."""

    __tablename__ = "manager_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(30))
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), default=None)
    text: Mapped[str] = mapped_column(Text, default="")
    seen_by: Mapped[str] = mapped_column(String(32), default="")
    seen_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
