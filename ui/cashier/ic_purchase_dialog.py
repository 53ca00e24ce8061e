"""IC-card purchase dialog (IC卡购气): volume or amount, live tier split, 唱收唱付, F12 commits."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.cashier import ACTIVE_TENDERS, Tender, settle_tenders
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.money import format_yuan, parse_yuan
from app.domain.tariff import format_m3, format_price, parse_m3
from app.services.cashier_dto import DueView, TenderDraft
from app.services.dto import Operator
from app.services.ic_service import IcPurchaseResult, IcQuote, IcService
from ui.cashier.call_out import figure_boxes, plain_yuan, tender_name
from ui.common.announcer import Announcer
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

QUOTE_DELAY_MS = 150  # typing pauses this long before the quote is asked for
_ERROR_STYLE = "color: #c0392b; font-size: 13pt;"
_FIGURE_STYLE = """
QFrame#figureBox { background: #ffffff; border: 1px solid #c9d0d9; border-radius: 8px; }
QLabel#figureCaption { color: #5b6b7d; font-size: 14pt; }
QLabel#figure { color: #1d2733; font-size: 34pt; font-weight: bold; }
"""


class Step(Enum):
    """Typing the purchase, calling it out (then F12), committing, or done with a card to redo."""

    ENTERING = "entering"
    CALLING_OUT = "calling_out"
    COMMITTING = "committing"
    CARD_PENDING = "card_pending"


def call_out_text(litres: int, due_fen: int, tendered_fen: int, change_fen: int) -> str:
    """What the counter says: 您本次购气 X 立方米，应缴 Y 元，收您 Z 元，找您 W 元，请当面点清."""
    text = QCoreApplication.translate(
        "IcPurchaseDialog", "Gas {volume} cubic metres, amount due {due} yuan, received "
        "{tendered} yuan, change {change} yuan, please count it")
    return text.format(volume=format_m3(litres), due=plain_yuan(due_fen),
                       tendered=plain_yuan(tendered_fen), change=plain_yuan(change_fen))


class IcPurchaseDialog(QDialog):
    """Buy gas for an IC-card meter: by volume (whole m³) or by amount, one tender.

    The quote follows the typing (in the background, the newest one wins). Enter checks the
    tender and moves to the call-out step (fields locked, the figures said); only F12 commits,
    Esc goes back. After the commit a failed card write keeps the dialog open with "Write card
    again" (the purchase itself is recorded). ``tenders``: the codes the hall offers.
    """

    purchase_recorded = Signal(object)  # IcPurchaseResult of the committed purchase

    def __init__(
        self, ic: IcService, operator: Operator, runner: TaskRunner, due: DueView,
        session_id: int, *, ticket_id: int | None = None, announcer: Announcer | None = None,
        tenders: Sequence[str] = ACTIVE_TENDERS, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._offered = tuple(tenders)
        self._ic = ic
        self._operator = operator
        self._runner = runner
        self._due = due
        self._session_id = session_id
        self._ticket_id = ticket_id
        self._announcer = announcer
        self._asked = 0  # generation of the newest quote asked for
        self.quote: IcQuote | None = None
        self.outcome: IcPurchaseResult | None = None
        self.step = Step.ENTERING
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUOTE_DELAY_MS)
        self._timer.timeout.connect(self._ask_quote)
        self.setWindowTitle(self.tr("IC card gas purchase"))
        self.setStyleSheet(_FIGURE_STYLE)
        self._build()
        self._build_actions()
        self._show_quote(None)
        self._show_step()
        self.quantity.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        due = self._due
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 16)
        head = QLabel(self.tr("Account {number} · {name} · {address}").format(
            number=due.account_no, name=due.name_masked, address=due.address))
        head.setWordWrap(True)
        layout.addWidget(head)
        layout.addLayout(self._build_quantity())
        self.quantity_error = QLabel()
        self.quantity_error.setStyleSheet(_ERROR_STYLE)
        self.quantity_error.hide()
        layout.addWidget(self.quantity_error)
        self.lines = QTableWidget(0, 4)
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Tier"), self.tr("Volume (m³)"), self.tr("Price (yuan/m³)"),
             self.tr("Amount (yuan)")])
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.setMaximumHeight(150)
        layout.addWidget(self.lines)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._build_tender())
        layout.addLayout(self._build_figures())
        self.message = QLabel()
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.hint = QLabel()
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(820)

    def _build_quantity(self) -> QHBoxLayout:
        self.by_volume = QRadioButton(self.tr("By volume (m³)"))
        self.by_amount = QRadioButton(self.tr("By amount (yuan)"))
        self.by_volume.setChecked(True)
        self._modes = QButtonGroup(self)
        for button in (self.by_volume, self.by_amount):
            self._modes.addButton(button)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._modes.buttonToggled.connect(lambda *_: self._quantity_changed())
        self.quantity = QLineEdit()
        self.quantity.textChanged.connect(self._quantity_changed)
        row = QHBoxLayout()
        row.addWidget(self.by_volume)
        row.addWidget(self.by_amount)
        row.addWidget(self.quantity, 1)
        return row

    def _build_tender(self) -> QHBoxLayout:
        self.tender = QComboBox()
        for code in self._offered:
            self.tender.addItem(tender_name(code), str(code))
        self.tender.currentIndexChanged.connect(self._tender_changed)
        self.tendered = QLineEdit()
        self.tendered.textChanged.connect(self._refresh_figures)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Paid with:")))
        row.addWidget(self.tender)
        row.addWidget(QLabel(self.tr("Handed over (yuan):")))
        row.addWidget(self.tendered, 1)
        return row

    def _build_figures(self) -> QGridLayout:
        grid, self.figure_labels = figure_boxes()
        return grid

    def _build_buttons(self) -> QHBoxLayout:
        self.call_button = QPushButton(self.tr("Call out (Enter)"))
        self.back_button = QPushButton(self.tr("Change amounts (Esc)"))
        self.confirm_button = QPushButton(self.tr("Called out — confirm (F12)"))
        self.confirm_button.setObjectName("primary")
        self.rewrite_button = QPushButton(self.tr("Write card again"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.call_button.clicked.connect(self.call_out)
        self.back_button.clicked.connect(self.back)
        self.confirm_button.clicked.connect(self.confirm)
        self.rewrite_button.clicked.connect(self.rewrite_card)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.call_button)
        row.addWidget(self.back_button)
        row.addStretch(1)
        buttons = (self.call_button, self.back_button, self.confirm_button,
                   self.rewrite_button, self.cancel_button)
        for button in buttons[2:]:
            row.addWidget(button)
        for button in buttons:
            button.setAutoDefault(False)  # Enter must never press a button here
            button.setDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return row

    def _build_actions(self) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence("F12"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.confirm)
        self.addAction(action)

    # --- the quote --------------------------------------------------------------------------

    def _quantity_changed(self) -> None:
        if self.step is not Step.ENTERING:
            return
        self.quote = None
        self._asked += 1  # an answer on its way is now stale
        self._show_quote(None)
        self._timer.start()

    def _ask_quote(self) -> None:
        text = self.quantity.text().strip()
        if not text:
            return
        by_volume = self.by_volume.isChecked()
        try:
            value = parse_m3(text, "litres") if by_volume else parse_yuan(text, "amount")
        except DomainError as error:
            self._show_quantity_error(error)
            return
        asked = self._asked
        if by_volume:
            call = partial(self._ic.quote, self._due.account_id, litres=value)
        else:
            call = partial(self._ic.quote, self._due.account_id, amount_fen=value)
        self._runner.run(call, partial(self._quoted, asked), partial(self._not_quoted, asked))

    def _quoted(self, asked: int, quote: IcQuote) -> None:
        if asked != self._asked or self.step is not Step.ENTERING:
            return
        self.quote = quote
        self._show_quote(quote)
        if quote.due_fen and self._tender_code() != Tender.CASH:
            self.tendered.setText(plain_yuan(quote.due_fen))

    def _not_quoted(self, asked: int, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook reports it
        if asked == self._asked:
            self._show_quantity_error(error)

    def _show_quantity_error(self, error: DomainError | StorageUnavailable) -> None:
        self.quantity_error.setText(error_text(error))
        self.quantity_error.show()

    def _show_quote(self, quote: IcQuote | None) -> None:
        if quote is not None or not self.quantity.text().strip():
            self.quantity_error.hide()
        rows = quote.lines if quote is not None else ()
        self.lines.setRowCount(len(rows))
        for row, line in enumerate(rows):
            for column, text in enumerate((
                    self.tr("Tier {no}").format(no=line.tier_no), format_m3(line.litres),
                    format_price(line.price), format_yuan(line.amount_fen))):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(row, column, item)
        self.summary.setText("" if quote is None else self._summary_text(quote))
        self._refresh_figures()

    def _summary_text(self, q: IcQuote) -> str:
        left = (self.tr("top tier") if q.tier_left_litres is None else
                self.tr("{left} m³ left in it").format(left=format_m3(q.tier_left_litres)))
        text = self.tr(
            "{volume} m³ for {total} yuan · annual cumulative {before} → {after} m³ · then "
            "tier {tier}, {left} · purchase No. {count}").format(
            volume=format_m3(q.litres), total=format_yuan(q.total_fen),
            before=format_m3(q.cumulative_before), after=format_m3(q.cumulative_after),
            tier=q.tier_no, left=left, count=q.purchase_count)
        if q.balance_used_fen:
            text += self.tr(" · {used} yuan paid from the account's credit").format(
                used=format_yuan(q.balance_used_fen))
        return text

    # --- tender and figures -----------------------------------------------------------------

    def _tender_code(self) -> str:
        return str(self.tender.currentData())

    def _tender_changed(self) -> None:
        cash = self._tender_code() == Tender.CASH
        if not cash and self.quote is not None:
            self.tendered.setText(plain_yuan(self.quote.due_fen))
        self.tendered.setReadOnly(not cash)  # a card is charged exactly what is due
        self._refresh_figures()

    def tenders(self) -> tuple[TenderDraft, ...]:
        """The tender as typed; none when the account's credit pays everything."""
        if self.quote is not None and self.quote.due_fen == 0:
            return ()
        try:
            amount = parse_yuan(self.tendered.text(), "tenders")
        except DomainError:
            return ()
        return (TenderDraft(self._tender_code(), amount),)

    def figures(self) -> tuple[int, int, int]:
        """Due, tendered and change in fen as they stand."""
        due = self.quote.due_fen if self.quote is not None else 0
        tendered = sum(t.amount_fen for t in self.tenders())
        change = max(tendered - due, 0) if self._tender_code() == Tender.CASH else 0
        return due, tendered, change

    def figure_texts(self) -> tuple[str, str, str]:
        """The three large figures as the clerk reads them."""
        due, tendered, change = (label.text() for label in self.figure_labels)
        return due, tendered, change

    def _refresh_figures(self) -> None:
        for label, fen in zip(self.figure_labels, self.figures(), strict=True):
            label.setText(format_yuan(fen))
        if self.step is Step.ENTERING:
            self.message.hide()

    # --- steps ------------------------------------------------------------------------------

    def call_out(self) -> None:
        """Enter: check quote and tender; lock the fields and say the figures."""
        if self.step is not Step.ENTERING:
            return
        if self.quote is None:
            self._show_message(self.tr("Wait for the price, or correct the volume or amount."))
            return
        if self.quote.due_fen:
            try:
                settle_tenders(self.quote.due_fen, self.tenders(), self._offered)
            except DomainError as error:
                self._show_message(error_text(error))
                return
        self.step = Step.CALLING_OUT
        self._show_step()
        if self._announcer is not None:
            due, tendered, change = self.figures()
            self._announcer.announce(call_out_text(self.quote.litres, due, tendered, change))

    def back(self) -> None:
        """Esc in the call-out step: unlock the fields."""
        if self.step is Step.CALLING_OUT:
            self.step = Step.ENTERING
            self._show_step()
            self.quantity.setFocus()

    def confirm(self) -> None:
        """F12: the amounts were called out; commit the purchase in the background."""
        if self.step is not Step.CALLING_OUT or self.quote is None:
            return
        quote = self.quote
        self.step = Step.COMMITTING
        self._show_step()
        self._runner.run(partial(
            self._ic.purchase, self._operator, self._due.account_id, self._session_id,
            quote.litres, self.tenders(), True, self._ticket_id, quote.due_fen),
            self._bought, self._refused)

    def rewrite_card(self) -> None:
        """Write the card of the committed purchase again."""
        if self.step is not Step.CARD_PENDING or self.outcome is None:
            return
        self.rewrite_button.setEnabled(False)
        self._runner.run(partial(self._ic.rewrite, self._operator, self.outcome.purchase_id),
                         self._card_done, self._refused)

    def _bought(self, result: IcPurchaseResult) -> None:
        self.outcome = result
        self.purchase_recorded.emit(result)
        self._card_done(result)

    def _card_done(self, result: IcPurchaseResult) -> None:
        if result.card_written:
            self.step = Step.ENTERING
            super().accept()
            return
        self.step = Step.CARD_PENDING
        self._show_step()
        self._show_message(self.tr(
            "Receipt {number} is recorded, but the card was not written: {reason}. Put the "
            "card in the reader and press \"Write card again\".").format(
            number=result.receipt.receipt_no, reason=result.card_error))

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error
        if self.step is Step.COMMITTING:
            self.step = Step.ENTERING
        self._show_step()
        self._show_message(error_text(error))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _show_step(self) -> None:
        entering = self.step is Step.ENTERING
        calling = self.step is Step.CALLING_OUT
        pending = self.step is Step.CARD_PENDING
        for widget in (self.quantity, self.by_volume, self.by_amount, self.tender):
            widget.setEnabled(entering)
        self.tendered.setEnabled(entering)
        self.call_button.setEnabled(entering)
        self.back_button.setEnabled(calling)
        self.confirm_button.setEnabled(calling)
        self.rewrite_button.setVisible(pending)
        self.rewrite_button.setEnabled(pending)
        self.cancel_button.setEnabled(self.step is not Step.COMMITTING)
        self.cancel_button.setText(self.tr("Close") if pending else self.tr("Cancel"))
        self.hint.setText(
            self.tr("Call the amounts out to the customer, then press F12 to confirm.")
            if calling else self.tr("Type the volume or the amount and what the customer "
                                    "hands over, then press Enter."))
        if calling:
            self.setFocus()

    # --- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter calls out (never confirms); F12 confirms; Esc steps back before it cancels."""
        key = event.key()
        if key == Qt.Key.Key_F12 and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.confirm()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.focusWidget() is self.quantity:
                self.tendered.setFocus()
            else:
                self.call_out()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.step is Step.CALLING_OUT:
            self.back()
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Cancel (or close after a failed card write), except while committing."""
        if self.step is not Step.COMMITTING:
            super().reject()
