"""Logging in as a clerk would: the login window, lockout, and the whole start-up course."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.config import LocalSettings, Paths
from app.domain.users import Role
from app.persistence.db import Database, open_database
from app.persistence.migrate import prepare_database
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.dto import Operator
from tests.conftest import ADMIN_PASSWORD, START
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.app_controller import AppController
from ui.first_start_dialog import FirstStartDialog
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "shots"

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")


@pytest.fixture
def login(qtbot: QtBot, auth: AuthService) -> LoginDialog:
    """The login window, shown, with the database ready."""
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_ready(auth)
    return dialog


def type_in(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    """Type both fields and press Enter in the password field."""
    dialog.username.clear()
    dialog.password.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


@pytest.mark.usefixtures("themed")
def test_log_in_button_waits_for_the_database(qtbot: QtBot, auth: AuthService) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.login_button.isEnabled()
    assert dialog.status.text() == "Opening the database..."
    dialog.grab().save(str(SHOTS / "login_waiting.png"))
    dialog.set_ready(auth)
    assert dialog.login_button.isEnabled()
    assert dialog.status.isHidden()


def test_right_password_logs_in(qtbot: QtBot, login: LoginDialog) -> None:
    with qtbot.waitSignal(login.logged_in) as signal:
        type_in(qtbot, login, "admin", ADMIN_PASSWORD)
    operator = signal.args[0]
    assert isinstance(operator, Operator)
    assert (operator.username, operator.role) == ("admin", Role.ADMINISTRATOR)
    assert login.password.text() == ""


@pytest.mark.usefixtures("themed")
def test_wrong_password_says_how_many_attempts_are_left(
    qtbot: QtBot, login: LoginDialog
) -> None:
    with qtbot.assertNotEmitted(login.logged_in):
        type_in(qtbot, login, "admin", "wrong-password1")
    assert login.error.isVisible()
    assert login.error.text() == (
        "Wrong user name or password. 4 attempts left before the user is locked.")
    assert login.password.text() == "" and login.username.text() == "admin"
    login.grab().save(str(SHOTS / "login_error.png"))


def test_five_failures_lock_the_user_even_for_the_right_password(
    qtbot: QtBot, login: LoginDialog
) -> None:
    for _ in range(5):
        type_in(qtbot, login, "admin", "wrong-password1")
    assert login.error.text() == "Too many failed attempts. The user is locked for 15 minutes."
    with qtbot.assertNotEmitted(login.logged_in):
        type_in(qtbot, login, "admin", ADMIN_PASSWORD)
    assert "locked" in login.error.text()


def test_enter_in_the_name_field_moves_on_without_an_attempt(
    qtbot: QtBot, login: LoginDialog, db: Database, admin: Operator
) -> None:
    qtbot.keyClicks(login.username, "admin")
    with qtbot.assertNotEmitted(login.logged_in):
        qtbot.keyClick(login.username, Qt.Key.Key_Return)
    assert login.error.isHidden()
    actions = [e.action for e in AuditService(db).entries(admin)]
    assert "login.failed" not in actions


# --- the whole course: AppController ------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """An empty GASHALL_HOME-like folder set; no database URL from the environment."""
    monkeypatch.delenv("GASHALL_DB_URL", raising=False)
    base = tmp_path / "home"
    return Paths(base / "data", base / "config", base / "logs")


@pytest.fixture
def controller(qtbot: QtBot, home: Paths) -> Iterator[AppController]:
    """The program's course, started; closed and its database released afterwards."""
    app_controller = AppController(home, LocalSettings())
    qtbot.addWidget(app_controller.login)
    app_controller.start()
    yield app_controller
    if app_controller.window is not None:
        app_controller.window.close()
    app_controller.shutdown()


