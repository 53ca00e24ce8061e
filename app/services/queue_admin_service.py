"""The manager's side of the queue: categories and counters, settings, notes, statistics."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.queue import Rating, TicketStatus, check_category, percentile
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import CounterCategory, ManagerNote, QueueCategory, QueueSettings, Ticket
from app.persistence.repositories.queue_queries import queue_settings
from app.services.dto import (
    CategoryInfo,
    ManagerNoteInfo,
    Operator,
    QueueFigures,
    QueueSettingsInfo,
)

MAX_COUNTER = 99


class QueueAdminService:
    """Set up the queue and read how it went."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def categories(self, hall_id: int) -> list[CategoryInfo]:
        """All categories of the hall, by letter."""
        with self._db.reading() as session:
            rows = session.scalars(select(QueueCategory).where(QueueCategory.hall_id == hall_id)
                                   .order_by(QueueCategory.prefix)).all()
            served = _counters_by_category(session, hall_id)
            return [_category(c, served.get(c.id, ())) for c in rows]

    def save_category(
        self, operator: Operator, category_id: int | None, prefix: str, name: str,
        time_limit_minutes: int, active: bool, counters: Iterable[int],
    ) -> CategoryInfo:
        """Create (``category_id`` None) or change a category and the counters serving it."""
        require(operator.role, Permission.EDIT_HALL_SETTINGS)
        with self._db.writing() as session:
            info = store_category(session, operator.hall_id, category_id, prefix, name,
                                  time_limit_minutes, active, counters)
            append_audit(session, self._clock.now(), operator.username, "queue.category_saved",
                         f"category:{info.prefix}", {"name": info.name,
                                                     "counters": list(info.counters),
                                                     "active": active}, operator.hall_id)
            return info

    def settings(self, hall_id: int) -> QueueSettingsInfo:
        """The hall's queue settings (defaults until a manager saves them)."""
        with self._db.reading() as session:
            row = queue_settings(session, hall_id)
            return QueueSettingsInfo(row.notice, row.max_recalls, row.rating_seconds,
                                     row.voice_repeats)

    def save_settings(self, operator: Operator, new: QueueSettingsInfo) -> QueueSettingsInfo:
        """Save the queue settings and the board's notice banner (manager)."""
        require(operator.role, Permission.EDIT_HALL_SETTINGS)
        _check_settings(new)
        with self._db.writing() as session:
            row = session.get(QueueSettings, operator.hall_id)
            if row is None:
                row = QueueSettings(hall_id=operator.hall_id)
                session.add(row)
            row.notice, row.max_recalls = new.notice.strip()[:200], new.max_recalls
            row.rating_seconds, row.voice_repeats = new.rating_seconds, new.voice_repeats
            append_audit(session, self._clock.now(), operator.username, "queue.settings_saved",
                         "queue", {"notice": row.notice}, operator.hall_id)
            return QueueSettingsInfo(row.notice, row.max_recalls, row.rating_seconds,
                                     row.voice_repeats)

    def notes(self, operator: Operator, unseen_only: bool = True) -> list[ManagerNoteInfo]:
        """Notes for the manager (e.g. 不满意 ratings), newest first."""
        require(operator.role, Permission.VIEW_REPORTS)
        query = (select(ManagerNote, Ticket.number, Ticket.counter_no)
                 .outerjoin(Ticket, Ticket.id == ManagerNote.ticket_id)
                 .where(ManagerNote.hall_id == operator.hall_id)
                 .order_by(ManagerNote.id.desc()).limit(500))
        if unseen_only:
            query = query.where(ManagerNote.seen_at.is_(None))
        with self._db.reading() as session:
            return [ManagerNoteInfo(n.id, n.at, n.kind, number or "", counter, n.seen_by)
                    for n, number, counter in session.execute(query)]

    def mark_seen(self, operator: Operator, note_id: int) -> None:
        """The manager has looked at a note."""
        require(operator.role, Permission.VIEW_REPORTS)
        with self._db.writing() as session:
            note = session.get(ManagerNote, note_id)
            if note is None or note.hall_id != operator.hall_id:
                raise DomainError.of("queue.note_not_found")
            note.seen_by, note.seen_at = operator.username, self._clock.now()

    def statistics(
        self, operator: Operator, first: date, last: date
    ) -> tuple[list[QueueFigures], list[QueueFigures]]:
        """Figures per category and per counter for the days ``first`` to ``last``."""
        require(operator.role, Permission.VIEW_REPORTS)
        with self._db.reading() as session:
            names = {c.id: f"{c.prefix} {c.name}" for c in session.scalars(
                select(QueueCategory).where(QueueCategory.hall_id == operator.hall_id))}
            tickets = session.scalars(select(Ticket).where(
                Ticket.hall_id == operator.hall_id, Ticket.day >= first, Ticket.day <= last)
            ).all()
            limits = {c.id: c.time_limit_minutes for c in session.scalars(
                select(QueueCategory).where(QueueCategory.hall_id == operator.hall_id))}
            by_category = _figures(tickets, lambda t: names.get(t.category_id, "?"), limits)
            by_counter = _figures([t for t in tickets if t.counter_no is not None],
                                  lambda t: str(t.counter_no), limits)
            return by_category, by_counter


