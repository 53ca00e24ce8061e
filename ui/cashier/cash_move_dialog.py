"""Cash put into or taken out of the drawer with a reason (补充备用金, 上缴 …)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QRadioButton, QWidget

from app.domain.errors import DomainError
from app.services.cash_service import CashService
from app.services.cashier_dto import SessionView
from app.services.dto import Operator
from ui.cashier.manager_fields import REASON_MAX
from ui.cashier.service_dialog import ServiceDialog
from ui.cashier.tender_rows import parse_amount
from ui.common.task_runner import TaskRunner


class CashMoveDialog(ServiceDialog):
    """In or out, an amount and a reason; the service refuses taking out more than is there."""

    cash_moved = Signal(object)  # SessionView after the movement

    def __init__(
        self, cash: CashService, operator: Operator, session_id: int, runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._cash = cash
        self._operator = operator
        self._session_id = session_id
        self.setWindowTitle(self.tr("Cash in or out"))
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        self.cash_in = QRadioButton(self.tr("Cash in (put into the drawer)"))
        self.cash_out = QRadioButton(self.tr("Cash out (taken from the drawer)"))
        self.cash_out.setChecked(True)
        self.amount = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(self.tr("e.g. handed to the head cashier, more change"))
        amount_error, reason_error = QLabel(), QLabel()
        self.errors.register("amount", amount_error, self.amount)
        self.errors.register("reason", reason_error, self.reason)
        form.addRow(self.cash_in)
        form.addRow(self.cash_out)
        form.addRow(self.tr("Amount (yuan):"), self.amount)
        form.addRow("", amount_error)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow("", reason_error)
        form.addRow(self.general)
        form.addRow(self._buttons(self.tr("Record")))
        self.setMinimumWidth(520)

    def accept(self) -> None:
        """Record the movement (+ in, − out)."""
        try:
            fen = parse_amount(self.amount.text()) or 0
        except DomainError as error:
            self.errors.show(error)
            return
        signed = fen if self.cash_in.isChecked() else -fen
        job = partial(self._cash.move_cash, self._operator, self._session_id, signed,
                      self.reason.text())
        self._run(job, self._moved)

    def _moved(self, session: SessionView) -> None:
        self.cash_moved.emit(session)
        super().accept()
