"""Queue statistics (排队统计) of categories or counters as the manager's tables show them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.services.dto import QueueFigures
from ui.common.row_table_model import RIGHT, RowTableModel

NO_VALUE = "—"


def minutes_seconds(seconds: float) -> str:
    """A duration as m:ss, rounded to the second: 300.4 → "5:00", 3725 → "62:05"."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def satisfaction_rate(figures: QueueFigures) -> float | None:
    """满意率: 满意 and 基本满意 out of all ratings (0..1); None when nobody rated."""
    rated = figures.satisfied + figures.fairly_satisfied + figures.dissatisfied
    return (figures.satisfied + figures.fairly_satisfied) / rated if rated else None


class QueueFiguresTableModel(RowTableModel):
    """One row per ``QueueFigures`` (a category or a counter), in the service's order.

    ``key_title`` names the first column ("Category" or "Counter").
    """

    class Column(IntEnum):
        """The table's columns."""

        KEY = 0
        ISSUED = 1
        SERVED = 2
        NO_SHOWS = 3
        AVERAGE_WAIT = 4
        P90_WAIT = 5
        AVERAGE_SERVICE = 6
        P90_SERVICE = 7
        OVER_TIME = 8
        SATISFIED = 9
        FAIRLY_SATISFIED = 10
        DISSATISFIED = 11
        RATE = 12

    def __init__(self, key_title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key_title = key_title

    def set_figures(self, figures: list[QueueFigures]) -> None:
        """Replace every row."""
        self.set_rows(figures)

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return self._titles()

    def raw(self, figures: QueueFigures, column: Column) -> object:
        """The figure behind a cell."""
        return _raw(figures, column)

    def text(self, figures: QueueFigures, column: Column) -> str:
        """Times as m:ss, the rate as a percentage."""
        return _text(figures, column)

    def cell_role(self, figures: QueueFigures, column: Column, role: int) -> Any:
        """Numbers right-aligned."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not self.Column.KEY:
            return RIGHT
        return None

    def header_role(self, section: int, role: int) -> Any:
        """A tooltip that says how a figure is counted."""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltips().get(self.Column(section))
        return None

    def _titles(self) -> tuple[str, ...]:
        return (
            self._key_title, self.tr("Issued"), self.tr("Served"), self.tr("No-\nshows"),
            self.tr("Wait\navg."), self.tr("Wait\n90%"), self.tr("Service\navg."),
            self.tr("Service\n90%"), self.tr("Over\ntime"), self.tr("Satisfied"),
            self.tr("Fairly\nsatisfied"), self.tr("Not\nsatisfied"),
            self.tr("Satisfaction\nrate"),
        )

    def _tooltips(self) -> dict[Column, str]:
        ninety = self.tr("Nine in ten took at most this long (minutes:seconds).")
        return {
            self.Column.NO_SHOWS: self.tr("Called, but the customer did not come."),
            self.Column.AVERAGE_WAIT: self.tr("Average time from taking the ticket to being "
                                              "called (minutes:seconds)."),
            self.Column.P90_WAIT: ninety,
            self.Column.AVERAGE_SERVICE: self.tr("Average time from the start to the end of the "
                                                 "service (minutes:seconds)."),
            self.Column.P90_SERVICE: ninety,
            self.Column.OVER_TIME: self.tr("Services longer than the category's time limit."),
            self.Column.RATE: self.tr("Satisfied and fairly satisfied out of all ratings."),
        }


def _raw(figures: QueueFigures, column: QueueFiguresTableModel.Column) -> object:
    values = (
        figures.key, figures.issued, figures.served, figures.no_shows, figures.average_wait_s,
        figures.p90_wait_s, figures.average_service_s, figures.p90_service_s, figures.over_time,
        figures.satisfied, figures.fairly_satisfied, figures.dissatisfied,
        satisfaction_rate(figures),
    )
    return values[column]


def _text(figures: QueueFigures, column: QueueFiguresTableModel.Column) -> str:
    columns = QueueFiguresTableModel.Column
    if column in (columns.AVERAGE_WAIT, columns.P90_WAIT):
        called = figures.average_wait_s > 0 or figures.p90_wait_s > 0
        average = column is columns.AVERAGE_WAIT
        return _duration(figures.average_wait_s if average else figures.p90_wait_s, called)
    if column in (columns.AVERAGE_SERVICE, columns.P90_SERVICE):
        average = column is columns.AVERAGE_SERVICE
        seconds = figures.average_service_s if average else figures.p90_service_s
        return _duration(seconds, figures.served > 0)
    if column is columns.RATE:
        rate = satisfaction_rate(figures)
        return NO_VALUE if rate is None else f"{rate:.1%}"
    return str(_raw(figures, column))


def _duration(seconds: float, known: bool) -> str:
    """m:ss, or a dash when there is nothing to measure (not "0:00", which reads as no wait)."""
    return minutes_seconds(seconds) if known else NO_VALUE
