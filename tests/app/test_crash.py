"""A kill -9 in the middle of account writes leaves a sound database of whole transactions."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.persistence.db import Database
from app.persistence.orm import Hall
from tests.app.crash_writer import BATCH

ROOT = Path(__file__).resolve().parents[2]


def test_kill_9_leaves_only_whole_transactions(db: Database) -> None:
    with db.writing() as session:
        session.add(Hall(id=1, code="01", name="东城营业厅", hotline="", address="",
                         opening_hours="", idle_lock_minutes=10))
    path = str(db.engine.url.database)
    db.dispose()
    rng = random.Random(7)
    reported: set[int] = set()
    for round_no in range(6):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.app.crash_writer", path, str(round_no * 100_000)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )
        time.sleep(rng.uniform(1.0, 2.5))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        reported.update(int(line) for line in out.split())

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    sizes = dict(conn.execute("SELECT route_book, count(*) FROM accounts GROUP BY route_book"))
    assert sizes and set(sizes.values()) == {BATCH}  # no half-written batch
    assert {f"K{b}" for b in reported} <= set(sizes)  # nothing reported committed is lost
    total = conn.execute("SELECT count(*) FROM accounts").fetchone()[0]
    counter = conn.execute("SELECT value FROM counters WHERE name = 'account'").fetchone()[0]
    assert counter == total  # the number series has no gap
    fts = conn.execute("SELECT count(*) FROM account_address_fts WHERE account_address_fts "
                       "MATCH '\"测试路\"'").fetchone()[0]
    assert fts == total  # the search index committed with its rows
    conn.close()
