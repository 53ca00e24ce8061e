"""Queue queries shared by the counter flow, the board and the statistics."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.queue import DEFAULT_SERVICE_SECONDS, OPEN_AT_COUNTER, TicketStatus
from app.persistence.orm import CounterCategory, HallCounter, QueueCategory, QueueSettings, Ticket


def served_categories(session: Session, hall_id: int, counter_no: int) -> list[int]:
    """Ids of the active categories a counter serves."""
    return list(session.scalars(
        select(CounterCategory.category_id)
        .join(QueueCategory, QueueCategory.id == CounterCategory.category_id)
        .where(CounterCategory.hall_id == hall_id, CounterCategory.counter_no == counter_no,
               QueueCategory.active.is_(True))
    ))


def callable_filter(
    hall_id: int, day: date, counter_no: int, categories: list[int]
) -> ColumnElement[bool]:
    """Waiting tickets of today that this counter may call: its categories, or sent to it."""
    return and_(
        Ticket.hall_id == hall_id, Ticket.day == day, Ticket.status == TicketStatus.WAITING,
        or_(and_(Ticket.category_id.in_(categories), Ticket.target_counter.is_(None)),
            Ticket.target_counter == counter_no),
    )


def open_ticket(session: Session, hall_id: int, counter_no: int) -> Ticket | None:
    """The ticket called or being served at a counter, if any."""
    return session.scalars(
        select(Ticket).where(Ticket.hall_id == hall_id, Ticket.counter_no == counter_no,
                             Ticket.status.in_(list(OPEN_AT_COUNTER)))
        .order_by(Ticket.called_at.desc())
    ).first()


def lock_counter(session: Session, hall_id: int, counter_no: int) -> HallCounter:
    """The counter's row, locked until commit: one call at a time per counter number.

    Two desktops set to the same counter number cannot both call at once on PostgreSQL; on SQLite
    the write lock already orders them.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(HallCounter).values(hall_id=hall_id, counter_no=counter_no)
                    .on_conflict_do_nothing())
    return session.scalars(select(HallCounter).where(
        HallCounter.hall_id == hall_id, HallCounter.counter_no == counter_no).with_for_update()
    ).one()


def counter_paused(session: Session, hall_id: int, counter_no: int) -> bool:
    """Whether the counter is on a break."""
    since = session.scalar(select(HallCounter.paused_since).where(
        HallCounter.hall_id == hall_id, HallCounter.counter_no == counter_no))
    return since is not None


def average_service_seconds(session: Session, hall_id: int, day: date) -> dict[int, float]:
    """Today's average service time per category, from finished services."""
    rows = session.execute(
        select(Ticket.category_id, Ticket.started_at, Ticket.finished_at).where(
            Ticket.hall_id == hall_id, Ticket.day == day, Ticket.status == TicketStatus.DONE,
            Ticket.started_at.is_not(None), Ticket.finished_at.is_not(None))
    ).all()
    totals: dict[int, list[float]] = {}
    for category_id, started, finished in rows:
        if started is None or finished is None:
            continue
        totals.setdefault(category_id, []).append((finished - started).total_seconds())
    return {k: sum(v) / len(v) for k, v in totals.items()}


def waiting_counts(session: Session, hall_id: int, day: date) -> dict[int, int]:
    """Waiting tickets per category today."""
    rows = session.execute(
        select(Ticket.category_id, func.count()).where(
            Ticket.hall_id == hall_id, Ticket.day == day, Ticket.status == TicketStatus.WAITING)
        .group_by(Ticket.category_id)
    ).all()
    return {category_id: count for category_id, count in rows}


def serving_counters(session: Session, hall_id: int) -> dict[int, int]:
    """How many counters, not on a break, serve each category."""
    paused = select(HallCounter.counter_no).where(
        HallCounter.hall_id == hall_id, HallCounter.paused_since.is_not(None))
    rows = session.execute(
        select(CounterCategory.category_id, func.count()).where(
            CounterCategory.hall_id == hall_id, CounterCategory.counter_no.not_in(paused))
        .group_by(CounterCategory.category_id)
    ).all()
    return {category_id: count for category_id, count in rows}


def queue_settings(session: Session, hall_id: int) -> QueueSettings:
    """The hall's queue settings; until a manager saves them, the defaults (not stored)."""
    found = session.get(QueueSettings, hall_id)
    return found or QueueSettings(hall_id=hall_id, notice="", max_recalls=2, rating_seconds=30,
                                  voice_repeats=2)


def service_seconds_or_default(averages: dict[int, float], category_id: int) -> float:
    """The category's average service time today, or the default before any history."""
    return averages.get(category_id, DEFAULT_SERVICE_SECONDS)
