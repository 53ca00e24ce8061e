"""The account's readings and bills (抄表与账单): money and tier, chart, bills, readings."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import format_yuan
from app.domain.tariff import format_m3
from app.services.billing_dto import AccountHistory, BillView
from ui.accounts.bill_table_model import BillLineTableModel, BillTableModel
from ui.accounts.consumption_chart import ConsumptionChart
from ui.accounts.reading_table_model import ReadingTableModel
from ui.common.icons import Icon, icon

_ERROR_STYLE = "color: #c0392b;"
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
BillCol = BillTableModel.Column
LineCol = BillLineTableModel.Column
ReadingCol = ReadingTableModel.Column

# Column widths: the wider of the title and a typical value; the last column takes the rest.
_BILL_SAMPLES = {BillCol.NUMBER: "99999", BillCol.PERIOD: "2026-10-01 – 2026-11-01",
                 BillCol.VOLUME: "999.99", BillCol.AMOUNT: "9,999.99",
                 BillCol.DUE: "2026-11-11", BillCol.OUTSTANDING: "9,999.99"}
_LINE_SAMPLES = {LineCol.ITEM: "Late fee on No. 99999, 999 days",
                 LineCol.DAYS: "2026-10-01 – 2026-11-01", LineCol.VOLUME: "999.99",
                 LineCol.PRICE: "9.999"}
_READING_SAMPLES = {ReadingCol.DATE: "2026-11-01", ReadingCol.VALUE: "99999.999",
                    ReadingCol.CONSUMPTION: "999.99", ReadingCol.SOURCE: "01 Read on site",
                    ReadingCol.KIND: "P Routine", ReadingCol.STATE: "Not billed",
                    ReadingCol.MARKS: "Estimated"}


class AccountHistoryView(QScrollArea):
    """Shows one AccountHistory; the page loads it and answers ``reverse_requested``.

    Top: balance, arrears, this cycle's volume and the tier. Below, in tabs: the bills with the
    selected bill's lines under them, the readings, and the consumption chart. The "Reverse
    bill…" button (beside the lines) exists only for roles that may reverse bills. Like the
    account pane beside it, it scrolls rather than make a small window grow.
    """

    reverse_requested = Signal(object)  # the BillView the manager wants to reverse

    def __init__(self, can_reverse: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._can_reverse = can_reverse
        self._history: AccountHistory | None = None
        self.bills_model = BillTableModel(self)
        self.lines_model = BillLineTableModel(self)
        self.readings_model = ReadingTableModel(self)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(self._build_summary())
        layout.addWidget(self._build_body(), 1)
        self.setWidget(body)
        self.clear()

    @property
    def account_id(self) -> int | None:
        """The account whose history is shown, or None."""
        return self._history.account_id if self._history else None

    def summary_text(self) -> str:
        """The summary line as one text; for tests and screen readers."""
        labels = (self.balance_label, self.arrears_label, self.cycle_label, self.tier_label)
        return "  ".join(label.text() for label in labels if label.text())

    def selected_bill(self) -> BillView | None:
        """The bill selected in the bills table, or None."""
        index = self.bills_table.currentIndex()
        return self.bills_model.row_at(index.row()) if index.isValid() else None

    def clear(self, message: str = "") -> None:
        """Show nothing, with a message such as "Loading…" in place of the summary."""
        self._history = None
        self.bills_model.set_rows(())
        self.lines_model.set_rows(())
        self.readings_model.set_rows(())
        self.lines_title.clear()
        self.chart.clear()
        self.balance_label.setText(message or self.tr("No account opened"))
        for label in (self.arrears_label, self.cycle_label, self.tier_label):
            label.clear()
        self._update_reverse()

    def show_history(self, history: AccountHistory) -> None:
        """Fill the summary, chart and tables; the newest bill is selected."""
        self._history = history
        self._fill_summary(history)
        self.bills_model.set_rows(history.bills)
        self.readings_model.set_rows(history.readings)
        self.chart.show_history(history)
        if history.bills:
            self.bills_table.setCurrentIndex(self.bills_model.index(0, 0))
        else:
            self._bill_changed()
        self._update_reverse()

    def _build_summary(self) -> QHBoxLayout:
        self.balance_label = QLabel()
        self.arrears_label = QLabel()
        self.arrears_label.setStyleSheet(_ERROR_STYLE)
        self.cycle_label = QLabel()
        self.tier_label = QLabel()
        row = QHBoxLayout()
        row.setContentsMargins(4, 0, 4, 0)
        for label in (self.balance_label, self.arrears_label, self.cycle_label, self.tier_label):
            label.setTextInteractionFlags(_SELECTABLE)
            row.addWidget(label)
            row.addSpacing(16)
        row.addStretch(1)
        return row

    def _build_body(self) -> QTabWidget:
        """Bills first (what the customer asks about), then readings, then the chart.

        Each gets the pane's full width: side by side, neither the bills' seven columns nor
        the chart's 24 months fit the accounts page on a 1280 x 800 screen.
        """
        self.chart = ConsumptionChart()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_bills(), icon(Icon.HISTORY), self.tr("&Bills"))
        self.readings_table = _table(self.readings_model, _READING_SAMPLES)
        self.tabs.addTab(self.readings_table, icon(Icon.READINGS), self.tr("Rea&dings"))
        self.tabs.addTab(self.chart, icon(Icon.TARIFFS), self.tr("&Consumption chart"))
        return self.tabs

    def _build_bills(self) -> QSplitter:
        self.bills_table = _table(self.bills_model, _BILL_SAMPLES)
        self.bills_table.selectionModel().currentRowChanged.connect(self._bill_changed)
        self.lines_table = _table(self.lines_model, _LINE_SAMPLES)
        self.lines_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_title = QLabel()
        self.reverse_button = QPushButton(icon(Icon.REVERSE), self.tr("&Reverse bill…"))
        self.reverse_button.setToolTip(self.tr(
            "Cancel the selected bill with a reversal bill; its reading goes back to review."))
        self.reverse_button.setVisible(self._can_reverse)
        self.reverse_button.clicked.connect(self._reverse_clicked)
        lines = QWidget()
        layout = QVBoxLayout(lines)
        layout.setContentsMargins(0, 4, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.lines_title, 1)
        title_row.addWidget(self.reverse_button)
        layout.addLayout(title_row)
        layout.addWidget(self.lines_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.bills_table)
        splitter.addWidget(lines)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _fill_summary(self, h: AccountHistory) -> None:
        if h.balance_fen >= 0:
            balance = self.tr("Credit: {amount} yuan").format(amount=format_yuan(h.balance_fen))
        else:
            balance = self.tr("Owed: {amount} yuan").format(amount=format_yuan(-h.balance_fen))
        self.balance_label.setText(balance)
        self.arrears_label.setText(self.tr("Overdue: {amount} yuan").format(
            amount=format_yuan(h.arrears_fen)) if h.arrears_fen else "")
        self.cycle_label.setText(self.tr("This cycle: {volume} m³").format(
            volume=format_m3(h.cumulative_litres)))
        self.tier_label.setText(self._tier_text(h))

    def _tier_text(self, h: AccountHistory) -> str:
        if not h.thresholds:
            return self.tr("One price, no tiers")
        if h.tier.left_litres is None:
            return self.tr("Tier {tier}: the top tier").format(tier=h.tier.tier_no)
        return self.tr("Tier {tier}: {volume} m³ left").format(
            tier=h.tier.tier_no, volume=format_m3(h.tier.left_litres))

    def _bill_changed(self) -> None:
        bill = self.selected_bill()
        self.lines_model.set_rows(bill.lines if bill else ())
        self.lines_title.setText(self.tr("Lines of bill No. {number}:").format(number=bill.id)
                                 if bill else "")
        self._update_reverse()

    def _update_reverse(self) -> None:
        bill = self.selected_bill()
        self.reverse_button.setEnabled(
            self._can_reverse and bill is not None and self.bills_model.can_reverse(bill))

    def _reverse_clicked(self) -> None:
        bill = self.selected_bill()
        if self._can_reverse and bill is not None and self.bills_model.can_reverse(bill):
            self.reverse_requested.emit(bill)


def _table(model: BillTableModel | BillLineTableModel | ReadingTableModel,
           samples: dict[int, str]) -> QTableView:
    """A read-only table whose rows and columns are never measured (fast for long lists)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    cells, titles = table.fontMetrics(), header.fontMetrics()
    for column, sample in samples.items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(cells.horizontalAdvance(sample), titles.horizontalAdvance(title))
        table.setColumnWidth(column, width + 24)
    return table
