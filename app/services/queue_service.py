"""The queue's flow (排队叫号): issue tickets, call, recall, transfer, finish, rate; the board."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.queue import (
    OPEN_AT_COUNTER,
    Rating,
    TicketStatus,
    estimate_wait_minutes,
    ticket_number,
)
from app.persistence.db import Database
from app.persistence.numbering import next_number
from app.persistence.orm import (
    Hall,
    HallCounter,
    ManagerNote,
    QueueCall,
    QueueCategory,
    Ticket,
)
from app.persistence.repositories import queue_queries as q
from app.services.dto import (
    BoardCall,
    BoardState,
    CounterState,
    Operator,
    TicketInfo,
    TicketSlip,
    WaitingLine,
)

BOARD_CALLS = 12


class QueueService:
    """What the kiosk, the counters and the display board do with the queue."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # --- kiosk -----------------------------------------------------------------------------

    def issue(
        self, hall_id: int, category_id: int, priority: bool = False, account_no: str = ""
    ) -> TicketSlip:
        """Issue the category's next number of the day (gapless, from 001 each day)."""
        now = self._clock.now()
        with self._db.writing() as session:
            close_past_days(session, hall_id, now.date())
            category = session.get(QueueCategory, category_id)
            if category is None or category.hall_id != hall_id or not category.active:
                raise DomainError.of("queue.category_closed")
            series = f"ticket:{category.prefix}"
            seq = next_number(session, hall_id, series, now.date().isoformat())
            ticket = Ticket(hall_id=hall_id, category_id=category_id, day=now.date(),
                            number=ticket_number(category.prefix, seq), priority=priority,
                            account_no=account_no.strip()[:20], status=TicketStatus.WAITING,
                            issued_at=now, recalls=0, transfers=0, transfer_reason="")
            session.add(ticket)
            session.flush()
            ahead = _ahead(session, ticket)
            hall = session.get_one(Hall, hall_id)
            minutes = _estimate(session, hall_id, now.date(), category_id, ahead)
            return TicketSlip(ticket.id, ticket.number, category.name, now, ahead, minutes,
                              priority, ticket.account_no, hall.name, hall.hotline)

    # --- counter ---------------------------------------------------------------------------

    def call_next(self, operator: Operator, counter_no: int) -> TicketInfo:
        """Call the oldest waiting ticket this counter may serve, priority first; exactly once."""
        now = self._clock.now()
        hall_id = operator.hall_id
        # Few statements: on SQLite every other counter waits for this write lock.
        with self._db.writing() as session:
            q.lock_counter(session, hall_id, counter_no)  # one call per counter at once
            row = q.claim_next(session, hall_id, counter_no, operator.user_id, now)
            if row is None:
                raise DomainError.of(q.refusal(session, hall_id, counter_no))
            return _info_of(row)

    def recall(self, operator: Operator, counter_no: int) -> TicketInfo:
        """Call the current ticket again, at most the hall's number of recalls."""
        now = self._clock.now()
        with self._db.writing() as session:
            ticket = _open(session, operator.hall_id, counter_no, (TicketStatus.CALLED,))
            limit = q.queue_settings(session, operator.hall_id).max_recalls
            if ticket.recalls >= limit:
                raise DomainError.of("queue.recall_limit", max=limit)
            ticket.recalls += 1
            session.add(QueueCall(hall_id=operator.hall_id, ticket_id=ticket.id,
                                  number=ticket.number, counter_no=counter_no, called_at=now,
                                  recall=True))
            return _info(session, ticket)

    def no_show(self, operator: Operator, counter_no: int) -> TicketInfo:
        """The called customer did not come (过号)."""
        with self._db.writing() as session:
            ticket = _open(session, operator.hall_id, counter_no, (TicketStatus.CALLED,))
            ticket.status, ticket.finished_at = TicketStatus.NO_SHOW, self._clock.now()
            return _info(session, ticket)

    def start(self, operator: Operator, counter_no: int) -> TicketInfo:
        """The customer has arrived at the counter: service time starts."""
        with self._db.writing() as session:
            ticket = _open(session, operator.hall_id, counter_no, (TicketStatus.CALLED,))
            ticket.status, ticket.started_at = TicketStatus.SERVING, self._clock.now()
            return _info(session, ticket)

    def finish(self, operator: Operator, counter_no: int) -> TicketInfo:
        """The service is done; a called ticket counts as started when it is finished."""
        with self._db.writing() as session:
            row = q.finish_open(session, operator.hall_id, counter_no, self._clock.now())
            if row is None:
                raise DomainError.of("queue.no_current_ticket")
            return _info_of(row)

    def transfer(
        self, operator: Operator, counter_no: int, reason: str,
        category_id: int | None = None, target_counter: int | None = None,
    ) -> TicketInfo:
        """Send the current ticket on, to another category or counter; it keeps its place."""
        if not reason.strip():
            raise DomainError.of("queue.transfer_reason_required", "reason")
        if (category_id is None) == (target_counter is None):
            raise DomainError.of("queue.transfer_target_required", "target")
        if target_counter == counter_no:
            raise DomainError.of("queue.transfer_same_counter", "target")
        with self._db.writing() as session:
            ticket = _open(session, operator.hall_id, counter_no, OPEN_AT_COUNTER)
            if category_id is not None:
                category = session.get(QueueCategory, category_id)
                if category is None or not category.active:
                    raise DomainError.of("queue.category_closed", "target")
                ticket.category_id = category_id
            ticket.status, ticket.counter_no = TicketStatus.WAITING, None
            ticket.target_counter, ticket.called_at, ticket.started_at = target_counter, None, None
            ticket.transfers += 1
            ticket.transfer_reason = reason.strip()[:200]
            return _info(session, ticket)

    def set_paused(self, operator: Operator, counter_no: int, paused: bool) -> None:
        """Put a counter on a break (no calls) or back to work."""
        with self._db.writing() as session:
            row = session.get(HallCounter, (operator.hall_id, counter_no))
            if row is None:
                row = HallCounter(hall_id=operator.hall_id, counter_no=counter_no)
                session.add(row)
            row.paused_since = self._clock.now() if paused else None

    def counter_state(self, hall_id: int, counter_no: int) -> CounterState:
        """The counter's current ticket (found again after a restart), pause, and waiting count."""
        today = self._clock.now().date()
        with self._db.reading() as session:
            ticket = q.open_ticket(session, hall_id, counter_no)
            categories = q.served_categories(session, hall_id, counter_no)
            waiting = session.scalar(select(func.count()).select_from(Ticket).where(
                q.callable_filter(hall_id, today, counter_no, categories)))
            return CounterState(counter_no, _info(session, ticket) if ticket else None,
                                q.counter_paused(session, hall_id, counter_no), int(waiting or 0))

    # --- rating ----------------------------------------------------------------------------

    def rate(self, ticket_id: int, rating: Rating) -> None:
        """Record the customer's one rating of a finished service; 不满意 notes the manager."""
        now = self._clock.now()
        with self._db.writing() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None or ticket.status != TicketStatus.DONE:
                raise DomainError.of("queue.rating_not_open")
            if ticket.rating is not None:
                raise DomainError.of("queue.already_rated")
            ticket.rating, ticket.rated_at = rating.value, now
            if rating is Rating.DISSATISFIED:
                session.add(ManagerNote(hall_id=ticket.hall_id, at=now, kind="dissatisfied",
                                        ticket_id=ticket.id, text="", seen_by=""))

    # --- display board ---------------------------------------------------------------------

    def board(self, hall_id: int, calls: int = BOARD_CALLS) -> BoardState:
        """The display board: latest calls, waiting counts with estimates, notice, hall name."""
        today = self._clock.now().date()
        with self._db.reading() as session:
            hall = session.get_one(Hall, hall_id)
            midnight = datetime.combine(today, datetime.min.time())
            recent = session.scalars(
                select(QueueCall)
                .where(QueueCall.hall_id == hall_id, QueueCall.called_at >= midnight)
                .order_by(QueueCall.id.desc()).limit(calls)
            ).all()
            settings = q.queue_settings(session, hall_id)
            return BoardState(
                hall.name, settings.notice,
                tuple(BoardCall(c.id, c.number, c.counter_no, c.called_at, c.recall)
                      for c in recent),
                tuple(_waiting_lines(session, hall_id, today)), settings.voice_repeats,
            )

    def waiting_lines(self, hall_id: int) -> list[WaitingLine]:
        """Waiting count and estimate per active category (the kiosk's buttons)."""
        with self._db.reading() as session:
            return _waiting_lines(session, hall_id, self._clock.now().date())

    def close_past_days(self, hall_id: int) -> int:
        """Close yesterday's (and older) unserved tickets; returns how many."""
        with self._db.writing() as session:
            return close_past_days(session, hall_id, self._clock.now().date())


