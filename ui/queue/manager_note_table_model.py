"""Notes for the manager (班长提醒), e.g. a 不满意 rating, as the statistics page lists them."""

from __future__ import annotations

from collections.abc import Collection
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.dto import ManagerNoteInfo

_Index = QModelIndex | QPersistentModelIndex
_CONTEXT = "ManagerNotes"
_KINDS: dict[str, str] = {
    "dissatisfied": QT_TRANSLATE_NOOP("ManagerNotes", "Customer was dissatisfied"),
}


def kind_text(kind: str) -> str:
    """The translated name of a note's kind; unknown kinds show their key."""
    source = _KINDS.get(kind)
    return QCoreApplication.translate(_CONTEXT, source) if source else kind


class ManagerNoteTableModel(QAbstractTableModel):
    """One row per ``ManagerNoteInfo``, newest first as the service gives them."""

    class Column(IntEnum):
        """The table's columns."""

        AT = 0
        TICKET = 1
        COUNTER = 2
        KIND = 3

    SortRole = Qt.ItemDataRole.UserRole  # raw value for a sort proxy
    RowRole = Qt.ItemDataRole.UserRole + 1  # the ManagerNoteInfo itself

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ManagerNoteInfo] = []

    def set_notes(self, notes: list[ManagerNoteInfo]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(notes)
        self.endResetModel()

    def note_at(self, row: int) -> ManagerNoteInfo:
        """The note shown in a row."""
        return self._rows[row]

    def remove_notes(self, note_ids: Collection[int]) -> None:
        """Take the given notes out of the list (e.g. after they were marked as seen)."""
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id in note_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of notes (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the raw value for sorting, and the note under ``RowRole``."""
        if not index.isValid():
            return None
        note = self._rows[index.row()]
        column = self.Column(index.column())
        if role == self.RowRole:
            return note
        if role == self.SortRole:
            return _raw(note, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(note, column)
        return None

    def _text(self, note: ManagerNoteInfo, column: Column) -> str:
        if column is self.Column.AT:
            return f"{note.at:%Y-%m-%d %H:%M}"
        if column is self.Column.COUNTER:
            return "" if note.counter_no is None else str(note.counter_no)
        if column is self.Column.KIND:
            return kind_text(note.kind)
        return note.ticket_number

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Time"), self.tr("Ticket"), self.tr("Counter"), self.tr("Note"))
        return titles[section]


def _raw(note: ManagerNoteInfo, column: ManagerNoteTableModel.Column) -> object:
    values = (note.at, note.ticket_number, note.counter_no or 0, note.kind)
    return values[column]
