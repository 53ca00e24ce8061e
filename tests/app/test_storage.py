"""Storage rules: SQLite pragmas, BEGIN IMMEDIATE, gapless counters, error mapping, net shares."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.domain.errors import DomainError, StorageUnavailable
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
    import sqlite3

    with db.writing() as session:
        session.execute(text("SELECT 1"))  # nothing written yet, yet the lock is held
        other = sqlite3.connect(db.engine.url.database, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


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
