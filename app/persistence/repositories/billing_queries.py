"""Bulk reads and writes behind billing: meters, past readings, cumulative volumes, open bills.

Everything is read for many meters or accounts at once (chunks of ids), so that importing a
hundred thousand readings costs a few dozen queries, and written with multi-row INSERTs in the
drivers' own parameter style with ids reserved up front.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    String,
    and_,
    any_,
    bindparam,
    func,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.persistence.orm import Account, Bill, BillLine, Customer, LedgerEntry, Meter, Reading

CHUNK = 20000  # ids per query
_ROWS_PER_INSERT = 100


def among(
    session: Session, column: ColumnElement[Any] | InstrumentedAttribute[Any],
    values: Sequence[Any],
) -> ColumnElement[bool]:
    """``column IN values`` with ONE bound parameter, however many values.

    SQLAlchemy renders an IN list value by value (about 2 µs each); SQLite reads a JSON array
    with ``json_each`` and PostgreSQL takes an array with ``= ANY``, both served by the index.
    """
    if session.get_bind().dialect.name == "sqlite":
        each = func.json_each(bindparam(None, json.dumps(list(values), default=str),
                                        type_=String)).table_valued("value")
        return column.in_(select(each.c.value))
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """Consecutive slices of at most ``size`` values."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


class MeterRow(NamedTuple):
    """A meter with what billing needs of its account (a named tuple: made 100,000 at a time)."""

    meter_id: int
    meter_no: str
    digits: int
    account_id: int
    hall_id: int
    account_no: str
    account_status: str
    user_type: str
    gas_use: str
    household_size: int
    heating: bool
    low_income: bool
    route_book: str


_METER_COLUMNS = (Meter.id, Meter.meter_no, Meter.digits, Account.id, Account.hall_id,
                  Account.account_no, Account.status, Account.user_type, Account.gas_use,
                  Account.household_size, Account.heating, Account.low_income, Account.route_book)


def meters_by_number(session: Session, numbers: Sequence[str]) -> dict[str, MeterRow]:
    """Meters (with their accounts) by meter number."""
    found: dict[str, MeterRow] = {}
    for part in chunks(sorted(set(numbers))):
        query = select(*_METER_COLUMNS).join(Account, Account.id == Meter.account_id)
        for row in session.connection().execute(
                query.where(among(session, Meter.meter_no, part))).all():
            found[row[1]] = MeterRow._make(row)
    return found


def meters_by_id(session: Session, ids: Iterable[int]) -> dict[int, MeterRow]:
    """Meters (with their accounts) by meter id."""
    found: dict[int, MeterRow] = {}
    for part in chunks(sorted(set(ids))):
        query = select(*_METER_COLUMNS).join(Account, Account.id == Meter.account_id)
        for row in session.connection().execute(
                query.where(among(session, Meter.id, part))).all():
            found[row[0]] = MeterRow._make(row)
    return found


def account_names(session: Session, account_ids: Iterable[int]) -> dict[int, str]:
    """Customer names of accounts."""
    names: dict[int, str] = {}
    for part in chunks(sorted(set(account_ids))):
        rows = session.connection().execute(
            select(Account.id, Customer.name).join(Customer, Customer.id == Account.customer_id)
            .where(among(session, Account.id, part))
        )
        names.update({int(a): str(n) for a, n in rows})
    return names


@dataclass
class PastReading:
    """A stored reading of a meter, as the checks and billing see it (mutable while billing)."""

    id: int
    meter_id: int
    read_on: date
    value: int | None
    consumption: int | None
    state: str
    kind: str
    previous_id: int | None


_READING_COLUMNS = (Reading.id, Reading.meter_id, Reading.read_on, Reading.value_litres,
                    Reading.consumption_litres, Reading.state, Reading.kind, Reading.previous_id)


def readings_of_meters(
    session: Session, meter_ids: Sequence[int], since: date
) -> dict[int, list[PastReading]]:
    """Each meter's readings from ``since`` on, oldest first, plus its latest one before.

    The latest older reading is there so that a meter read rarely still has its previous
    reading.
    """
    found: dict[int, list[PastReading]] = {m: [] for m in meter_ids}
    for part in chunks(sorted(set(meter_ids))):
        rows = session.connection().execute(
            select(*_READING_COLUMNS)
            .where(among(session, Reading.meter_id, part), Reading.read_on >= since)
            .order_by(Reading.meter_id, Reading.read_on)
        ).all()
        for row in rows:
            found[row[1]].append(PastReading(*row))
        bare = [m for m in part if not found[m]]
        for sub in chunks(bare, CHUNK):
            latest = (
                select(Reading.meter_id, func.max(Reading.read_on).label("on"))
                .where(among(session, Reading.meter_id, sub), Reading.value_litres.is_not(None),
                       Reading.kind != "Z")
                .group_by(Reading.meter_id).subquery()
            )
            rows = session.connection().execute(
                select(*_READING_COLUMNS).join(
                    latest, and_(latest.c.meter_id == Reading.meter_id,
                                 latest.c.on == Reading.read_on)
                )
            ).all()
            for row in rows:
                found[row[1]].append(PastReading(*row))
    return found


