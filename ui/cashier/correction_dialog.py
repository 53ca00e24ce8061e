"""A manager's correction (更正) of a receipt whose day is already closed (日结)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.domain.cashier import PaymentKind
from app.domain.money import format_yuan
from app.services.cashier_dto import ReceiptView
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from ui.cashier.call_out import tender_name
from ui.cashier.manager_fields import ManagerFields
from ui.cashier.service_dialog import ServiceDialog
from ui.common.task_runner import TaskRunner

RECEIPT_NO_MAX = 32
_CORRECTABLE = (PaymentKind.PAYMENT.value, PaymentKind.IC_PURCHASE.value)


class CorrectionDialog(ServiceDialog):
    """Find a receipt by its number, show it, give a reason; the service writes the correction.

    Enter in the number field (or "Find") looks the receipt up; the correction is possible once
    a payment that was not reversed is shown and a reason typed. The money goes back out of the
    manager's own open session (``session_id``); the service refuses a receipt of a day not yet
    closed (void it instead), a second correction and the correction of a void.
    """

    corrected = Signal(object)  # ReceiptView of the correction (negative, its own number)

    def __init__(
        self, payments: PaymentService, operator: Operator, runner: TaskRunner, session_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._payments = payments
        self._operator = operator
        self._session_id = session_id
        self.found: ReceiptView | None = None
        self.setWindowTitle(self.tr("Correct a receipt of a closed day"))
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        intro = QLabel(self.tr(
            "After the daily close a receipt is no longer voided: a correction receipt with its "
            "own number reverses it, and the money goes back out of your drawer. Take the right "
            "amount again as a new payment."))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("Receipt number:"), self._build_lookup())
        number_error = QLabel()
        self.errors.register("receipt_no", number_error, self.receipt_no)
        form.addRow("", number_error)
        self.summary = QLabel(self.tr("Type the receipt number and press Enter."))
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        self.fields = ManagerFields(self.errors, self.tr("e.g. wrong account, amount typed wrong"),
                                    with_manager=False)
        self.fields.reason.textChanged.connect(self._fields_changed)
        form.addRow(self.fields)
        form.addRow(self.general)
        form.addRow(self._buttons(self.tr("Correct receipt")))
        self._fields_changed()
        self.setMinimumWidth(600)

    def _build_lookup(self) -> QHBoxLayout:
        self.receipt_no = QLineEdit()
        self.receipt_no.setMaxLength(RECEIPT_NO_MAX)
        self.receipt_no.setPlaceholderText(self.tr("e.g. 01-00000042, or just 42"))
        self.receipt_no.returnPressed.connect(self.look_up)
        self.receipt_no.textEdited.connect(self._number_edited)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setAutoDefault(False)
        self.find_button.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.addWidget(self.receipt_no, 1)
        row.addWidget(self.find_button)
        return row

    def look_up(self) -> None:
        """Look the typed receipt number up in the hall."""
        text = self.receipt_no.text().strip()
        if text and not self.busy:
            self._run(partial(self._payments.receipt_by_number, self._operator.hall_id, text),
                      self._found)

    def _found(self, receipt: ReceiptView) -> None:
        self.receipt_no.setText(receipt.receipt_no)
        lines = [self.tr("Receipt {number} · {day} {time} · account {account} · {name} · "
                         "{amount} yuan · clerk {clerk}").format(
            number=receipt.receipt_no, day=f"{receipt.at:%Y-%m-%d}", time=f"{receipt.at:%H:%M}",
            account=receipt.account_no, name=receipt.name_masked,
            amount=format_yuan(receipt.amount_fen), clerk=receipt.operator)]
        lines.append(self.tr("Paid with: {tenders}").format(tenders=", ".join(
            f"{tender_name(code)} {format_yuan(fen)}" for code, fen in receipt.tenders)))
        correctable = receipt.kind in _CORRECTABLE and not receipt.voided_by_receipt_no
        if receipt.voided_by_receipt_no:
            lines.append(self.tr("Already reversed by receipt {number}.").format(
                number=receipt.voided_by_receipt_no))
        elif not correctable:
            lines.append(self.tr("A void or a correction cannot be corrected."))
        self.summary.setText("\n".join(lines))
        self.found = receipt if correctable else None
        self._fields_changed()
        if correctable:
            self.fields.reason.setFocus()

    def _number_edited(self) -> None:
        if self.found is not None:
            self.found = None
            self.summary.setText(self.tr("Type the receipt number and press Enter."))
            self._fields_changed()

    def _fields_changed(self) -> None:
        self.ok_button.setEnabled(self.found is not None
                                  and bool(self.fields.reason.text().strip()) and not self.busy)

    def accept(self) -> None:
        """Ask the service to write the correction (it checks the day, the session, the rest)."""
        if self.found is None or not self.fields.reason.text().strip():
            return
        self._run(partial(self._payments.correct, self._operator, self.found.receipt_no,
                          self.fields.reason.text(), self._session_id), self._corrected)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter looks a number up (in its field) and never corrects: only the button does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _corrected(self, correction: ReceiptView) -> None:
        self.corrected.emit(correction)
        super().accept()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.find_button.setEnabled(not busy)
        self._fields_changed()
