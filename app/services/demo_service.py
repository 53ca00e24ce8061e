"""Demo data: a ready hall with staff and accounts, and fast bulk seeding for benchmarks."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import date, datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session
from sqlalchemy.types import Date, DateTime

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.users import Role
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.numbering import next_number
from app.persistence.orm import Hall, Meter, User
from app.services.auth_service import hash_password
from app.services.demo_billing import load_demo_billing
from app.services.demo_data import (
    METER_DIGITS,
    METER_WINDOW,
    DemoBatch,
    DemoPeople,
    meter_number,
    meter_numbers,
    numbered,
)
from app.services.queue_admin_service import store_category

DEMO_ACTOR = "demo"
DEMO_SEED = 20261123
ACCOUNT_SERIES = "account"
ACCOUNT_DIGITS = 8  # account number: hall code and 8 digits, as AccountService makes them
DEMO_HALL = {
    "code": "01", "name": "东城燃气营业厅", "hotline": "0769-22221234",
    "address": "东莞市东城区东纵路 168 号",
    "opening_hours": "周一至周五 8:30-17:00，周末 8:30-16:30", "idle_lock_minutes": 10,
}
# (login, password, role, full name); the README lists the same passwords.
DEMO_USERS = (
    ("admin", "admin123", Role.ADMINISTRATOR, "系统管理员"),
    ("manager", "manager123", Role.MANAGER, "李建国"),
    ("clerk", "clerk123", Role.CLERK, "王小燕"),
    ("clerk2", "clerk123", Role.CLERK, "陈志强"),
)
# The demo hall's queue: (letter, name, time limit in minutes, counters serving it).
DEMO_CATEGORIES = (
    ("A", "缴费", 5, (1, 2, 3)),
    ("B", "业务办理", 15, (2, 3, 4)),
    ("C", "报装维修", 20, (4,)),
    ("D", "咨询投诉", 10, (1, 2, 3, 4)),
)
_CUSTOMER_COLUMNS = ("id", "name", "id_type", "id_number", "mobile", "phone", "mobile_rev",
                     "phone_rev")
_ACCOUNT_COLUMNS = ("id", "hall_id", "account_no", "customer_id", "user_type", "gas_use",
                    "household_size", "heating", "low_income", "status", "route_book", "district",
                    "street", "community", "building", "unit", "room", "address_text",
                    "opened_on", "updated_at", "version")
_METER_COLUMNS = ("id", "account_id", "meter_no", "kind", "digits", "installed_on", "status")
_COLUMNS = {
    "customers": _CUSTOMER_COLUMNS, "accounts": _ACCOUNT_COLUMNS, "meters": _METER_COLUMNS,
}
_TABLES = tuple(_COLUMNS)
_FTS_INSERT_TRIGGER = "account_address_fts_ai"
# Page cache while seeding, least and most: random index inserts stay in memory, and so does all
# that a load of up to a million accounts writes (about 600 bytes each, tables, indexes and FTS).
_SEED_CACHE_KIB = 256 * 1024, 1024 * 1024
_FTS_HASHSIZE = "INSERT INTO account_address_fts(account_address_fts, rank) VALUES ('hashsize', ?)"
_FTS_DEFAULT_HASH_BYTES = 1024 * 1024  # FTS5's own default
_SEED_FTS_HASH_BYTES = 64 * 1024 * 1024
_ROWS_PER_INSERT = 100  # rows per INSERT statement: 2,100 parameters at most, well in limits


class DemoService:
    """Fills a database with demo staff and accounts, or appends many synthetic accounts."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def load_demo(self, accounts: int = 5000) -> None:
        """Set up the demo hall, its four users and ``accounts`` accounts on an empty database.

        Raises:
            DomainError: ``setup.already_done`` if the database has users already.
        """
        _check_count(accounts)
        hashes = [hash_password(password) for _, password, _, _ in DEMO_USERS]  # slow: no lock
        now = self._clock.now()
        with self._db.writing() as session:
            if session.scalar(select(func.count()).select_from(User)):
                raise DomainError.of("setup.already_done")
            hall = _demo_hall(session)
            for (username, _, role, full_name), password_hash in zip(DEMO_USERS, hashes,
                                                                     strict=True):
                session.add(User(hall_id=hall.id, username=username, full_name=full_name,
                                 role=role.value, password_hash=password_hash, active=True,
                                 failed_logins=0, created_on=now.date()))
            session.flush()
            for prefix, name, minutes, counters in DEMO_CATEGORIES:
                store_category(session, hall.id, None, prefix, name, minutes, True, counters)
            _BulkLoader(session, hall, now, DEMO_SEED).load(accounts, 5000)
            append_audit(session, now, DEMO_ACTOR, "demo.loaded", f"hall:{hall.code}",
                         {"accounts": accounts, "users": [u[0] for u in DEMO_USERS]}, hall.id)
            hall_id = hall.id
        load_demo_billing(self._db, self._clock, hall_id, DEMO_SEED)

    def seed(self, accounts: int, batch: int = 20000) -> float:
        """Append ``accounts`` synthetic accounts in one transaction; return accounts per second.

        Works on a database without a hall too (the demo hall is created, without users).
        """
        _check_count(accounts)
        started = time.perf_counter()
        now = self._clock.now()
        with self._db.writing() as session:
            hall = _demo_hall(session)
            loader = _BulkLoader(session, hall, now, None)
            first, last = loader.load(accounts, max(batch, 1))
            append_audit(session, now, DEMO_ACTOR, "demo.seeded", f"hall:{hall.code}",
                         {"accounts": accounts, "first": first, "last": last}, hall.id)
        if self._db.kind == "sqlite":
            with self._db.engine.connect() as conn:  # give the big WAL file back to the disk
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return accounts / max(time.perf_counter() - started, 1e-9)


