"""Seeding speed: 1,000,000 synthetic accounts into a fresh SQLite file, in accounts per second.

Run: ``python tests/perf/bench_seed.py [FOLDER] [--accounts N] [--batch B] [--keep PATH]``.
The file is made in a temporary folder (inside FOLDER if given) and deleted afterwards, unless
``--keep PATH`` names the database file to create and keep (for bench_search and bench_memory).
Customers, accounts, meters and the address trigram index are all written; the rate counts
everything from the first row to the committed, checkpointed database.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
import timeit
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.domain.clock import FixedClock  # noqa: E402
from app.persistence.db import open_database  # noqa: E402
from app.persistence.migrate import prepare_database  # noqa: E402
from app.services.demo_service import DemoService  # noqa: E402

NOW = datetime(2026, 11, 23, 8, 30)


def cpu_reference_us() -> float:
    """Microseconds for ``sum(range(1000))``: a rough measure of this machine's Python speed."""
    return min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6


def seed_file(path: Path, accounts: int, batch: int) -> float:
    """Create and migrate a fresh database at ``path``, seed it; return accounts per second."""
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    db = open_database(f"sqlite:///{path}")
    try:
        prepare_database(db, path.parent / "backups", NOW)
        return DemoService(db, FixedClock(NOW)).seed(accounts, batch)
    finally:
        db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="where to make the temporary file")
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, metavar="PATH", help="database file to keep")
    args = parser.parse_args()
    temp = None if args.keep else Path(tempfile.mkdtemp(prefix="gashall-seed-", dir=args.folder))
    path = args.keep.resolve() if args.keep else temp / "seed.db"  # type: ignore[operator]
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
          f"sum(range(1000)) = {cpu_reference_us():.1f} µs (machine speed reference)")
    started = time.perf_counter()
    rate = seed_file(path, args.accounts, args.batch)
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 2**20
    print(f"seeded {args.accounts:,} accounts in {seconds:.1f} s "
          f"(with migration); seed rate {rate:,.0f} accounts/s; file {size:,.0f} MiB")
    if temp is not None:
        shutil.rmtree(temp, ignore_errors=True)
    else:
        print(f"kept {path}")


if __name__ == "__main__":
    main()
