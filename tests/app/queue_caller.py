"""Child processes for the queue concurrency test and benchmark: counters calling, a board."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, update

from app.domain.clock import FixedClock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.queue import TicketStatus, ticket_number
from app.domain.users import Role
from app.persistence.db import Database, open_database
from app.persistence.numbering import next_number
from app.persistence.orm import Counter, Ticket
from app.services.auth_service import AuthService
from app.services.dto import Operator
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService

# Run as ``python -m tests.app.queue_caller call|poll ...`` (see ``parse``). A child opens the
# database, says ``ready`` on stdout, waits for ``go EPOCH`` on stdin, works, and writes what it
# saw to a JSON file with ``time.time()`` stamps that the parent compares across processes. The
# parent side lives here too, so the test and tests/perf/bench_queue.py drive the same children.
ROOT = Path(__file__).resolve().parents[2]
PREFIX = "A"
PASSWORD = "admin123"


@dataclass(frozen=True)
class HallSetup:
    """What a child needs to act in the hall: where, who, and the hall's (fixed) time."""

    url: str
    hall_id: int
    user_id: int
    category_id: int
    at: datetime


# --- parent side ---------------------------------------------------------------------------


def database_url(db: Database) -> str:
    """The URL a child process opens to reach the same database."""
    return db.engine.url.render_as_string(hide_password=False)


def prepare_hall(db: Database, at: datetime, counters: range) -> HallSetup:
    """A hall with ``admin`` and one category A served by the given counters."""
    clock = FixedClock(at)
    auth = AuthService(db, clock)
    auth.first_setup("东城营业厅", PASSWORD)
    admin = auth.login("admin", PASSWORD)
    category = QueueAdminService(db, clock).save_category(
        admin, None, PREFIX, "缴费", 15, True, counters)
    return HallSetup(database_url(db), admin.hall_id, admin.user_id, category.id, at)


def add_waiting_tickets(db: Database, hall: HallSetup, count: int) -> None:
    """Issue ``count`` tickets of category A in one transaction, numbered as ``issue`` would.

    ``QueueService.issue`` commits (and fsyncs) once per ticket, ~10 ms each here: too slow for
    thousands. The rows and the day's number series are the same as ``issue`` leaves them;
    tickets are issued one second apart from 06:00 of the hall's day, so later batches queue
    behind earlier ones.
    """
    day = hall.at.date()
    series = f"ticket:{PREFIX}"
    with db.writing() as session:
        first = next_number(session, hall.hall_id, series, day.isoformat())
        session.execute(update(Counter).where(
            Counter.hall_id == hall.hall_id, Counter.name == series,
            Counter.period == day.isoformat()).values(value=first + count - 1))
        six = datetime.combine(day, datetime.min.time()) + timedelta(hours=6)
        session.execute(insert(Ticket), [
            dict(hall_id=hall.hall_id, category_id=hall.category_id, day=day,
                 number=ticket_number(PREFIX, seq), priority=False, account_no="",
                 status=TicketStatus.WAITING, issued_at=six + timedelta(seconds=seq),
                 recalls=0, transfers=0, transfer_reason="")
            for seq in range(first, first + count)
        ])


