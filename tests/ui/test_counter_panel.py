"""The counter's queue strip in the main window: F5-F8, no-show, transfer, pause, alerts, pad."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.domain.clock import FixedClock
from app.domain.errors import StorageUnavailable
from app.domain.queue import Rating, TicketStatus
from app.persistence.db import Database
from app.services.auth_service import AuthService
from app.services.dto import Operator, TicketInfo
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.accounts.accounts_page import AccountsPage
from ui.common.announcer import RecordingAnnouncer
from ui.common.task_runner import TaskRunner
from ui.events import AppEvents
from ui.main_window import PAD_GEOMETRY, Desktop, MainWindow, Services
from ui.queue.counter_panel import CounterPanel
from ui.queue.transfer_dialog import TransferDialog

SHOTS = Path(__file__).resolve().parents[2] / "shots"
HOUR_MS = 3_600_000
COUNTER = 3
TODAY = date(2026, 11, 23)

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)")

MakeWindow = Callable[..., MainWindow]


class Hall:
    """Categories A 缴费 (5 min, counter 3) and B 业务办理 (15 min, counter 2); issues tickets."""

    def __init__(self, db: Database, clock: FixedClock, admin: Operator) -> None:
        self.clock = clock
        self.admin = admin
        self.queue = QueueService(db, clock)
        self.setup = QueueAdminService(db, clock)
        self.a = self.setup.save_category(admin, None, "A", "缴费", 5, True, [COUNTER]).id
        self.b = self.setup.save_category(admin, None, "B", "业务办理", 15, True, [2]).id

    def issue(self, count: int = 1, category: int | None = None) -> None:
        for _ in range(count):
            self.clock.advance(seconds=10)
            self.queue.issue(self.admin.hall_id, category or self.a)

    def current(self, counter: int = COUNTER) -> TicketInfo | None:
        return self.queue.counter_state(self.admin.hall_id, counter).current


@pytest.fixture
def hall(db: Database, clock: FixedClock, admin: Operator) -> Hall:
    return Hall(db, clock, admin)


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    qapp.processEvents()


def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


@pytest.fixture
def make_window(
    qtbot: QtBot, db: Database, clock: FixedClock, auth: AuthService, runner: TaskRunner,
    tmp_path: Path, hall: Hall,
) -> Iterator[MakeWindow]:
    """Shown main windows at counter 3 whose panel has loaded; all closed before the database."""
    settings_file = settings_path(tmp_path)
    LocalSettings(counter=COUNTER).save(settings_file)
    services = replace(Services.on(db, clock, auth), queue=hall.queue, queue_admin=hall.setup)
    windows: list[MainWindow] = []

    def make(operator: Operator, queue: QueueService | None = None) -> MainWindow:
        used = services if queue is None else replace(services, queue=queue)
        desktop = Desktop(LocalSettings.load(settings_file), settings_file, db.describe())
        window = MainWindow(operator, used, desktop, clock, runner, HOUR_MS, events=AppEvents())
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.counter_panel.loaded)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    yield make
    for window in windows:
        window.close()
    runner.wait_idle()
    for window in windows:
        window.deleteLater()


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key pressed wherever the keyboard focus is in the window."""
    qtbot.keyClick(QApplication.focusWidget() or window, key)


def number(window: MainWindow) -> str:
    return window.counter_panel.view.number_label.text()


def wait_number(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: number(window) == text)


def wait_message(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: window.counter_panel.message_text == text)


def enabled(panel: CounterPanel) -> set[str]:
    return {a.text() for a in panel.actions_for_menu() if a.isEnabled()}


def test_f5_from_the_search_box_calls_the_oldest_ticket(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue(2)
    window = make_window(clerk)
    page = window.show_page("accounts")
    assert isinstance(page, AccountsPage)
    page.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)
    with qtbot.waitSignal(window.events.visit_changed) as changed:
        press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    view = window.counter_panel.view
    assert (view.category_label.text(), view.status_label.text()) == ("缴费", "Called")
    assert window.counter_panel.message_text == "Number A001, please go to counter 3"
    qtbot.waitUntil(lambda: view.waiting_label.text() == "Waiting for this counter: 1")
    assert changed.args[0].number == "A001"
    assert window.events.current_visit is not None
    assert window.events.current_visit.number == "A001"
    current = hall.current()
    assert current is not None and current.number == "A001"


