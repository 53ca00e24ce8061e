"""Hall-wide settings (name, hotline, address, hours, idle lock, tenders), kept in the database."""

from __future__ import annotations

from dataclasses import asdict

from app.domain.cashier import parse_tender_codes, tender_codes_text
from app.domain.clock import Clock
from app.domain.errors import DomainError, Problem
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import Hall
from app.services.dto import HallSettings, Operator

MAX_IDLE_MINUTES = 240


class SettingsService:
    """Reads and changes the settings of the operator's hall."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def hall(self, hall_id: int) -> HallSettings:
        """The settings of one hall."""
        with self._db.reading() as session:
            return _settings(session.get_one(Hall, hall_id))

    def update_hall(self, operator: Operator, new: HallSettings) -> HallSettings:
        """Save the hall's settings (manager or administrator); changes are audited."""
        require(operator.role, Permission.EDIT_HALL_SETTINGS)
        tenders = _check(new)
        with self._db.writing() as session:
            hall = session.get_one(Hall, operator.hall_id)
            old = asdict(_settings(hall))
            new_values = asdict(new) | {"tenders": tuple(tenders.split(","))}
            changes = {k: [old[k], v] for k, v in new_values.items()
                       if k != "code" and old[k] != v}
            hall.name, hall.hotline = new.name.strip(), new.hotline.strip()
            hall.address, hall.opening_hours = new.address.strip(), new.opening_hours.strip()
            hall.idle_lock_minutes = new.idle_lock_minutes
            hall.tenders = tenders
            append_audit(session, self._clock.now(), operator.username, "settings.changed",
                         f"hall:{hall.code}", changes, hall.id)
            return _settings(hall)


def _check(new: HallSettings) -> str:
    """Every problem of the new settings at once; the tenders' stored text when there is none."""
    problems = []
    if not new.name.strip():
        problems.append(Problem("hall.name_required", "hall_name"))
    if not 1 <= new.idle_lock_minutes <= MAX_IDLE_MINUTES:
        problems.append(Problem("hall.idle_range", "idle_lock_minutes", {"max": MAX_IDLE_MINUTES}))
    tenders = ""
    try:
        tenders = tender_codes_text(new.tenders)
    except DomainError as error:
        problems.extend(error.problems)
    if problems:
        raise DomainError(*problems)
    return tenders


def _settings(hall: Hall) -> HallSettings:
    return HallSettings(hall.code, hall.name, hall.hotline, hall.address, hall.opening_hours,
                        hall.idle_lock_minutes,
                        tuple(t.value for t in parse_tender_codes(hall.tenders)))