def _reversed_digits(phones: list[str]) -> list[str]:
    """The ``*_rev`` search columns; generated numbers hold only digits and one dash."""
    return [p.replace("-", "")[::-1] for p in phones]


def _check_count(accounts: int) -> None:
    if accounts < 0:  # the command line and the window never ask for that
        raise ValueError(f"accounts must be 0 or more, not {accounts}")


def _demo_hall(session: Session) -> Hall:
    """The first hall, or the demo hall when the database has none yet."""
    hall = session.scalars(select(Hall).order_by(Hall.id)).first()
    if hall is None:
        hall = Hall(**DEMO_HALL)
        session.add(hall)
        session.flush()
    return hall


class _BulkLoader:
    """Writes generated accounts with raw executemany batches inside the caller's transaction."""

    def __init__(self, session: Session, hall: Hall, now: datetime, seed: int | None) -> None:
        self._session = session
        self._conn: Connection = session.connection()
        self._sqlite = self._conn.dialect.name == "sqlite"
        self._hall = hall
        self._seed = seed
        self._today = now.date()
        self._date = _DriverDates(self._conn)
        self._updated_at = _bind_value(self._conn, DateTime(), now)
        self._mark = "?" if self._sqlite else "%s"  # the drivers' own parameter styles

    def load(self, count: int, batch: int) -> tuple[str, str]:
        """Insert ``count`` accounts; return the first and last account number ("" if none)."""
        if count == 0:
            return "", ""
        if not self._sqlite:  # nobody else may take ids while we continue from the maximum
            self._conn.exec_driver_sql(f"LOCK TABLE {', '.join(_TABLES)} IN EXCLUSIVE MODE")
        ids = [self._max_id(table) for table in _TABLES]
        number = next_number(self._session, self._hall.id, ACCOUNT_SERIES, count=count) - count
        bulk_mode = _sqlite_bulk_mode(self._conn, count, count >= ids[1])
        with bulk_mode if self._sqlite else nullcontext(), _no_gc():
            people = DemoPeople(self._seed if self._seed is not None else ids[1] + 1, self._today)
            for done in range(0, count, batch):
                size = min(batch, count - done)
                self._insert(people.batch(size), [i + done for i in ids], number + done)
            if self._sqlite:
                _fill_address_index(self._conn, ids[1])
        if not self._sqlite:
            _advance_sequences(self._conn)
        code = self._hall.code
        return f"{code}{number + 1:08d}", f"{code}{number + count:08d}"

    def _max_id(self, table: str) -> int:
        return int(self._conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}")
                   .scalar_one())

    def _insert(self, batch: DemoBatch, ids: list[int], number: int) -> None:
        """Insert one batch; ``ids`` are the largest ids so far, ``number`` the last account no."""
        count = len(batch)
        customer_ids, account_ids, meter_ids = (range(i + 1, i + count + 1) for i in ids)
        self._write("customers", count, [
            customer_ids, batch.name, batch.id_type, batch.id_number, batch.mobile, batch.phone,
            _reversed_digits(batch.mobile), _reversed_digits(batch.phone),
        ])
        self._write("accounts", count, [
            account_ids, [self._hall.id] * count,
            numbered(self._hall.code, number + 1, count, ACCOUNT_DIGITS), customer_ids,
            batch.user_type, batch.gas_use, batch.household_size, self._flags(batch.heating),
            self._flags(batch.low_income), batch.status, batch.route_book, batch.district,
            batch.street, batch.community, batch.building, batch.unit, batch.room,
            batch.address_text,
            self._dates(batch.opened_on), [self._updated_at] * count, [1] * count,
        ])
        self._write("meters", count, [
            meter_ids, account_ids, self._meter_numbers(meter_ids.start, batch.meter_jitter),
            batch.meter_kind, [METER_DIGITS] * count, self._dates(batch.meter_installed_on),
            batch.meter_status,
        ])

    def _dates(self, dates: list[date]) -> list[object]:
        """Dates as the driver takes them."""
        return list(map(self._date.__getitem__, dates))

    def _flags(self, flags: list[bool]) -> Sequence[object]:
        """SQLite stores booleans as 0 and 1, and its driver binds a ``bool`` slowly (0.3 µs)."""
        return list(map(int, flags)) if self._sqlite else flags

    def _write(self, table: str, count: int, columns: list[Sequence[object]]) -> None:
        """Insert ``count`` rows given as columns, ``_ROWS_PER_INSERT`` rows per statement.

        The values go row after row into one flat list, cut into statement-sized slices: no
        tuple per row, and one statement to run per hundred rows instead of one per row.
        """
        width = len(_COLUMNS[table])
        values: list[object] = [None] * (count * width)
        for position, column in zip(range(width), columns, strict=True):
            values[position::width] = column
        step = _ROWS_PER_INSERT * width
        whole = count - count % _ROWS_PER_INSERT
        if whole:
            self._conn.exec_driver_sql(
                self._insert_sql(table, _ROWS_PER_INSERT),
                [tuple(values[i:i + step]) for i in range(0, whole * width, step)],
            )
        if whole < count:
            self._conn.exec_driver_sql(self._insert_sql(table, count - whole),
                                       tuple(values[whole * width:]))

    def _insert_sql(self, table: str, rows: int) -> str:
        names = _COLUMNS[table]
        row = f"({', '.join([self._mark] * len(names))})"
        return f"INSERT INTO {table} ({', '.join(names)}) VALUES {', '.join([row] * rows)}"

    def _meter_numbers(self, first_serial: int, jitters: list[int]) -> list[str]:
        """Numbers for consecutive meter serials, avoiding any typed in by hand meanwhile."""
        wanted = meter_numbers(first_serial, jitters)
        lowest = meter_number(first_serial, 0)
        highest = meter_number(first_serial + len(jitters) - 1, METER_WINDOW - 1)
        taken = set(self._conn.execute(
            select(Meter.meter_no).where(Meter.meter_no.between(lowest, highest))
        ).scalars())
        if not taken:
            return wanted
        return [_free_number(first_serial + k, j, taken) for k, j in enumerate(jitters)]


