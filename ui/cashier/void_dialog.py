"""Void a receipt (作废) with a reason and a manager's password typed into the dialog."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.domain.errors import DomainError
from app.domain.money import format_yuan
from app.services.cashier_dto import ReceiptView
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from ui.cashier.manager_fields import ManagerFields
from ui.cashier.service_dialog import ServiceDialog
from ui.common.task_runner import TaskRunner


class VoidDialog(ServiceDialog):
    """The receipt, the reason and the manager's authorisation; the service writes the void.

    A wrong password is shown and the dialog stays open with the password cleared (the service
    counts it as a failed login of that manager).
    """

    voided = Signal(object)  # ReceiptView of the void (negative, its own receipt number)

    def __init__(
        self, payments: PaymentService, operator: Operator, runner: TaskRunner,
        receipt: ReceiptView, parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._payments = payments
        self._operator = operator
        self._receipt = receipt
        self.setWindowTitle(self.tr("Void receipt {number}").format(number=receipt.receipt_no))
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        summary = QLabel(self.tr(
            "Receipt {number} · account {account} · {amount} yuan · {time}\n"
            "A void receipt with its own number reverses the payment; the money goes back to "
            "the customer.").format(
                number=receipt.receipt_no, account=receipt.account_no,
                amount=format_yuan(receipt.amount_fen), time=f"{receipt.at:%H:%M}"))
        summary.setWordWrap(True)
        form.addRow(summary)
        self.fields = ManagerFields(self.errors, self.tr("e.g. wrong account, amount typed wrong"))
        for field in (self.fields.reason, self.fields.username, self.fields.password):
            field.textChanged.connect(self._fields_changed)
        form.addRow(self.fields)
        form.addRow(self.general)
        form.addRow(self._buttons(self.tr("Void receipt")))
        self._fields_changed()
        self.setMinimumWidth(560)

    def _fields_changed(self) -> None:
        self.ok_button.setEnabled(self.fields.filled() and not self.busy)

    def accept(self) -> None:
        """Ask the service to void (it checks the password, the day and the session)."""
        if not self.fields.filled():
            return
        f = self.fields
        self._run(partial(self._payments.void, self._operator, self._receipt.payment_id,
                          f.reason.text(), f.username.text().strip(), f.password.text()),
                  self._voided)

    def refused(self, error: DomainError) -> None:
        """Show why; a wrong password is cleared so that it can be typed again."""
        self.fields.password.clear()
        super().refused(error)
        if not any(p.field for p in error.problems):
            self.fields.password.setFocus()

    def _voided(self, void: ReceiptView) -> None:
        self.voided.emit(void)
        super().accept()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self._fields_changed()
