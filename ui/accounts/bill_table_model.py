"""The bills of one account (账单) and the lines of the selected bill (阶梯明细, 滞纳金)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.money import format_yuan
from app.domain.tariff import format_m3, format_price
from app.services.billing_dto import BillLineView, BillView
from ui.common.row_table_model import RIGHT, RowTableModel

REVERSAL = "reversal"  # BillView.kind of a reversal (冲正); an ordinary bill is "bill"
LATE_FEE = "late_fee"  # BillLineView.kind of a late-fee line; a tier line is "tier"
_REVERSAL_COLOUR = QColor("#c0392b")
_REVERSED_COLOUR = QColor("#7f8c8d")


class BillTableModel(RowTableModel):
    """One row per ``BillView``, newest first as the service returns them.

    A reversal shows in red with negative amounts; the bill it cancels shows greyed and
    struck through, with the reversal's number, so both halves of a correction read at a glance.
    """

    class Column(IntEnum):
        """The table's columns."""

        NUMBER = 0
        PERIOD = 1
        VOLUME = 2
        AMOUNT = 3
        DUE = 4
        OUTSTANDING = 5
        KIND = 6

    _NUMBERS = frozenset({Column.VOLUME, Column.AMOUNT, Column.OUTSTANDING})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reversed_by: dict[int, int] = {}  # bill id -> id of the reversal that cancels it
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row, and note which bills have been reversed."""
        self._reversed_by = {b.reverses_id: b.id for b in rows if b.reverses_id is not None}
        super().set_rows(rows)

    def is_reversed(self, bill: BillView) -> bool:
        """True when a reversal cancels this bill."""
        return bill.id in self._reversed_by

    def can_reverse(self, bill: BillView) -> bool:
        """True for an ordinary bill that no reversal cancels yet."""
        return bill.kind != REVERSAL and bill.id not in self._reversed_by

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("No."), self.tr("Period"), self.tr("Volume (m³)"),
                self.tr("Amount (yuan)"), self.tr("Due"), self.tr("Unpaid (yuan)"),
                self.tr("Kind"))

    def raw(self, bill: BillView, column: Column) -> object:
        """The field behind a cell."""
        values = (bill.id, bill.period_to, bill.volume_litres, bill.total_fen, bill.due_on,
                  bill.outstanding_fen, bill.kind)
        return values[column]

    def text(self, bill: BillView, column: Column) -> str:
        """Dates as the hall writes them, m³ and yuan without float."""
        c = self.Column
        if column is c.PERIOD:
            return f"{_day(bill.period_from)} – {_day(bill.period_to)}"
        if column is c.VOLUME:
            return format_m3(bill.volume_litres)
        if column is c.AMOUNT:
            return format_yuan(bill.total_fen)
        if column is c.DUE:
            return _day(bill.due_on)
        if column is c.OUTSTANDING:
            return format_yuan(bill.outstanding_fen) if bill.outstanding_fen else ""
        if column is c.KIND:
            return self._kind_text(bill)
        return str(bill.id)

    def cell_role(self, bill: BillView, column: Column, role: int) -> Any:
        """Numbers right-aligned; reversals red, reversed bills grey and struck through."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMBERS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if bill.kind == REVERSAL:
                return QBrush(_REVERSAL_COLOUR)
            if bill.id in self._reversed_by:
                return QBrush(_REVERSED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and bill.id in self._reversed_by:
            return self._struck
        if role == Qt.ItemDataRole.ToolTipRole and bill.reason:
            return self.tr("Reason: {reason}").format(reason=bill.reason)
        return None

    def _kind_text(self, bill: BillView) -> str:
        if bill.kind == REVERSAL:
            return self.tr("Reversal of {number}").format(number=bill.reverses_id)
        reversal = self._reversed_by.get(bill.id)
        if reversal is not None:
            return self.tr("Reversed by {number}").format(number=reversal)
        return self.tr("Bill")


class BillLineTableModel(RowTableModel):
    """The lines of one bill: one per tier (volume × price) and one per late fee.

    A bill across a price change or a cycle start has tier lines for each side of it.
    """

    class Column(IntEnum):
        """The table's columns."""

        ITEM = 0
        DAYS = 1
        VOLUME = 2
        PRICE = 3
        AMOUNT = 4

    _NUMBERS = frozenset({Column.VOLUME, Column.PRICE, Column.AMOUNT})

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Item"), self.tr("Days"), self.tr("Volume (m³)"),
                self.tr("Price (yuan/m³)"), self.tr("Amount (yuan)"))

    def raw(self, line: BillLineView, column: Column) -> object:
        """The field behind a cell."""
        values = (line.tier_no, line.from_on, line.litres, line.price, line.amount_fen)
        return values[column]

    def text(self, line: BillLineView, column: Column) -> str:
        """Tier lines show m³ and price; a late-fee line the bill it is on and its days."""
        c = self.Column
        late = line.kind == LATE_FEE
        if column is c.ITEM:
            return self._item_text(line)
        if column is c.DAYS:
            return f"{_day(line.from_on)} – {_day(line.to_on)}" if line.from_on else ""
        if column is c.VOLUME:
            return "" if late else format_m3(line.litres)
        if column is c.PRICE:
            return "" if late else format_price(line.price)
        return format_yuan(line.amount_fen)

    def cell_role(self, line: BillLineView, column: Column, role: int) -> Any:
        """Numbers right-aligned."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMBERS:
            return RIGHT
        return None

    def _item_text(self, line: BillLineView) -> str:
        if line.kind != LATE_FEE:
            return self.tr("Tier {tier}").format(tier=line.tier_no)
        return self.tr("Late fee on No. {number}, {days} days").format(
            number=line.late_bill_id, days=line.days or 0)


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""