def _free_number(serial: int, jitter: int, taken: set[str]) -> str:
    for step in range(METER_WINDOW):
        candidate = meter_number(serial, (jitter + step) % METER_WINDOW)
        if candidate not in taken:
            return candidate
    raise DomainError.of("meter.number_taken", "meter_no")


def _advance_sequences(conn: Connection) -> None:
    """PostgreSQL: move each id sequence past the ids given explicitly by the bulk insert."""
    for table in _TABLES:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT max(id) FROM {table}))"
        )


def _fill_address_index(conn: Connection, after_id: int) -> None:
    """Put the addresses of the accounts after ``after_id`` into the FTS5 index, all at once.

    FTS5 collects new entries in memory and writes them out as a segment whenever they pass its
    ``hashsize`` (1 MiB unless set); big segments mean less merging of small ones, which took a
    third of the time. The setting is put back afterwards.
    """
    conn.exec_driver_sql(_FTS_HASHSIZE, (_SEED_FTS_HASH_BYTES,))
    conn.exec_driver_sql(
        "INSERT INTO account_address_fts(rowid, address_text) "
        "SELECT id, address_text FROM accounts WHERE id > ?", (after_id,))
    conn.exec_driver_sql(_FTS_HASHSIZE, (_FTS_DEFAULT_HASH_BYTES,))


