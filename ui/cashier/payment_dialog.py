"""The payment dialog (收费): tenders, the three large figures, call-out, then F12 commits."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.cashier import ACTIVE_TENDERS, settle_tenders
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.money import format_yuan
from app.services.cashier_dto import DueView, PaymentDraft, ReceiptView
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from ui.cashier.call_out import Figures, call_out_text, figure_boxes, plain_yuan
from ui.cashier.payment_mirror import PaymentMirror
from ui.cashier.tender_rows import TenderRows, parse_amount
from ui.common.announcer import Announcer
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

_ERROR_STYLE = "color: #c0392b; font-size: 14pt;"
_FIGURE_STYLE = """
QFrame#figureBox { background: #ffffff; border: 1px solid #c9d0d9; border-radius: 8px; }
QLabel#figureCaption { color: #5b6b7d; font-size: 14pt; }
QLabel#figure { color: #1d2733; font-size: 34pt; font-weight: bold; }
QLabel#figure[role="change"] { color: #1e8e4e; }
"""


class Step(Enum):
    """Where the dialog is: typing the tenders, or calling the amounts out (then F12)."""

    ENTERING = "entering"
    CALLING_OUT = "calling_out"
    COMMITTING = "committing"


class PaymentDialog(QDialog):
    """Take one payment on an account with 唱收唱付.

    Enter checks the tenders (cash short is refused with the service's own message) and moves
    to the call-out step: the fields lock, the customer's mirror shows the figures and the
    announcer says them. Only F12 (or the "Called out — confirm" button) commits; Enter never
    does, Esc goes back to the tenders. A refusal keeps everything typed.
    ``prepay``: the amount onto the account is typed (at least the chosen bills' total).
    ``tenders``: the codes the hall's settings offer (``PaymentService.offered_tenders``).
    """

    payment_recorded = Signal(object)  # ReceiptView of the committed payment

    def __init__(
        self, payments: PaymentService, operator: Operator, runner: TaskRunner, due: DueView,
        session_id: int, amount_fen: int, bill_ids: tuple[int, ...] | None, *,
        prepay: bool = False, ticket_id: int | None = None, announcer: Announcer | None = None,
        mirror: PaymentMirror | None = None, tenders: Sequence[str] = ACTIVE_TENDERS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._payments = payments
        self._offered = tuple(tenders)
        self._operator = operator
        self._runner = runner
        self._due = due
        self._session_id = session_id
        self._bills_fen = amount_fen
        self._bill_ids = bill_ids
        self._prepay = prepay
        self._ticket_id = ticket_id
        self._announcer = announcer
        self.mirror = mirror
        self.step = Step.ENTERING
        self.receipt: ReceiptView | None = None
        self.setWindowTitle(self.tr("Prepayment") if prepay else self.tr("Payment"))
        self.setStyleSheet(_FIGURE_STYLE)
        self._build()
        self._build_actions()
        self._refresh()
        self._show_step()
        (self.amount_field if prepay else self.tenders.cash_field).setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        due = self._due
        head = QLabel(self.tr("Account {number} · {name} · {address}").format(
            number=due.account_no, name=due.name_masked, address=due.address))
        head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(head)
        if self._prepay:
            layout.addLayout(self._build_amount_field())
        self.tenders = TenderRows(self._offered)
        self.tenders.changed.connect(self._refresh)
        layout.addWidget(self.tenders)
        layout.addLayout(self._build_figures())
        self.message = QLabel()
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(880)

    def _build_amount_field(self) -> QHBoxLayout:
        self.amount_field = QLineEdit(plain_yuan(self._bills_fen)
                                      if self._bills_fen else "")
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 10) + 8)
        font.setBold(True)
        self.amount_field.setFont(font)
        self.amount_field.textChanged.connect(self._refresh)
        self.amount_error = QLabel()
        self.amount_error.setStyleSheet(_ERROR_STYLE)
        self.amount_error.hide()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Amount onto the account (yuan):")))
        row.addWidget(self.amount_field, 1)
        row.addWidget(self.amount_error, 1)
        return row

    def _build_figures(self) -> QGridLayout:
        grid, self.figure_labels = figure_boxes()
        return grid

    def _build_buttons(self) -> QVBoxLayout:
        self.add_button = QPushButton(self.tr("Add tender (F4)"))
        self.call_button = QPushButton(self.tr("Call out (Enter)"))
        self.speak_button = QPushButton(self.tr("Speak again (F11)"))
        self.back_button = QPushButton(self.tr("Change amounts (Esc)"))
        self.confirm_button = QPushButton(self.tr("Called out — confirm (F12)"))
        self.confirm_button.setObjectName("primary")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.add_button.clicked.connect(self.add_tender)
        self.call_button.clicked.connect(self.call_out)
        self.speak_button.clicked.connect(self.speak)
        self.back_button.clicked.connect(self.back)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        steps = QHBoxLayout()
        for button in (self.add_button, self.call_button, self.speak_button, self.back_button):
            steps.addWidget(button)
        steps.addStretch(1)
        ends = QHBoxLayout()
        ends.addStretch(1)
        ends.addWidget(self.cancel_button)
        ends.addWidget(self.confirm_button)
        self.confirm_button.setMinimumHeight(52)
        self.confirm_button.setStyleSheet("font-size: 16pt; font-weight: bold;")
        column = QVBoxLayout()
        column.addLayout(steps)
        column.addLayout(ends)
        for button in (self.add_button, self.call_button, self.speak_button, self.back_button,
                       self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter must never press a button here
            button.setDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nor Space: each has its key
        return column

    def _build_actions(self) -> None:
        self._keys = {Qt.Key.Key_F12: self.confirm, Qt.Key.Key_F4: self.add_tender,
                      Qt.Key.Key_F11: self.speak}
        for keys, slot in (("F12", self.confirm), ("F4", self.add_tender),
                           ("F11", self.speak)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # --- figures ----------------------------------------------------------------------------

    def amount_fen(self) -> int | None:
        """What goes onto the account: the bills' total, or the typed prepayment."""
        if not self._prepay:
            return self._bills_fen
        try:
            return parse_amount(self.amount_field.text())
        except DomainError:
            return None

    def figures(self) -> Figures:
        """Due, tendered and change as they stand (change only from cash, never negative)."""
        due = self.amount_fen() or 0
        drafts = self.tenders.drafts()
        tendered = sum(t.amount_fen for t in drafts)
        other = sum(t.amount_fen for t in drafts if t.tender != "cash")
        cash = tendered - other
        change = max(cash - max(due - other, 0), 0) if cash else 0
        return Figures(due, tendered, change)

    def figure_texts(self) -> tuple[str, str, str]:
        """The three large figures as the clerk reads them."""
        due, tendered, change = (label.text() for label in self.figure_labels)
        return due, tendered, change

    def _refresh(self) -> None:
        if self._prepay:
            self._check_amount_field()
        figures = self.figures()
        for label, fen in zip(self.figure_labels, figures, strict=True):
            label.setText(format_yuan(fen))
        if self.mirror is not None:
            self.mirror.show_figures(figures)
        if self.step is Step.ENTERING:
            self.message.hide()

    def _check_amount_field(self) -> None:
        try:
            parse_amount(self.amount_field.text())
        except DomainError as error:
            self.amount_error.setText(error_text(error))
            self.amount_error.show()
        else:
            self.amount_error.hide()

    # --- steps ------------------------------------------------------------------------------

    def tenders_focus(self) -> None:
        """From the prepayment amount to the cash field."""
        self.tenders.cash_field.setFocus()

    def add_tender(self) -> None:
        """F4: another tender row (card, WeChat, …) with the cursor in its amount."""
        if self.step is not Step.ENTERING:
            return
        field = self.tenders.add()
        if field is not None:
            field.setFocus()

    def call_out(self) -> None:
        """Enter: check the tenders; if they settle, lock them, mirror and say the figures."""
        if self.step is not Step.ENTERING:
            return
        problem = self._check()
        if problem:
            self._show_message(problem)
            return
        self.step = Step.CALLING_OUT
        self._show_step()
        self.speak()

    def _check(self) -> str:
        if self.tenders.has_errors() or (self._prepay and not self.amount_error.isHidden()):
            return self.tr("Correct the amounts marked in red first.")
        amount = self.amount_fen()
        if self._prepay and amount is not None and amount < self._bills_fen:
            return error_text(DomainError.of("payment.less_than_bills", "amount",
                                             owed=self._bills_fen))
        try:
            settle_tenders(amount or 0, self.tenders.drafts(), self._offered)
        except DomainError as error:
            return error_text(error)
        return ""

    def speak(self) -> None:
        """Say the three figures (F11 again); only in the call-out step."""
        if self.step is Step.CALLING_OUT and self._announcer is not None:
            self._announcer.announce(call_out_text(self.figures()))

    def back(self) -> None:
        """Esc in the call-out step: unlock the tenders to change them."""
        if self.step is Step.CALLING_OUT:
            self.step = Step.ENTERING
            self._show_step()
            self.tenders.cash_field.setFocus()

    def confirm(self) -> None:
        """F12: the amounts were called out; commit the payment in the background."""
        if self.step is not Step.CALLING_OUT:
            return
        draft = PaymentDraft(self._due.account_id, self._session_id, self.amount_fen() or 0,
                             self.tenders.drafts(), True, self._bill_ids, self._ticket_id)
        self.step = Step.COMMITTING
        self._show_step()
        self._runner.run(partial(self._payments.pay, self._operator, draft), self._paid,
                         self._refused)

    def _paid(self, receipt: ReceiptView) -> None:
        self.receipt = receipt
        if self.mirror is not None:
            self.mirror.show_paid(Figures(receipt.amount_fen, receipt.tendered_fen,
                                          receipt.change_fen), receipt.receipt_no)
        self.payment_recorded.emit(receipt)
        self.step = Step.ENTERING
        super().accept()

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook reports it
        self.step = Step.ENTERING
        self._show_step()
        self._show_message(error_text(error))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _show_step(self) -> None:
        entering = self.step is Step.ENTERING
        calling = self.step is Step.CALLING_OUT
        self.tenders.set_editable(entering)
        if self._prepay:
            self.amount_field.setEnabled(entering)
        self.add_button.setEnabled(entering)
        self.call_button.setEnabled(entering)
        self.speak_button.setEnabled(calling and self._announcer is not None)
        self.back_button.setEnabled(calling)
        self.confirm_button.setEnabled(calling)
        self.cancel_button.setEnabled(self.step is not Step.COMMITTING)
        self.hint.setText(self.tr(
            "Call the amounts out to the customer, then press F12 to confirm.") if calling
            else self.tr("Type what the customer hands over, then press Enter."))
        if calling:
            self.setFocus()  # out of the locked fields; only F12 or a click confirms

    # --- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter calls out (never confirms); Esc steps back before it cancels.

        F12, F4 and F11 are also window shortcuts; they arrive here when the dialog is not the
        active window (a customer's window was clicked, or in tests).
        """
        key = event.key()
        if key in self._keys and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._keys[Qt.Key(key)]()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._prepay and self.focusWidget() is self.amount_field:
                self.tenders_focus()
            else:
                self.call_out()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.step is not Step.ENTERING:
            self.back()
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Cancel, except while the payment is on its way; the mirror goes back to idle."""
        if self.step is Step.COMMITTING:
            return
        if self.mirror is not None:
            self.mirror.show_idle()
        super().reject()
