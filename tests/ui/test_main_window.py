"""The main window per role: navigation, F2, status bar, geometry, session actions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.domain.clock import FixedClock
from app.persistence.db import Database
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.dto import Operator
from tests.conftest import ADMIN_PASSWORD
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.accounts.accounts_page import AccountsPage
from ui.admin.change_password_dialog import ChangePasswordDialog
from ui.admin.desktop_settings_dialog import DesktopSettingsDialog
from ui.admin.hall_settings_page import HallSettingsPage
from ui.common.task_runner import TaskRunner
from ui.main_window import Desktop, MainWindow, Services

SHOTS = Path(__file__).resolve().parents[2] / "shots"
HOUR_MS = 3_600_000

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    """This desktop's settings file: counter 3."""
    path = tmp_path / "config" / "settings.json"
    LocalSettings(counter=3).save(path)
    return path


@pytest.fixture
def make_window(
    qtbot: QtBot, db: Database, clock: FixedClock, auth: AuthService, runner: TaskRunner,
    settings_file: Path,
) -> Iterator[MakeWindow]:
    """Build shown main windows for an operator; all are closed before the database is."""
    services = Services.on(db, clock, auth)
    windows: list[MainWindow] = []

    def make(operator: Operator, idle_timeout_ms: int | None = HOUR_MS) -> MainWindow:
        desktop = Desktop(LocalSettings.load(settings_file), settings_file, db.describe())
        window = MainWindow(operator, services, desktop, clock, runner, idle_timeout_ms)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()


def navigation_texts(window: MainWindow) -> list[str]:
    nav = window.navigation
    return [nav.item(row).text() for row in range(nav.count())]


def test_a_clerk_sees_accounts_and_readings(make_window: MakeWindow, clerk: Operator) -> None:
    assert navigation_texts(make_window(clerk)) == ["Accounts", "Cash desk", "Meter readings"]


def test_a_manager_sees_audit_log_and_hall_settings(
    make_window: MakeWindow, manager: Operator
) -> None:
    assert navigation_texts(make_window(manager)) == [
        "Accounts", "Cash desk", "Meter readings", "Tariffs", "Daily close", "Audit log",
        "Hall settings", "Queue setup", "Queue statistics"]


@pytest.mark.usefixtures("themed")
def test_an_administrator_sees_every_module(make_window: MakeWindow, admin: Operator) -> None:
    window = make_window(admin)
    assert navigation_texts(window) == ["Accounts", "Cash desk", "Meter readings", "Tariffs",
                                        "Daily close", "Users", "Audit log", "Hall settings",
                                        "Queue setup", "Queue statistics"]
    assert isinstance(window.stack.currentWidget(), AccountsPage)
    window.resize(1280, 800)  # a counter's screen; the offscreen one is only 800 wide
    window.grab().save(str(SHOTS / "main_window.png"))


@pytest.mark.usefixtures("themed")
def test_clicking_a_module_shows_its_page(
    qtbot: QtBot, make_window: MakeWindow, admin: Operator
) -> None:
    window = make_window(admin)
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(5))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.page("users")
    window.resize(1280, 800)
    window.grab().save(str(SHOTS / "main_window_users.png"))


def test_f2_shows_the_accounts_and_focuses_the_search(
    qtbot: QtBot, make_window: MakeWindow, admin: Operator
) -> None:
    window = make_window(admin)
    hall_page = window.show_page("hall")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    hall_page.name.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(hall_page.name, Qt.Key.Key_F2)  # type: ignore[attr-defined]
    page = window.stack.currentWidget()
    assert isinstance(page, AccountsPage)
    assert window.navigation.currentItem().text() == "Accounts"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.search_box)


def test_status_bar_tells_who_where_which_database_and_time(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, clock: FixedClock
) -> None:
    window = make_window(clerk)
    assert window.user_label.text() == "王小燕 · Clerk"
    assert window.counter_label.text() == "Counter 3"
    assert window.database_label.text() == "SQLite gashall.db"
    assert window.clock_label.text() == "2026-11-23 08:30:00"
    clock.advance(seconds=5)
    qtbot.waitUntil(lambda: window.clock_label.text() == "2026-11-23 08:30:05", timeout=3000)
    assert window.windowTitle() == "GasHall - 东城营业厅"


