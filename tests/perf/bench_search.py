"""Search speed on 1,000,000 accounts: p50/p95/max per kind of query, search plus first page.

Run: ``python tests/perf/bench_search.py [PATH] [--queries 200] [--accounts 1000000]``.
PATH is a SQLite database (default: gashall-bench-search.db in the temporary folder); if it does
not exist it is made with the seeder first. Each query goes through ``AccountService.search`` and
``AccountService.rows`` for the first page of 50, as the accounts page does. Query values are
drawn at random from the data itself. Target: p95 <= 30 ms for every kind.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.domain.clock import FixedClock  # noqa: E402
from app.persistence.db import open_database  # noqa: E402
from app.services.account_service import AccountService  # noqa: E402

PAGE = 50
TARGET_P95_MS = 30.0


def sample_rows(path: Path, count: int, rng: random.Random) -> list[tuple[str, ...]]:
    """Random accounts: account no, meter no, phone, name, street and estate."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        top = conn.execute("SELECT max(id) FROM accounts").fetchone()[0]
        rows = []
        for account_id in rng.sample(range(1, top + 1), count):
            rows.append(conn.execute(
                "SELECT a.account_no, m.meter_no, CASE c.mobile WHEN '' THEN c.phone "
                "ELSE c.mobile END, c.name, a.street, a.community FROM accounts a "
                "JOIN customers c ON c.id = a.customer_id JOIN meters m ON m.account_id = a.id "
                "WHERE a.id = ?", (account_id,)).fetchone())
        return rows
    finally:
        conn.close()


def address_fragment(street: str, community: str, rng: random.Random) -> str:
    """Three characters a clerk would type: part of the estate's or the street's name."""
    text = community if len(community) >= 3 and not community[0].isdigit() else street + community
    start = rng.randrange(len(text) - 2)
    return text[start:start + 3]


def queries(rows: list[tuple[str, ...]], rng: random.Random) -> dict[str, list[str]]:
    """The queries per kind, one per sampled account."""
    return {
        "account no.": [r[0] for r in rows],
        "meter no.": [r[1] for r in rows],
        "phone last 4": [r[2][-4:] for r in rows],
        "name (full)": [r[3] for r in rows],
        "name (1-char prefix)": [r[3][0] for r in rows],
        "address (3 chars)": [address_fragment(r[4], r[5], rng) for r in rows],
    }


def timed(service: AccountService, query: str) -> tuple[float, int]:
    """Milliseconds for search + first page, and how many accounts were found."""
    started = time.perf_counter()
    result = service.search(query)
    service.rows(result.ids[:PAGE])
    return (time.perf_counter() - started) * 1000, len(result.ids)


def report(kind: str, times: list[float], hits: list[int]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    verdict = "ok" if p95 <= TARGET_P95_MS else "SLOW"
    return (f"{kind:22} p50 {statistics.median(ordered):7.2f}  p95 {p95:7.2f}  "
            f"max {ordered[-1]:7.2f} ms   hits avg {statistics.mean(hits):7.0f}   {verdict}")


def ensure_database(path: Path, accounts: int) -> None:
    if path.exists():
        return
    from bench_seed import seed_file  # type: ignore[import-not-found]

    print(f"{path} does not exist: seeding {accounts:,} accounts first...")
    print(f"seeded at {seed_file(path, accounts, 20_000):,.0f} accounts/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path,
                        default=Path(tempfile.gettempdir()) / "gashall-bench-search.db")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    parser.add_argument("--accounts", type=int, default=1_000_000, help="when seeding")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the query values")
    args = parser.parse_args()
    ensure_database(args.path, args.accounts)
    rng = random.Random(args.seed)
    db = open_database(f"sqlite:///{args.path}")
    service = AccountService(db, FixedClock(datetime(2026, 11, 23, 8, 30)))
    per_kind = queries(sample_rows(args.path, args.queries, rng), rng)
    run_all(service, per_kind, lambda line: print(line, flush=True))
    db.dispose()


def run_all(service: AccountService, per_kind: dict[str, list[str]],
            out: Callable[[str], None]) -> None:
    for values in per_kind.values():  # warm the page cache the way a morning's work would
        for value in values[:20]:
            timed(service, value)
    out(f"{sum(len(v) for v in per_kind.values())} queries; search + rows of the first {PAGE}")
    for kind, values in per_kind.items():
        results = [timed(service, value) for value in values]
        out(report(kind, [t for t, _ in results], [n for _, n in results]))


if __name__ == "__main__":
    main()
