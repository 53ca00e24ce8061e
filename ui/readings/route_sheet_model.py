"""The route-book entry grid's model (抄表录入): one row per meter, its typed reading and fate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.money import format_yuan
from app.domain.readings import ReadingCheck, ReadingSource, ReadingState
from app.domain.tariff import format_m3
from app.services.billing_dto import ReadingOutcome, SheetRow
from ui.common.row_table_model import RIGHT, Index
from ui.readings.labels import flags_text, source_label, state_label

ERROR_COLOR = QColor("#c0392b")
FLAG_COLOR = QColor("#a04a00")
FLAG_BACKGROUND = QColor("#fff1d0")
BILLED_COLOR = QColor("#1e7b34")
BUSY_COLOR = QColor("#6b7785")
_CONTEXT = "RouteSheetModel"


@dataclass(frozen=True)
class Entry:
    """What the grid knows about one row beyond the sheet: typed text, check, outcome, error."""

    text: str = ""
    source: str = ReadingSource.ON_SITE.value
    consumption: int | None = None
    flags: tuple[str, ...] = ()
    rollover: bool = False
    reading_id: int | None = None  # set once recorded: the row is then read-only
    state: str | None = None
    total_fen: int | None = None
    error: str = ""
    busy: bool = False  # being recorded

    @property
    def editable(self) -> bool:
        """Whether the clerk may still type in this row."""
        return self.reading_id is None and not self.busy


class RouteSheetModel(QAbstractTableModel):
    """Rows are SheetRow DTOs of one book and date, each with its ``Entry``."""

    class Column(IntEnum):
        """The grid's columns."""

        ACCOUNT_NO = 0
        NAME = 1
        ADDRESS = 2
        METER_NO = 3
        PREVIOUS = 4
        PREVIOUS_ON = 5
        READING = 6
        SOURCE = 7
        CONSUMPTION = 8
        STATE = 9

    SortRole = Qt.ItemDataRole.UserRole
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SheetRow] = []
        self._entries: list[Entry] = []
        self.read_on: date | None = None  # the sheet's reading date

    # --- contents ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[SheetRow], read_on: date | None = None) -> None:
        """Show a new sheet; rows already read on the date show their stored reading."""
        self.beginResetModel()
        self.read_on = read_on
        self._rows = list(rows)
        self._entries = [_entry_of(r) for r in self._rows]
        self.endResetModel()

    def sheet_row(self, row: int) -> SheetRow:
        """The account and meter of a row."""
        return self._rows[row]

    def entry(self, row: int) -> Entry:
        """What was typed in a row and what became of it."""
        return self._entries[row]

    def row_of_meter(self, meter_id: int) -> int:
        """The row of a meter, or -1 when it is not on this sheet."""
        return next((i for i, r in enumerate(self._rows) if r.meter_id == meter_id), -1)

    def next_open_row(self, after: int) -> int:
        """The first row below ``after`` still waiting for a reading, or -1."""
        return next((i for i in range(after + 1, len(self._rows))
                     if self._entries[i].editable), -1)

    def set_text(self, row: int, text: str) -> None:
        """The reading as typed so far; any earlier check result or error no longer holds."""
        self._update(row, text=text, consumption=None, flags=(), rollover=False, error="")

    def set_preview(self, row: int, check: ReadingCheck | None) -> None:
        """Show what the checks say about the typed value (None: nothing to compare with)."""
        if check is None:
            self._update(row, consumption=None, flags=(), rollover=False, error="")
        else:
            self._update(row, consumption=check.consumption_litres,
                         flags=tuple(f.value for f in check.flags), rollover=check.rollover,
                         error="")

    def set_error(self, row: int, text: str) -> None:
        """Show why the row's value was not recorded; the typed text stays."""
        self._update(row, error=text, busy=False)

    def set_busy(self, row: int) -> None:
        """The row's reading is being recorded."""
        self._update(row, busy=True, error="")

    def set_outcome(self, row: int, outcome: ReadingOutcome) -> None:
        """The row's reading is stored: its state, flags, consumption and bill."""
        self._update(row, busy=False, error="", reading_id=outcome.reading_id,
                     state=outcome.state, flags=outcome.flags,
                     consumption=outcome.consumption_litres, rollover=outcome.rollover,
                     total_fen=outcome.total_fen)

    def _update(self, row: int, **changes: Any) -> None:
        if not 0 <= row < len(self._entries):
            return
        self._entries[row] = replace(self._entries[row], **changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.Column) - 1))

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of meters on the sheet."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Reading and source cells are editable until the row is recorded."""
        base = super().flags(index)
        if not index.isValid():
            return base
        column = self.Column(index.column())
        if column in (self.Column.READING, self.Column.SOURCE) and \
                self._entries[index.row()].editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Take a typed reading (text) or a chosen source (code)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), self.Column(index.column())
        if not self._entries[row].editable:
            return False
        if column == self.Column.READING:
            if str(value) != self._entries[row].text:
                self.set_text(row, str(value))
            return True
        if column == self.Column.SOURCE:
            self._update(row, source=str(value), error="")
            return True
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell texts, the editable values, colours for flags and errors, tooltips."""
        if not index.isValid():
            return None
        sheet, entry = self._rows[index.row()], self._entries[index.row()]
        column = self.Column(index.column())
        if role == self.RowRole:
            return sheet
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(sheet, entry, column)
        if role == Qt.ItemDataRole.EditRole:
            return entry.source if column == self.Column.SOURCE else entry.text
        if role == self.SortRole:
            return self._text(sheet, entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return _foreground(entry, column)
        if role == Qt.ItemDataRole.BackgroundRole and entry.flags and column in _FLAGGED:
            return QBrush(FLAG_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and column in _TIPPED:
            return self._tooltip(sheet, entry, column) or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _tr(_TITLES[section])

    def _tooltip(self, sheet: SheetRow, entry: Entry, column: Column) -> str:
        if column == self.Column.SOURCE:
            return source_label(entry.source)
        if column == self.Column.PREVIOUS_ON:
            return sheet.previous_on.isoformat() if sheet.previous_on else ""
        return self._text(sheet, entry, column)

    def _text(self, sheet: SheetRow, entry: Entry, column: Column) -> str:
        C = self.Column  # noqa: N806 - a short alias of the enum
        if column == C.ACCOUNT_NO:
            return sheet.account_no
        if column == C.NAME:
            return sheet.name
        if column == C.ADDRESS:
            return sheet.address
        if column == C.METER_NO:
            return sheet.meter_no
        if column == C.PREVIOUS:
            return "" if sheet.previous_value is None else format_m3(sheet.previous_value)
        if column == C.PREVIOUS_ON:
            return _short_date(sheet.previous_on, self.read_on)
        if column == C.READING:
            return entry.text
        if column == C.SOURCE:  # the code only (the clerks' shorthand); the name in the tooltip
            return entry.source
        if column == C.CONSUMPTION:
            return _consumption_text(entry)
        return state_text(sheet, entry)


_TITLES = (
    QT_TRANSLATE_NOOP("RouteSheetModel", "Account no."),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Name"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Address"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Meter no."),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Prev.\n(m³)"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Prev.\ndate"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Reading\n(m³)"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Source"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "Used\n(m³)"),
    QT_TRANSLATE_NOOP("RouteSheetModel", "State"),
)
_NUMBERS = {RouteSheetModel.Column.PREVIOUS, RouteSheetModel.Column.READING,
            RouteSheetModel.Column.CONSUMPTION}
# cells whose full text (or the words behind a code) shows as a tooltip
_TIPPED = {RouteSheetModel.Column.ADDRESS, RouteSheetModel.Column.SOURCE,
           RouteSheetModel.Column.PREVIOUS_ON, RouteSheetModel.Column.STATE}
_FLAGGED = {RouteSheetModel.Column.READING, RouteSheetModel.Column.CONSUMPTION,
            RouteSheetModel.Column.STATE}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def state_text(sheet: SheetRow, entry: Entry) -> str:
    """The state column: an error, "Saving…", the stored state, flags and bill, or the preview."""
    if entry.error:
        return entry.error
    if entry.busy:
        return QCoreApplication.translate("RouteSheetModel", "Saving…")
    parts: list[str] = []
    if entry.reading_id is not None:
        parts.append(state_label(entry.state))
    if entry.rollover:
        parts.append(QCoreApplication.translate("RouteSheetModel", "Rollover"))
    if entry.flags:
        parts.append(flags_text(entry.flags))
    if entry.state == ReadingState.BILLED and entry.total_fen is not None:
        amount = QCoreApplication.translate("RouteSheetModel", "¥{amount}")
        parts.append(amount.format(amount=format_yuan(entry.total_fen)))
    if entry.reading_id is None and sheet.previous_value is None and entry.text:
        parts.append(QCoreApplication.translate("RouteSheetModel", "First reading: not billed"))
    return " · ".join(p for p in parts if p)


def _short_date(day: date | None, read_on: date | None) -> str:
    """A previous date as MM-DD in the reading's year (the usual case), else as YY-MM-DD."""
    if day is None:
        return ""
    if read_on is not None and day.year == read_on.year:
        return day.strftime("%m-%d")
    return day.strftime("%y-%m-%d")


def _consumption_text(entry: Entry) -> str:
    if entry.consumption is None:
        return ""
    return format_m3(entry.consumption)


def _foreground(entry: Entry, column: RouteSheetModel.Column) -> QBrush | None:
    if column not in _FLAGGED:
        return None
    if entry.error:
        return QBrush(ERROR_COLOR) if column != RouteSheetModel.Column.CONSUMPTION else None
    if entry.busy:
        return QBrush(BUSY_COLOR)
    if entry.flags:
        return QBrush(FLAG_COLOR)
    if entry.state == ReadingState.BILLED:
        return QBrush(BILLED_COLOR)
    return None


def _entry_of(row: SheetRow) -> Entry:
    if row.reading_id is None:
        return Entry()
    return Entry(text="" if row.value is None else format_m3(row.value),
                 consumption=row.consumption, flags=row.flags, reading_id=row.reading_id,
                 state=row.state)