def test_buttons_follow_the_tickets_state(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue()
    window = make_window(clerk)
    panel = window.counter_panel
    assert enabled(panel) == {"Call next", "Pause counter"}
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    assert enabled(panel) == {"Recall", "Start", "Finish", "No-show", "Transfer...",
                              "Pause counter"}
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: panel.view.status_label.text() == "In service")
    assert enabled(panel) == {"Finish", "Transfer...", "Pause counter"}


def test_recall_start_finish_and_the_customers_rating(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, admin: Operator,
    clock: FixedClock, tmp_path: Path,
) -> None:
    hall.issue()
    window = make_window(clerk)
    panel, view = window.counter_panel, window.counter_panel.view
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    press(qtbot, window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: view.status_label.text() == "Called · recalls: 1")
    assert panel.message_text == "Number A001, please go to counter 3"
    press(qtbot, window, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: view.status_label.text() == "In service")
    clock.advance(minutes=2)
    with qtbot.waitSignal(window.events.visit_finished) as finished:
        press(qtbot, window, Qt.Key.Key_F8)
    assert finished.args[0].status is TicketStatus.DONE
    qtbot.waitUntil(lambda: panel.pad is not None and panel.pad.isVisible())
    assert number(window) == "—" and window.events.current_visit is None
    assert panel.message_text == "A001 finished."
    pad = panel.pad
    assert pad is not None and pad.parent() is None and pad.ticket.number == "A001"
    with qtbot.waitSignal(window.events.rating_recorded) as rated:
        qtbot.mouseClick(pad.buttons[Rating.SATISFIED], Qt.MouseButton.LeftButton)
    assert rated.args == [pad.ticket.id, Rating.SATISFIED]
    assert pad.feedback.text() == "Thank you for your rating!"
    with qtbot.waitSignal(pad.closed, timeout=5000):
        pass  # the thank-you stays for a moment, then the pad closes (and is deleted)
    assert panel.pad is None
    by_category, by_counter = hall.setup.statistics(admin, TODAY, TODAY)
    figures = next(f for f in by_category if f.key == "A 缴费")
    assert (figures.served, figures.satisfied, figures.average_service_s) == (1, 1, 120)
    window.close()  # the pad's place on the customer's screen is kept for the next session
    assert LocalSettings.load(settings_path(tmp_path)).extra.get(PAD_GEOMETRY)


def test_no_rating_pad_opens_after_a_no_show(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue()
    window = make_window(clerk)
    panel = window.counter_panel
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    panel.no_show_action.trigger()
    wait_message(qtbot, window, "A001 marked as no-show.")
    assert number(window) == "—" and panel.pad is None
    assert hall.current() is None


def test_nothing_waiting_says_so_and_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator
) -> None:
    window = make_window(clerk)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_message(qtbot, window, "Nobody is waiting for this counter.")
    assert number(window) == "—"
    assert "Call next" in enabled(window.counter_panel)


def test_a_paused_counter_does_not_call(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue()
    window = make_window(clerk)
    panel = window.counter_panel
    panel.pause_action.trigger()
    qtbot.waitUntil(lambda: panel.pause_action.text() == "Resume counter")
    assert panel.view.paused_label.isVisible()
    press(qtbot, window, Qt.Key.Key_F5)
    wait_message(qtbot, window, "This counter is on a break. Resume it before calling.")
    assert hall.current() is None
    panel.pause_action.trigger()
    qtbot.waitUntil(lambda: panel.pause_action.text() == "Pause counter")
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")


def open_transfer(qtbot: QtBot, window: MainWindow) -> TransferDialog:
    window.counter_panel.transfer_action.trigger()
    qtbot.waitUntil(lambda: window.counter_panel.transfer_dialog is not None)
    dialog = window.counter_panel.transfer_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_transfer_needs_a_reason(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue()
    window = make_window(clerk)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    dialog = open_transfer(qtbot, window)
    assert dialog.category.currentText() == "B 业务办理"  # not the ticket's own category
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.errors.text_of("reason") != "")
    assert dialog.errors.text_of("reason") == "Say why the ticket is transferred."
    assert dialog.isVisible() and number(window) == "A001"
    current = hall.current()
    assert current is not None and current.number == "A001"
    dialog.to_counter.setChecked(True)
    dialog.counter.setValue(COUNTER)
    qtbot.keyClicks(dialog.reason, "wrong counter")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.errors.text_of("target") != "")
    assert dialog.errors.text_of("target") == "Choose a counter other than this one."
    assert hall.current() is not None


