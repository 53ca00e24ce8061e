"""The readings page (抄表): route-book entry, the review list and file import, as tabs.

Each tab is a self-contained view that talks to the reading service through the TaskRunner;
the page builds the tabs for what the operator may do and keeps them in step (a reading
recorded, settled or imported reloads the other tabs' lists).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.domain.readings import ReadingState
from app.domain.users import Permission, may
from app.services.billing_dto import ReadingOutcome
from app.services.dto import Operator
from app.services.reading_import import ReadingImporter
from app.services.reading_service import ReadingService
from ui.common.icons import Icon, icon
from ui.common.task_runner import TaskRunner
from ui.readings.import_dialog import ImportDialog
from ui.readings.review_view import ReviewView
from ui.readings.route_sheet_view import RouteSheetView


class ReadingsPage(QWidget):
    """Tabs: 抄表录入 (entry grid), 待审核 (review, for REVIEW_READINGS), 导入 (import)."""

    def __init__(
        self, readings: ReadingService, importer: ReadingImporter, operator: Operator,
        runner: TaskRunner, clock: Clock, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._readings = readings
        self._importer = importer
        self._operator = operator
        self._runner = runner
        self._loaded = False
        self.import_dialog: ImportDialog | None = None  # the one open, for tests
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Meter readings"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.sheet_view = RouteSheetView(readings, operator, runner, clock)
        self.sheet_view.reading_recorded.connect(self._recorded)
        self.tabs.addTab(self.sheet_view, icon(Icon.READINGS), self.tr("Route-book entry"))
        self.review_view: ReviewView | None = None
        if may(operator.role, Permission.REVIEW_READINGS):
            self.review_view = ReviewView(readings, operator, runner)
            self.review_view.reading_settled.connect(self._settled)
            self.tabs.addTab(self.review_view, icon(Icon.REVIEW), self.tr("Review"))
        self.tabs.addTab(self._build_import_tab(), icon(Icon.IMPORT), self.tr("Import"))
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        """Load the route books and the review list the first time the page is shown."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        """Read the route books, the current sheet and the review list again."""
        self.sheet_view.load_books()
        if self.review_view is not None:
            self.review_view.refresh()

    def _build_import_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        text = QLabel(self.tr(
            "Import the readings of a handheld export (CSV or Excel). The whole file is checked "
            "first; if any row is wrong nothing is imported and you get the list of rows to fix. "
            "A good file is imported in one go, checked and billed; flagged readings wait for "
            "review."))
        text.setWordWrap(True)
        self.import_button = QPushButton(icon(Icon.IMPORT, "#ffffff"),
                                         self.tr("Import readings…"))
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.open_import)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        column.addWidget(text)
        column.addLayout(row)
        column.addStretch(1)
        return tab

    def open_import(self) -> ImportDialog:
        """Open the import dialog (one at a time)."""
        if self.import_dialog is None or not self.import_dialog.isVisible():
            if self.import_dialog is not None:
                self.import_dialog.deleteLater()
            self.import_dialog = ImportDialog(self._importer, self._operator, self._runner, self)
            self.import_dialog.imported.connect(self._imported)
            self.import_dialog.open()
        return self.import_dialog

    def _recorded(self, outcome: ReadingOutcome) -> None:
        if outcome.state == ReadingState.REVIEW and self.review_view is not None:
            self.review_view.refresh()

    def _settled(self, outcome: ReadingOutcome) -> None:
        self.sheet_view.show_settled(outcome)

    def _imported(self, _: Any) -> None:
        if not self.sheet_view.has_unsaved():
            self.sheet_view.load_books()
        if self.review_view is not None:
            self.review_view.refresh()
