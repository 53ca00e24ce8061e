"""Queue queries shared by the counter flow, the board and the statistics."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Executable,
    Integer,
    Update,
    and_,
    bindparam,
    exists,
    false,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, aliased

from app.domain.queue import DEFAULT_SERVICE_SECONDS, OPEN_AT_COUNTER, TicketStatus
from app.persistence.orm import (
    CounterCategory,
    HallCounter,
    QueueCall,
    QueueCategory,
    QueueSettings,
    Ticket,
)


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


def lock_counter(session: Session, hall_id: int, counter_no: int) -> None:
    """Lock the counter's row until commit (made if missing): one call at a time per number.

    Two desktops set to the same counter number cannot both call at once on PostgreSQL. SQLite
    needs nothing here: ``BEGIN IMMEDIATE`` has taken the one write lock already.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    # One round trip: the no-op update of an existing row takes its row lock like FOR UPDATE.
    session.execute(
        pg_insert(HallCounter).values(hall_id=hall_id, counter_no=counter_no)
        .on_conflict_do_update(index_elements=[HallCounter.hall_id, HallCounter.counter_no],
                               set_={"paused_since": HallCounter.paused_since})
    )


_INFO_NAMES = ("id", "number", "category_id", "category", "status", "priority", "account_no",
               "counter_no", "issued_at", "called_at", "started_at", "finished_at", "recalls",
               "time_limit_minutes", "rating")


def ticket_info_columns() -> tuple[Any, ...]:
    """A ticket's columns for TicketInfo, with its category's name and time limit (RETURNING)."""
    category = aliased(QueueCategory)  # qualified: RETURNING leaves the ticket's columns bare
    of_ticket = category.id == Ticket.category_id
    return (
        Ticket.id, Ticket.number, Ticket.category_id,
        select(category.name).where(of_ticket).scalar_subquery().label("category"),
        Ticket.status, Ticket.priority, Ticket.account_no, Ticket.counter_no, Ticket.issued_at,
        Ticket.called_at, Ticket.started_at, Ticket.finished_at, Ticket.recalls,
        select(category.time_limit_minutes).where(of_ticket).scalar_subquery()
        .label("time_limit_minutes"),
        Ticket.rating,
    )


def claim_next(
    session: Session, hall_id: int, counter_no: int, user_id: int, now: datetime
) -> tuple[Any, ...] | None:
    """Call the next ticket this counter may call, logged in queue_calls; its TicketInfo columns.

    One UPDATE, so SQLite's write lock is held briefly: the oldest callable ticket, priority
    first (PostgreSQL: skipping rows other counters are claiming), unless the counter is on a
    break or still has a ticket open; then the INSERT into queue_calls (on PostgreSQL in the
    same statement, one round trip). None when nothing was claimed; ``refusal`` says why.
    """
    params = {"p_hall": hall_id, "p_counter": counter_no, "p_user": user_id, "p_now": now,
              "p_day": now.date()}
    if session.get_bind().dialect.name == "postgresql":
        row = session.execute(_claim_and_log_statement(), params).first()
        return None if row is None else tuple(row)
    row = session.execute(_claim_statement(), params).first()
    if row is None:
        return None
    info = tuple(row)
    log_call(session, hall_id, info[0], info[1], counter_no, now)
    return info


@cache
def _claim_and_log_statement() -> Executable:
    # PostgreSQL runs a data-modifying WITH query exactly once, whether read or not.
    claimed = _claim_statement().cte("claimed")
    logged = insert(QueueCall).from_select(
        ["hall_id", "ticket_id", "number", "counter_no", "called_at", "recall"],
        select(bindparam("p_hall", type_=Integer), claimed.c.id, claimed.c.number,
               bindparam("p_counter", type_=Integer), bindparam("p_now", type_=DateTime),
               false()),
    ).cte("logged")
    return select(*(claimed.c[name] for name in _INFO_NAMES)).add_cte(logged)


