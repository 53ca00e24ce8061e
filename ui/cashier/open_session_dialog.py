"""Open the clerk's cash session at this counter with the counted float (备用金)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.domain.errors import DomainError
from app.services.cash_service import CashService
from app.services.cashier_dto import SessionView
from app.services.dto import Operator
from ui.cashier.call_out import plain_yuan
from ui.cashier.denomination_count import DenominationCount
from ui.cashier.service_dialog import ServiceDialog
from ui.cashier.tender_rows import parse_amount
from ui.common.task_runner import TaskRunner


class OpenSessionDialog(ServiceDialog):
    """The float as one amount, or counted by note and coin (the amount follows the count)."""

    session_opened = Signal(object)  # SessionView of the new session

    def __init__(
        self, cash: CashService, operator: Operator, counter_no: int, runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._cash = cash
        self._operator = operator
        self._counter_no = counter_no
        self.setWindowTitle(self.tr("Open cash session at counter {counter}").format(
            counter=counter_no))
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        intro = QLabel(self.tr("Count the float (备用金) in the drawer before taking money."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("500.00")
        amount_error = QLabel()
        self.errors.register("float", amount_error, self.amount)
        self.by_count = QCheckBox(self.tr("Count by note and coin"))
        self.count = DenominationCount()
        self.count.hide()
        self.by_count.toggled.connect(self._count_toggled)
        self.count.changed.connect(self._count_changed)
        form.addRow(self.tr("Float (yuan):"), self.amount)
        form.addRow("", amount_error)
        form.addRow(self.by_count)
        form.addRow(self.count)
        form.addRow(self.general)
        form.addRow(self._buttons(self.tr("Open session")))
        self.setMinimumWidth(520)

    def _count_toggled(self, on: bool) -> None:
        self.count.setVisible(on)
        self.amount.setReadOnly(on)
        if on:
            self._count_changed()
        self.adjustSize()

    def _count_changed(self) -> None:
        if self.by_count.isChecked():
            self.amount.setText(plain_yuan(self.count.total_fen()))

    def accept(self) -> None:
        """Open the session with the float typed or counted."""
        try:
            fen = parse_amount(self.amount.text(), "float")
        except DomainError as error:
            self.errors.show(error)
            return
        job = partial(self._cash.open_session, self._operator, self._counter_no, fen or 0)
        self._run(job, self._opened)

    def _opened(self, session: SessionView) -> None:
        self.session_opened.emit(session)
        super().accept()

