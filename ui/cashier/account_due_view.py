"""The account at the cash desk: who, arrears and balance in large type, the bills to tick."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.money import format_yuan
from app.services.cashier_dto import DueView
from ui.cashier.due_bill_model import DueBillModel

_STYLE = """
QLabel#accountHead { font-size: 17pt; font-weight: bold; color: #1d2733; }
QLabel#figureCaption { color: #5b6b7d; }
QLabel#bigFigure { font-size: 26pt; font-weight: bold; color: #1d2733; }
QLabel#bigFigure[owed="true"] { color: #c0392b; }
"""


class AccountDueView(QWidget):
    """Lays out a DueView; the page decides what happens with the ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.due: DueView | None = None
        self.head = QLabel()
        self.head.setObjectName("accountHead")
        self.head.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.model = DueBillModel(self)
        self.model.ticks_changed.connect(self._show_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.head)
        layout.addWidget(self.detail)
        layout.addLayout(self._build_figures())
        layout.addWidget(self._build_table(), 1)
        self.clear(self.tr("Find an account: type its number, meter number, phone or name."))

    def _build_figures(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        self.arrears, self.balance, self.chosen = QLabel(), QLabel(), QLabel()
        captions = (self.tr("Arrears (yuan)"), self.tr("Balance (yuan)"),
                    self.tr("Ticked bills (yuan)"))
        for column, (caption, label) in enumerate(zip(
                captions, (self.arrears, self.balance, self.chosen), strict=True)):
            title = QLabel(caption)
            title.setObjectName("figureCaption")
            label.setObjectName("bigFigure")
            grid.addWidget(title, 0, column)
            grid.addWidget(label, 1, column)
        return grid

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DueBillModel.Column.PERIOD, QHeaderView.ResizeMode.Stretch)
        return self.table

    def clear(self, text: str = "") -> None:
        """No account: a hint instead."""
        self.due = None
        self.head.setText(text)
        self.detail.clear()
        for label in (self.arrears, self.balance, self.chosen):
            label.setText("—")
            label.setProperty("owed", False)
        self.model.set_rows([])

    def show_due(self, due: DueView) -> None:
        """Show an account; every bill ticked."""
        self.due = due
        self.head.setText(f"{due.account_no} · {due.name_masked}")
        kind = self.tr("IC card meter") if due.is_ic else self.tr("Billed meter")
        self.detail.setText(f"{due.address} · {kind}")
        self.arrears.setText(format_yuan(due.owed_fen))
        self.balance.setText(format_yuan(due.balance_fen))
        self._mark(self.arrears, due.owed_fen > 0)
        self._mark(self.balance, due.balance_fen < 0)
        self.model.set_rows(due.bills)
        if due.bills:
            self.table.setCurrentIndex(self.model.index(0, DueBillModel.Column.PAY))

    def chosen_fen(self) -> int:
        """The outstanding amount of the ticked bills."""
        return sum(b.outstanding_fen for b in self.model.ticked())

    def _show_chosen(self) -> None:
        self.chosen.setText(format_yuan(self.chosen_fen()) if self.due else "—")

    @staticmethod
    def _mark(label: QLabel, owed: bool) -> None:
        label.setProperty("owed", owed)
        label.style().unpolish(label)
        label.style().polish(label)