@cache
def _claim_statement() -> Update:
    # Built once: making the aliases and subqueries costs more than running the statement.
    # Parameter names unlike the columns': those of the SET clause are taken by SQLAlchemy.
    hall_id, counter_no = bindparam("p_hall", type_=Integer), bindparam("p_counter", type_=Integer)
    served = (
        select(CounterCategory.category_id)
        .join(QueueCategory, QueueCategory.id == CounterCategory.category_id)
        .where(CounterCategory.hall_id == hall_id, CounterCategory.counter_no == counter_no,
               QueueCategory.active.is_(True))
    )
    queued = aliased(Ticket)  # not correlated with the ticket being updated
    waiting = (
        select(queued.id)
        .where(queued.hall_id == hall_id, queued.day == bindparam("p_day", type_=Date),
               queued.status == TicketStatus.WAITING,
               or_(and_(queued.category_id.in_(served), queued.target_counter.is_(None)),
                   queued.target_counter == counter_no))
        .order_by(queued.priority.desc(), queued.issued_at, queued.id)
        .limit(1)
        .with_for_update(skip_locked=True)  # PostgreSQL; SQLite holds the write lock
        .scalar_subquery()
    )
    open_here = aliased(Ticket)
    return (
        update(Ticket)
        .where(Ticket.id == waiting,
               ~exists().where(open_here.hall_id == hall_id, open_here.counter_no == counter_no,
                               open_here.status.in_(list(OPEN_AT_COUNTER))),
               ~exists().where(HallCounter.hall_id == hall_id,
                               HallCounter.counter_no == counter_no,
                               HallCounter.paused_since.is_not(None)))
        .values(status=TicketStatus.CALLED, called_at=bindparam("p_now", type_=DateTime),
                counter_no=counter_no,
                served_by=bindparam("p_user", type_=Integer), target_counter=None)
        .returning(*ticket_info_columns())
        .execution_options(synchronize_session=False)  # no Ticket objects are loaded here
    )


def finish_open(session: Session, hall_id: int, counter_no: int, now: datetime
                ) -> tuple[Any, ...] | None:
    """Mark the counter's open ticket done (started now if it never was); its TicketInfo columns.

    One statement, like ``claim_next``; None when the counter has no ticket open.
    """
    row = session.execute(_finish_statement(), {
        "p_hall": hall_id, "p_counter": counter_no, "p_now": now}).first()
    return None if row is None else tuple(row)


@cache
def _finish_statement() -> Executable:
    now = bindparam("p_now", type_=DateTime)
    current = aliased(Ticket)  # as open_ticket: the latest called of the open ones
    latest = (
        select(current.id)
        .where(current.hall_id == bindparam("p_hall", type_=Integer),
               current.counter_no == bindparam("p_counter", type_=Integer),
               current.status.in_(list(OPEN_AT_COUNTER)))
        .order_by(current.called_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return (
        update(Ticket)
        .where(Ticket.id == latest, Ticket.status.in_(list(OPEN_AT_COUNTER)))
        .values(status=TicketStatus.DONE, finished_at=now,
                started_at=func.coalesce(Ticket.started_at, now))
        .returning(*ticket_info_columns())
        .execution_options(synchronize_session=False)
    )


def refusal(session: Session, hall_id: int, counter_no: int) -> str:
    """Why ``claim_next`` claimed nothing, in the order the counter is told: the error key."""
    if open_ticket(session, hall_id, counter_no) is not None:
        return "queue.finish_current_first"
    if counter_paused(session, hall_id, counter_no):
        return "queue.counter_paused"
    return "queue.nothing_waiting"


def log_call(
    session: Session, hall_id: int, ticket_id: int, number: str, counter_no: int,
    called_at: datetime, recall: bool = False,
) -> None:
    """Add a call to queue_calls, the log the board and the voice follow."""
    session.execute(_log_statement(), {
        "hall_id": hall_id, "ticket_id": ticket_id, "number": number, "counter_no": counter_no,
        "called_at": called_at, "recall": recall})


@cache
def _log_statement() -> Executable:
    return insert(QueueCall)  # its VALUES come from the parameters; built once


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
