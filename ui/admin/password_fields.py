"""A new password typed twice, with the "not the same" check the dialogs share."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ui.admin.form_feedback import fit_dialog
from ui.common.form_errors import FormErrors


class PasswordPair(QObject):
    """Two hidden fields for a new password and an error label for the repeat field."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.new = _hidden_field(parent)
        self.repeat = _hidden_field(parent)
        self.new.setAccessibleName(self.tr("New password"))
        self.repeat.setAccessibleName(self.tr("Repeat the new password"))
        self.new_error = QLabel(parent)
        self.repeat_error = QLabel(parent)

    def add_rows(
        self, form: QFormLayout, errors: FormErrors, new_caption: str, repeat_caption: str
    ) -> None:
        """Put both fields, each with its error line, into a form; errors find them by name."""
        errors.register("password", self.new_error, self.new)
        errors.register("repeat", self.repeat_error, self.repeat)
        form.addRow(new_caption, self.new)
        form.addRow("", self.new_error)
        form.addRow(repeat_caption, self.repeat)
        form.addRow("", self.repeat_error)

    def password(self) -> str:
        """The new password as typed."""
        return self.new.text()

    def check_same(self) -> bool:
        """True when both fields agree; otherwise says so under the repeat field."""
        if self.new.text() == self.repeat.text():
            return True
        self.repeat_error.setText(self.tr("The two passwords are not the same."))
        self.repeat_error.show()
        self.repeat.clear()
        self.repeat.setFocus()
        fit_dialog(self.repeat_error)
        return False


def _hidden_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
