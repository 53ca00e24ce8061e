"""Lock the main window after the hall's idle time without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.services.auth_service import AuthService
from app.services.dto import Operator
from ui.lock_dialog import LockDialog

MINUTE_MS = 60_000

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    """An application-wide event filter: any key or mouse input restarts the idle timer.

    When the timer runs out (or ``lock()`` is called, e.g. by Ctrl+L) a ``LockDialog`` covers
    the window until the logged-in user's password is given.
    """

    locked = Signal()
    unlocked = Signal()
    logout_requested = Signal()  # chosen on the lock screen

    def __init__(
        self, window: QWidget, auth: AuthService, operator: Operator, timeout_ms: int
    ) -> None:
        super().__init__(window)
        self._window = window
        self._auth = auth
        self._operator = operator
        self.dialog: LockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.lock)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is showing."""
        return self.dialog is not None

    @property
    def timeout_ms(self) -> int:
        """Idle time before locking, in milliseconds."""
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time (the hall setting changed); counts from now."""
        self._timer.setInterval(timeout_ms)
        if not self.is_locked:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Restart the idle timer on input; never consumes the event."""
        if self.dialog is None and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False

    def lock(self) -> None:
        """Cover the window now."""
        if self.dialog is not None:
            return
        self._timer.stop()
        self.dialog = LockDialog(self._auth, self._operator, self._window)
        self.dialog.unlocked.connect(self._on_unlocked)
        self.dialog.logout_requested.connect(self._on_logout)
        self.dialog.show_over(self._window)
        self.locked.emit()

    def stop(self) -> None:
        """Stop watching (the session ends); closes a showing lock screen."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._drop_dialog()

    def _on_unlocked(self) -> None:
        self._drop_dialog()
        self._timer.start()
        self.unlocked.emit()

    def _on_logout(self) -> None:
        self._drop_dialog()
        self.logout_requested.emit()

    def _drop_dialog(self) -> None:
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.hide()
            dialog.deleteLater()
