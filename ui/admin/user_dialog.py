"""Add a staff user, or change one's full name, role and active flag."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.domain.users import Role
from app.services.auth_service import AuthService
from app.services.dto import Operator, UserInfo
from ui.admin.form_feedback import show_refusal
from ui.admin.password_fields import PasswordPair
from ui.admin.role_names import role_text
from ui.common.form_errors import FormErrors


class UserDialog(QDialog):
    """A new user (``user`` is None: login name and password too) or an existing one.

    After ``accept`` the saved user is in ``saved``.
    """

    def __init__(
        self, auth: AuthService, operator: Operator, user: UserInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._operator = operator
        self._user = user
        self.saved: UserInfo | None = None
        self.setWindowTitle(self.tr("Add user") if user is None else self.tr("Edit user"))
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        self._build_fields()
        self._lay_out()
        if user is not None:
            self._fill(user)

    def _build_fields(self) -> None:
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(60)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_text(role), role)
        self.active = QCheckBox(self.tr("May log in"))
        self.active.setChecked(True)
        self.pair = PasswordPair(self)

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        form.addRow(self.tr("Login name"), self.username)
        self._error_row(form, "username", self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        self._error_row(form, "full_name", self.full_name)
        form.addRow(self.tr("Role"), self.role)
        self._error_row(form, "role", self.role)
        if self._user is None:
            self.pair.add_rows(form, self.errors, self.tr("Password"),
                               self.tr("Repeat the password"))
        else:
            form.addRow(self.tr("Active"), self.active)
        form.addRow(self.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def _error_row(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        label = QLabel()
        self.errors.register(field, label, widget)
        form.addRow("", label)

    def _fill(self, user: UserInfo) -> None:
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.username.setEnabled(False)
        self.full_name.setText(user.full_name)
        self.role.setCurrentIndex(self.role.findData(user.role))
        self.active.setChecked(user.active)
        self.full_name.setFocus()

    def accept(self) -> None:
        """Save through the service; stay open with the problems shown when refused."""
        self.errors.clear()
        if self._user is None and not self.pair.check_same():
            return
        try:
            self.saved = self._save(Role(self.role.currentData()))
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        super().accept()

    def _save(self, role: Role) -> UserInfo:
        if self._user is None:
            return self._auth.create_user(self._operator, self.username.text(),
                                          self.full_name.text(), role, self.pair.password())
        return self._auth.update_user(self._operator, self._user.id, self.full_name.text(),
                                      role, self.active.isChecked())