@pytest.mark.usefixtures("themed")
def test_first_start_empty_then_login_then_logout(
    qtbot: QtBot, controller: AppController
) -> None:
    qtbot.waitUntil(lambda: isinstance(controller.first_start, FirstStartDialog), timeout=20000)
    setup = controller.first_start
    assert isinstance(setup, FirstStartDialog)
    assert setup.demo_choice.isChecked()  # demo data is the default
    assert not setup.hall_name.isEnabled()
    setup.empty_choice.click()
    assert setup.hall_name.isEnabled()
    setup.grab().save(str(SHOTS / "first_start.png"))
    setup.hall_name.setText("东城营业厅")  # keyClicks types ASCII only
    qtbot.keyClicks(setup.pair.new, "secret123")
    qtbot.keyClicks(setup.pair.repeat, "secret123")
    setup.start_button.click()
    assert controller.login.login_button.isEnabled()
    assert controller.login.username.text() == "admin"
    type_in(qtbot, controller.login, "admin", "secret123")
    window = controller.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert not controller.login.isVisible()
    assert window.windowTitle() == "GasHall - 东城营业厅"
    window.logout_action.trigger()
    assert controller.window is None
    assert controller.login.isVisible()
    assert controller.login.password.text() == ""


def test_first_start_refuses_a_short_admin_password(
    qtbot: QtBot, controller: AppController
) -> None:
    qtbot.waitUntil(lambda: controller.first_start is not None, timeout=20000)
    setup = controller.first_start
    assert isinstance(setup, FirstStartDialog)
    setup.empty_choice.click()
    setup.hall_name.setText("东城营业厅")  # keyClicks types ASCII only
    qtbot.keyClicks(setup.pair.new, "abc1")
    qtbot.keyClicks(setup.pair.repeat, "abc1")
    setup.start_button.click()
    assert setup.errors.text_of("password") == "A password needs at least 8 characters."
    assert setup.isVisible()
    assert not controller.login.login_button.isEnabled()


def test_first_start_with_demo_data(qtbot: QtBot, controller: AppController) -> None:
    pytest.importorskip("app.services.demo_service")
    qtbot.waitUntil(lambda: controller.first_start is not None, timeout=20000)
    setup = controller.first_start
    assert isinstance(setup, FirstStartDialog)
    setup.start_button.click()
    qtbot.waitUntil(lambda: controller.login.login_button.isEnabled(), timeout=120000)
    type_in(qtbot, controller.login, "clerk", "clerk123")
    assert isinstance(controller.window, MainWindow)
    assert controller.window.user_label.text().endswith("· Clerk")


def test_database_from_a_newer_program_is_refused_with_a_message(
    qtbot: QtBot, controller: AppController, home: Paths
) -> None:
    qtbot.waitUntil(lambda: controller.first_start is not None, timeout=20000)
    assert controller.first_start is not None
    controller.first_start.close()
    controller.shutdown()
    db = open_database(f"sqlite:///{home.database.as_posix()}")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.dispose()
    controller.open_database()
    qtbot.waitUntil(lambda: controller.error_box is not None, timeout=20000)
    box = controller.error_box
    assert isinstance(box, QMessageBox)
    assert "newer version of GasHall" in box.text()
    assert "newer version of GasHall" in controller.login.status.text()
    assert not controller.login.login_button.isEnabled()
    box.button(QMessageBox.StandardButton.Close).click()
    assert controller.error_box is None


def test_an_existing_database_goes_straight_to_login(
    qtbot: QtBot, home: Paths, tmp_path: Path
) -> None:
    db = open_database(f"sqlite:///{home.database.as_posix()}")
    prepare_database(db, home.backups, START)
    from app.domain.clock import FixedClock

    AuthService(db, FixedClock(START)).first_setup("西城营业厅", ADMIN_PASSWORD)
    db.dispose()
    app_controller = AppController(home, LocalSettings())
    qtbot.addWidget(app_controller.login)
    app_controller.start()
    try:
        qtbot.waitUntil(lambda: app_controller.login.login_button.isEnabled(), timeout=20000)
        assert app_controller.first_start is None
        type_in(qtbot, app_controller.login, "admin", ADMIN_PASSWORD)
        assert isinstance(app_controller.window, MainWindow)
        app_controller.window.close()
        assert QApplication.instance() is not None
    finally:
        app_controller.shutdown()
