"""The queue categories (排队业务类别) as the manager's setup table shows them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.dto import CategoryInfo
from ui.queue.counter_numbers import counters_text

_Index = QModelIndex | QPersistentModelIndex


class CategoryTableModel(QAbstractTableModel):
    """One row per ``CategoryInfo``, by letter as the service gives them."""

    class Column(IntEnum):
        """The table's columns."""

        PREFIX = 0
        NAME = 1
        COUNTERS = 2
        TIME_LIMIT = 3
        ACTIVE = 4

    SortRole = Qt.ItemDataRole.UserRole  # raw value for a sort proxy
    RowRole = Qt.ItemDataRole.UserRole + 1  # the CategoryInfo itself

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CategoryInfo] = []

    def set_categories(self, categories: list[CategoryInfo]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(categories)
        self.endResetModel()

    def category_at(self, row: int) -> CategoryInfo:
        """The category shown in a row."""
        return self._rows[row]

    def row_of(self, category_id: int) -> int:
        """The row of a category id, or -1."""
        return next((i for i, c in enumerate(self._rows) if c.id == category_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of categories (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, alignment, the raw value for sorting, and the row under ``RowRole``."""
        if not index.isValid():
            return None
        category = self._rows[index.row()]
        column = self.Column(index.column())
        if role == self.RowRole:
            return category
        if role == self.SortRole:
            return _raw(category, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(category, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is self.Column.TIME_LIMIT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, category: CategoryInfo, column: Column) -> str:
        if column is self.Column.COUNTERS:
            return str(_raw(category, column)) or self.tr("none")
        if column is self.Column.TIME_LIMIT:
            return self.tr("{n} min").format(n=category.time_limit_minutes)
        if column is self.Column.ACTIVE:
            return self.tr("Yes") if category.active else self.tr("No")
        return str(_raw(category, column))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Letter"), self.tr("Name"), self.tr("Counters"),
                  self.tr("Time limit"), self.tr("Active"))
        return titles[section]


def _raw(category: CategoryInfo, column: CategoryTableModel.Column) -> object:
    values = (category.prefix, category.name, counters_text(category.counters),
              category.time_limit_minutes, category.active)
    return values[column]
