"""The accounts page (客户档案): one search box, the results, and the opened account."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.domain.users import Permission, may
from app.services.account_service import AccountService
from app.services.billing_dto import AccountHistory, BillView
from app.services.billing_service import BillingService
from app.services.dto import AccountDetail, Operator, PersonalData, SearchResult
from ui.accounts.account_detail_view import AccountDetailView
from ui.accounts.account_dialog import AccountDialog, EditedAccount
from ui.accounts.account_history_view import AccountHistoryView
from ui.accounts.account_table_model import AccountTableModel
from ui.accounts.reverse_bill_dialog import ReverseBillDialog
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

Col = AccountTableModel.Column

# Column widths in digit widths (follow the font size); the address column takes the rest.
_COLUMN_CHARS = {Col.ACCOUNT_NO: 11, Col.NAME: 8, Col.PHONE: 12, Col.STATUS: 9, Col.METER_NO: 11}
_ERROR_STYLE = "color: #c0392b;"


class AccountsPage(QWidget):
    """Find an account in one keystroke and look at it; open the new / edit dialog.

    Searching, opening and unmasking run through the TaskRunner, so the window never waits
    for the database. Only the newest search and the newest opened account are shown.
    """

    account_opened = Signal(int)  # id of the account now shown in the detail pane
    history_shown = Signal(int)  # id of the account whose readings and bills are now shown

    def __init__(
        self, accounts: AccountService, operator: Operator, runner: TaskRunner,
        billing: BillingService, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._operator = operator
        self._runner = runner
        self._billing = billing
        self._search_seq = 0
        self._open_seq = 0
        self._history_seq = 0
        self._history_wanted: int | None = None  # account whose history the tab should show
        self._dialog: AccountDialog | None = None
        self._reverse_dialog: ReverseBillDialog | None = None
        self._sized = False
        self.model = AccountTableModel(accounts, self)
        self.model.fetch_failed.connect(self._show_message)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_search_bar())
        layout.addLayout(self._build_status_line())
        layout.addWidget(self._build_body(), 1)
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        """On first show, give the account pane what it needs, at most half; the list the rest."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            total = sum(self.splitter.sizes())
            wanted = (self.detail_view.sizeHint().height()
                      + self.detail_tabs.tabBar().sizeHint().height())
            pane = min(wanted, total // 2)
            self.splitter.setSizes([total - pane, pane])

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (the main window's F2)."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def search(self, query: str) -> None:
        """Search as if the clerk had typed ``query`` and pressed Enter."""
        self.search_box.setText(query)
        self._start_search()

    def open_account(self, account_id: int) -> None:
        """Load an account into the detail pane (in the background).

        Its readings and bills load at once when their tab is in front, else when it is shown.
        """
        self._open_seq += 1
        self._run(partial(self._accounts.detail, account_id),
                  partial(self._opened, self._open_seq))
        self._history_wanted = account_id
        self.history_view.clear(self.tr("Loading…"))
        if self.detail_tabs.currentWidget() is self.history_view:
            self._load_history()

    def show_history_tab(self) -> None:
        """Bring the "Readings and bills" tab to the front (loading it if needed)."""
        self.detail_tabs.setCurrentWidget(self.history_view)

    def _build_actions(self) -> None:
        can_edit = may(self._operator.role, Permission.EDIT_ACCOUNTS)
        self.new_action = self._action(Icon.ADD, self.tr("&New account"), "Ctrl+N",
                                       self._new_account)
        self.edit_action = self._action(Icon.EDIT, self.tr("&Edit"), "Ctrl+E",
                                        self._edit_account)
        self.new_action.setVisible(can_edit)
        self.edit_action.setVisible(can_edit)

    def _action(self, name: Icon, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(icon(name), text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_search_bar(self) -> QHBoxLayout:
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr(
            "Account no., meter no., phone or its last 4 digits, name, or address — then Enter"
        ))
        self.search_box.setAccessibleName(self.tr("Search accounts"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon(Icon.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.returnPressed.connect(self._start_search)
        self.search_box.installEventFilter(self)
        row = QHBoxLayout()
        row.addWidget(self.search_box, 1)
        for action in (self.new_action, self.edit_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached by shortcut, not by Tab
            row.addWidget(button)
        return row

    def _build_status_line(self) -> QHBoxLayout:
        self.count_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setStyleSheet(_ERROR_STYLE)
        self.message_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addWidget(self.message_label, 1)
        return row

    def _build_body(self) -> QSplitter:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never measures rows
        address = AccountTableModel.Column.ADDRESS
        header.setSectionResizeMode(address, QHeaderView.ResizeMode.Stretch)
        digit = self.table.fontMetrics().horizontalAdvance("0")
        for column, chars in _COLUMN_CHARS.items():
            self.table.setColumnWidth(column, digit * chars + 24)
        self.table.activated.connect(self._row_activated)  # Enter or double-click
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.table.installEventFilter(self)
        # The account below the list: the list is mostly short (one keystroke finds one
        # account) and the account needs the width; the splitter lets the clerk change it.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._build_detail_tabs())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        return self.splitter

    def _build_detail_tabs(self) -> QTabWidget:
        """The opened account: its record, and its readings and bills (loaded when shown)."""
        can_reveal = may(self._operator.role, Permission.UNMASK_PERSONAL_DATA)
        self.detail_view = AccountDetailView(can_reveal)
        self.detail_view.reveal_requested.connect(self._reveal)
        can_reverse = may(self._operator.role, Permission.REVERSE_BILLS)
        self.history_view = AccountHistoryView(can_reverse)
        self.history_view.reverse_requested.connect(self._reverse_bill)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setDocumentMode(True)
        self.detail_tabs.addTab(self.detail_view, icon(Icon.ACCOUNTS), self.tr("Account"))
        self.detail_tabs.addTab(self.history_view, icon(Icon.HISTORY),
                                self.tr("Readings and bills"))
        self.detail_tabs.currentChanged.connect(self._tab_changed)
        return self.detail_tabs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        """Down in the search box enters the results; Escape in the results goes back."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.search_box and event.key() == Qt.Key.Key_Down:
            return self._enter_results()
        if watched is self.table and event.key() == Qt.Key.Key_Escape:
            self.focus_search()
            return True
        return super().eventFilter(watched, event)

    def _enter_results(self) -> bool:
        if self.model.rowCount() == 0:
            return False
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _start_search(self) -> None:
        self._search_seq += 1
        query = self.search_box.text().strip()
        self.message_label.clear()
        if not query:
            self.model.set_ids(())
            self.count_label.clear()
            return
        self.count_label.setText(self.tr("Searching…"))
        self._run(partial(self._accounts.search, query),
                  partial(self._searched, self._search_seq))

    def _searched(self, seq: int, result: SearchResult) -> None:
        if seq != self._search_seq:
            return  # an older search finished after a newer one started
        self.model.set_ids(result.ids)
        self.count_label.setText(self._count_text(len(result.ids), result.truncated))
        if result.ids:
            self.table.setCurrentIndex(self.model.index(0, 0))
        if len(result.ids) == 1:  # the usual case at the counter: open it straight away
            self.open_account(result.ids[0])
        self._update_actions()

    def _count_text(self, count: int, truncated: bool) -> str:
        number = QLocale().toString(count)
        if truncated:
            return self.tr("More than {count} accounts — refine the search").format(count=number)
        if count == 0:
            return self.tr("No account found")
        if count == 1:
            return self.tr("1 account")
        return self.tr("{count} accounts").format(count=number)

    def _row_activated(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_account(self.model.account_id(index.row()))

    def _opened(self, seq: int, detail: AccountDetail) -> None:
        if seq != self._open_seq:
            return
        self.message_label.clear()
        self.detail_view.show_detail(detail)
        self._update_actions()
        self.account_opened.emit(detail.id)

    def _tab_changed(self) -> None:
        if self.detail_tabs.currentWidget() is not self.history_view:
            return
        self._give_history_room()
        if self.history_view.account_id != self._history_wanted:
            self._load_history()

    def _give_history_room(self) -> None:
        """Tables and chart need height: the pane grows to 3/4, the results keep a few rows."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        wanted = total * 3 // 4
        if total and sizes[1] < wanted:
            self.splitter.setSizes([total - wanted, wanted])

    def _load_history(self) -> None:
        """Load the wanted account's readings and bills; only the newest load is shown."""
        if self._history_wanted is None:
            return
        self._history_seq += 1
        self._runner.run(partial(self._billing.history, self._history_wanted),
                         partial(self._history_loaded, self._history_seq),
                         partial(self._history_failed, self._history_seq))

    def _history_loaded(self, seq: int, history: AccountHistory) -> None:
        if seq != self._history_seq:
            return  # an older load finished after a newer one started
        self.history_view.show_history(history)
        self.history_shown.emit(history.account_id)

    def _history_failed(self, seq: int, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: let the application's exception hook report it
        if seq == self._history_seq:
            self.history_view.clear(error_text(error))
            self._show_message(error_text(error))

    def _reverse_bill(self, bill: BillView) -> None:
        if self._reverse_dialog is not None and self._reverse_dialog.isVisible():
            return
        if self._reverse_dialog is not None:
            self._reverse_dialog.deleteLater()
        self._reverse_dialog = ReverseBillDialog(
            self._billing, self._operator, self._runner, bill, self)
        self._reverse_dialog.bill_reversed.connect(self._bill_reversed)
        self._reverse_dialog.open()

    def _bill_reversed(self, reversal_id: int) -> None:
        self._load_history()

    def _reveal(self, account_id: int) -> None:
        self._run(partial(self._accounts.reveal, self._operator, account_id),
                  partial(self._revealed, account_id))

    def _revealed(self, account_id: int, data: PersonalData) -> None:
        if self.detail_view.account_id == account_id:  # still the same account on screen
            self.detail_view.show_personal_data(data)

    def _new_account(self) -> None:
        self._show_dialog(None)

    def _edit_account(self) -> None:
        account_id = self._target_account()
        if account_id is not None:
            self._run(partial(_load_edit, self._accounts, account_id), self._show_dialog)

    def _target_account(self) -> int | None:
        """The account an edit applies to: the one opened, else the selected row."""
        if self.detail_view.account_id is not None:
            return self.detail_view.account_id
        index = self.table.currentIndex()
        return self.model.account_id(index.row()) if index.isValid() else None

    def _show_dialog(self, edited: EditedAccount | None) -> None:
        if self._dialog is not None:
            if self._dialog.isVisible():
                return  # an edit finished loading while another dialog was already opened
            self._dialog.deleteLater()
        self._dialog = AccountDialog(self._accounts, self._operator, self._runner, edited, self)
        self._dialog.account_saved.connect(
            self._account_changed if edited else self._account_created)
        self._dialog.open()

    def _account_created(self, account_id: int) -> None:
        saved = self._dialog.saved if self._dialog else None
        if saved is not None:  # show it the way a search for its number would
            self.search(saved.account_no)

    def _account_changed(self, account_id: int) -> None:
        self.model.refresh_account(account_id)
        self.open_account(account_id)

    def _update_actions(self, *_: Any) -> None:
        self.edit_action.setEnabled(self._target_account() is not None)

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._runner.run(job, on_done, self._failed)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DomainError | StorageUnavailable):
            self._show_message(error_text(error))
            if self.count_label.text() == self.tr("Searching…"):
                self.count_label.clear()
            return
        raise error  # a bug: let the application's exception hook report it

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)


def _load_edit(accounts: AccountService, account_id: int) -> EditedAccount:
    """Read what an edit starts from (runs in the background).

    The version is read before the form values, so a save by someone else in between makes
    this edit stale (the service refuses it) rather than silently overwritten.
    """
    detail = accounts.detail(account_id)
    return EditedAccount(account_id, detail.account_no, detail.version,
                         accounts.draft_of(account_id))
