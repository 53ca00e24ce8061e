"""Engine and session setup for SQLite and PostgreSQL, and the one place database errors map."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.domain.errors import DomainError, StorageUnavailable
from app.persistence.netshare import is_network_path

log = logging.getLogger(__name__)

MIN_SQLITE = (3, 35, 0)  # RETURNING, and the trigram tokenizer of FTS5 (3.34)
_IMMEDIATE = "gashall_immediate"
BUSY_TIMEOUT_S = 10.0  # how long a statement (and a write transaction's BEGIN) waits for a lock
WRITE_LOCK_RETRY_S = 0.0005


class Database:
    """One database: an engine plus read and write sessions with errors mapped in one place."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.kind = engine.dialect.name  # "sqlite" or "postgresql"
        self._read = sessionmaker(engine, expire_on_commit=False)
        writer = engine.execution_options(**{_IMMEDIATE: True})
        self._write = sessionmaker(writer, expire_on_commit=False)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction (SQLite: ``BEGIN IMMEDIATE``), committed on exit or rolled back."""
        with _mapped_errors(), self._write.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only unit of work; never holds the write lock."""
        with _mapped_errors(), self._read() as session, session.begin():
            yield session

    def describe(self) -> str:
        """Database kind and place for the status bar, without any password."""
        url = self.engine.url
        if self.kind == "sqlite":
            return f"SQLite {Path(url.database or '').name}"
        return f"PostgreSQL {url.host or 'localhost'}/{url.database}"

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


@contextmanager
def _mapped_errors() -> Iterator[None]:
    try:
        yield
    except exc.IntegrityError as error:
        raise DomainError.of("storage.conflict") from error
    except StaleDataError as error:
        raise DomainError.of("storage.changed_meanwhile") from error
    except exc.OperationalError as error:
        raise _unavailable(error) from error
    except exc.InterfaceError as error:
        raise StorageUnavailable("storage.unreachable", str(error.orig)) from error


def _unavailable(error: exc.OperationalError) -> StorageUnavailable:
    text = str(error.orig).lower()
    if "locked" in text or "busy" in text:
        return StorageUnavailable("storage.busy", text)
    if "disk" in text or "full" in text or "no space" in text:
        return StorageUnavailable("storage.disk_full", text)
    if "readonly" in text or "read-only" in text:
        return StorageUnavailable("storage.read_only", text)
    return StorageUnavailable("storage.unreachable", text)


def open_database(url: str, *, pool_size: int = 5) -> Database:
    """Open (without migrating) the database at a SQLAlchemy URL; SQLite files are checked first."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return Database(_sqlite_engine(url, parsed.database or ""))
    engine = create_engine(
        url, pool_size=pool_size, pool_pre_ping=True, pool_recycle=600,
        connect_args={"connect_timeout": 5},
    )
    return Database(engine)


def _sqlite_engine(url: str, path: str) -> Engine:
    for warning in check_sqlite_library():
        log.warning("%s: SQLite %s", warning, sqlite3.sqlite_version)
    if path and path != ":memory:":
        if is_network_path(path):
            raise StorageUnavailable("storage.network_share", path)
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageUnavailable("storage.folder_unusable", str(error)) from error
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Switch off the driver's own transaction handling so that our BEGIN is the one that runs.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
        f"busy_timeout={BUSY_TIMEOUT_S * 1000:.0f}",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    if not connection.get_execution_options().get(_IMMEDIATE, False):
        connection.exec_driver_sql("BEGIN")
        return
    dbapi_connection = connection.connection.dbapi_connection
    dbapi_connection.execute("PRAGMA busy_timeout=0")  # only this wait is ours
    try:
        if not retry_begin_immediate(dbapi_connection, BUSY_TIMEOUT_S):
            connection.exec_driver_sql("BEGIN IMMEDIATE")  # the last try: its error is mapped
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000:.0f}")


def retry_begin_immediate(dbapi_connection: Any, seconds: float) -> bool:
    """``BEGIN IMMEDIATE`` every half millisecond while the database is busy; False if never.

    SQLite's own busy handler sleeps 1, 2, 5, 10 ... 100 ms between tries and keeps no queue:
    with eight counters calling at once a writer slept on long after the lock was free. Other
    statements keep that handler (``busy_timeout``). Gives up after ``seconds``, or at once on
    an error other than busy (the caller's last try then raises it).
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            dbapi_connection.execute("BEGIN IMMEDIATE")
            return True
        except sqlite3.OperationalError as error:
            busy = error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY  # SQLITE_BUSY_*, too
            if not busy or time.monotonic() > deadline:
                return False
        time.sleep(WRITE_LOCK_RETRY_S)


def check_sqlite_library() -> list[str]:
    """Refuse a SQLite library without FTS5 or too old; return warnings for weak versions."""
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise StorageUnavailable("storage.sqlite_too_old", sqlite3.sqlite_version)
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.OperationalError as error:
        raise StorageUnavailable("storage.sqlite_no_fts5", str(error)) from error
    finally:
        probe.close()
    return [] if sqlite3.sqlite_version_info >= (3, 40, 0) else ["storage.sqlite_old_version"]
