"""The cashier page (收费): the clerk's session, the account's bills, payments and receipts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config import LocalSettings
from app.domain.cashier import ACTIVE_TENDERS
from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.money import format_yuan
from app.domain.users import Permission, may
from app.services.account_service import AccountService
from app.services.cash_service import CashService
from app.services.cashier_dto import DueView, ReceiptView, SessionView
from app.services.dto import AccountRow, Operator, SearchResult, TicketInfo
from app.services.ic_service import IcService
from app.services.payment_service import PaymentService
from ui.cashier.account_due_view import AccountDueView
from ui.cashier.cash_move_dialog import CashMoveDialog
from ui.cashier.close_session_dialog import CloseSessionDialog
from ui.cashier.correction_dialog import CorrectionDialog
from ui.cashier.ic_purchase_dialog import IcPurchaseDialog
from ui.cashier.open_session_dialog import OpenSessionDialog
from ui.cashier.payment_dialog import PaymentDialog
from ui.cashier.payment_mirror import PaymentMirror
from ui.cashier.receipt_output import (
    PrintFn,
    ReceiptPrinter,
    default_receipt_folder,
    print_and_record,
)
from ui.cashier.receipt_table_model import ReceiptTableModel
from ui.cashier.reprint_dialog import ReprintDialog
from ui.cashier.session_strip import SessionStrip
from ui.cashier.void_dialog import VoidDialog
from ui.common.announcer import Announcer
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.printing import print_pdf
from ui.common.task_runner import TaskRunner
from ui.events import AppEvents

_ERROR_STYLE = "color: #c0392b;"
_VOIDABLE = ("payment", "ic_purchase")  # voids and corrections are not voided


class CashierPage(QWidget):
    """Take payments at this desktop's counter.

    The clerk's open session (one per clerk and counter) is loaded at start; without one only
    "Open session…" works. An account comes from the search box, from ``show_account`` (the
    accounts page), or from the served ticket's account number (``AppEvents``). Pay (F9) takes
    the ticked bills, Prepay (Shift+F9) a typed amount. A committed receipt is printed on the
    desktop's printer and recorded as printed only when that worked; then, if a ticket is being
    served, finishing it with the customer's rating is offered (``finish_visit``).
    The tenders offered are the hall's setting, read again with the session. A manager also
    has "Correction..." (更正) for receipts of a closed day, paid back out of their session.
    Every service call runs on the TaskRunner.
    """

    payment_recorded = Signal(object)  # ReceiptView of a payment just committed
    session_changed = Signal(object)  # SessionView now shown, or None

    def __init__(
        self, cash: CashService, payments: PaymentService, accounts: AccountService,
        operator: Operator, runner: TaskRunner, clock: Clock, events: AppEvents,
        settings: LocalSettings, announcer: Announcer | None = None, *,
        finish_visit: Callable[[], None] | None = None, print_fn: PrintFn = print_pdf,
        ic: IcService | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cash, self._payments, self._accounts = cash, payments, accounts
        self._ic = ic
        self._operator, self._runner, self._clock = operator, runner, clock
        self._events, self._settings = events, settings
        self.announcer = announcer
        self.finish_visit = finish_visit
        self.print_fn = print_fn
        self.receipt_folder = default_receipt_folder()
        self.session: SessionView | None = None
        self.offered: tuple[str, ...] = tuple(ACTIVE_TENDERS)  # until the hall's are read
        self.dialog: QDialog | None = None
        self.mirror: PaymentMirror | None = None
        self.mirror_geometry = QByteArray()
        self._seq: dict[str, int] = {}
        self._ended = False
        self._build_actions()
        self.strip = SessionStrip([self.open_action, self.move_action, self.close_action])
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip)
        layout.addLayout(self._build_search())
        layout.addWidget(self._build_body(), 1)
        layout.addLayout(self._build_message_line())
        events.visit_changed.connect(self._visit_changed)
        self._update_actions()
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.open_action = self._action(Icon.UNLOCK, self.tr("Open session..."), "",
                                        self.open_session)
        self.move_action = self._action(Icon.TRANSFER, self.tr("Cash in/out..."), "",
                                        self.move_cash)
        self.close_action = self._action(Icon.LOCK, self.tr("Close session..."), "",
                                         self.close_session)
        self.pay_action = self._action(Icon.CHECK, self.tr("Pay"), "F9", self.pay)
        self.prepay_action = self._action(Icon.ADD, self.tr("Prepay..."), "Shift+F9",
                                          self.prepay)
        self.ic_action = self._action(Icon.IC_CARD, self.tr("Buy gas (IC card)..."), "F10",
                                      self.buy_gas)
        self.reprint_action = self._action(Icon.HISTORY, self.tr("Reprint..."), "",
                                           self.reprint)
        self.void_action = self._action(Icon.REVERSE, self.tr("Void..."), "", self.void)
        self.correction_action = self._action(Icon.EDIT, self.tr("Correction..."), "",
                                              self.correct)
        self.correction_action.setVisible(may(self._operator.role, Permission.AUTHORISE_VOIDS))

    def _action(self, name: Icon, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(icon(name), text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text} ({keys})")
            action.setIconText(f"{text} ({keys})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_search(self) -> QVBoxLayout:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr(
            "Account no., meter no., phone or name — then Enter"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon(Icon.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.returnPressed.connect(lambda: self.search(self.search_box.text()))
        self.results = QListWidget()
        self.results.setMaximumHeight(160)
        self.results.hide()
        self.results.itemActivated.connect(
            lambda item: self.show_account(int(item.data(Qt.ItemDataRole.UserRole))))
        column = QVBoxLayout()
        column.addWidget(self.search_box)
        column.addWidget(self.results)
        return column

    def _build_body(self) -> QSplitter:
        self.due_view = AccountDueView()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.due_view, 1)
        left_layout.addLayout(self._button_row([self.pay_action, self.prepay_action,
                                                self.ic_action]))
        self.receipt_model = ReceiptTableModel(self)
        self.receipts = QTableView()
        self.receipts.setModel(self.receipt_model)
        self.receipts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.receipts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.receipts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.receipts.verticalHeader().hide()
        self.receipts.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.receipts.horizontalHeader().setStretchLastSection(True)
        self.receipts.selectionModel().currentRowChanged.connect(self._update_actions)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Receipts of this session")))
        right_layout.addWidget(self.receipts, 1)
        right_layout.addLayout(self._button_row(
            [self.reprint_action, self.void_action, self.correction_action]))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _button_row(self, actions: list[QAction]) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in actions:
            button = QPushButton(action.icon(), action.iconText())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            button.setMinimumHeight(44)
            if not action.isVisible():  # an action of managers only, say
                button.hide()
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_message_line(self) -> QHBoxLayout:
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.offer_button = QPushButton()
        self.offer_button.hide()
        self.offer_button.clicked.connect(self._finish_visit)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.offer_button)
        return row

    # --- loading ----------------------------------------------------------------------------

    @property
    def counter_no(self) -> int:
        """This desktop's counter (from its settings, which may change)."""
        return self._settings.counter

    def refresh(self) -> None:
        """Reload the clerk's session at this counter, its receipts and the hall's tenders."""
        self._load("session", partial(self._cash.current, self._operator, self.counter_no),
                   self._session_loaded)
        self._load("tenders", partial(self._payments.offered_tenders, self._operator.hall_id),
                   self._tenders_loaded)

    def _tenders_loaded(self, offered: tuple[str, ...]) -> None:
        self.offered = tuple(str(code) for code in offered)

    def _session_loaded(self, session: SessionView | None) -> None:
        self.session = session
        self.strip.show_session(session, self.counter_no)
        self.session_changed.emit(session)
        self._update_actions()
        if session is None:
            self.receipt_model.set_rows([])
            return
        self._load("receipts", partial(self._payments.payments_of, session_id=session.id),
                   self.receipt_model.set_rows)

    def search(self, query: str) -> None:
        """Find accounts; one match opens at once, several are listed to pick from."""
        if not query.strip():
            return
        self.search_box.setText(query)
        self.say("")
        self._load("search", partial(self._accounts.search, query.strip()), self._found)

    def _found(self, result: SearchResult) -> None:
        if len(result.ids) == 1:
            self.show_account(result.ids[0])
            return
        self.results.clear()
        if not result.ids:
            self.results.hide()
            self.say(self.tr("No account matches “{query}”.").format(query=result.query), True)
            return
        self._load("rows", partial(self._accounts.rows, list(result.ids)), self._list_rows)

    def _list_rows(self, rows: list[AccountRow]) -> None:
        for row in rows:
            item = QListWidgetItem(f"{row.account_no} · {row.name} · {row.address}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.addItem(item)
        self.results.show()
        self.results.setCurrentRow(0)
        self.results.setFocus()

    def show_account(self, account_id: int) -> None:
        """Load an account's bills and balance (the accounts page may call this)."""
        self.results.hide()
        self._load("due", partial(self._payments.due, account_id), self._due_loaded)

    def _due_loaded(self, due: DueView) -> None:
        self.due_view.show_due(due)
        self._update_actions()
        self.due_view.table.setFocus()

    def _visit_changed(self, visit: TicketInfo | None) -> None:
        if visit is not None and visit.account_no:
            self.search(visit.account_no)

    def _load(self, key: str, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run a read; only the newest of each kind is shown."""
        seq = self._seq[key] = self._seq.get(key, 0) + 1

        def shown(result: Any) -> None:
            if not self._ended and self._seq[key] == seq:
                done(result)

        self._runner.run(job, shown, self._failed)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook reports it
        if not self._ended:
            self.say(error_text(error), True)

    # --- paying -----------------------------------------------------------------------------

    def pay(self) -> None:
        """F9: pay the ticked bills (all of them unless some were unticked)."""
        due = self.due_view.due
        if self.session is None or due is None or not self.due_view.model.ticked():
            return
        model = self.due_view.model
        bill_ids = None if model.all_ticked() else tuple(b.bill_id for b in model.ticked())
        self._open_payment(due, self.due_view.chosen_fen(), bill_ids, prepay=False)

    def prepay(self) -> None:
        """Shift+F9: pay a typed amount onto the account (the ticked bills first)."""
        due = self.due_view.due
        if self.session is None or due is None:
            return
        model = self.due_view.model
        ticked = model.ticked()
        bill_ids = None if model.all_ticked() else tuple(b.bill_id for b in ticked)
        self._open_payment(due, self.due_view.chosen_fen(), bill_ids, prepay=True)

    def buy_gas(self) -> None:
        """F10: an IC-card gas purchase (IC卡购气) for an account with an IC meter."""
        due = self.due_view.due
        if self.session is None or due is None or not due.is_ic or self._ic is None:
            return
        visit = self._events.current_visit
        dialog = IcPurchaseDialog(self._ic, self._operator, self._runner, due, self.session.id,
                                  ticket_id=visit.id if visit else None,
                                  announcer=self.announcer, tenders=self.offered, parent=self)
        dialog.purchase_recorded.connect(lambda result: self._paid(result.receipt))
        self._show_dialog(dialog)

    def _open_payment(self, due: DueView, amount: int, bill_ids: tuple[int, ...] | None,
                      prepay: bool) -> None:
        assert self.session is not None
        visit = self._events.current_visit
        dialog = PaymentDialog(self._payments, self._operator, self._runner, due,
                               self.session.id, amount, bill_ids, prepay=prepay,
                               ticket_id=visit.id if visit else None, announcer=self.announcer,
                               mirror=self.open_mirror(), tenders=self.offered, parent=self)
        dialog.payment_recorded.connect(self._paid)
        self._show_dialog(dialog)

    def _paid(self, receipt: ReceiptView) -> None:
        self.payment_recorded.emit(receipt)
        self.say(self.tr("Receipt {number}: {amount} yuan received, change {change} yuan.")
                 .format(number=receipt.receipt_no, amount=format_yuan(receipt.amount_fen),
                         change=format_yuan(receipt.change_fen)))
        self._print(receipt, original=True)
        self.refresh()
        self.show_account(self.due_view.due.account_id if self.due_view.due else 0)
        self._offer_rating()

    def _offer_rating(self) -> None:
        visit = self._events.current_visit
        if visit is None:
            return
        self.offer_button.setText(self.tr("Finish {number} and ask for a rating").format(
            number=visit.number))
        self.offer_button.setVisible(self.finish_visit is not None)

    def _finish_visit(self) -> None:
        self.offer_button.hide()
        if self.finish_visit is not None:
            self.finish_visit()

    # --- printing ---------------------------------------------------------------------------

    def receipt_printer(self) -> ReceiptPrinter:
        """This desktop's printer and paper as they are now set."""
        return ReceiptPrinter.from_settings(self._settings, self.print_fn, self.receipt_folder)

    def _print(self, receipt: ReceiptView, original: bool) -> None:
        printer = self.receipt_printer()
        if not printer.configured:
            self.say(self.message.text() + " " + self.tr(
                "This computer has no printer (Settings › This desktop); the receipt is kept "
                "for printing later."))
            return
        if original:
            job = partial(print_and_record, printer, self._payments, self._operator, receipt)
        else:
            job = partial(printer.print_receipt, receipt)
        self._runner.run(job, partial(self._printed, receipt), self._failed)

    def _printed(self, receipt: ReceiptView, printed: bool) -> None:
        if not printed and not self._ended:
            self.say(self.tr("Receipt {number} could not be printed; check the printer. It is "
                             "kept for printing later.").format(number=receipt.receipt_no), True)

    # --- session ----------------------------------------------------------------------------

    def open_session(self) -> None:
        """Open a session at this counter with the counted float."""
        if self.session is None:
            dialog = OpenSessionDialog(self._cash, self._operator, self.counter_no,
                                       self._runner, self)
            dialog.session_opened.connect(lambda _s: self.refresh())
            self._show_dialog(dialog)

    def move_cash(self) -> None:
        """Cash in or out of the drawer, with a reason."""
        if self.session is not None:
            dialog = CashMoveDialog(self._cash, self._operator, self.session.id, self._runner,
                                    self)
            dialog.cash_moved.connect(lambda _s: self.refresh())
            self._show_dialog(dialog)

    def close_session(self) -> None:
        """The blind count and the close."""
        if self.session is not None:
            dialog = CloseSessionDialog(self._cash, self._operator, self.session, self._runner,
                                        self)
            dialog.session_closed.connect(lambda _r: self.refresh())
            self._show_dialog(dialog)

    # --- receipts ---------------------------------------------------------------------------

    def selected_receipt(self) -> ReceiptView | None:
        """The receipt selected in the session's list."""
        index = self.receipts.currentIndex()
        return self.receipt_model.row_at(index.row()) if index.isValid() else None

    def reprint(self) -> None:
        """Reprint the selected receipt with a reason (stamped 补打)."""
        receipt = self.selected_receipt()
        if receipt is not None:
            dialog = ReprintDialog(self._payments, self._operator, self._runner, receipt, self)
            dialog.reprinted.connect(lambda copy: self._print(copy, original=False))
            self._show_dialog(dialog)

    def void(self) -> None:
        """Void the selected receipt with a reason and a manager's password."""
        receipt = self.selected_receipt()
        if receipt is not None:
            dialog = VoidDialog(self._payments, self._operator, self._runner, receipt, self)
            dialog.voided.connect(self._voided)
            self._show_dialog(dialog)

    def _voided(self, void: ReceiptView) -> None:
        self.say(self.tr("Receipt {number} voided by {void}.").format(
            number=void.voids_receipt_no, void=void.receipt_no))
        self._print(void, original=True)
        self.refresh()
        if self.due_view.due is not None:
            self.show_account(self.due_view.due.account_id)

    def correct(self) -> None:
        """A manager corrects a receipt of a closed day, paid back out of their session."""
        if self.session is not None and self.correction_action.isVisible():
            dialog = CorrectionDialog(self._payments, self._operator, self._runner,
                                      self.session.id, self)
            dialog.corrected.connect(self._corrected)
            self._show_dialog(dialog)

    def _corrected(self, correction: ReceiptView) -> None:
        self.say(self.tr("Receipt {number} corrected by {correction}; {amount} yuan paid "
                         "back.").format(number=correction.voids_receipt_no,
                                         correction=correction.receipt_no,
                                         amount=format_yuan(-correction.amount_fen)))
        self._print(correction, original=True)
        self.refresh()
        if self.due_view.due is not None:
            self.show_account(self.due_view.due.account_id)

    # --- helpers ----------------------------------------------------------------------------

    def _show_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def open_mirror(self) -> PaymentMirror:
        """The customer's payment mirror, on the second screen if there is one."""
        if self.mirror is None:
            self.mirror = PaymentMirror(self._operator.full_name, self.counter_no)
            self._place_mirror(self.mirror)
        self.mirror.show()
        return self.mirror

    def _place_mirror(self, mirror: PaymentMirror) -> None:
        if not self.mirror_geometry.isEmpty() and mirror.restoreGeometry(self.mirror_geometry):
            return
        here = self.screen()
        others = [s for s in QGuiApplication.screens() if s is not here]
        mirror.adjustSize()
        frame = mirror.frameGeometry()
        if others:
            frame.moveCenter(others[0].availableGeometry().center())
        else:
            frame.moveBottomRight(here.availableGeometry().bottomRight())
        mirror.move(frame.topLeft())

    def say(self, text: str, error: bool = False) -> None:
        """The page's message line."""
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR_STYLE if error else "")
        if text and error:
            self.offer_button.hide()

    def _update_actions(self) -> None:
        has_session = self.session is not None
        due = self.due_view.due
        self.open_action.setEnabled(not has_session)
        self.move_action.setEnabled(has_session)
        self.close_action.setEnabled(has_session)
        self.pay_action.setEnabled(has_session and due is not None and bool(due.bills))
        self.prepay_action.setEnabled(has_session and due is not None)
        self.ic_action.setEnabled(has_session and due is not None and due.is_ic
                                  and self._ic is not None)
        selected = self.selected_receipt()
        self.reprint_action.setEnabled(selected is not None)
        self.void_action.setEnabled(has_session and selected is not None
                                    and selected.kind in _VOIDABLE
                                    and not selected.voided_by_receipt_no)
        self.correction_action.setEnabled(has_session)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def shut_down(self) -> None:
        """The session ends: close the mirror and any dialog; late results are ignored."""
        self._ended = True
        if self.dialog is not None:
            self.dialog.close()
        if self.mirror is not None:
            self.mirror_geometry = self.mirror.saveGeometry()
            self.mirror.close()
            self.mirror.deleteLater()
            self.mirror = None
