"""The rows of the daily close sheet (日收费结账单): count and amount per tender, subtotals bold."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.domain.money import format_yuan
from app.services.cashier_dto import CloseSheetRow
from app.services.pdf.day_close_pdf import DayCloseLabels
from ui.cashier.call_out import tender_name
from ui.common.row_table_model import RIGHT, RowTableModel

_CONTEXT = "CloseSheetModel"
_TITLES = (
    QT_TRANSLATE_NOOP("CloseSheetModel", "Item"),
    QT_TRANSLATE_NOOP("CloseSheetModel", "Count"),
)
_TOTAL = QT_TRANSLATE_NOOP("CloseSheetModel", "Total")
_TENDERS = ("cash", "pos", "wechat", "alipay", "transfer", "cheque")
_WORDS = DayCloseLabels()  # the sheet's own (Chinese) row names, as printed


class CloseSheetModel(RowTableModel):
    """One CloseSheetRow per row; subtotals and totals in bold."""

    class Column(IntEnum):
        """Item, count, one column per tender, total."""

        ITEM = 0
        COUNT = 1
        CASH = 2
        POS = 3
        WECHAT = 4
        ALIPAY = 5
        TRANSFER = 6
        CHEQUE = 7
        TOTAL = 8

    def titles(self) -> Sequence[str]:
        """The translated column titles."""
        tr = QCoreApplication.translate
        return [tr(_CONTEXT, _TITLES[0]), tr(_CONTEXT, _TITLES[1]),
                *(tender_name(t) for t in _TENDERS), tr(_CONTEXT, _TOTAL)]

    def text(self, row: CloseSheetRow, column: Any) -> str:
        """Row names as the sheet prints them; money in yuan."""
        if column == self.Column.ITEM:
            name = _WORDS.row_name(row.label)
            if "." in row.label:  # the section too: void and refund rows read like gas rows
                return f"{_WORDS.section_name(row.label)} · {name}"
            return name
        if column == self.Column.COUNT:
            return str(row.count)
        if column == self.Column.TOTAL:
            return format_yuan(row.total_fen)
        return format_yuan(row.by_tender.get(_TENDERS[column - self.Column.CASH], 0))

    def cell_role(self, row: CloseSheetRow, column: Any, role: int) -> Any:
        """Numbers to the right; subtotals bold."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.Column.ITEM:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and row.label.count(".") < 2 and not (
                row.label.startswith("ic.")):
            font = QFont()
            font.setBold(True)
            return font
        return None
