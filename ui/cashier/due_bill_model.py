"""The outstanding bills of the account at the desk, each with a tick (oldest first)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal

from app.domain.money import format_yuan
from app.domain.tariff import format_m3
from app.services.cashier_dto import DueBill
from ui.common.row_table_model import RIGHT, Index, RowTableModel

_TITLES = (
    QT_TRANSLATE_NOOP("DueBillModel", "Pay"),
    QT_TRANSLATE_NOOP("DueBillModel", "Period"),
    QT_TRANSLATE_NOOP("DueBillModel", "Gas (m³)"),
    QT_TRANSLATE_NOOP("DueBillModel", "Bill (yuan)"),
    QT_TRANSLATE_NOOP("DueBillModel", "Outstanding (yuan)"),
    QT_TRANSLATE_NOOP("DueBillModel", "Due on"),
)


class DueBillModel(RowTableModel):
    """DueBill rows, all ticked at first.

    Bills are paid oldest first (先欠先缴), so ticking a bill ticks the older ones too and
    unticking one unticks the newer ones.
    """

    ticks_changed = Signal()  # which bills are ticked changed

    class Column(IntEnum):
        """The table's columns."""

        PAY = 0
        PERIOD = 1
        VOLUME = 2
        TOTAL = 3
        OUTSTANDING = 4
        DUE_ON = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ticked = 0  # the oldest ``_ticked`` bills are ticked

    def set_rows(self, rows: Sequence[Any]) -> None:
        """New bills, all ticked."""
        self._ticked = len(rows)
        super().set_rows(rows)
        self.ticks_changed.emit()

    def titles(self) -> Sequence[str]:
        """The translated column titles."""
        return [QCoreApplication.translate("DueBillModel", t) for t in _TITLES]

    def text(self, row: DueBill, column: Any) -> str:
        """Periods as dates, volumes in m³, money in yuan."""
        C = self.Column  # noqa: N806 - a short alias of the enum
        texts = {
            C.PAY: "",
            C.PERIOD: f"{row.period_from.isoformat()} ~ {row.period_to.isoformat()}",
            C.VOLUME: format_m3(row.volume_litres),
            C.TOTAL: format_yuan(row.total_fen),
            C.OUTSTANDING: format_yuan(row.outstanding_fen),
            C.DUE_ON: row.due_on.isoformat(),
        }
        return texts[column]

    def cell_role(self, row: DueBill, column: Any, role: int) -> Any:
        """The tick, and numbers to the right."""
        if role == Qt.ItemDataRole.CheckStateRole and column == self.Column.PAY:
            ticked = self._rows.index(row) < self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.Column.VOLUME, self.Column.TOTAL, self.Column.OUTSTANDING):
            return RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The tick column can be ticked."""
        flags = super().flags(index)
        if index.isValid() and index.column() == self.Column.PAY:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Tick (this bill and the older ones) or untick (this one and the newer ones)."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.Column.PAY:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_ticked(index.row() + 1 if checked else index.row())
        return True

    def set_ticked(self, count: int) -> None:
        """Tick the oldest ``count`` bills."""
        count = max(0, min(count, len(self._rows)))
        if count == self._ticked:
            return
        self._ticked = count
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    def ticked(self) -> list[DueBill]:
        """The ticked bills, oldest first."""
        return list(self._rows[:self._ticked])

    def all_ticked(self) -> bool:
        """Whether every bill is ticked."""
        return self._ticked == len(self._rows)

