"""An administrator sets a new password for a user (and so lifts a lockout)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.domain.errors import DomainError, StorageUnavailable
from app.services.auth_service import AuthService
from app.services.dto import Operator, UserInfo
from ui.admin.form_feedback import show_refusal
from ui.admin.password_fields import PasswordPair
from ui.common.form_errors import FormErrors


class ResetPasswordDialog(QDialog):
    """New password for ``user``, typed twice."""

    def __init__(
        self, auth: AuthService, operator: Operator, user: UserInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._operator = operator
        self._user = user
        self.setWindowTitle(self.tr("Reset password"))
        self.pair = PasswordPair(self)
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        who = QLabel(self.tr("New password for {name} ({login}).").format(
            name=self._user.full_name, login=self._user.username))
        who.setWordWrap(True)
        form.addRow(who)
        self.pair.add_rows(form, self.errors, self.tr("New password"),
                           self.tr("Repeat the new password"))
        form.addRow(self.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        """Set the password; stay open and show the problem when it is refused."""
        self.errors.clear()
        if not self.pair.check_same():
            return
        try:
            self._auth.reset_password(self._operator, self._user.id, self.pair.password())
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        super().accept()
