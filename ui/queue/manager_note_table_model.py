"""Notes for the manager (班长提醒), e.g. a 不满意 rating, as the statistics page lists them."""

from __future__ import annotations

from collections.abc import Collection
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex

from app.services.dto import ManagerNoteInfo
from ui.common.row_table_model import RowTableModel

_CONTEXT = "ManagerNotes"
_KINDS: dict[str, str] = {
    "dissatisfied": QT_TRANSLATE_NOOP("ManagerNotes", "Customer was dissatisfied"),
}


def kind_text(kind: str) -> str:
    """The translated name of a note's kind; unknown kinds show their key."""
    source = _KINDS.get(kind)
    return QCoreApplication.translate(_CONTEXT, source) if source else kind


class ManagerNoteTableModel(RowTableModel):
    """One row per ``ManagerNoteInfo``, newest first as the service gives them."""

    class Column(IntEnum):
        """The table's columns."""

        AT = 0
        TICKET = 1
        COUNTER = 2
        KIND = 3

    def set_notes(self, notes: list[ManagerNoteInfo]) -> None:
        """Replace every row."""
        self.set_rows(notes)

    def note_at(self, row: int) -> ManagerNoteInfo:
        """The note shown in a row."""
        return self.row_at(row)  # type: ignore[no-any-return]

    def remove_notes(self, note_ids: Collection[int]) -> None:
        """Take the given notes out of the list (e.g. after they were marked as seen)."""
        for row in reversed(range(len(self._rows))):
            if self._rows[row].id in note_ids:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Time"), self.tr("Ticket"), self.tr("Counter"), self.tr("Note"))

    def raw(self, note: ManagerNoteInfo, column: Column) -> object:
        """The field behind a cell."""
        return _raw(note, column)

    def text(self, note: ManagerNoteInfo, column: Column) -> str:
        """Time to the minute, the counter if any, the translated kind."""
        if column is self.Column.AT:
            return f"{note.at:%Y-%m-%d %H:%M}"
        if column is self.Column.COUNTER:
            return "" if note.counter_no is None else str(note.counter_no)
        if column is self.Column.KIND:
            return kind_text(note.kind)
        return note.ticket_number


def _raw(note: ManagerNoteInfo, column: ManagerNoteTableModel.Column) -> object:
    values = (note.at, note.ticket_number, note.counter_no or 0, note.kind)
    return values[column]
