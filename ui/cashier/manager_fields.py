"""A manager's authorisation typed into a dialog: user name, password and the reason."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from ui.common.form_errors import FormErrors

REASON_MAX = 200


class ManagerFields(QWidget):
    """Reason, manager's user name and password, each with its error line.

    Registers the fields ``reason`` and ``manager`` (and ``password``) with ``errors``; the
    authorisation's own refusals (wrong password, locked) have no field and show in the
    dialog's general line.
    """

    def __init__(self, errors: FormErrors, reason_hint: str, parent: QWidget | None = None,
                 with_manager: bool = True) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(reason_hint)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        rows = [("reason", self.tr("Reason:"), self.reason)]
        if with_manager:
            rows += [("manager", self.tr("Manager's user name:"), self.username),
                     ("password", self.tr("Manager's password:"), self.password)]
        for field, caption, widget in rows:
            error = QLabel()
            errors.register(field, error, widget)
            form.addRow(caption, widget)
            form.addRow("", error)

    def filled(self) -> bool:
        """Whether a reason, a user name and a password were typed."""
        return bool(self.reason.text().strip() and self.username.text().strip()
                    and self.password.text())
