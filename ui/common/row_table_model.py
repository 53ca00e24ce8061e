"""A table model over a list of DTOs, for the short lists of the admin and queue pages."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowTableModel(QAbstractTableModel):
    """One row per DTO. A subclass names its ``Column`` enum and gives titles and cell texts.

    ``SortRole`` gives a cell's raw value (for a sort proxy), ``RowRole`` the DTO itself.
    """

    Column: ClassVar[type[IntEnum]]
    SortRole = Qt.ItemDataRole.UserRole
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The DTO shown in a row."""
        return self._rows[row]

    def row_of_id(self, row_id: int) -> int:
        """The row whose DTO has this ``id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of rows (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the raw value for sorting, the DTO, or what ``cell_role`` adds."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        if role == self.RowRole:
            return row
        if role == self.SortRole:
            return self.raw(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        return self.cell_role(row, column, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles, or what ``header_role`` adds."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles()[section]
        return self.header_role(section, role)

    def titles(self) -> Sequence[str]:
        """The translated column titles."""
        raise NotImplementedError

    def text(self, row: Any, column: Any) -> str:
        """What a cell shows."""
        return str(self.raw(row, column))

    def raw(self, row: Any, column: Any) -> object:
        """A cell's raw value, for sorting."""
        return self.text(row, column)

    def cell_role(self, row: Any, column: Any, role: int) -> Any:
        """Other roles of a cell (alignment, tooltip); none by default."""
        return None

    def header_role(self, section: int, role: int) -> Any:
        """Other roles of a column title; none by default."""
        return None
