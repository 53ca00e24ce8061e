"""Queue figures: call-next latency with 8 counters at once, and from a call to another's board.

Run: ``python tests/perf/bench_queue.py [--pg URL] [--calls 500] [--counters 8] [--period 0.2]
[--phases alone,at-once,flat-out,board]``.
Runs on a fresh SQLite file and, if ``--pg`` or GASHALL_TEST_PG_URL gives a server, on a fresh
PostgreSQL database made there for the run (and dropped afterwards). Each counter is a process of
``tests/app/queue_caller.py`` doing call next + finish through QueueService; every stamp is
``time.time()``. The phases run one after another on one database, each starting with as many
waiting tickets as it will call (8 x 500 = 4,000 for the busy ones):

- alone: one counter, back to back (the cost of a call without contention);
- at once: all counters press "call next" at the same instant every ``--period`` s (target: p95
  <= 20 ms); each finishes right after its call, or ``--finish-delay`` s after the press (then
  only the calls meet: in a hall, a service takes minutes);
- flat out: all counters back to back (saturation: latency under overload, and calls per second);
- board: one counter calls every 0.37 s, another process polls ``board()`` every 0.3 s like the
  display board; latency is from the press to the poll that first shows the number (target <= 1 s).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import timeit
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.domain.queue import percentile  # noqa: E402
from app.persistence.db import Database, open_database  # noqa: E402
from app.persistence.migrate import prepare_database  # noqa: E402
from tests.app.queue_caller import (  # noqa: E402
    HallSetup,
    add_waiting_tickets,
    collect,
    prepare_hall,
    release,
    run_counters,
    spawn,
)

TARGET_CALL_MS = 20.0
TARGET_BOARD_MS = 1000.0
POLL = 0.3
BOARD_PERIOD = 0.37  # not a multiple of the poll interval, so every phase between them occurs
TIMEOUT = 3600


def spread(label: str, values: list[float], target: float | None = None) -> None:
    """Print p50, p95 and max (ms) of some values, and SLOW when p95 misses the target."""
    p50, p95, top = (percentile(values, 0.5), percentile(values, 0.95), max(values, default=0))
    verdict = "" if target is None else ("  SLOW" if p95 > target else "  ok")
    target_text = "" if target is None else f"  (target p95 <= {target:.0f})"
    print(f"  {label:<28} n={len(values):<5} p50 {p50:7.1f}  p95 {p95:7.1f}  max {top:7.1f} ms"
          f"{target_text}{verdict}")


def calls_phase(label: str, reports: list[Any], target: float | None) -> None:
    """Print the call and finish latencies of a counters phase, errors and calls per second."""
    calls = [c for r in reports for c in r["calls"]]
    errors = [e for r in reports for e in r["errors"]]
    seconds = max(c["t2"] for c in calls) - min(c["t0"] for c in calls)
    print(f"{label}: {len(calls)} calls in {seconds:.1f} s ({len(calls) / seconds:.0f}/s), "
          f"{len(errors)} errors {sorted({e['message'] for e in errors})[:3]}")
    spread("call next", [(c["t1"] - c["t0"]) * 1000 for c in calls], target)
    spread(" - waiting to begin (lock)", [(c["tb"] - c["t0"]) * 1000 for c in calls])
    spread(" - work in transaction", [(c["tc"] - c["tb"]) * 1000 for c in calls])
    spread(" - commit", [(c["t1"] - c["tc"]) * 1000 for c in calls])
    spread(" (counter process CPU)", [c["cpu"] * 1000 for c in calls])
    spread("finish", [(c["t2"] - c["t1"]) * 1000 for c in calls])


def board_phase(hall: HallSetup, count: int, folder: Path) -> None:
    """One counter calls, a board in another process polls; print press-to-shown latency."""
    outs = [folder / "board.json", folder / "board-counter.json"]
    children = [spawn(hall, "poll", outs[0], count, POLL, count * BOARD_PERIOD + 30),
                spawn(hall, "call", outs[1], 1, count, BOARD_PERIOD)]
    try:
        release(children)
        board, counter = collect(children, outs, TIMEOUT)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    seen = board["seen"]
    late = [(seen[c["number"]] - c["t0"]) * 1000 for c in counter["calls"] if c["number"] in seen]
    missed = len(counter["calls"]) - len(late)
    print(f"board (poll every {POLL * 1000:.0f} ms, a call every {BOARD_PERIOD * 1000:.0f} ms): "
          f"{missed} calls never shown, {len(counter['errors'])} errors")
    spread("press to board", late, TARGET_BOARD_MS)


def bench(db: Database, args: argparse.Namespace, folder: Path) -> None:
    """All phases on one freshly migrated database."""
    at = datetime.now().replace(microsecond=0)
    prepare_database(db, folder / "backups", at)
    counters = range(1, args.counters + 1)
    hall = prepare_hall(db, at, counters)
    print(f"== {db.describe()}: {args.counters} counters x {args.calls} calls")
    if "alone" in args.phases:
        add_waiting_tickets(db, hall, args.calls)
        calls_phase("alone (1 counter)", run_counters(hall, range(1, 2), args.calls, folder,
                                                      timeout=TIMEOUT), None)
    if "at-once" in args.phases:
        add_waiting_tickets(db, hall, args.calls * args.counters)
        apart = f", finish {args.finish_delay * 1000:.0f} ms after" if args.finish_delay else ""
        calls_phase(f"at once (every {args.period * 1000:.0f} ms{apart})", run_counters(
            hall, counters, args.calls, folder, args.period, TIMEOUT, args.finish_delay),
            TARGET_CALL_MS)
    if "flat-out" in args.phases:
        add_waiting_tickets(db, hall, args.calls * args.counters)
        calls_phase("flat out", run_counters(hall, counters, args.calls, folder, 0, TIMEOUT),
                    TARGET_CALL_MS)
    if "board" in args.phases:
        add_waiting_tickets(db, hall, args.board_calls)
        board_phase(hall, args.board_calls, folder)


@contextmanager
def postgresql(server_url: str) -> Iterator[Database]:
    """A database of this run's own on the server, dropped afterwards."""
    server = make_url(server_url)
    name = f"gashall_bench_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(server.set(database=name).render_as_string(hide_password=False))
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def machine() -> str:
    """CPU count, load and the speed of ``sum(range(1000))``: figures scale with these."""
    per_loop = min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs, load {load}, sum(range(1000)) {per_loop * 1e6:.1f} us"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default=os.environ.get("GASHALL_TEST_PG_URL", ""),
                        help="PostgreSQL server URL (default: GASHALL_TEST_PG_URL)")
    parser.add_argument("--calls", type=int, default=500, help="calls per counter")
    parser.add_argument("--counters", type=int, default=8)
    parser.add_argument("--period", type=float, default=0.2, help="s between 'at once' rounds")
    parser.add_argument("--finish-delay", type=float, default=0.0,
                        help="'at once': s from the press to finish (default 0: right after the "
                             "call, so the first counters' finishes queue with the others' calls)")
    parser.add_argument("--board-calls", type=int, default=60)
    parser.add_argument("--phases", default="alone,at-once,flat-out,board",
                        type=lambda text: set(text.split(",")),
                        help="which phases to run, comma-separated (default: all)")
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory(prefix="gashall-bench-queue-") as folder:
        sqlite = open_database(f"sqlite:///{Path(folder) / 'gashall.db'}")
        bench(sqlite, args, Path(folder))
        sqlite.dispose()
    if args.pg:
        with tempfile.TemporaryDirectory(prefix="gashall-bench-queue-") as folder:
            with postgresql(args.pg) as db:
                bench(db, args, Path(folder))
    else:
        print("PostgreSQL skipped: give --pg URL or set GASHALL_TEST_PG_URL")
    print(f"(load now {' '.join(f'{x:.1f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
