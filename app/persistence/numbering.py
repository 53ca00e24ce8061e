"""Gapless number series: a counter row bumped inside the transaction that uses the number."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.persistence.orm import Counter


def next_number(
    session: Session, hall_id: int, name: str, period: str = "", count: int = 1
) -> int:
    """Take the next ``count`` numbers of a series and return the last one.

    A rolled-back transaction gives its numbers back.
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(Counter)
        .values(hall_id=hall_id, name=name, period=period, value=0)
        .on_conflict_do_nothing()
    )
    value = session.execute(
        update(Counter)
        .where(Counter.hall_id == hall_id, Counter.name == name, Counter.period == period)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    ).scalar_one()
    return int(value)
