"""Change one's own password (current password, then the new one twice)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.services.auth_service import AuthService
from app.services.dto import Operator
from ui.admin.form_feedback import show_refusal
from ui.admin.password_fields import PasswordPair
from ui.common.form_errors import FormErrors


class ChangePasswordDialog(QDialog):
    """Asks for the current password and a new one; closes when the service accepted it."""

    def __init__(
        self, auth: AuthService, operator: Operator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._operator = operator
        self.setWindowTitle(self.tr("Change password"))
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.EchoMode.Password)
        self.old.setAccessibleName(self.tr("Current password"))
        self.pair = PasswordPair(self)
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        self._lay_out()

    def _lay_out(self) -> None:
        old_error = QLabel()
        self.errors.register("old_password", old_error, self.old)
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        form.addRow(self.tr("Current password"), self.old)
        form.addRow("", old_error)
        self.pair.add_rows(form, self.errors, self.tr("New password"),
                           self.tr("Repeat the new password"))
        form.addRow(self.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        """Change the password; stay open and show the problem when it is refused."""
        self.errors.clear()
        if not self.pair.check_same():
            return
        try:
            self._auth.change_password(self._operator, self.old.text(), self.pair.password())
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        super().accept()