def close_past_days(session: Session, hall_id: int, today: date) -> int:
    """Cancel tickets of earlier days still waiting or open at a counter."""
    result = session.execute(
        update(Ticket)
        .where(Ticket.hall_id == hall_id, Ticket.day < today,
               Ticket.status.in_([TicketStatus.WAITING, *OPEN_AT_COUNTER]))
        .values(status=TicketStatus.CANCELLED)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def _open(
    session: Session, hall_id: int, counter_no: int, allowed: tuple[TicketStatus, ...]
) -> Ticket:
    ticket = q.open_ticket(session, hall_id, counter_no)
    if ticket is None:
        raise DomainError.of("queue.no_current_ticket")
    if ticket.status not in allowed:
        raise DomainError.of("queue.wrong_state", status=ticket.status)
    return ticket


def _ahead(session: Session, ticket: Ticket) -> int:
    """Waiting tickets of the same category to be called before a just-issued one."""
    query = select(func.count()).select_from(Ticket).where(
        Ticket.hall_id == ticket.hall_id, Ticket.day == ticket.day,
        Ticket.status == TicketStatus.WAITING, Ticket.category_id == ticket.category_id,
        Ticket.id != ticket.id,
    )
    if ticket.priority:
        query = query.where(Ticket.priority.is_(True))
    return int(session.scalar(query) or 0)


def _estimate(session: Session, hall_id: int, day: date, category_id: int, ahead: int) -> int:
    averages = q.average_service_seconds(session, hall_id, day)
    counters = q.serving_counters(session, hall_id).get(category_id, 1)
    return estimate_wait_minutes(ahead, q.service_seconds_or_default(averages, category_id),
                                 counters)


def _waiting_lines(session: Session, hall_id: int, day: date) -> list[WaitingLine]:
    categories = session.scalars(
        select(QueueCategory).where(QueueCategory.hall_id == hall_id,
                                    QueueCategory.active.is_(True))
        .order_by(QueueCategory.prefix)
    ).all()
    waiting = q.waiting_counts(session, hall_id, day)
    averages = q.average_service_seconds(session, hall_id, day)
    counters = q.serving_counters(session, hall_id)
    return [
        WaitingLine(c.id, c.prefix, c.name, waiting.get(c.id, 0), estimate_wait_minutes(
            waiting.get(c.id, 0), q.service_seconds_or_default(averages, c.id),
            counters.get(c.id, 1)))
        for c in categories
    ]


def _info_of(row: tuple[Any, ...]) -> TicketInfo:
    """TicketInfo from a row of ``q.ticket_info_columns()``."""
    (ticket_id, number, category_id, category, status, priority, account_no, counter_no,
     issued_at, called_at, started_at, finished_at, recalls, time_limit, rating) = row
    return TicketInfo(
        ticket_id, number, category_id, category, TicketStatus(status), priority, account_no,
        counter_no, issued_at, called_at, started_at, finished_at, recalls, time_limit,
        Rating(rating) if rating else None,
    )


def _info(session: Session, ticket: Ticket) -> TicketInfo:
    category = session.get_one(QueueCategory, ticket.category_id)
    return TicketInfo(
        ticket.id, ticket.number, category.id, category.name, TicketStatus(ticket.status),
        ticket.priority, ticket.account_no, ticket.counter_no, ticket.issued_at,
        ticket.called_at, ticket.started_at, ticket.finished_at, ticket.recalls,
        category.time_limit_minutes, Rating(ticket.rating) if ticket.rating else None,
    )
