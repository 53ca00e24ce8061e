"""Queue setup and queue statistics as a manager uses them, on a real SQLite database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.queue import Rating
from app.persistence.db import Database
from app.services.auth_service import AuthService
from app.services.dto import Operator
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.common.task_runner import TaskRunner
from ui.main_window import Desktop, MainWindow, Services
from ui.queue.category_dialog import CategoryDialog
from ui.queue.counter_numbers import counters_text, parse_counters
from ui.queue.queue_setup_page import QueueSetupPage
from ui.queue.queue_stats_page import QueueStatsPage

SHOTS = Path(__file__).resolve().parents[2] / "shots"
PAGE_SIZE = (1048, 558)  # the page area of a 1280 x 800 main window, under the counter strip
HOUR_MS = 3_600_000

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")


def shoot(widget: QWidget, name: str) -> None:
    """Save a screenshot once pending layout changes (e.g. a message that appeared) are done."""
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def rows(model: QAbstractItemModel) -> list[list[str]]:
    """Every cell's display text, row by row: what the table shows."""
    return [
        [model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def admin_service(db: Database, clock: FixedClock) -> QueueAdminService:
    return QueueAdminService(db, clock)


@pytest.fixture
def queue(db: Database, clock: FixedClock) -> QueueService:
    return QueueService(db, clock)


@pytest.fixture
def categories(admin_service: QueueAdminService, admin: Operator) -> dict[str, int]:
    """A 缴费 at counters 1 and 2 (5 min), B 业务办理 at counter 2 (15 min)."""
    save = admin_service.save_category
    return {"A": save(admin, None, "A", "缴费", 5, True, [1, 2]).id,
            "B": save(admin, None, "B", "业务办理", 15, True, [2]).id}


# --- setup ----------------------------------------------------------------------------------


@pytest.fixture
def setup_page(
    qtbot: QtBot, admin_service: QueueAdminService, manager: Operator
) -> QueueSetupPage:
    page = QueueSetupPage(admin_service, manager)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    page.show()
    qtbot.waitExposed(page)
    return page


def open_dialog(page: QueueSetupPage, edit: bool = False) -> CategoryDialog:
    (page.edit_button if edit else page.add_button).click()
    assert isinstance(page.dialog, CategoryDialog) and page.dialog.isVisible()
    return page.dialog


def fill(
    qtbot: QtBot, dialog: CategoryDialog, prefix: str, name: str, minutes: int, counters: str
) -> None:
    dialog.prefix.clear()
    qtbot.keyClicks(dialog.prefix, prefix)
    dialog.name.setText(name)  # keyClicks types ASCII only
    dialog.time_limit.setValue(minutes)
    dialog.counters.clear()
    qtbot.keyClicks(dialog.counters, counters)


@pytest.mark.usefixtures("themed", "categories")
def test_add_a_category_through_the_dialog(
    qtbot: QtBot, setup_page: QueueSetupPage, admin_service: QueueAdminService,
    manager: Operator,
) -> None:
    assert rows(setup_page.model) == [["A", "缴费", "1, 2", "5 min", "Yes"],
                                      ["B", "业务办理", "2", "15 min", "Yes"]]
    dialog = open_dialog(setup_page)
    fill(qtbot, dialog, "c", "报装维修", 20, "3 - 5, 7")
    assert dialog.prefix.text() == "C"
    shoot(dialog, "queue_category_dialog.png")
    with qtbot.waitSignal(setup_page.category_saved):
        qtbot.keyClick(dialog.counters, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert rows(setup_page.model)[2] == ["C", "报装维修", "3-5, 7", "20 min", "Yes"]
    assert setup_page.selected() is not None and setup_page.selected().prefix == "C"
    stored = admin_service.categories(manager.hall_id)[2]
    assert (stored.prefix, stored.counters, stored.time_limit_minutes) == ("C", (3, 4, 5, 7), 20)
    shoot(setup_page, "queue_setup.png")


@pytest.mark.parametrize(("prefix", "minutes", "counters", "field", "message"), [
    ("A", 10, "1", "prefix", "Another category already uses this letter."),
    ("1", 10, "1", "prefix", "The ticket letter is one or two capital letters, e.g. A."),
    ("E", 0, "1", "time_limit_minutes",
     "The service time limit must be between 1 and 240 minutes."),
    ("E", 10, "1-", "counters",
     "Write the counters as numbers separated by commas, e.g. 1, 2, 4 or 1-3."),
    ("E", 10, "0, 100", "counters", "Counter numbers go from 1 to 99."),
])
@pytest.mark.usefixtures("categories")
def test_refused_input_shows_under_its_field_and_saves_nothing(
    qtbot: QtBot, setup_page: QueueSetupPage, admin_service: QueueAdminService,
    manager: Operator, prefix: str, minutes: int, counters: str, field: str, message: str,
) -> None:
    dialog = open_dialog(setup_page)
    fill(qtbot, dialog, prefix, "咨询", minutes, counters)
    with qtbot.assertNotEmitted(setup_page.category_saved):
        dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text_of(field) == message
    assert [c.prefix for c in admin_service.categories(manager.hall_id)] == ["A", "B"]
    dialog.reject()
    assert len(rows(setup_page.model)) == 2


@pytest.mark.usefixtures("themed")
def test_every_problem_of_the_form_is_shown_at_once(
    qtbot: QtBot, setup_page: QueueSetupPage, admin_service: QueueAdminService,
    manager: Operator,
) -> None:
    dialog = open_dialog(setup_page)
    fill(qtbot, dialog, "9", "", 0, "1,,x")  # the validator keeps the x out
    assert dialog.counters.text() == "1,,"
    dialog.counters.setText("2-")
    dialog.accept()
    assert [bool(dialog.errors.text_of(f)) for f in (
        "prefix", "name", "time_limit_minutes", "counters")] == [True, True, True, True]
    assert dialog.errors.text_of("name") == "Enter the category's name."
    shoot(dialog, "queue_category_dialog_errors.png")
    assert admin_service.categories(manager.hall_id) == []


@pytest.mark.usefixtures("categories")
def test_edit_the_counters_of_a_category(
    qtbot: QtBot, setup_page: QueueSetupPage, admin_service: QueueAdminService,
    manager: Operator,
) -> None:
    setup_page.table.selectRow(1)
    dialog = open_dialog(setup_page, edit=True)
    assert (dialog.prefix.text(), dialog.name.text(), dialog.time_limit.value(),
            dialog.counters.text(), dialog.active.isChecked()) == ("B", "业务办理", 15, "2", True)
    dialog.counters.setText("2，3、4")  # Chinese commas, as an IME types them
    dialog.active.setChecked(False)
    dialog.accept()
    assert not dialog.isVisible()
    assert rows(setup_page.model)[1] == ["B", "业务办理", "2-4", "15 min", "No"]
    stored = admin_service.categories(manager.hall_id)[1]
    assert (stored.counters, stored.active) == ((2, 3, 4), False)


def test_counter_numbers_read_and_written() -> None:
    assert parse_counters(" 1-3, 5 7;9 ") == (1, 2, 3, 5, 7, 9)
    assert parse_counters("4-2") == (2, 3, 4)
    assert parse_counters("") == ()
    with pytest.raises(DomainError):
        parse_counters("1-2-3")
    assert counters_text((5, 1, 2, 3, 9, 10)) == "1-3, 5, 9, 10"


@pytest.mark.usefixtures("themed", "categories")
def test_set_and_clear_the_board_notice(
    qtbot: QtBot, setup_page: QueueSetupPage, queue: QueueService, manager: Operator,
    admin_service: QueueAdminService,
) -> None:
    assert setup_page.notice.text() == ""
    assert (setup_page.max_recalls.value(), setup_page.rating_seconds.value(),
            setup_page.voice_repeats.value()) == (2, 30, 2)
    setup_page.notice.setText("系统故障，请耐心等候")  # keyClicks types ASCII only
    setup_page.max_recalls.setValue(3)
    with qtbot.waitSignal(setup_page.queue_settings_saved):
        qtbot.keyClick(setup_page.notice, Qt.Key.Key_Return)
    assert setup_page.saved_note.text() == "Saved. The board shows the change within a second."
    assert queue.board(manager.hall_id).notice == "系统故障，请耐心等候"
    shoot(setup_page, "queue_setup_notice.png")

    setup_page.voice_repeats.setValue(4)  # not saved: clearing the notice leaves it alone
    setup_page.clear_notice_button.click()
    assert setup_page.notice.text() == ""
    assert setup_page.saved_note.text() == "The notice is off the board."
    assert queue.board(manager.hall_id).notice == ""
    stored = admin_service.settings(manager.hall_id)
    assert (stored.max_recalls, stored.voice_repeats) == (3, 2)


@pytest.mark.usefixtures("themed")
def test_settings_out_of_range_are_refused(
    setup_page: QueueSetupPage, queue: QueueService, manager: Operator
) -> None:
    setup_page.notice.setText("网络缓慢")
    setup_page.max_recalls.setValue(10)
    setup_page.rating_seconds.setValue(2)
    setup_page.save_button.click()
    assert setup_page.settings_errors.text_of("max_recalls") == "Recalls must be between 0 and 9."
    assert setup_page.saved_note.text() == ""
    assert queue.board(manager.hall_id).notice == ""
    shoot(setup_page, "queue_setup_error.png")


# --- statistics -----------------------------------------------------------------------------


def serve_a_morning(
    queue: QueueService, clock: FixedClock, clerk: Operator, categories: dict[str, int]
) -> None:
    """Four tickets, three services of 5, 7 and 3 minutes, one no-show, three ratings."""
    for key in ("A", "A", "A", "B"):  # A001 08:30, A002 08:31, A003 08:32, B001 08:33
        queue.issue(clerk.hall_id, categories[key])
        clock.advance(minutes=1)
    served = [(1, 5, Rating.SATISFIED), (2, 7, Rating.DISSATISFIED)]  # A001 and A002
    for counter, minutes, rating in served:
        ticket = queue.call_next(clerk, counter)
        queue.start(clerk, counter)
        clock.advance(minutes=minutes)
        queue.finish(clerk, counter)
        queue.rate(ticket.id, rating)
    queue.call_next(clerk, 1)  # A003 does not come
    queue.no_show(clerk, 1)
    ticket = queue.call_next(clerk, 2)  # B001
    queue.start(clerk, 2)
    clock.advance(minutes=3)
    queue.finish(clerk, 2)
    queue.rate(ticket.id, Rating.FAIRLY_SATISFIED)


@pytest.fixture
def stats_page(
    qtbot: QtBot, admin_service: QueueAdminService, manager: Operator, runner: TaskRunner,
    clock: FixedClock, queue: QueueService, clerk: Operator, categories: dict[str, int],
) -> QueueStatsPage:
    serve_a_morning(queue, clock, clerk, categories)
    page = QueueStatsPage(admin_service, manager, runner, clock)
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    with qtbot.waitSignal(page.loaded):
        page.show()
    return page


@pytest.mark.usefixtures("themed")
def test_statistics_show_the_days_figures(stats_page: QueueStatsPage) -> None:
    assert rows(stats_page.categories) == [
        ["A 缴费", "3", "2", "1", "8:40", "14:00", "6:00", "7:00", "1", "1", "0", "1", "50.0%"],
        ["B 业务办理", "1", "1", "0", "13:00", "13:00", "3:00", "3:00", "0", "0", "1", "0",
         "100.0%"],
    ]
    assert rows(stats_page.counters) == [
        ["1", "2", "1", "1", "9:00", "14:00", "5:00", "5:00", "0", "1", "0", "0", "100.0%"],
        ["2", "2", "2", "0", "10:30", "13:00", "5:00", "7:00", "1", "0", "1", "1", "50.0%"],
    ]
    assert stats_page.status.text() == "Tickets issued: 4"
    shoot(stats_page, "queue_stats.png")
    stats_page.tabs.setCurrentWidget(stats_page.counter_table)
    shoot(stats_page, "queue_stats_counters.png")


def test_other_days_have_no_figures(qtbot: QtBot, stats_page: QueueStatsPage) -> None:
    yesterday = stats_page.since.date().addDays(-1)
    stats_page.since.setDate(yesterday)
    stats_page.until.setDate(yesterday)
    with qtbot.waitSignal(stats_page.loaded):
        stats_page.show_button.click()
    assert rows(stats_page.categories) == [] == rows(stats_page.counters)
    assert stats_page.status.text() == "Tickets issued: 0"
    stats_page.since.setDate(stats_page.since.date().addDays(2))
    assert stats_page.until.date() == QDate(2026, 11, 24)  # never before the start


def test_a_dissatisfied_rating_is_noted_until_marked_as_seen(
    qtbot: QtBot, stats_page: QueueStatsPage, admin_service: QueueAdminService,
    manager: Operator,
) -> None:
    assert rows(stats_page.notes) == [
        ["2026-11-23 08:46", "A002", "2", "Customer was dissatisfied"]]
    assert stats_page.notes_count.text() == "Not yet seen: 1"
    assert not stats_page.seen_button.isEnabled()
    stats_page.notes_table.selectRow(0)
    stats_page.seen_button.click()
    assert rows(stats_page.notes) == []
    assert stats_page.notes_count.text() == "No notes waiting."
    assert admin_service.notes(manager) == []
    with qtbot.waitSignal(stats_page.loaded):
        stats_page.show_button.click()
    assert rows(stats_page.notes) == []


def test_the_queue_models_pass_qts_model_tester(
    qtmodeltester: ModelTester, stats_page: QueueStatsPage, setup_page: QueueSetupPage
) -> None:
    qtmodeltester.check(setup_page.model)
    qtmodeltester.check(stats_page.categories)
    qtmodeltester.check(stats_page.counters)
    qtmodeltester.check(stats_page.notes)


# --- main window ----------------------------------------------------------------------------


@pytest.fixture
def make_window(
    qtbot: QtBot, db: Database, clock: FixedClock, auth: AuthService, runner: TaskRunner,
    tmp_path: Path,
) -> Iterator[Callable[[Operator], MainWindow]]:
    """Build shown main windows at counter 1; all are closed before the database is."""
    settings_file = tmp_path / "config" / "settings.json"
    LocalSettings(counter=1).save(settings_file)
    services = Services.on(db, clock, auth)
    windows: list[MainWindow] = []

    def make(operator: Operator) -> MainWindow:
        desktop = Desktop(LocalSettings.load(settings_file), settings_file, db.describe())
        window = MainWindow(operator, services, desktop, clock, runner, HOUR_MS)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()


def test_a_clerk_gets_neither_queue_module(
    make_window: Callable[[Operator], MainWindow], clerk: Operator
) -> None:
    keys = make_window(clerk).module_keys()
    assert "queue_setup" not in keys and "queue_stats" not in keys


@pytest.mark.usefixtures("themed", "categories")
def test_a_manager_opens_both_queue_modules(
    qtbot: QtBot, make_window: Callable[[Operator], MainWindow], manager: Operator,
) -> None:
    window = make_window(manager)
    window.resize(1280, 800)  # a counter's screen; the offscreen one is only 800 wide
    assert isinstance(window.show_page("queue_setup"), QueueSetupPage)
    assert window.navigation.currentItem().text() == "Queue setup"
    shoot(window, "queue_setup_in_window.png")
    page = window.page("queue_stats")
    assert isinstance(page, QueueStatsPage)
    with qtbot.waitSignal(page.loaded):
        window.show_page("queue_stats")
    shoot(window, "queue_stats_in_window.png")
