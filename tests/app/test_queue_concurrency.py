"""Counters in separate processes calling at once: each ticket called once; the board keeps up."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.queue import TicketStatus
from app.persistence.db import Database, open_database
from app.persistence.orm import QueueCall, Ticket
from app.services.queue_service import QueueService
from tests.app.queue_caller import (
    HallSetup,
    add_waiting_tickets,
    collect,
    prepare_hall,
    release,
    run_counters,
    spawn,
)
from tests.conftest import START

COUNTERS = range(1, 9)
# 8 processes x 500 calls, as the issue asks: 30-70 s on SQLite and about 50 s on PostgreSQL on a
# 2-core machine. GASHALL_TEST_QUEUE_CALLS makes it smaller for a quick local run;
# tests/perf/bench_queue.py runs the same and prints the latencies.
CALLS = int(os.environ.get("GASHALL_TEST_QUEUE_CALLS", "500"))
BOARD_CALLS = 10
BOARD_PERIOD = 0.37  # s between calls; not a multiple of the poll, so the phases vary
POLL = 0.3  # s, like the display board's timer


@pytest.fixture
def hall(any_db: Database) -> HallSetup:
    return prepare_hall(any_db, START, COUNTERS)


def tickets_by_id(db: Database) -> dict[int, Ticket]:
    with db.reading() as session:
        return {t.id: t for t in session.scalars(select(Ticket))}


def call_rows(db: Database) -> dict[int, list[int]]:
    """The counters named in queue_calls, per ticket."""
    rows: dict[int, list[int]] = {}
    with db.reading() as session:
        for ticket_id, counter_no in session.execute(
                select(QueueCall.ticket_id, QueueCall.counter_no)):
            rows.setdefault(ticket_id, []).append(counter_no)
    return rows


def skipped(calls: list[dict[str, Any]], order: list[int]) -> list[str]:
    """Tickets whose call began after a later ticket's call had ended: they were passed over.

    Stamps are ``time.time()`` in each child: ``t0`` before call_next, ``t1`` after its commit.
    """
    by_ticket = {c["ticket"]: c for c in calls}
    found, earliest_end_after = [], float("inf")
    for ticket_id in reversed(order):
        call = by_ticket[ticket_id]
        if call["t0"] > earliest_end_after:
            found.append(call["number"])
        earliest_end_after = min(earliest_end_after, call["t1"])
    return found


def test_eight_counters_call_every_ticket_exactly_once(
    any_db: Database, hall: HallSetup, tmp_path: Path
) -> None:
    add_waiting_tickets(any_db, hall, len(COUNTERS) * CALLS)
    reports = run_counters(hall, COUNTERS, CALLS, tmp_path, timeout=300)

    assert [r["errors"] for r in reports] == [[] for _ in COUNTERS]  # nothing reached a user
    assert [len(r["calls"]) for r in reports] == [CALLS for _ in COUNTERS]  # none went without
    caller = {c["ticket"]: r["counter"] for r in reports for c in r["calls"]}
    calls = [c for r in reports for c in r["calls"]]
    assert len(caller) == len(calls)  # no ticket reached two counters
    tickets = tickets_by_id(any_db)
    assert set(caller) == set(tickets)
    assert call_rows(any_db) == {ticket: [counter] for ticket, counter in caller.items()}
    assert {t.status for t in tickets.values()} == {TicketStatus.DONE}
    assert {t.id: t.counter_no for t in tickets.values()} == caller
    order = sorted(tickets, key=lambda i: (tickets[i].issued_at, i))
    assert skipped(calls, order) == []


def test_board_of_another_process_shows_each_call_within_a_second(
    any_db: Database, hall: HallSetup, tmp_path: Path
) -> None:
    add_waiting_tickets(any_db, hall, BOARD_CALLS)
    board_db = open_database(hall.url)  # the board's own connection, as on another desktop
    board = QueueService(board_db, FixedClock(START))
    out = tmp_path / "counter-1.json"
    child = spawn(hall, "call", out, 1, BOARD_CALLS, BOARD_PERIOD)
    try:
        seen = poll_board(board, hall.hall_id, release([child]))
        (report,) = collect([child], [out], timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
        board_db.dispose()
    assert report["errors"] == []
    late = {c["number"]: round(seen.get(c["number"], float("inf")) - c["t0"], 3)
            for c in report["calls"]}
    assert len(late) == BOARD_CALLS
    assert {n: s for n, s in late.items() if s > 1.0} == {}


def poll_board(board: QueueService, hall_id: int, go: float) -> dict[str, float]:
    """Poll every POLL s until all calls showed (or time is up); when each number first showed."""
    seen: dict[str, float] = {}
    tick = 0
    while len(seen) < BOARD_CALLS and time.time() < go + BOARD_CALLS * BOARD_PERIOD + 20:
        numbers = [c.number for c in board.board(hall_id).calls]
        now = time.time()
        for number in numbers:
            seen.setdefault(number, now)
        tick += 1
        time.sleep(max(go + tick * POLL - time.time(), 0))
    return seen
