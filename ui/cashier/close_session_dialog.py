"""Close the cash session with a blind count (盲点): the expected amount only after the count."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.money import format_yuan
from app.services.cash_service import CashService
from app.services.cashier_dto import CloseResult, SessionView
from app.services.dto import Operator
from ui.cashier.denomination_count import DenominationCount
from ui.cashier.manager_fields import ManagerFields
from ui.cashier.service_dialog import ServiceDialog
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

_RESULT_STYLE = "font-size: 20pt; font-weight: bold;"


class CloseSessionDialog(ServiceDialog):
    """Count by note and coin, hand the count in, then see counted, expected and over/short.

    The expected amount is never on screen while counting. When the difference is beyond the
    tolerance the service answers ``cash.approval_required``: the count locks and a manager
    types their user name, password and a reason; the close is tried again with them.
    """

    session_closed = Signal(object)  # CloseResult

    def __init__(
        self, cash: CashService, operator: Operator, session: SessionView, runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._cash = cash
        self._operator = operator
        self._session = session
        self.close_result: CloseResult | None = None
        self.setWindowTitle(self.tr("Close cash session at counter {counter}").format(
            counter=session.counter_no))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        self.intro = QLabel(self.tr(
            "Count the drawer by note and coin. The amount it should hold is shown after the "
            "count is handed in."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.count = DenominationCount()
        layout.addWidget(self.count)
        self.approval = QWidget()
        approval_layout = QVBoxLayout(self.approval)
        approval_layout.setContentsMargins(0, 8, 0, 0)
        self.approval_text = QLabel()
        self.approval_text.setWordWrap(True)
        self.approval_text.setStyleSheet("color: #b35c00; font-weight: bold;")
        self.manager = ManagerFields(self.errors, self.tr("e.g. a 10 yuan note given as change "
                                                          "twice"))
        approval_layout.addWidget(self.approval_text)
        approval_layout.addWidget(self.manager)
        self.approval.hide()
        layout.addWidget(self.approval)
        self.result_view = self._build_result()
        self.result_view.hide()
        layout.addWidget(self.result_view)
        layout.addWidget(self.general)
        layout.addWidget(self._buttons(self.tr("Hand in the count and close")))
        self.setMinimumWidth(560)

    def _build_result(self) -> QWidget:
        box = QWidget()
        form = QFormLayout(box)
        self.counted_label, self.expected_label = QLabel(), QLabel()
        self.difference_label, self.approved_label = QLabel(), QLabel()
        self.approved_label.setWordWrap(True)
        for label in (self.counted_label, self.expected_label, self.difference_label):
            label.setStyleSheet(_RESULT_STYLE)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Counted:"), self.counted_label)
        form.addRow(self.tr("The drawer should hold:"), self.expected_label)
        form.addRow(self.tr("Over (+) / short (−):"), self.difference_label)
        form.addRow(self.approved_label)
        return box

    @property
    def approving(self) -> bool:
        """Whether a manager's approval is being asked for."""
        return not self.approval.isHidden()

    def accept(self) -> None:
        """Hand the count in (with the manager's approval once it is asked for); then Done."""
        if self.close_result is not None:
            super().accept()
            return
        counts = self.count.counts()
        if self.approving:
            job = partial(self._cash.close_session, self._operator, self._session.id, counts,
                          self.manager.username.text().strip(), self.manager.password.text(),
                          self.manager.reason.text())
        else:
            job = partial(self._cash.close_session, self._operator, self._session.id, counts)
        self._run(job, self._closed)

    def refused(self, error: DomainError) -> None:
        """Approval needed: lock the count and ask for a manager; wrong password: say so."""
        if error.key == "cash.approval_required" and not self.approving:
            self.count.set_editable(False)
            self.approval_text.setText(error_text(error) + "\n" + self.tr(
                "A manager approves the difference with their password and a reason."))
            self.approval.show()
            self.ok_button.setText(self.tr("Approve and close"))
            self.manager.reason.setFocus()
            self.adjustSize()
            return
        self.manager.password.clear()
        super().refused(error)

    def _closed(self, result: CloseResult) -> None:
        self.close_result = result
        self.intro.setText(self.tr("The session is closed."))
        self.count.set_editable(False)
        self.approval.hide()
        self.counted_label.setText(format_yuan(result.counted_fen))
        self.expected_label.setText(format_yuan(result.expected_fen))
        sign = "+" if result.difference_fen > 0 else ""
        self.difference_label.setText(sign + format_yuan(result.difference_fen))
        colour = "#1d2733" if result.difference_fen == 0 else "#c0392b"
        self.difference_label.setStyleSheet(f"{_RESULT_STYLE} color: {colour};")
        if result.approved_by:
            self.approved_label.setText(self.tr("Approved by {manager}: {reason}").format(
                manager=result.approved_by, reason=result.reason))
        self.result_view.show()
        self.ok_button.setText(self.tr("Done"))
        self.buttons.button(self.buttons.StandardButton.Cancel).hide()
        self.session_closed.emit(result)
        self.adjustSize()