def cumulative_volumes(
    session: Session, account_ids: Sequence[int], since: date
) -> dict[tuple[int, date], int]:
    """Billed litres per (account, cycle start) for cycles starting on or after ``since``.

    Reversal lines are negative, so a reversed bill no longer counts.
    """
    volumes: dict[tuple[int, date], int] = {}
    for part in chunks(sorted(set(account_ids))):
        rows = session.connection().execute(
            select(BillLine.account_id, BillLine.cycle_start, func.sum(BillLine.litres))
            .where(among(session, BillLine.account_id, part), BillLine.kind == "tier",
                   BillLine.cycle_start >= since)
            .group_by(BillLine.account_id, BillLine.cycle_start)
        ).all()
        for account_id, start, litres in rows:
            if start is not None:
                volumes[(int(account_id), start)] = int(litres)
    return volumes


@dataclass
class OpenBill:
    """A bill not reversed with money still owed on it (FIFO), and where its late fee stands."""

    bill_id: int
    account_id: int
    total_fen: int
    due_on: date
    outstanding_fen: int
    fee_from: date  # late fees are charged up to here already (or the due date)
    gas_fen: int  # the sum of its tier lines: late fees are charged on no more than this

    @property
    def fee_base_fen(self) -> int:
        """What late fees are charged on: the outstanding amount, at most the gas charges.

        A bill's own late-fee lines are never charged a fee again (no fee on a fee).
        """
        return max(min(self.outstanding_fen, self.gas_fen), 0)


def open_bills(session: Session, account_ids: Sequence[int]) -> dict[int, list[OpenBill]]:
    """Each account's bills that still owe money, oldest first.

    What an account owes is the sum of its ledger. Payments settle the oldest bills first, so
    the owed amount sits on the newest bills not reversed: they are walked newest first until
    it is covered.
    """
    result: dict[int, list[OpenBill]] = {}
    for part in chunks(sorted(set(account_ids))):
        owed = _owed(session, part)
        if not owed:
            continue
        bills = _unreversed_bills(session, list(owed))
        fees = _last_fee_dates(session, list(owed))
        allocated = {account_id: _allocate(account_id, owed[account_id], rows, fees)
                     for account_id, rows in bills.items()}
        gas = _gas_charges(session, [b.bill_id for found in allocated.values() for b in found])
        for found in allocated.values():
            for b in found:
                b.gas_fen = gas.get(b.bill_id, 0)
        result.update(allocated)
    return result


def _owed(session: Session, account_ids: Sequence[int]) -> dict[int, int]:
    rows = session.connection().execute(
        select(LedgerEntry.account_id, func.sum(LedgerEntry.amount_fen))
        .where(among(session, LedgerEntry.account_id, account_ids))
        .group_by(LedgerEntry.account_id)
    )
    return {int(a): int(s) for a, s in rows if s and s > 0}


def reversed_ids(session: Session, account_ids: Sequence[int]) -> set[int]:
    """Ids of the bills of these accounts that have been reversed."""
    found = session.connection().execute(
        select(Bill.reverses_id).where(among(session, Bill.account_id, account_ids),
                                       Bill.kind == "reversal")
    ).scalars()
    return {int(v) for v in found if v is not None}


def _unreversed_bills(
    session: Session, account_ids: Sequence[int]
) -> dict[int, list[tuple[int, int, date]]]:
    gone = reversed_ids(session, account_ids)
    bills: dict[int, list[tuple[int, int, date]]] = {}
    rows = session.connection().execute(
        select(Bill.id, Bill.account_id, Bill.total_fen, Bill.due_on)
        .where(among(session, Bill.account_id, account_ids), Bill.kind == "bill")
        .order_by(Bill.account_id, Bill.id)
    )
    for bill_id, account_id, total, due_on in rows:
        if bill_id not in gone:
            bills.setdefault(account_id, []).append((bill_id, total, due_on))
    return bills


def _last_fee_dates(session: Session, account_ids: Sequence[int]) -> dict[int, date]:
    """The latest late-fee date per overdue bill, counting only fees on bills not reversed."""
    gone = select(Bill.reverses_id).where(among(session, Bill.account_id, account_ids),
                                          Bill.kind == "reversal", Bill.reverses_id.is_not(None))
    rows = session.connection().execute(
        select(BillLine.late_bill_id, func.max(BillLine.to_on))
        .where(among(session, BillLine.account_id, account_ids), BillLine.kind == "late_fee",
               BillLine.amount_fen > 0, BillLine.bill_id.not_in(gone))
        .group_by(BillLine.late_bill_id)
    )
    return {int(bill): on for bill, on in rows if bill is not None and on is not None}


