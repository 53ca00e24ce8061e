"""Reprint a receipt (补打) with a reason; the copy is stamped 补打 with its count."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from app.domain.money import format_yuan
from app.services.cashier_dto import ReceiptView
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from ui.cashier.manager_fields import ManagerFields
from ui.cashier.service_dialog import ServiceDialog
from ui.common.task_runner import TaskRunner


class ReprintDialog(ServiceDialog):
    """Asks why; the service records the n-th copy (audited) and the page prints it."""

    reprinted = Signal(object)  # ReceiptView with copy_no and reason, ready to print

    def __init__(
        self, payments: PaymentService, operator: Operator, runner: TaskRunner,
        receipt: ReceiptView, parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._payments = payments
        self._operator = operator
        self._receipt = receipt
        self.setWindowTitle(self.tr("Reprint receipt {number}").format(
            number=receipt.receipt_no))
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        summary = QLabel(_summary(receipt))
        summary.setWordWrap(True)
        form.addRow(summary)
        self.fields = ManagerFields(self.errors, self.tr("e.g. paper jammed, customer lost it"),
                                    with_manager=False)
        self.fields.reason.textChanged.connect(self._reason_changed)
        form.addRow(self.fields)
        form.addRow(self.general)
        form.addRow(self._buttons(self.tr("Reprint")))
        self._reason_changed()
        self.setMinimumWidth(520)

    def _reason_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.fields.reason.text().strip()))

    def accept(self) -> None:
        """Record the copy; it is printed by the page."""
        reason = self.fields.reason.text().strip()
        if not reason:
            return
        self._run(partial(self._payments.reprint, self._operator, self._receipt.payment_id,
                          reason), self._recorded)

    def _recorded(self, copy: ReceiptView) -> None:
        self.reprinted.emit(copy)
        super().accept()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if not busy:
            self._reason_changed()


def _summary(receipt: ReceiptView) -> str:
    return QCoreApplication.translate(
        "ReprintDialog", "Receipt {number} · account {account} · {amount} yuan · {time}").format(
        number=receipt.receipt_no, account=receipt.account_no,
        amount=format_yuan(receipt.amount_fen), time=f"{receipt.at:%Y-%m-%d %H:%M}")
