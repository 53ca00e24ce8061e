"""The review list's model (待审核): flagged readings, with flags in words and the AVG3 estimate."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush

from app.domain.tariff import format_m3
from app.services.billing_dto import ReviewItem
from ui.common.row_table_model import RIGHT, RowTableModel
from ui.readings.labels import flags_text, source_label
from ui.readings.route_sheet_model import FLAG_COLOR

_TITLES = (
    QT_TRANSLATE_NOOP("ReviewTableModel", "Date"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Account no."),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Name"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Meter no."),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Flags"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Previous\n(m³)"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Reading\n(m³)"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Used\n(m³)"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Estimate\n(m³)"),
    QT_TRANSLATE_NOOP("ReviewTableModel", "Source"),
)


class ReviewTableModel(RowTableModel):
    """One ReviewItem per row."""

    class Column(IntEnum):
        """The list's columns."""

        READ_ON = 0
        ACCOUNT_NO = 1
        NAME = 2
        METER_NO = 3
        FLAGS = 4
        PREVIOUS = 5
        VALUE = 6
        CONSUMPTION = 7
        ESTIMATE = 8
        SOURCE = 9

    def row_of_id(self, row_id: int) -> int:
        """The row of a reading, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.reading_id == row_id), -1)

    def titles(self) -> Sequence[str]:
        """The translated column titles."""
        return [QCoreApplication.translate("ReviewTableModel", t) for t in _TITLES]

    def raw(self, row: ReviewItem, column: Any) -> object:
        """Values for sorting: dates and litres as they are."""
        C = self.Column  # noqa: N806 - a short alias of the enum
        values: dict[int, object] = {
            C.READ_ON: row.read_on, C.ACCOUNT_NO: row.account_no, C.NAME: row.name,
            C.METER_NO: row.meter_no, C.PREVIOUS: row.previous_value,
            C.VALUE: row.value, C.CONSUMPTION: row.consumption,
            C.ESTIMATE: row.estimate_litres, C.FLAGS: ",".join(row.flags), C.SOURCE: row.source,
        }
        return values[column]

    def text(self, row: ReviewItem, column: Any) -> str:
        """What a cell shows: m³ without trailing zeros, flags and source in words."""
        C = self.Column  # noqa: N806 - a short alias of the enum
        if column == C.FLAGS:
            return flags_text(row.flags)
        if column == C.SOURCE:
            return source_label(row.source)
        value = self.raw(row, column)
        if value is None:
            return "—" if column in (C.CONSUMPTION, C.ESTIMATE) else ""
        if column in _VOLUMES:
            return format_m3(int(value))  # type: ignore[call-overload]
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    def cell_role(self, row: ReviewItem, column: Any, role: int) -> Any:
        """Numbers right-aligned; the flags in the warning colour."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _VOLUMES:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.Column.FLAGS:
            return QBrush(FLAG_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.Column.FLAGS:
            return flags_text(row.flags)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.Column.PREVIOUS \
                and row.previous_on is not None:
            return row.previous_on.isoformat()
        return None


_VOLUMES = {ReviewTableModel.Column.PREVIOUS, ReviewTableModel.Column.VALUE,
            ReviewTableModel.Column.CONSUMPTION, ReviewTableModel.Column.ESTIMATE}