def store_category(
    session: Session, hall_id: int, category_id: int | None, prefix: str, name: str,
    time_limit_minutes: int, active: bool, counters: Iterable[int],
) -> CategoryInfo:
    """Check and write a category and its counters in the caller's transaction (not audited).

    The one path for the category rules: the manager's form and the demo hall both use it.
    """
    prefix, name = prefix.strip().upper(), name.strip()
    check_category(prefix, name, time_limit_minutes)
    numbers = tuple(sorted(set(counters)))
    if any(not 1 <= n <= MAX_COUNTER for n in numbers):
        raise DomainError.of("queue.counter_range", "counters", max=MAX_COUNTER)
    category = _category_row(session, hall_id, category_id, prefix)
    category.prefix, category.name = prefix, name
    category.time_limit_minutes, category.active = time_limit_minutes, active
    session.flush()
    session.execute(delete(CounterCategory).where(CounterCategory.category_id == category.id))
    session.add_all(CounterCategory(hall_id=hall_id, counter_no=n, category_id=category.id)
                    for n in numbers)
    return _category(category, numbers)


def _category_row(
    session: Session, hall_id: int, category_id: int | None, prefix: str
) -> QueueCategory:
    clash = session.scalar(select(QueueCategory.id).where(
        QueueCategory.hall_id == hall_id, QueueCategory.prefix == prefix))
    if clash is not None and clash != category_id:
        raise DomainError.of("queue.prefix_taken", "prefix")
    if category_id is None:
        category = QueueCategory(hall_id=hall_id)
        session.add(category)
        return category
    found = session.get(QueueCategory, category_id)
    if found is None or found.hall_id != hall_id:
        raise DomainError.of("queue.category_closed")
    return found


def _check_settings(new: QueueSettingsInfo) -> None:
    if not 0 <= new.max_recalls <= 9:
        raise DomainError.of("queue.recalls_range", "max_recalls", max=9)
    if not 5 <= new.rating_seconds <= 300:
        raise DomainError.of("queue.rating_seconds_range", "rating_seconds", min=5, max=300)
    if not 1 <= new.voice_repeats <= 5:
        raise DomainError.of("queue.voice_repeats_range", "voice_repeats", max=5)


def _counters_by_category(session: Session, hall_id: int) -> dict[int, tuple[int, ...]]:
    served: dict[int, list[int]] = {}
    for row in session.scalars(select(CounterCategory).where(CounterCategory.hall_id == hall_id)
                               .order_by(CounterCategory.counter_no)):
        served.setdefault(row.category_id, []).append(row.counter_no)
    return {k: tuple(v) for k, v in served.items()}


def _category(c: QueueCategory, counters: tuple[int, ...]) -> CategoryInfo:
    return CategoryInfo(c.id, c.prefix, c.name, c.time_limit_minutes, c.active, counters)


def _figures(
    tickets: Iterable[Ticket], key: Callable[[Ticket], str], limits: dict[int, int]
) -> list[QueueFigures]:
    groups: dict[str, list[Ticket]] = {}
    for ticket in tickets:
        groups.setdefault(key(ticket), []).append(ticket)
    return [_group_figures(name, group, limits) for name, group in sorted(groups.items())]


def _group_figures(name: str, group: list[Ticket], limits: dict[int, int]) -> QueueFigures:
    waits = [(t.called_at - t.issued_at).total_seconds() for t in group if t.called_at]
    done = [t for t in group if t.status == TicketStatus.DONE and t.started_at and t.finished_at]
    services = [(t.finished_at - t.started_at).total_seconds()  # type: ignore[operator]
                for t in done]
    over = sum(1 for t, s in zip(done, services, strict=True)
               if s > limits.get(t.category_id, 15) * 60)
    ratings = [t.rating for t in group]
    return QueueFigures(
        name, len(group), len(done), sum(1 for t in group if t.status == TicketStatus.NO_SHOW),
        _mean(waits), percentile(waits, 0.9), _mean(services), percentile(services, 0.9), over,
        ratings.count(Rating.SATISFIED), ratings.count(Rating.FAIRLY_SATISFIED),
        ratings.count(Rating.DISSATISFIED),
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
