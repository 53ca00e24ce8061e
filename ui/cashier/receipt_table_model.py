"""The receipts of the clerk's cash session (newest first), voids in red."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.money import format_yuan
from app.services.cashier_dto import ReceiptView
from ui.cashier.call_out import tender_name
from ui.common.row_table_model import RIGHT, RowTableModel

_CONTEXT = "ReceiptTableModel"
_TITLES = (
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Receipt no."),
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Time"),
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Account no."),
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Amount (yuan)"),
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Change (yuan)"),
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Tenders"),
    QT_TRANSLATE_NOOP("ReceiptTableModel", "Note"),
)
_VOID_OF = QT_TRANSLATE_NOOP("ReceiptTableModel", "Void of {number}")
_VOIDED_BY = QT_TRANSLATE_NOOP("ReceiptTableModel", "Voided by {number}")
_IC = QT_TRANSLATE_NOOP("ReceiptTableModel", "IC card gas")
_VOID_COLOR = QColor("#c0392b")


class ReceiptTableModel(RowTableModel):
    """One ReceiptView per row."""

    class Column(IntEnum):
        """The list's columns."""

        RECEIPT_NO = 0
        TIME = 1
        ACCOUNT_NO = 2
        AMOUNT = 3
        CHANGE = 4
        TENDERS = 5
        NOTE = 6

    def row_of_id(self, row_id: int) -> int:
        """The row of a payment, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.payment_id == row_id), -1)

    def titles(self) -> Sequence[str]:
        """The translated column titles."""
        return [QCoreApplication.translate(_CONTEXT, t) for t in _TITLES]

    def text(self, row: ReceiptView, column: Any) -> str:
        """Money in yuan; the note says void / voided by / IC purchase."""
        C = self.Column  # noqa: N806 - a short alias of the enum
        texts = {
            C.RECEIPT_NO: row.receipt_no,
            C.TIME: f"{row.at:%H:%M:%S}",
            C.ACCOUNT_NO: row.account_no,
            C.AMOUNT: format_yuan(row.amount_fen),
            C.CHANGE: format_yuan(row.change_fen),
            C.TENDERS: ", ".join(tender_name(code) for code, _fen in row.tenders),
            C.NOTE: self._note(row),
        }
        return texts[column]

    @staticmethod
    def _note(row: ReceiptView) -> str:
        if row.kind == "void":
            text, number = _VOID_OF, row.voids_receipt_no or ""
        elif row.voided_by_receipt_no:
            text, number = _VOIDED_BY, row.voided_by_receipt_no
        elif row.kind == "ic_purchase":
            text, number = _IC, ""
        else:
            return ""
        return QCoreApplication.translate(_CONTEXT, text).format(number=number)

    def cell_role(self, row: ReceiptView, column: Any, role: int) -> Any:
        """Amounts to the right; voids and voided receipts in red."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.Column.AMOUNT, self.Column.CHANGE):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and (
                row.kind == "void" or row.voided_by_receipt_no):
            return QBrush(_VOID_COLOR)
        return None