def test_transfer_to_a_counter_sends_the_ticket_there(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, admin: Operator
) -> None:
    hall.issue()
    window = make_window(clerk)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    dialog = open_transfer(qtbot, window)
    dialog.to_counter.setChecked(True)
    dialog.counter.setValue(2)
    qtbot.keyClicks(dialog.reason, "needs a new meter")
    with qtbot.waitSignal(dialog.transferred):
        dialog.accept()
    assert not dialog.isVisible()
    wait_message(qtbot, window, "A001 transferred.")
    assert number(window) == "—" and hall.current() is None
    assert hall.queue.call_next(admin, 2).number == "A001"


def test_transfer_to_a_category(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, admin: Operator
) -> None:
    hall.issue()
    window = make_window(clerk)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    dialog = open_transfer(qtbot, window)
    qtbot.keyClicks(dialog.reason, "a change of owner")
    with qtbot.waitSignal(dialog.transferred) as transferred:
        dialog.accept()
    assert transferred.args[0].category == "业务办理"
    assert hall.queue.call_next(admin, 2).number == "A001"  # counter 2 serves B


def test_a_new_window_finds_the_current_ticket_again(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue(2)
    first = make_window(clerk)
    press(qtbot, first, Qt.Key.Key_F5)
    wait_number(qtbot, first, "A001")
    press(qtbot, first, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: first.counter_panel.view.status_label.text() == "In service")
    first.close()  # as if the desktop had crashed: nothing is finished
    second = make_window(clerk)
    assert number(second) == "A001"
    assert second.counter_panel.view.status_label.text() == "In service"
    assert second.events.current_visit is not None
    assert second.events.current_visit.number == "A001"
    assert "Finish" in enabled(second.counter_panel)


def test_the_timer_turns_red_past_the_time_limit(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, clock: FixedClock
) -> None:
    hall.issue()
    window = make_window(clerk)
    panel, view = window.counter_panel, window.counter_panel.view
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    assert (view.timer_label.text(), view.over_time) == ("00:00", False)
    clock.advance(minutes=5)
    panel.tick()
    assert (view.timer_label.text(), view.over_time, view.alert_label.text()) == (
        "05:00", False, "")
    clock.advance(seconds=1)
    panel.tick()
    assert (view.timer_label.text(), view.over_time) == ("05:01", True)
    assert view.alert_label.text() == "Over the 5-minute time limit"
    press(qtbot, window, Qt.Key.Key_F7)  # service time counts from the start
    qtbot.waitUntil(lambda: view.timer_label.text() == "00:00")
    assert not view.over_time and view.alert_label.text() == ""


class _UnavailableQueue(QueueService):
    """A queue whose database is busy when calling."""

    def call_next(self, operator: Operator, counter_no: int) -> TicketInfo:
        raise StorageUnavailable("storage.busy")


def test_a_busy_database_is_a_message_not_a_crash(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, db: Database,
    clock: FixedClock,
) -> None:
    hall.issue()
    window = make_window(clerk, queue=_UnavailableQueue(db, clock))
    press(qtbot, window, Qt.Key.Key_F5)
    wait_message(qtbot, window, "The database is busy. Wait a moment and try again; nothing "
                                "was lost.")
    assert number(window) == "—" and "Call next" in enabled(window.counter_panel)


def test_the_counter_follows_the_desktop_settings(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, admin: Operator
) -> None:
    hall.issue()
    hall.queue.call_next(admin, COUNTER)
    window = make_window(clerk)
    assert number(window) == "A001"
    window.counter_panel.set_counter(2)
    wait_number(qtbot, window, "—")
    assert window.counter_panel.view.counter_label.text() == "Counter 2"


def test_the_customer_windows_open_on_their_own_and_close_with_the_main_window(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    pytest.importorskip("ui.windows.kiosk_window")
    pytest.importorskip("ui.windows.display_board")
    hall.issue()
    window = make_window(clerk)
    announcer = RecordingAnnouncer()
    window.customer_windows.announcer_factory = lambda _language: announcer
    window.kiosk_action.trigger()
    window.board_action.trigger()
    opened: list[QWidget] = []
    for key in ("kiosk", "board"):
        customer = window.customer_windows.get(key)
        assert customer is not None and customer.parent() is None and customer.isVisible()
        opened.append(customer)
    window.kiosk_action.trigger()  # a second time shows the same window
    assert window.customer_windows.get("kiosk") is opened[0]
    # calls made before the board's first look are not spoken (it may open mid-day)
    qtbot.waitUntil(lambda: getattr(opened[1], "state", None) is not None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    qtbot.waitUntil(lambda: "Number A001, please go to counter 3" in announcer.texts)
    window.close()
    assert not any(w.isVisible() for w in opened)


def test_a_missing_customer_window_is_a_message(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ui.windows.kiosk_window", None)  # import fails
    window = make_window(clerk)
    window.kiosk_action.trigger()
    assert window.statusBar().currentMessage() == "This window is not available."
    assert window.customer_windows.get("kiosk") is None


def test_the_menus_offer_the_counter_and_the_windows(
    make_window: MakeWindow, clerk: Operator
) -> None:
    window = make_window(clerk)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    counter = [(a.text(), a.shortcut().toString()) for a in menus["&Counter"].actions()]
    assert counter == [("Call next", "F5"), ("Recall", "F6"), ("Start", "F7"), ("Finish", "F8"),
                       ("No-show", ""), ("Transfer...", ""), ("Pause counter", "")]
    assert [a.text() for a in menus["&Windows"].actions()] == ["Ticket kiosk", "Display board"]


def test_app_events_tell_only_real_changes_of_the_visit(qtbot: QtBot, hall: Hall) -> None:
    hall.issue()
    ticket = hall.queue.call_next(hall.admin, COUNTER)
    events = AppEvents()
    with qtbot.waitSignal(events.visit_changed) as changed:
        events.set_visit(ticket)
    assert changed.args == [ticket] and events.current_visit == ticket
    with qtbot.assertNotEmitted(events.visit_changed):
        events.set_visit(ticket)
    finished = hall.queue.finish(hall.admin, COUNTER)
    with qtbot.waitSignal(events.visit_finished) as ended, \
            qtbot.waitSignal(events.visit_changed) as cleared:
        events.finish_visit(finished)
    assert ended.args == [finished] and cleared.args == [None]
    assert events.current_visit is None


@pytest.mark.usefixtures("themed")
def test_screenshot_of_the_counter_strip(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall, clock: FixedClock
) -> None:
    hall.issue(4)
    window = make_window(clerk)
    window.resize(1280, 800)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    qtbot.waitUntil(lambda: window.counter_panel.view.waiting_label.text().endswith(": 3"))
    clock.advance(minutes=6)
    window.counter_panel.tick()
    assert window.counter_panel.view.over_time
    qtbot.wait(100)  # let the strip lay out the alert
    window.grab().save(str(SHOTS / "main_window_counter.png"))


@pytest.mark.usefixtures("themed")
def test_screenshot_of_the_transfer_dialog(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, hall: Hall
) -> None:
    hall.issue()
    window = make_window(clerk)
    press(qtbot, window, Qt.Key.Key_F5)
    wait_number(qtbot, window, "A001")
    dialog = open_transfer(qtbot, window)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.errors.text_of("reason") != "")
    qtbot.wait(50)
    dialog.grab().save(str(SHOTS / "transfer_dialog.png"))
    dialog.reject()
