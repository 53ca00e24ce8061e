"""Benchmark: import, validate and bill 100,000 meter readings from a CSV file on SQLite.

Run from the project folder::

    python tests/perf/bench_import.py                     # 100,000 accounts and readings
    python tests/perf/bench_import.py --accounts 200000 --rows 100000 --keep /tmp/bench-import

A fresh SQLite file is seeded with ``--accounts`` accounts (``DemoService.seed``), each meter gets
a baseline reading two months earlier (so that the imported reading is billed), tariffs exist for
every user type and gas use, and a ``--rows`` CSV is written (UTF-8 with BOM, Chinese header, as
a handheld exports it). Timed end to end: ``ReadingImporter.import_file`` (read and check the
whole file, store, validate and bill in one transaction). Then, on a copy of the database as it
was before the import, a raw ``sqlite3`` ``executemany`` of the same rows into ``readings`` in
one transaction. Prints both, their ratio, and what the import did. Target: import ≤ 15 s.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.tariff import Tariff, TariffKind, Tier  # noqa: E402
from app.domain.users import Role  # noqa: E402
from app.persistence.db import Database, open_database  # noqa: E402
from app.persistence.migrate import prepare_database  # noqa: E402
from app.persistence.orm import Account, Meter, Reading  # noqa: E402
from app.services.demo_service import DemoService  # noqa: E402
from app.services.dto import Operator  # noqa: E402
from app.services.reading_import import ReadingImporter  # noqa: E402
from app.services.tariff_service import TariffService  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0)
READ_ON = date(2026, 11, 20)
BASELINE_ON = READ_ON - timedelta(days=61)
RESIDENTIAL = Tariff(  # 东莞 (DOMAIN.md §8.2)
    id=None, user_type="residential", gas_use="cooking", effective_from=date(2020, 1, 1),
    name="东莞居民", kind=TariffKind.TIERED,
    tiers=(Tier(370_000, 34000), Tier(560_000, 40800), Tier(None, 51000)),
)


@dataclass(frozen=True)
class Row:
    """One reading of the file, with the ids the raw insert needs."""

    meter_id: int
    account_id: int
    meter_no: str
    value: int  # litres


def main() -> None:
    """Prepare, time the import and the raw insert, print the figures."""
    args = _arguments()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="gashall-import-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(folder, args.accounts, args.rows)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path, accounts: int, count: int) -> None:
    """The whole benchmark in ``folder``."""
    clock = FixedClock(NOW)
    db_file = folder / "gashall.db"
    db_file.unlink(missing_ok=True)
    db = open_database(f"sqlite:///{db_file}")
    prepare_database(db, folder / "backups", NOW)
    started = time.perf_counter()
    DemoService(db, clock).seed(accounts)
    print(f"seeded {accounts:,} accounts in {time.perf_counter() - started:.1f} s")
    operator = _add_tariffs(db, clock)
    started = time.perf_counter()
    rows = _baselines(db, count)
    print(f"{len(rows):,} baseline readings in {time.perf_counter() - started:.1f} s")
    csv_file = _write_csv(folder / "readings.csv", rows)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    shutil.copy(db_file, folder / "raw.db")

    db = open_database(f"sqlite:///{db_file}")
    ticks: list[tuple[float, int, int]] = []
    started = time.perf_counter()
    summary = ReadingImporter(db, clock).import_file(
        operator, csv_file, lambda d, t: not ticks.append((time.perf_counter(), d, t)))
    imported = time.perf_counter() - started
    checked = next(t for t, done, total in ticks if 3 * done >= 2 * total) - started
    db.dispose()
    raw = _raw_insert(folder / "raw.db", rows)

    print(f"import, validate and bill {summary.rows:,} readings: {imported:.2f} s "
          f"({summary.rows / imported:,.0f} rows/s; target <= 15 s)")
    print(f"  reading and checking the file {checked:.2f} s, then storing, validating and "
          f"billing {imported - checked:.2f} s")
    print(f"  billed {summary.billed:,}, in review {summary.in_review:,}, not billed "
          f"{summary.not_billed:,}, total {summary.total_fen / 100:,.2f} yuan; "
          f"{len(ticks)} progress calls")
    print(f"raw sqlite3 executemany of the same rows into readings: {raw:.2f} s")
    print(f"ratio import / raw insert: {imported / raw:.1f}")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", metavar="FOLDER", help="work in FOLDER and keep the files")
    return parser.parse_args()


def _add_tariffs(db: Database, clock: FixedClock) -> Operator:
    """A tariff for every user type and gas use the seeded accounts have; return the operator."""
    with db.reading() as session:
        kinds = session.execute(select(Account.user_type, Account.gas_use).distinct()).all()
        hall_id = session.scalars(select(Account.hall_id)).first() or 1
    tariffs = TariffService(db, clock)
    manager = Operator(0, "bench", "benchmark", Role.MANAGER, hall_id)
    for user_type, gas_use in kinds:
        if (user_type, gas_use) == (RESIDENTIAL.user_type, RESIDENTIAL.gas_use):
            tariffs.add_version(manager, RESIDENTIAL)
        else:
            tariffs.add_version(manager, Tariff(
                id=None, user_type=user_type, gas_use=gas_use, effective_from=date(2020, 1, 1),
                name=f"{gas_use} flat", kind=TariffKind.FLAT, tiers=(Tier(None, 34790),)))
    return Operator(0, "bench", "benchmark", Role.CLERK, hall_id)


def _baselines(db: Database, count: int) -> list[Row]:
    """A baseline reading for ``count`` meters (stored); the rows to import later."""
    generator = random.Random(4)
    with db.reading() as session:
        meters = session.execute(
            select(Meter.id, Meter.account_id, Meter.meter_no).order_by(Meter.id).limit(count)
        ).all()
    baselines, rows = [], []
    for meter_id, account_id, meter_no in meters:
        start = generator.randrange(0, 5_000_000)
        baselines.append({
            "hall_id": 1, "meter_id": meter_id, "account_id": account_id,
            "read_on": BASELINE_ON, "value_litres": start, "source": "01", "kind": "P",
            "state": "accepted", "entered_by": "bench", "entered_at": NOW,
        })
        rows.append(Row(meter_id, account_id, meter_no,
                        start + generator.randrange(5_000, 60_000)))
    with db.writing() as session:
        session.execute(insert(Reading), baselines)
    return rows


def _write_csv(path: Path, rows: list[Row]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["表号", "抄表日期", "读数", "数据来源", "抄表类型", "抄表员", "备注"])
        day = READ_ON.isoformat()
        writer.writerows((r.meter_no, day, f"{r.value // 1000}.{r.value % 1000:03d}", "01", "P",
                          "王师傅", "") for r in rows)
    return path


def _raw_insert(path: Path, rows: list[Row]) -> float:
    """Seconds for one transaction of executemany of the rows into ``readings``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # as the program's own connections
    day, moment = READ_ON.isoformat(), NOW.isoformat(" ")
    values = [(1, r.meter_id, r.account_id, day, r.value, "01", "P", "王师傅", "", None,
               "accepted", "", 0, 0, None, None, "bench", moment, "", None, "") for r in rows]
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO readings (hall_id, meter_id, account_id, read_on, value_litres, source, "
        "kind, reader, route_book, batch_id, state, flags, rollover, estimated, "
        "consumption_litres, previous_id, entered_by, entered_at, reviewed_by, reviewed_at, "
        "review_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        values)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


if __name__ == "__main__":
    main()