def test_window_size_and_place_are_kept_in_the_settings_file(
    make_window: MakeWindow, admin: Operator, settings_file: Path
) -> None:
    first = make_window(admin)
    first.resize(700, 500)  # within the offscreen screen (800 x 600)
    first.close()
    saved = LocalSettings.load(settings_file)
    assert saved.window_geometry and saved.counter == 3
    second = make_window(admin)
    assert second.size() == QSize(700, 500)


def test_a_damaged_geometry_falls_back_to_the_default_size(
    make_window: MakeWindow, admin: Operator, settings_file: Path
) -> None:
    LocalSettings(counter=3, window_geometry="zz-not-hex-é").save(settings_file)
    window = make_window(admin)
    assert window.size() == window.default_size()
    assert window.default_size() == QSize(1280, 800).boundedTo(
        window.screen().availableGeometry().size())


def test_log_out_is_recorded_and_announced(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, db: Database, admin: Operator
) -> None:
    window = make_window(clerk)
    with qtbot.waitSignal(window.logged_out):
        window.logout_action.trigger()
    last = AuditService(db).entries(admin, limit=1)[0]
    assert (last.actor, last.action) == ("clerk1", "logout")


def test_closing_the_window_ends_the_program_and_logs_out(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, db: Database, admin: Operator
) -> None:
    window = make_window(clerk)
    with qtbot.waitSignal(window.closed), qtbot.assertNotEmitted(window.logged_out):
        window.close()
    assert AuditService(db).entries(admin, limit=1)[0].action == "logout"


def test_desktop_settings_change_the_counter_and_are_saved(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator, settings_file: Path
) -> None:
    window = make_window(clerk)
    window.desktop_action.trigger()
    dialog = window.findChild(DesktopSettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.counter.value() == 3
    dialog.counter.setValue(7)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert window.counter_label.text() == "Counter 7"
    saved = LocalSettings.load(settings_file)
    assert (saved.counter, saved.language) == (7, "en")


def test_change_password_checks_the_current_one(
    qtbot: QtBot, make_window: MakeWindow, admin: Operator, auth: AuthService
) -> None:
    window = make_window(admin)
    window.password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.old, "not-it-123")
    qtbot.keyClicks(dialog.pair.new, "newpass456")
    qtbot.keyClicks(dialog.pair.repeat, "newpass456")
    dialog.accept()
    assert dialog.errors.text_of("old_password") == "The current password is wrong."
    assert dialog.isVisible()
    dialog.old.setText(ADMIN_PASSWORD)
    dialog.pair.repeat.setText("newpass456")
    dialog.accept()
    assert not dialog.isVisible()
    assert window.statusBar().currentMessage() == "Password changed."
    assert auth.login("admin", "newpass456").username == "admin"


def test_change_password_wants_the_new_one_twice_the_same(
    qtbot: QtBot, make_window: MakeWindow, admin: Operator
) -> None:
    window = make_window(admin)
    window.password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None
    dialog.old.setText(ADMIN_PASSWORD)
    dialog.pair.new.setText("newpass456")
    dialog.pair.repeat.setText("newpass457")
    dialog.accept()
    assert dialog.pair.repeat_error.text() == "The two passwords are not the same."
    assert dialog.isVisible()


def test_ctrl_l_locks_and_the_password_unlocks(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator
) -> None:
    window = make_window(clerk)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.idle_lock.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.geometry() == window.geometry()
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not window.idle_lock.is_locked


def test_idle_time_locks_the_window_and_log_out_ends_the_session(
    qtbot: QtBot, make_window: MakeWindow, clerk: Operator
) -> None:
    window = make_window(clerk, idle_timeout_ms=300)
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=3000)
    dialog = window.idle_lock.dialog
    assert dialog is not None
    with qtbot.waitSignal(window.logged_out):
        dialog.logout_button.click()


def test_idle_time_comes_from_the_hall_settings(
    qtbot: QtBot, make_window: MakeWindow, admin: Operator
) -> None:
    window = make_window(admin, idle_timeout_ms=None)
    assert window.idle_lock.timeout_ms == 10 * 60_000
    page = window.show_page("hall")
    assert isinstance(page, HallSettingsPage)
    page.idle_minutes.setValue(5)
    page.save_button.click()
    assert window.idle_lock.timeout_ms == 5 * 60_000
