"""The manager reverses a bill (冲正) and says why; the service writes the reversal."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.domain.money import format_yuan
from app.domain.tariff import format_m3
from app.services.billing_dto import BillView
from app.services.billing_service import BillingService
from app.services.dto import Operator
from ui.common.form_errors import FormErrors
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

REASON_MAX = 200  # the bills table keeps 200 characters of a reason


class ReverseBillDialog(QDialog):
    """Shows the bill, asks for a reason and reverses it in the background.

    The dialog closes only after the service wrote the reversal; a refusal is shown under the
    reason (or above the buttons) and the reason stays as typed.
    """

    bill_reversed = Signal(int)  # id of the new reversal bill

    def __init__(
        self, billing: BillingService, operator: Operator, runner: TaskRunner, bill: BillView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._billing = billing
        self._operator = operator
        self._runner = runner
        self._bill = bill
        self._busy = False
        self.setWindowTitle(self.tr("Reverse bill No. {number}").format(number=bill.id))
        self._lay_out()
        self._reason_changed()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        bill = self._bill
        summary = QLabel(self.tr(
            "Bill No. {number} for {start} – {end}: {volume} m³, {amount} yuan.\n"
            "A reversal bill cancels it, and its reading goes back to review so that it can be "
            "corrected and billed again."
        ).format(number=bill.id, start=bill.period_from.isoformat(),
                 end=bill.period_to.isoformat(), volume=format_m3(bill.volume_litres),
                 amount=format_yuan(bill.total_fen)))
        summary.setWordWrap(True)
        form.addRow(summary)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(self.tr("e.g. reading typed wrong, meter was replaced"))
        self.reason.textChanged.connect(self._reason_changed)
        self.reason_error = QLabel()
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.errors = FormErrors(self.general)
        self.errors.register("reason", self.reason_error, self.reason)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow("", self.reason_error)
        form.addRow(self.general)
        form.addRow(self._build_buttons())
        self.setMinimumWidth(560)

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.reverse_button = QPushButton(icon(Icon.REVERSE), self.tr("Reverse bill"))
        self.reverse_button.setDefault(True)
        self.buttons.addButton(self.reverse_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def accept(self) -> None:
        """Send the reversal to the service; ignored while one is on its way."""
        reason = self.reason.text().strip()
        if self._busy or not reason:
            return
        self.errors.clear()
        self._set_busy(True)
        self._runner.run(partial(self._billing.reverse, self._operator, self._bill.id, reason),
                         self._reversed, self._failed)

    def reject(self) -> None:
        """Close without reversing, except while the reversal is on its way."""
        if not self._busy:
            super().reject()

    def _reason_changed(self) -> None:
        self.reverse_button.setEnabled(bool(self.reason.text().strip()) and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.reason.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self._reason_changed()

    def _reversed(self, reversal: BillView) -> None:
        self._set_busy(False)
        self.bill_reversed.emit(reversal.id)
        super().accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError):
            self.errors.show(error)
        elif isinstance(error, StorageUnavailable):
            self.errors.clear()
            self.general.setText(error_text(error))
            self.general.show()
        else:
            raise error  # a bug: let the application's exception hook report it
