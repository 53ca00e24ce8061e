"""The display board: calls from any counter within a second, voice once, notices, faults."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from app.domain.clock import FixedClock
from app.persistence.db import Database, open_database
from app.services.dto import BoardState, QueueSettingsInfo
from app.services.queue_service import QueueService
from tests.conftest import START, make_database
from tests.ui.queue_hall import QueueHall, hall, runner  # noqa: F401 - fixtures
from tests.ui.tcp_proxy import TcpProxy
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.common.announcer import RecordingAnnouncer
from ui.common.task_runner import TaskRunner
from ui.windows.display_board import DisplayBoardWindow

SHOTS = Path(__file__).resolve().parents[2] / "shots"
ONE_SECOND = 1000

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")

MakeBoard = Callable[..., DisplayBoardWindow]


def said(number: str, counter: int) -> str:
    return f"Number {number}, please go to counter {counter}"


@pytest.fixture
def make_board(
    qtbot: QtBot, runner: TaskRunner  # noqa: F811 - the fixture imported above
) -> Iterator[MakeBoard]:
    made: list[DisplayBoardWindow] = []

    def make(queue: QueueService, hall_id: int) -> DisplayBoardWindow:
        window = DisplayBoardWindow(queue, hall_id, runner, RecordingAnnouncer())
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    runner.wait_idle()


def shown(qtbot: QtBot, board: DisplayBoardWindow) -> BoardState:
    """Wait for the next board state on screen."""
    with qtbot.waitSignal(board.board_shown, timeout=10000) as signal:
        pass
    state = signal.args[0]
    assert isinstance(state, BoardState)
    return state


def recorder(board: DisplayBoardWindow) -> RecordingAnnouncer:
    assert isinstance(board.announcer, RecordingAnnouncer)
    return board.announcer


@pytest.fixture
def other_desktop(any_db: Database) -> Iterator[Database]:
    """A second connection pool on the same database: the board runs on another desktop."""
    url = any_db.engine.url.render_as_string(hide_password=False)
    second = open_database(url)
    yield second
    second.dispose()


def test_calls_from_other_desktops_appear_within_a_second_and_are_said_once(
    any_db: Database, other_desktop: Database, clock: FixedClock, make_board: MakeBoard,
    qtbot: QtBot,
) -> None:
    counters = QueueHall(any_db, clock)
    for _ in range(3):
        counters.issue(counters.a)
    board = make_board(QueueService(other_desktop, clock), counters.hall_id)
    shown(qtbot, board)
    assert board.current_text() == "" and recorder(board).texts == []
    counters.call(1)
    qtbot.waitUntil(lambda: board.current_text() == "A001 → Counter 1", timeout=ONE_SECOND)
    counters.call(2)
    qtbot.waitUntil(lambda: board.current_text() == "A002 → Counter 2", timeout=ONE_SECOND)
    assert board.recent_texts() == ["A002 Counter 2", "A001 Counter 1"]
    for _ in range(3):
        shown(qtbot, board)  # more polls change nothing
    assert recorder(board).texts == [said("A001", 1), said("A002", 2)]
    assert recorder(board).repeats == [board.voice_repeats] * 2


def test_a_recall_is_said_again_and_each_counter_shows_its_latest(
    hall: QueueHall, make_board: MakeBoard, qtbot: QtBot  # noqa: F811
) -> None:
    for _ in range(3):
        hall.issue(hall.a)
    from app.services.dto import QueueSettingsInfo
    from app.services.queue_admin_service import QueueAdminService

    QueueAdminService(hall.db, hall.clock).save_settings(
        hall.admin, QueueSettingsInfo("", 2, 30, 3))  # the hall speaks each call 3 times
    board = make_board(hall.queue, hall.hall_id)
    shown(qtbot, board)
    hall.call(1)
    hall.call(2)
    hall.call(1)  # counter 1 finishes A001 and calls A003
    qtbot.waitUntil(lambda: len(recorder(board).texts) == 3, timeout=ONE_SECOND)
    hall.clock.advance(seconds=30)
    hall.queue.recall(hall.admin, 2)
    qtbot.waitUntil(lambda: len(recorder(board).texts) == 4, timeout=ONE_SECOND)
    shown(qtbot, board)
    assert recorder(board).texts == [said("A001", 1), said("A002", 2), said("A003", 1),
                                     said("A002", 2)]
    assert recorder(board).repeats == [3, 3, 3, 3]
    assert board.current_text() == "A002 → Counter 2"
    assert board.recent_texts() == ["A002 Counter 2", "A003 Counter 1"]


def test_calls_made_before_the_board_opened_are_shown_not_said(
    hall: QueueHall, make_board: MakeBoard, qtbot: QtBot  # noqa: F811
) -> None:
    hall.issue(hall.a)
    hall.call(1)
    board = make_board(hall.queue, hall.hall_id)
    shown(qtbot, board)
    shown(qtbot, board)
    assert board.current_text() == "A001 → Counter 1"
    assert recorder(board).texts == []


def test_notice_banner_and_waiting_counts(
    hall: QueueHall, make_board: MakeBoard, qtbot: QtBot  # noqa: F811
) -> None:
    board = make_board(hall.queue, hall.hall_id)
    shown(qtbot, board)
    assert board.notice_text() == "" and board.notice.isHidden()
    assert board.waiting_texts() == ["A 缴费 0 waiting", "B 业务办理 0 waiting"]
    assert board.hall_name.text() == "东城营业厅"
    hall.issue(hall.a)
    hall.issue(hall.a)
    hall.issue(hall.b)
    notice = QueueSettingsInfo("系统升级中，请耐心等候", 2, 30, 2)
    hall.setup.save_settings(hall.admin, notice)
    qtbot.waitUntil(lambda: board.notice_text() == "系统升级中，请耐心等候", timeout=ONE_SECOND)
    waiting = board.waiting_texts()
    assert waiting[0].startswith("A 缴费 2 waiting about ") and waiting[0].endswith(" min")
    assert waiting[1].startswith("B 业务办理 1 waiting")
    hall.setup.save_settings(hall.admin, QueueSettingsInfo("", 2, 30, 2))
    qtbot.waitUntil(lambda: board.notice.isHidden(), timeout=ONE_SECOND)


def test_a_poll_is_skipped_while_the_last_one_runs(
    hall: QueueHall, make_board: MakeBoard, qtbot: QtBot  # noqa: F811
) -> None:
    board = make_board(hall.queue, hall.hall_id)
    shown(qtbot, board)
    skipped = board.skipped_polls
    board.poll()
    board.poll()  # the first is still running: no second query piles up
    assert board.skipped_polls >= skipped + 1


def test_a_board_whose_database_is_not_there_shows_the_fault_and_recovers(
    tmp_path: Path, clock: FixedClock, make_board: MakeBoard, qtbot: QtBot,
    themed: QApplication,  # noqa: F811
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.db'}"
    board_db = open_database(url)  # an empty file: nothing to read yet
    try:
        board = make_board(QueueService(board_db, clock), 1)
        qtbot.waitUntil(lambda: board.fault, timeout=5 * ONE_SECOND)
        assert not board.fault_banner.isHidden()
        assert board.fault_banner.text() == "System fault, please wait"
        board.grab().save(str(SHOTS / "display_board_fault.png"))
        shared = open_database(url)
        try:
            from app.persistence.migrate import prepare_database

            prepare_database(shared, tmp_path / "backups", START)
            counters = QueueHall(shared, clock)
            counters.issue(counters.a)
            with qtbot.waitSignal(board.fault_changed, timeout=5 * ONE_SECOND) as change:
                pass
            assert change.args == [False] and board.fault_banner.isHidden()
            counters.call(1)
            qtbot.waitUntil(lambda: board.current_text() == "A001 → Counter 1",
                            timeout=ONE_SECOND)
            assert recorder(board).texts == [said("A001", 1)]
        finally:
            board.close()
            shared.dispose()
    finally:
        board_db.dispose()


def test_a_dropped_network_to_postgresql_shows_the_fault_and_recovers(
    tmp_path: Path, clock: FixedClock, make_board: MakeBoard, qtbot: QtBot,
    request: pytest.FixtureRequest,
) -> None:
    db = make_database("postgresql", tmp_path, request)  # skips without a PostgreSQL server
    target = make_url(db.engine.url.render_as_string(hide_password=False))
    proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432)
    proxy.start()
    board_db = open_database(target.set(host="127.0.0.1", port=proxy.port)
                             .render_as_string(hide_password=False))
    try:
        counters = QueueHall(db, clock)
        counters.issue(counters.a)
        counters.issue(counters.a)
        board = make_board(QueueService(board_db, clock), counters.hall_id)
        shown(qtbot, board)
        counters.call(1)
        qtbot.waitUntil(lambda: board.current_text() == "A001 → Counter 1", timeout=ONE_SECOND)
        proxy.stop()  # the network drops
        qtbot.waitUntil(lambda: board.fault, timeout=10 * ONE_SECOND)
        counters.call(2)  # the counters go on meanwhile
        proxy.start()  # and the network comes back
        qtbot.waitUntil(lambda: not board.fault, timeout=10 * ONE_SECOND)
        qtbot.waitUntil(lambda: board.current_text() == "A002 → Counter 2", timeout=ONE_SECOND)
        assert recorder(board).texts == [said("A001", 1), said("A002", 2)]
        board.close()
    finally:
        proxy.stop()
        board_db.dispose()
        db.dispose()


def test_screenshot_of_the_board(
    hall: QueueHall, make_board: MakeBoard, qtbot: QtBot, themed: QApplication  # noqa: F811
) -> None:
    hall.setup.save_category(hall.admin, None, "D", "发票与证明", 10, True, [3])
    for category in (hall.a, hall.a, hall.a, hall.b, hall.b, hall.a):
        hall.issue(category)
    notice = QueueSettingsInfo("今日系统升级，缴费请耐心等候", 2, 30, 2)
    hall.setup.save_settings(hall.admin, notice)
    board = make_board(hall.queue, hall.hall_id)
    shown(qtbot, board)
    for counter in (1, 2, 1):
        hall.call(counter)
    qtbot.waitUntil(lambda: len(recorder(board).texts) == 3, timeout=ONE_SECOND)
    board.resize(1600, 900)
    shown(qtbot, board)
    SHOTS.mkdir(exist_ok=True)
    board.grab().save(str(SHOTS / "display_board.png"))
