"""The meter readings of one account (抄表记录), newest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.readings import ReadingState
from app.domain.tariff import format_m3
from app.services.billing_dto import ReadingView
from ui.common.row_table_model import RIGHT, RowTableModel
from ui.readings.labels import flags_text, kind_label, source_label, state_label

_FLAGGED_COLOUR = QColor("#c0392b")


class ReadingTableModel(RowTableModel):
    """One row per ``ReadingView``; flagged readings and readings in review show in red.

    Code labels are looked up once per code and model reset, so a cell costs a dict lookup.
    """

    class Column(IntEnum):
        """The table's columns."""

        DATE = 0
        VALUE = 1
        CONSUMPTION = 2
        SOURCE = 3
        KIND = 4
        STATE = 5
        MARKS = 6
        FLAGS = 7

    _NUMBERS = frozenset({Column.VALUE, Column.CONSUMPTION})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[tuple[int, object], str] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self._labels.clear()
        super().set_rows(rows)

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Date"), self.tr("Reading (m³)"), self.tr("Consumption (m³)"),
                self.tr("Source"), self.tr("Kind"), self.tr("State"),
                self.tr("Estimated / rollover"), self.tr("Flags"))

    def raw(self, reading: ReadingView, column: Column) -> object:
        """The field behind a cell."""
        values = (reading.read_on, reading.value_litres, reading.consumption_litres,
                  reading.source, reading.kind, reading.state,
                  (reading.estimated, reading.rollover), reading.flags)
        return values[column]

    def text(self, reading: ReadingView, column: Column) -> str:
        """m³ without float; codes with their names; empty values left blank."""
        c = self.Column
        if column is c.DATE:
            return reading.read_on.isoformat()
        if column is c.VALUE:
            return _m3(reading.value_litres)
        if column is c.CONSUMPTION:
            return _m3(reading.consumption_litres)
        if column is c.MARKS:
            return self._marks(reading)
        return self._label(column, self.raw(reading, column))

    def cell_role(self, reading: ReadingView, column: Column, role: int) -> Any:
        """Numbers right-aligned; flagged or waiting readings red; the review note as tooltip."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._NUMBERS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and (
                reading.flags or reading.state == ReadingState.REVIEW):
            return QBrush(_FLAGGED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is self.Column.FLAGS and reading.flags:
                return self._label(column, reading.flags)  # may be wider than the column
            return self._tooltip(reading)
        return None

    def _label(self, column: Column, code: object) -> str:
        key = (column, code)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = self._label_of(column, code)
        return text

    def _label_of(self, column: Column, code: object) -> str:
        c = self.Column
        if column is c.SOURCE:
            return source_label(str(code))
        if column is c.KIND:
            return kind_label(str(code))
        if column is c.STATE:
            return state_label(str(code))
        return flags_text(code if isinstance(code, tuple) else ())

    def _marks(self, reading: ReadingView) -> str:
        marks = []
        if reading.estimated:
            marks.append(self.tr("Estimated"))
        if reading.rollover:
            marks.append(self.tr("Rollover"))
        return ", ".join(marks)

    def _tooltip(self, reading: ReadingView) -> str | None:
        parts = []
        if reading.reader:
            parts.append(self.tr("Reader: {name}").format(name=reading.reader))
        if reading.review_note:
            parts.append(self.tr("Note: {note}").format(note=reading.review_note))
        return "\n".join(parts) or None


def _m3(litres: int | None) -> str:
    return "" if litres is None else format_m3(litres)
