"""The lock screen that covers the main window after idle time (空闲锁屏)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.services.auth_service import AuthService
from app.services.dto import Operator
from ui.admin.role_names import role_text
from ui.common.icons import Icon, icon
from ui.common.messages import error_text


class LockDialog(QDialog):
    """A frameless modal sheet over the whole main window; the user's password opens it.

    Failed attempts count like failed logins. Once the user is locked out, the only way on is
    to log out (``logout_requested``).
    """

    unlocked = Signal()  # the right password was given
    logout_requested = Signal()  # the person chose to log out instead

    def __init__(self, auth: AuthService, operator: Operator, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self._auth = auth
        self._operator = operator
        self._finished = False
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("GasHall is locked"))
        self.setModal(True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._panel())
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setMinimumWidth(480)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        picture = QLabel()
        picture.setPixmap(icon(Icon.LOCK, "#1d3557").pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("The screen is locked"))
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = self.tr("{name} ({role}) is logged in at this counter.").format(
            name=self._operator.full_name, role=role_text(self._operator.role))
        self.who = QLabel(who + "\n" + self.tr("Enter the password to go on."))
        self.who.setWordWrap(True)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (picture, title, self.who, self._password_field(), self._error_label()):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())
        return panel

    def _password_field(self) -> QLineEdit:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        big = QFont(self.font())
        big.setPointSize(16)
        self.password.setFont(big)
        return self.password

    def _error_label(self) -> QLabel:
        self.error = QLabel()
        self.error.setObjectName("resultBad")
        self.error.setWordWrap(True)
        self.error.hide()
        return self.error

    def _buttons(self) -> QHBoxLayout:
        self.unlock_button = QPushButton(icon(Icon.UNLOCK, "#ffffff"), self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.logout_button = QPushButton(icon(Icon.LOGOUT), self.tr("Log out"))
        self.logout_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self._unlock)
        self.logout_button.clicked.connect(self._log_out)
        row = QHBoxLayout()
        row.addWidget(self.logout_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        return row

    def show_over(self, window: QWidget) -> None:
        """Cover the window's whole area and take the keyboard."""
        self.setGeometry(window.geometry())
        self.show()
        self.raise_()
        self.activateWindow()
        self.password.setFocus()

    def _unlock(self) -> None:
        if not self.password.text():
            self.password.setFocus()
            return
        try:
            self._auth.unlock(self._operator, self.password.text())
        except (DomainError, StorageUnavailable) as error:
            self._refused(error)
            return
        self._finish()
        self.unlocked.emit()

    def _refused(self, error: DomainError | StorageUnavailable) -> None:
        self.error.setText(error_text(error))
        self.error.show()
        self.password.clear()
        if isinstance(error, DomainError) and error.key in ("auth.locked", "auth.inactive"):
            self.password.setEnabled(False)
            self.unlock_button.setEnabled(False)
            self.error.setText(error_text(error) + "\n" + self.tr("Log out to continue."))
            self.logout_button.setFocus()
        else:
            self.password.setFocus()

    def _log_out(self) -> None:
        self._finish()
        self.logout_requested.emit()

    def _finish(self) -> None:
        self._finished = True
        self.accept()

    def reject(self) -> None:
        """Escape does not open a locked screen."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Only unlocking or logging out closes the lock screen."""
        if self._finished:
            event.accept()
        else:
            event.ignore()