def spawn(hall: HallSetup, role: str, out: Path, *options: object) -> subprocess.Popen[str]:
    """Start one child (``call`` or ``poll``) in the project folder."""
    command = [sys.executable, "-m", "tests.app.queue_caller", role, hall.url,
               str(hall.hall_id), str(hall.user_id), hall.at.isoformat(), str(out)]
    return subprocess.Popen(
        [*command, *map(str, options)], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def release(children: list[subprocess.Popen[str]]) -> float:
    """Wait until every child is ready, then let them all go at once; returns the go time."""
    for child in children:
        assert child.stdout is not None
        line = child.stdout.readline().strip()  # "" if the child died on the way
        if line != "ready":
            _, err = child.communicate(timeout=10)
            raise RuntimeError(f"child not ready ({line!r}): {err}")
    go = time.time() + 0.05
    for child in children:
        assert child.stdin is not None
        child.stdin.write(f"go {go}\n")
        child.stdin.flush()
    return go


def collect(children: list[subprocess.Popen[str]], outs: list[Path], timeout: float) -> list[Any]:
    """Wait for the children and read their JSON reports; a failed child raises with its stderr."""
    deadline = time.time() + timeout
    for child in children:
        _, err = child.communicate(timeout=max(deadline - time.time(), 1))
        if child.returncode != 0:
            raise RuntimeError(f"child failed ({child.returncode}): {err}")
    return [json.loads(out.read_text(encoding="utf-8")) for out in outs]


def run_counters(
    hall: HallSetup, counters: range, calls: int, folder: Path, period: float = 0.0,
    timeout: float = 600, finish_delay: float = 0.0,
) -> list[Any]:
    """Let each counter (one process each) call next and finish ``calls`` times; their reports."""
    outs = [folder / f"counter-{n}.json" for n in counters]
    children = [spawn(hall, "call", out, n, calls, period, finish_delay)
                for n, out in zip(counters, outs, strict=True)]
    try:
        release(children)
        return collect(children, outs, timeout)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()


# --- child side ----------------------------------------------------------------------------


def wait_for_go() -> float:
    """Say ready and block until the parent's ``go EPOCH``; returns the epoch."""
    print("ready", flush=True)
    words = sys.stdin.readline().split()
    return float(words[1])


def sleep_until(moment: float) -> None:
    """Sleep until ``time.time()`` reaches ``moment`` (at once if it has)."""
    time.sleep(max(moment - time.time(), 0))


def stamp_transactions(db: Database) -> dict[str, float]:
    """Stamps of the latest transaction: BEGIN done (SQLite: write lock held), COMMIT started."""
    stamps: dict[str, float] = {}
    # Registered after the engine's own BEGIN IMMEDIATE hook, so this runs once that has returned.
    event.listen(db.engine, "begin", lambda _conn: stamps.__setitem__("begun", time.time()))
    event.listen(db.engine, "commit", lambda _conn: stamps.__setitem__("committing", time.time()))
    return stamps


def one_call(
    service: QueueService, operator: Operator, counter: int, stamps: dict[str, float],
    finish_at: float = 0.0,
) -> dict[str, Any]:
    """Call next, then finish (at once, or not before ``finish_at``); the call's ticket and stamps.

    ``t0`` press, ``tb`` transaction begun (lock taken), ``tc`` commit started, ``t1`` call_next
    returned, ``t2`` finish returned, all ``time.time()``; ``cpu`` this process's CPU seconds in
    call_next (SQLite's own work included, a PostgreSQL server's not).
    """
    t0, cpu = time.time(), time.process_time()
    ticket = service.call_next(operator, counter)
    t1, cpu = time.time(), time.process_time() - cpu
    stamped = {"ticket": ticket.id, "number": ticket.number, "t0": t0, "tb": stamps["begun"],
               "tc": stamps["committing"], "t1": t1, "cpu": cpu}
    sleep_until(finish_at)
    service.finish(operator, counter)
    return {**stamped, "t2": time.time()}


def call_loop(
    service: QueueService, operator: Operator, stamps: dict[str, float], args: argparse.Namespace
) -> Any:
    """Call next and finish ``args.calls`` times; every call's stamps and every refusal."""
    calls: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    start = wait_for_go()
    for i in range(args.calls):
        press = start + i * args.period
        if args.period:
            sleep_until(press)  # every counter presses at once
        finish_at = press + args.finish_delay if args.finish_delay else 0.0
        try:
            calls.append(one_call(service, operator, args.counter, stamps, finish_at))
        except (DomainError, StorageUnavailable) as error:
            errors.append({"type": type(error).__name__, "message": str(error)})
    return {"counter": args.counter, "calls": calls, "errors": errors}


def poll_loop(service: QueueService, args: argparse.Namespace) -> Any:
    """Poll the board every ``interval`` s like the display board; when each new call showed."""
    baseline = {c.number for c in service.board(args.hall_id).calls}
    seen: dict[str, float] = {}
    start = wait_for_go()
    tick = 0
    while len(seen) < args.expect and time.time() < start + args.timeout:
        board = service.board(args.hall_id)
        now = time.time()
        for call in board.calls:
            if call.number not in baseline and call.number not in seen:
                seen[call.number] = now
        tick += 1
        sleep_until(start + tick * args.interval)
    return {"seen": seen}


def parse(argv: list[str]) -> argparse.Namespace:
    """``call URL HALL USER AT OUT COUNTER CALLS PERIOD`` or ``poll ... OUT EXPECT INTERVAL``."""
    parser = argparse.ArgumentParser(prog="queue_caller")
    roles = parser.add_subparsers(dest="role", required=True)
    call, poll = roles.add_parser("call"), roles.add_parser("poll")
    for sub in (call, poll):
        sub.add_argument("url")
        sub.add_argument("hall_id", type=int)
        sub.add_argument("user_id", type=int)
        sub.add_argument("at", type=datetime.fromisoformat)
        sub.add_argument("out", type=Path)
    call.add_argument("counter", type=int)
    call.add_argument("calls", type=int)
    call.add_argument("period", type=float, help="seconds between calls; 0 = back to back")
    call.add_argument("finish_delay", type=float, nargs="?", default=0.0,
                      help="seconds from the press to finish; 0 = right after the call")
    poll.add_argument("expect", type=int, help="stop after this many new calls")
    poll.add_argument("interval", type=float, help="seconds between polls")
    poll.add_argument("timeout", type=float, help="stop after this many seconds anyway")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse(argv)
    db = open_database(args.url)
    service = QueueService(db, FixedClock(args.at))
    service.board(args.hall_id)  # connect and warm up before the clock starts
    if args.role == "call":
        operator = Operator(args.user_id, "admin", "Administrator", Role.ADMINISTRATOR,
                            args.hall_id)
        report = call_loop(service, operator, stamp_transactions(db), args)
    else:
        report = poll_loop(service, args)
    args.out.write_text(json.dumps(report), encoding="utf-8")
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
