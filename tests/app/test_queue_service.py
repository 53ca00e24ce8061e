"""The queue flow on SQLite and PostgreSQL: numbering, call order, counter actions, rating."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.queue import Rating, TicketStatus
from app.persistence.db import Database
from app.services.auth_service import AuthService
from app.services.dto import Operator
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from tests.conftest import ADMIN_PASSWORD


class Hall:
    """A hall with categories A (counters 1, 2), B (counter 2), C (counter 3, inactive)."""

    def __init__(self, db: Database, clock: FixedClock) -> None:
        auth = AuthService(db, clock)
        auth.first_setup("东城营业厅", ADMIN_PASSWORD)
        self.admin: Operator = auth.login("admin", ADMIN_PASSWORD)
        self.clock = clock
        self.queue = QueueService(db, clock)
        self.setup = QueueAdminService(db, clock)
        save = self.setup.save_category
        self.a = save(self.admin, None, "A", "缴费", 5, True, [1, 2]).id
        self.b = save(self.admin, None, "B", "业务办理", 15, True, [2]).id
        self.c = save(self.admin, None, "C", "报装维修", 20, False, [3]).id
        self.hall_id = self.admin.hall_id

    def issue(self, category: int, priority: bool = False) -> str:
        self.clock.advance(seconds=10)
        return self.queue.issue(self.hall_id, category, priority).number

    def call(self, counter: int) -> str:
        self.clock.advance(seconds=10)
        return self.queue.call_next(self.admin, counter).number


@pytest.fixture
def hall(any_db: Database, clock: FixedClock) -> Hall:
    return Hall(any_db, clock)


def key_of(call: object) -> str:
    with pytest.raises(DomainError) as caught:
        call()  # type: ignore[operator]
    return caught.value.key


def test_numbers_per_category_restart_each_day(hall: Hall) -> None:
    assert [hall.issue(hall.a), hall.issue(hall.a), hall.issue(hall.b)] == ["A001", "A002", "B001"]
    hall.clock.advance(days=1)
    assert hall.issue(hall.a) == "A001"


def test_yesterdays_unserved_tickets_are_closed(hall: Hall) -> None:
    hall.issue(hall.a)
    hall.issue(hall.a)
    hall.call(1)
    hall.clock.advance(days=1)
    hall.issue(hall.b)
    assert hall.queue.counter_state(hall.hall_id, 1).current is None
    assert key_of(lambda: hall.call(1)) == "queue.nothing_waiting"


def test_call_order_priority_first_then_oldest_of_my_categories(hall: Hall) -> None:
    hall.issue(hall.b)
    hall.issue(hall.a)
    hall.issue(hall.a)
    hall.issue(hall.a, priority=True)
    assert hall.call(1) == "A003"  # green channel first
    hall.queue.finish(hall.admin, 1)
    assert hall.call(1) == "A001"  # counter 1 does not serve B
    assert hall.call(2) == "B001"  # the oldest of A and B at counter 2
    assert hall.queue.counter_state(hall.hall_id, 2).waiting == 1


def test_issue_tells_people_ahead_and_estimate(hall: Hall) -> None:
    for _ in range(3):
        hall.issue(hall.a)
    slip = hall.queue.issue(hall.hall_id, hall.a)
    # 3 ahead x 300 s default service time / 2 counters = 7.5 min -> 8
    assert (slip.ahead, slip.wait_minutes, slip.hall_name) == (3, 8, "东城营业厅")
    priority = hall.queue.issue(hall.hall_id, hall.a, priority=True)
    assert priority.ahead == 0


def test_estimate_learns_from_the_days_services(hall: Hall) -> None:
    hall.issue(hall.a)
    hall.call(1)
    hall.queue.start(hall.admin, 1)
    hall.clock.advance(minutes=2)
    hall.queue.finish(hall.admin, 1)
    for _ in range(4):
        hall.issue(hall.a)
    line = next(x for x in hall.queue.waiting_lines(hall.hall_id) if x.prefix == "A")
    assert (line.waiting, line.wait_minutes) == (4, 4)  # 4 x 120 s / 2 counters


def test_counter_actions_and_their_refusals(hall: Hall) -> None:
    assert key_of(lambda: hall.call(1)) == "queue.nothing_waiting"
    hall.issue(hall.a)
    hall.issue(hall.a)
    hall.call(1)
    assert key_of(lambda: hall.call(1)) == "queue.finish_current_first"
    assert hall.queue.recall(hall.admin, 1).recalls == 1
    assert hall.queue.recall(hall.admin, 1).recalls == 2
    assert key_of(lambda: hall.queue.recall(hall.admin, 1)) == "queue.recall_limit"
    assert hall.queue.no_show(hall.admin, 1).status is TicketStatus.NO_SHOW
    assert key_of(lambda: hall.queue.finish(hall.admin, 1)) == "queue.no_current_ticket"
    hall.queue.set_paused(hall.admin, 1, True)
    assert key_of(lambda: hall.call(1)) == "queue.counter_paused"
    hall.queue.set_paused(hall.admin, 1, False)
    assert hall.call(1) == "A002"
    served = hall.queue.start(hall.admin, 1)
    assert served.status is TicketStatus.SERVING
    assert key_of(lambda: hall.queue.recall(hall.admin, 1)) == "queue.wrong_state"


def test_transfer_keeps_the_place_in_line(hall: Hall) -> None:
    hall.issue(hall.a)
    hall.issue(hall.b)
    hall.call(1)
    assert key_of(lambda: hall.queue.transfer(hall.admin, 1, "", hall.b)) == (
        "queue.transfer_reason_required")
    assert key_of(lambda: hall.queue.transfer(hall.admin, 1, "需办过户", hall.c)) == (
        "queue.category_closed")
    moved = hall.queue.transfer(hall.admin, 1, "需办过户", category_id=hall.b)
    assert (moved.status, moved.category) == (TicketStatus.WAITING, "业务办理")
    assert hall.call(2) == "A001"  # older than B001, so first at counter 2
    hall.queue.transfer(hall.admin, 2, "请到3号窗口", target_counter=3)
    assert hall.call(3) == "A001"  # sent to counter 3 by name
    assert hall.call(2) == "B001"


def test_current_ticket_is_found_again_after_a_restart(hall: Hall, any_db: Database) -> None:
    hall.issue(hall.a)
    hall.call(1)
    again = QueueService(any_db, hall.clock)  # a new program on the same database
    current = again.counter_state(hall.hall_id, 1).current
    assert current is not None and current.number == "A001"


def test_rating_once_and_dissatisfied_notes_the_manager(hall: Hall) -> None:
    hall.issue(hall.a)
    ticket = hall.queue.call_next(hall.admin, 1)
    assert key_of(lambda: hall.queue.rate(ticket.id, Rating.SATISFIED)) == "queue.rating_not_open"
    hall.queue.finish(hall.admin, 1)
    hall.queue.rate(ticket.id, Rating.DISSATISFIED)
    assert key_of(lambda: hall.queue.rate(ticket.id, Rating.SATISFIED)) == "queue.already_rated"
    notes = hall.setup.notes(hall.admin)
    assert [(n.kind, n.ticket_number, n.counter_no) for n in notes] == [
        ("dissatisfied", "A001", 1)]
    hall.setup.mark_seen(hall.admin, notes[0].id)
    assert hall.setup.notes(hall.admin) == []


def test_closed_category_issues_nothing(hall: Hall) -> None:
    assert key_of(lambda: hall.issue(hall.c)) == "queue.category_closed"


def test_board_shows_calls_newest_first_and_waiting_lines(hall: Hall) -> None:
    from app.services.dto import QueueSettingsInfo

    for _ in range(3):
        hall.issue(hall.a)
    hall.call(1)
    hall.call(2)
    hall.queue.recall(hall.admin, 1)
    hall.setup.save_settings(hall.admin, QueueSettingsInfo("系统故障，请耐心等候", 2, 30, 2))
    board = hall.queue.board(hall.hall_id)
    assert [(c.number, c.counter_no, c.recall) for c in board.calls] == [
        ("A001", 1, True), ("A002", 2, False), ("A001", 1, False)]
    assert board.notice == "系统故障，请耐心等候"
    assert [(x.prefix, x.waiting) for x in board.lines] == [("A", 1), ("B", 0)]


def test_statistics_per_category_and_counter(hall: Hall) -> None:
    for _ in range(3):
        hall.issue(hall.a)
    for minutes in (3, 7):
        ticket = hall.queue.call_next(hall.admin, 1)
        hall.queue.start(hall.admin, 1)
        hall.clock.advance(minutes=minutes)
        hall.queue.finish(hall.admin, 1)
        hall.queue.rate(ticket.id, Rating.SATISFIED)
    hall.call(1)
    hall.queue.no_show(hall.admin, 1)
    today = hall.clock.now().date()
    by_category, by_counter = hall.setup.statistics(hall.admin, today, today)
    a = by_category[0]
    assert (a.key, a.issued, a.served, a.no_shows, a.over_time, a.satisfied) == (
        "A 缴费", 3, 2, 1, 1, 2)
    assert a.average_service_s == 300 and a.p90_service_s == 420
    assert by_counter[0].key == "1" and by_counter[0].served == 2
    assert hall.setup.statistics(hall.admin, today + timedelta(days=1),
                                 today + timedelta(days=1)) == ([], [])


def test_category_rules(hall: Hall) -> None:
    save = hall.setup.save_category
    assert key_of(lambda: save(hall.admin, None, "A", "重复", 5, True, [1])) == "queue.prefix_taken"
    assert key_of(lambda: save(hall.admin, None, "1", "x", 5, True, [1])) == "queue.prefix_format"
    assert key_of(lambda: save(hall.admin, None, "D", "x", 0, True, [1])) == (
        "queue.time_limit_range")
    info = save(hall.admin, hall.b, "b", "业务办理", 15, True, [2, 3])
    assert (info.prefix, info.counters) == ("B", (2, 3))


def test_two_desktops_on_the_same_counter_call_one_ticket(hall: Hall, any_db: Database) -> None:
    import threading

    for _ in range(4):
        hall.issue(hall.a)
    start = threading.Barrier(4)
    outcomes: list[str] = []

    def press() -> None:
        desk = QueueService(any_db, hall.clock)  # each thread: its own connection
        start.wait()
        try:
            outcomes.append(desk.call_next(hall.admin, 1).number)
        except DomainError as error:
            outcomes.append(error.key)

    threads = [threading.Thread(target=press) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["A001"] + ["queue.finish_current_first"] * 3
