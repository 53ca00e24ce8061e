"""The idle lock: input keeps the screen open; idle time covers it until the password is given."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.services.auth_service import AuthService
from app.services.dto import Operator
from tests.conftest import ADMIN_PASSWORD
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.idle_lock import IdleLock
from ui.lock_dialog import LockDialog

SHOTS = Path(__file__).resolve().parents[2] / "shots"
SHORT_MS = 300

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")


class Counter(QWidget):
    """A stand-in for the main window: one field to type into."""

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)
        self.resize(700, 500)


@pytest.fixture
def window(qtbot: QtBot) -> Counter:
    widget = Counter()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def lock(window: Counter, auth: AuthService, admin: Operator) -> Iterator[IdleLock]:
    idle = IdleLock(window, auth, admin, SHORT_MS)
    yield idle
    idle.stop()


def locked_dialog(lock: IdleLock) -> LockDialog:
    assert lock.dialog is not None
    return lock.dialog


def unlock_with(qtbot: QtBot, dialog: LockDialog, password: str) -> None:
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


@pytest.mark.usefixtures("themed")
def test_idle_time_covers_the_window(qtbot: QtBot, lock: IdleLock, window: Counter) -> None:
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    dialog = locked_dialog(lock)
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.geometry() == window.geometry()
    assert "Administrator (Administrator) is logged in at this counter." in dialog.who.text()
    dialog.grab().save(str(SHOTS / "idle_lock.png"))


def test_typing_keeps_the_screen_open(qtbot: QtBot, lock: IdleLock, window: Counter) -> None:
    for _ in range(8):  # 8 x 100 ms of typing: well past the 300 ms idle time
        qtbot.keyClick(window.field, Qt.Key.Key_A)
        qtbot.wait(100)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)


def test_wrong_password_keeps_it_locked_right_one_opens(
    qtbot: QtBot, lock: IdleLock
) -> None:
    lock.lock()
    dialog = locked_dialog(lock)
    unlock_with(qtbot, dialog, "wrong-password1")
    assert dialog.error.text() == (
        "Wrong user name or password. 4 attempts left before the user is locked.")
    assert lock.is_locked and dialog.isVisible()
    with qtbot.waitSignal(lock.unlocked):
        unlock_with(qtbot, dialog, ADMIN_PASSWORD)
    assert not lock.is_locked
    assert not dialog.isVisible()


def test_escape_does_not_open_the_lock(qtbot: QtBot, lock: IdleLock) -> None:
    lock.lock()
    dialog = locked_dialog(lock)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    dialog.close()
    assert lock.is_locked and dialog.isVisible()


def test_after_five_failures_the_only_way_on_is_to_log_out(
    qtbot: QtBot, lock: IdleLock, auth: AuthService
) -> None:
    lock.lock()
    dialog = locked_dialog(lock)
    for _ in range(5):
        unlock_with(qtbot, dialog, "wrong-password1")
    assert dialog.error.text().startswith(
        "Too many failed attempts. The user is locked for 15 minutes.")
    assert "Log out to continue." in dialog.error.text()
    assert not dialog.password.isEnabled() and not dialog.unlock_button.isEnabled()
    with qtbot.waitSignal(lock.logout_requested):
        dialog.logout_button.click()
    assert not lock.is_locked


def test_the_timer_starts_again_after_unlocking(qtbot: QtBot, lock: IdleLock) -> None:
    lock.lock()
    with qtbot.waitSignal(lock.unlocked):
        unlock_with(qtbot, locked_dialog(lock), ADMIN_PASSWORD)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass


def test_stopped_lock_never_fires(qtbot: QtBot, lock: IdleLock) -> None:
    lock.stop()
    with qtbot.assertNotEmitted(lock.locked, wait=SHORT_MS * 3):
        pass
