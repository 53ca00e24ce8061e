"""Bulk look-ups for checking a readings file: meters by number, readings already recorded.

Both work in chunks of ``CHUNK`` values per ``IN`` list, so a 100,000-row file costs about a
hundred queries, never one per row, and stays far below the drivers' bound-parameter limits.
They run on the session's connection as Core statements: plain rows, no ORM loading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.readings import ReadingKind
from app.persistence.orm import Account, Meter, Reading

CHUNK = 2000
_T = TypeVar("_T")


@dataclass(frozen=True)
class KnownMeter:
    """What the file check needs of a meter: its id and its register's integer digits."""

    id: int
    digits: int


@dataclass(frozen=True)
class RecordedReading:
    """A stored reading's date, and whether it counts as a register reading (a value, not Z)."""

    read_on: date
    register: bool


def meters_by_number(
    session: Session, hall_id: int, numbers: Collection[str]
) -> dict[str, KnownMeter]:
    """The hall's meters whose numbers are given; unknown numbers are left out."""
    found: dict[str, KnownMeter] = {}
    for chunk in _chunks(sorted(numbers), CHUNK):
        # The hall is compared here, not in SQL: with it in the WHERE clause SQLite walks every
        # account of the hall (its index) for each chunk instead of the meter-number index.
        rows = session.connection().execute(
            select(Meter.meter_no, Meter.id, Meter.digits, Account.hall_id)
            .join(Account, Account.id == Meter.account_id)
            .where(Meter.meter_no.in_(chunk))
        ).all()
        for meter_no, meter_id, digits, meter_hall in rows:
            if meter_hall == hall_id:
                found[meter_no] = KnownMeter(meter_id, digits)
    return found


def readings_from(
    session: Session, first_days: Mapping[int, date]
) -> dict[int, list[RecordedReading]]:
    """Per meter id, its stored readings dated on or after the given day (usually none)."""
    found: defaultdict[int, list[RecordedReading]] = defaultdict(list)
    for chunk in _chunks(sorted(first_days), CHUNK):
        # One lower bound per chunk keeps the statement small; the (meter_id, read_on) unique
        # index answers it, and readings before a meter's own day are dropped here.
        rows = session.connection().execute(
            select(Reading.meter_id, Reading.read_on, Reading.value_litres, Reading.kind)
            .where(Reading.meter_id.in_(chunk),
                   Reading.read_on >= min(first_days[m] for m in chunk))
        ).all()
        for meter_id, day, value, kind in rows:
            if day >= first_days[meter_id]:
                register = value is not None and kind != ReadingKind.CHECK
                found[meter_id].append(RecordedReading(day, register))
    return dict(found)


def _chunks(values: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]
