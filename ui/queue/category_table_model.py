"""The queue categories (排队业务类别) as the manager's setup table shows them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from app.services.dto import CategoryInfo
from ui.common.row_table_model import RIGHT, RowTableModel
from ui.queue.counter_numbers import counters_text


class CategoryTableModel(RowTableModel):
    """One row per ``CategoryInfo``, by letter as the service gives them."""

    class Column(IntEnum):
        """The table's columns."""

        PREFIX = 0
        NAME = 1
        COUNTERS = 2
        TIME_LIMIT = 3
        ACTIVE = 4

    def set_categories(self, categories: list[CategoryInfo]) -> None:
        """Replace every row."""
        self.set_rows(categories)

    def category_at(self, row: int) -> CategoryInfo:
        """The category shown in a row."""
        return self.row_at(row)  # type: ignore[no-any-return]

    def row_of(self, category_id: int) -> int:
        """The row of a category id, or -1."""
        return self.row_of_id(category_id)

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Letter"), self.tr("Name"), self.tr("Counters"),
                self.tr("Time limit"), self.tr("Active"))

    def raw(self, category: CategoryInfo, column: Column) -> object:
        """The field behind a cell."""
        values = (category.prefix, category.name, counters_text(category.counters),
                  category.time_limit_minutes, category.active)
        return values[column]

    def text(self, category: CategoryInfo, column: Column) -> str:
        """Counters as ranges, minutes, yes/no."""
        if column is self.Column.COUNTERS:
            return str(self.raw(category, column)) or self.tr("none")
        if column is self.Column.TIME_LIMIT:
            return self.tr("{n} min").format(n=category.time_limit_minutes)
        if column is self.Column.ACTIVE:
            return self.tr("Yes") if category.active else self.tr("No")
        return str(self.raw(category, column))

    def cell_role(self, category: CategoryInfo, column: Column, role: int) -> Any:
        """Minutes right-aligned."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column is self.Column.TIME_LIMIT:
            return RIGHT
        return None