@contextmanager
def _sqlite_bulk_mode(conn: Connection, accounts: int, rebuild_indexes: bool) -> Iterator[None]:
    """Drop the address-index trigger (and, for a big load, the secondary indexes); restore them.

    All inside the caller's transaction, so other connections never see them missing. The caller
    fills the FTS index in one statement: with the trigger firing once per row, seeding was about
    five times slower. Building a big load's indexes afterwards, from sorted keys, beats inserting
    random keys (names, ID numbers, phones) into them row by row.

    The page cache grows with the load: pages pushed out of a smaller one are written to the WAL
    early, read back from it to build the indexes, and often written again (a tenth of the time).
    """
    kinds = "'trigger', 'index'" if rebuild_indexes else "'trigger'"
    saved = conn.exec_driver_sql(
        f"SELECT type, name, sql FROM sqlite_master WHERE type IN ({kinds}) AND sql IS NOT NULL "
        f"AND tbl_name IN ('customers', 'accounts', 'meters') "
        f"AND (type = 'index' OR name = '{_FTS_INSERT_TRIGGER}')"
    ).all()
    cache = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    least, most = _SEED_CACHE_KIB
    conn.exec_driver_sql(f"PRAGMA cache_size = -{min(max(accounts, least), most)}")  # ~1 KiB each
    try:
        for kind, name, _ in saved:
            conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
        yield  # an error rolls the whole transaction back, the drops included
        for _, _, sql in saved:
            conn.exec_driver_sql(sql)
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {cache}")


@contextmanager
def _no_gc() -> Iterator[None]:
    """Millions of small objects make the cycle collector run often, for nothing to collect."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _bind_value(conn: Connection, type_: Date | DateTime, value: object) -> object:
    """The value as this dialect's driver stores it (SQLite keeps dates as ISO text)."""
    processor = type_.dialect_impl(conn.dialect).bind_processor(conn.dialect)
    return processor(value) if processor else value


class _DriverDates(dict[date, object]):
    """Dates as the driver stores them, each converted once (a few thousand distinct)."""

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self._processor = Date().dialect_impl(conn.dialect).bind_processor(conn.dialect)

    def __missing__(self, day: date) -> object:
        value = self[day] = self._processor(day) if self._processor else day
        return value
