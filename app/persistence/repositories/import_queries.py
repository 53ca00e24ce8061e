"""Bulk look-ups for checking a readings file: meters by number, readings already recorded.

Both work in chunks of ``CHUNK`` values per ``IN`` list, so a 100,000-row file costs about a
hundred queries, never one per row, and stays far below the drivers' bound-parameter limits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persistence.orm import Account, Meter, Reading

CHUNK = 2000
_T = TypeVar("_T")


def meter_ids_by_number(session: Session, hall_id: int, numbers: Collection[str]) -> dict[str, int]:
    """The ids of the hall's meters whose numbers are given; unknown numbers are left out."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(numbers), CHUNK):
        rows = session.execute(
            select(Meter.meter_no, Meter.id)
            .join(Account, Account.id == Meter.account_id)
            .where(Meter.meter_no.in_(chunk), Account.hall_id == hall_id)
        )
        found.update((meter_no, meter_id) for meter_no, meter_id in rows)
    return found


def recorded_meter_days(
    session: Session, wanted: Collection[tuple[int, date]]
) -> set[tuple[int, date]]:
    """Which of the given (meter id, read date) pairs already have a reading."""
    days_by_meter: defaultdict[int, set[date]] = defaultdict(set)
    for meter_id, day in wanted:
        days_by_meter[meter_id].add(day)
    found: set[tuple[int, date]] = set()
    for chunk in _chunks(sorted(days_by_meter), CHUNK):
        days = {day for meter_id in chunk for day in days_by_meter[meter_id]}
        # One range per chunk keeps the statement small; the (meter_id, read_on) unique index
        # answers it, and pairs outside the wanted set are dropped here.
        rows = session.execute(
            select(Reading.meter_id, Reading.read_on)
            .where(Reading.meter_id.in_(chunk), Reading.read_on.between(min(days), max(days)))
        )
        found.update((meter_id, day) for meter_id, day in rows if day in days_by_meter[meter_id])
    return found


def _chunks(values: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]
