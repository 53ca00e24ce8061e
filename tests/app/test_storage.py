"""Storage rules: SQLite pragmas, BEGIN IMMEDIATE, gapless counters, error mapping, net shares."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.domain.errors import DomainError, StorageUnavailable
from app.persistence import db as db_module
from app.persistence.db import Database, open_database
from app.persistence.netshare import is_network_path
from app.persistence.numbering import next_number
from app.persistence.orm import Counter, Hall


def add_hall(db: Database) -> int:
    with db.writing() as session:
        hall = Hall(code="01", name="东城营业厅", hotline="", address="", opening_hours="",
                    idle_lock_minutes=10)
        session.add(hall)
        session.flush()
        return hall.id


def test_sqlite_pragmas_on_every_connection(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_write_transaction_takes_the_write_lock_at_begin(db: Database) -> None:
    with db.writing() as session:
        session.execute(text("SELECT 1"))  # nothing written yet, yet the lock is held
        other = sqlite3.connect(db.engine.url.database, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def hold_write_lock(db: Database) -> sqlite3.Connection:
    """Another connection to the same file, holding the write lock until it commits."""
    holder = sqlite3.connect(str(db.engine.url.database), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_waiting_writer_takes_the_lock_as_soon_as_it_is_freed(db: Database) -> None:
    # SQLite's own busy handler, waiting since about 0 ms, tries at 178 and 228 ms, then at 328:
    # freed at 240 ms, it would begin ~90 ms late. Our retry every 0.5 ms begins within a few.
    with db.reading() as session:
        session.execute(text("SELECT 1"))  # connected: the writer's wait starts at once
    holder = hold_write_lock(db)
    begun: list[float] = []

    def write() -> None:
        with db.writing() as session:
            session.execute(text("SELECT 1"))  # the session begins here
            begun.append(time.monotonic())

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.24)
    assert begun == []  # still waiting
    freed = time.monotonic()
    holder.execute("COMMIT")
    writer.join(5)
    holder.close()
    assert len(begun) == 1
    late_ms = (begun[0] - freed) * 1000
    assert late_ms < 30, f"began {late_ms:.0f} ms after the lock was freed"


def test_writer_gives_up_after_the_busy_timeout_and_keeps_the_busy_timeout(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_S", 0.3)  # instead of 10 s
    holder = hold_write_lock(db)
    started = time.monotonic()
    with pytest.raises(StorageUnavailable) as caught, db.writing() as session:
        session.execute(text("SELECT 1"))
    waited = time.monotonic() - started
    holder.execute("COMMIT")
    holder.close()
    assert caught.value.key == "storage.busy"
    assert 0.3 <= waited < 1.5
    with db.writing() as session:  # the same pooled connection, usable again
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 300


def test_gapless_numbers_survive_rollbacks(any_db: Database) -> None:
    hall_id = add_hall(any_db)
    taken = []
    for i in range(20):
        try:
            with any_db.writing() as session:
                number = next_number(session, hall_id, "receipt", "2026")
                if i % 3 == 0:
                    raise RuntimeError("payment failed")
                taken.append(number)
        except RuntimeError:
            pass
    assert taken == list(range(1, len(taken) + 1))


def test_gapless_numbers_under_concurrent_writers(any_db: Database) -> None:
    hall_id = add_hall(any_db)
    results: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(25):
            with any_db.writing() as session:
                number = next_number(session, hall_id, "form")
            with lock:
                results.append(number)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == list(range(1, 101))
    with any_db.reading() as session:
        assert session.scalar(select(Counter.value).where(Counter.name == "form")) == 100


def test_unique_violation_maps_to_domain_error(any_db: Database) -> None:
    add_hall(any_db)
    with pytest.raises(DomainError) as caught:
        add_hall(any_db)
    assert caught.value.key == "storage.conflict"


def test_unreachable_server_maps_to_storage_unavailable() -> None:
    db = open_database("postgresql+psycopg://postgres@127.0.0.1:1/none")
    with pytest.raises(StorageUnavailable) as caught, db.reading() as session:
        session.execute(text("SELECT 1"))
    assert caught.value.key == "storage.unreachable"


def test_network_share_is_refused(tmp_path: Path) -> None:
    assert is_network_path(r"\\fileserver\hall\gashall.db")
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/vda / ext4 rw 0 0\n//nas/share /mnt/hall cifs rw 0 0\n", encoding="utf-8"
    )
    assert is_network_path("/mnt/hall/gashall.db", str(mounts))
    assert not is_network_path("/home/clerk/gashall.db", str(mounts))
    with pytest.raises(StorageUnavailable) as caught:
        open_database(r"sqlite:///\\fileserver\hall\gashall.db")
    assert caught.value.key == "storage.network_share"


def test_unusable_folder_is_a_clear_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageUnavailable) as caught:
        open_database(f"sqlite:///{blocker / 'gashall.db'}")
    assert caught.value.key == "storage.folder_unusable"
