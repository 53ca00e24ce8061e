"""The login window: the first thing a clerk sees; it waits for the database before logging in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import resource_path
from app.domain.errors import DomainError, StorageUnavailable
from ui.common.messages import error_text

if TYPE_CHECKING:  # imported only for types: the services load after this window is shown
    from app.services.auth_service import AuthService

FIELD_POINT_SIZE = 16


class LoginDialog(QDialog):
    """User name and password in large type; Enter logs in.

    The log-in button stays disabled until ``set_ready`` hands over the auth service, so the
    window can be shown before the database is open.
    """

    logged_in = Signal(object)  # Operator who logged in

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth: AuthService | None = None
        self.setWindowTitle(self.tr("GasHall - Log in"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 24)
        layout.setSpacing(14)
        layout.addLayout(self._header())
        layout.addLayout(self._form())
        layout.addWidget(self._messages())
        layout.addWidget(self._buttons())
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows with a message
        self.set_waiting(self.tr("Opening the database..."))

    def _header(self) -> QHBoxLayout:
        logo = QLabel()  # an SVG file: qtawesome would add 0.3 s before the window shows
        logo.setPixmap(QIcon(str(resource_path("images", "gashall-logo.svg"))).pixmap(60, 60))
        title = QLabel(self.tr("GasHall"))
        title.setObjectName("loginTitle")
        subtitle = QLabel(self.tr("Gas service hall"))
        subtitle.setObjectName("loginSubtitle")
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(title)
        texts.addWidget(subtitle)
        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(logo)
        header.addLayout(texts, 1)
        return header

    def _form(self) -> QFormLayout:
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        big = QFont(self.font())
        big.setPointSize(FIELD_POINT_SIZE)
        for field in (self.username, self.password):
            field.setFont(big)
            field.setMinimumWidth(320)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        return form

    def _messages(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.error = QLabel()
        self.error.setObjectName("resultBad")
        self.error.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.error.hide()
        return box

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        box.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self._log_in)
        self.quit_button.clicked.connect(self.reject)
        return box

    def set_waiting(self, text: str) -> None:
        """Show why logging in is not possible yet (database opening, first start...)."""
        self._auth = None
        self.login_button.setEnabled(False)
        self.status.setText(text)
        self.status.show()

    def set_ready(self, auth: AuthService) -> None:
        """The database is open: enable logging in with this service."""
        self._auth = auth
        self.status.hide()
        self.login_button.setEnabled(True)
        (self.password if self.username.text() else self.username).setFocus()

    def reset(self) -> None:
        """Prepare for the next person: keep the user name, clear password and messages."""
        self.password.clear()
        self.error.hide()
        (self.password if self.username.text() else self.username).setFocus()

    def _log_in(self) -> None:
        if self._auth is None:
            return
        if not self.username.text().strip():
            self.username.setFocus()
            return
        if not self.password.text():  # Enter in the name field moves on; no wasted attempt
            self.password.setFocus()
            return
        try:
            operator = self._auth.login(self.username.text(), self.password.text())
        except (DomainError, StorageUnavailable) as error:
            self._show_error(error_text(error))
            return
        self.password.clear()
        self.error.hide()
        self.logged_in.emit(operator)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.password.setFocus()