def _gas_charges(session: Session, bill_ids: Sequence[int]) -> dict[int, int]:
    """The sum of the tier (gas) lines of each bill."""
    gas: dict[int, int] = {}
    for part in chunks(sorted(set(bill_ids))):
        rows = session.connection().execute(
            select(BillLine.bill_id, func.sum(BillLine.amount_fen))
            .where(among(session, BillLine.bill_id, part), BillLine.kind == "tier")
            .group_by(BillLine.bill_id)
        )
        gas.update({int(b): int(s) for b, s in rows if s is not None})
    return gas


def _allocate(
    account_id: int, owed: int, bills: list[tuple[int, int, date]], fees: dict[int, date]
) -> list[OpenBill]:
    found: list[OpenBill] = []
    for bill_id, total, due_on in reversed(bills):
        if owed <= 0:
            break
        if total <= 0:
            continue
        part = min(owed, total)
        owed -= part
        fee_from = max(due_on, fees.get(bill_id, due_on))
        found.append(OpenBill(bill_id, account_id, total, due_on, part, fee_from, 0))
    found.reverse()
    return found


# --- bulk writing -------------------------------------------------------------------------------


class IdPool:
    """Ids for rows about to be inserted in bulk, taken in the caller's write transaction.

    SQLite: continue from the table's maximum (the write lock is held to the end). PostgreSQL:
    draw blocks from the id sequence, so that concurrent inserts never collide.
    """

    def __init__(self, conn: Connection, table: str, block: int = 1000) -> None:
        self._conn = conn
        self._table = table
        self._block = block
        self._sqlite = conn.dialect.name == "sqlite"
        self._free: list[int] = []
        self._last: int | None = None

    def take(self, count: int = 1) -> list[int]:
        """The next ``count`` ids."""
        if self._sqlite:
            if self._last is None:
                self._last = int(self._conn.exec_driver_sql(
                    f"SELECT coalesce(max(id), 0) FROM {self._table}").scalar_one())
            first = self._last + 1
            self._last += count
            return list(range(first, first + count))
        while len(self._free) < count:
            need = max(self._block, count - len(self._free))
            self._free.extend(self._conn.exec_driver_sql(
                f"SELECT nextval(pg_get_serial_sequence('{self._table}', 'id')) "
                f"FROM generate_series(1, {int(need)})").scalars())
        taken, self._free = self._free[:count], self._free[count:]
        return taken

    def one(self) -> int:
        """The next id."""
        if self._sqlite and self._last is not None:
            self._last += 1
            return self._last
        return self.take(1)[0]


class BulkWriter:
    """Multi-row INSERTs with values converted once for the driver (dates, booleans)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._mark = "?" if self.sqlite else "%s"
        self._date = _processor(conn, Date())
        self._datetime = _processor(conn, DateTime())
        self.days = _Converted(self._date)  # ``days[d]``: ``day(d)`` without a Python call
        self._moments: dict[datetime | None, object] = {None: None}

    def day(self, value: date | None) -> object:
        """A date as the driver takes it (converted once per distinct date)."""
        return self.days[value]

    def moment(self, value: datetime | None) -> object:
        """A date and time as the driver takes it (converted once per distinct moment)."""
        known = self._moments.get(value, _MISSING)
        if known is _MISSING:
            assert value is not None
            known = self._moments[value] = self._datetime(value)
        return known

    def flag(self, value: bool) -> object:
        """A boolean as the driver takes it (SQLite binds ints faster)."""
        return int(value) if self.sqlite else value

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        """Insert rows (tuples in column order), a hundred rows per statement."""
        if not rows:
            return
        width = len(columns)
        flat: list[object] = list(chain.from_iterable(rows))
        step = _ROWS_PER_INSERT * width
        whole = len(rows) - len(rows) % _ROWS_PER_INSERT
        if whole:
            self._conn.exec_driver_sql(
                self._sql(table, columns, _ROWS_PER_INSERT),
                [tuple(flat[i:i + step]) for i in range(0, whole * width, step)],
            )
        if whole < len(rows):
            self._conn.exec_driver_sql(self._sql(table, columns, len(rows) - whole),
                                       tuple(flat[whole * width:]))

    def _sql(self, table: str, columns: Sequence[str], rows: int) -> str:
        row = f"({', '.join([self._mark] * len(columns))})"
        return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * rows)}"


_MISSING = object()


class _Converted(dict[date | None, object]):
    """Dates converted for the driver, each converted on its first lookup; None stays None."""

    def __init__(self, convert: Callable[[Any], object]) -> None:
        super().__init__({None: None})
        self._convert = convert

    def __missing__(self, key: date | None) -> object:
        value = self[key] = self._convert(key)
        return value


def _processor(conn: Connection, type_: Date | DateTime) -> Callable[[Any], object]:
    process = type_.bind_processor(conn.dialect)
    if process is not None:
        return process
    if conn.dialect.name == "sqlite":
        # The text the sqlite3 module's own date adapters would bind (deprecated since Python
        # 3.12), made once per distinct value here instead of once per bound parameter.
        return lambda value: value.isoformat(" ") if isinstance(value, datetime) else (
            value.isoformat())
    return lambda value: value
