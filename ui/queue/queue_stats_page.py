"""Queue statistics for managers: figures per category and per counter, and notes to look at."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.services.dto import ManagerNoteInfo, Operator, QueueFigures
from app.services.queue_admin_service import QueueAdminService
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner
from ui.queue.manager_note_table_model import ManagerNoteTableModel
from ui.queue.queue_figures_table_model import QueueFiguresTableModel

SECTION_SHARES = (5, 3)  # of the height: the figures, the notes
_Loaded = tuple[tuple[list[QueueFigures], list[QueueFigures]], list[ManagerNoteInfo]]


class QueueStatsPage(QWidget):
    """Figures for a range of days (today by default) and the notes not yet seen.

    Everything loads off the GUI thread when the page comes into view or on "Show".
    """

    loaded = Signal()  # the tables show the chosen days and the current notes

    def __init__(
        self, admin: QueueAdminService, operator: Operator, runner: TaskRunner, clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._admin = admin
        self._operator = operator
        self._runner = runner
        self._request = 0  # only the newest request's answer is shown
        self.categories = QueueFiguresTableModel(self.tr("Category"), self)
        self.counters = QueueFiguresTableModel(self.tr("Counter"), self)
        self.notes = ManagerNoteTableModel(self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Queue statistics"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(self._filters(clock.now().date()))
        layout.addWidget(self._sections(), 1)

    # --- building ---------------------------------------------------------------------------

    def _filters(self, today: date) -> QHBoxLayout:
        self.since = _date_edit(today)
        self.until = _date_edit(today)
        self.until.setMinimumDate(self.since.date())
        self.since.dateChanged.connect(self.until.setMinimumDate)
        self.show_button = QPushButton(icon(Icon.REFRESH), self.tr("Show"))
        self.show_button.clicked.connect(self.refresh)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.since)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.until)
        row.addWidget(self.show_button)
        row.addSpacing(16)
        row.addWidget(self.status, 1)
        return row

    def _sections(self) -> QSplitter:
        self.category_table = _figures_table(self.categories)
        self.counter_table = _figures_table(self.counters)
        self.tabs = QTabWidget()  # one table at a time: both fit a 1280 x 800 screen this way
        self.tabs.addTab(self.category_table, icon(Icon.QUEUE_SETUP), self.tr("By category"))
        self.tabs.addTab(self.counter_table, icon(Icon.DESKTOP), self.tr("By counter"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self._notes_section())
        for index, share in enumerate(SECTION_SHARES):
            splitter.setStretchFactor(index, share)
        splitter.setSizes([share * 1000 for share in SECTION_SHARES])  # scaled to fit
        return splitter

    def _notes_section(self) -> QWidget:
        self.notes_table = _table(self.notes)
        self.notes_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.notes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.seen_button = QPushButton(icon(Icon.CHECK), self.tr("Mark as seen"))
        self.seen_button.setEnabled(False)
        self.seen_button.clicked.connect(self.mark_seen)
        self.notes_table.selectionModel().selectionChanged.connect(self._notes_selected)
        self.notes_count = QLabel()
        self.notes_count.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(_title(self.tr("Notes for the manager")))
        row.addWidget(self.notes_count, 1)
        row.addWidget(self.seen_button)
        return _section(row, self.notes_table)

    # --- loading ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Figures grow all day: reload whenever the page comes into view."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Load the figures of the chosen days and the unseen notes in the background."""
        self._request += 1
        request = self._request
        first, last = _day(self.since), _day(self.until)
        self._set_status(self.tr("Loading..."), "")
        self._runner.run(
            lambda: (self._admin.statistics(self._operator, first, last),
                     self._admin.notes(self._operator)),
            lambda result: self._loaded(request, result),
            self._failed,
        )

    def _loaded(self, request: int, result: _Loaded) -> None:
        if request != self._request:
            return
        (by_category, by_counter), notes = result
        self.categories.set_figures(by_category)
        self.counters.set_figures(by_counter)
        self.notes.set_notes(notes)
        self._count_notes()
        issued = sum(f.issued for f in by_category)
        self._set_status(self.tr("Tickets issued: {n}").format(n=issued), "")
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook logs it and shows the crash dialog
        self._set_status(error_text(error), "resultBad")

    # --- notes ------------------------------------------------------------------------------

    def selected_notes(self) -> list[ManagerNoteInfo]:
        """The notes of the selected rows."""
        rows = self.notes_table.selectionModel().selectedRows()
        return [self.notes.note_at(index.row()) for index in sorted(rows, key=lambda i: i.row())]

    def mark_seen(self) -> None:
        """The manager has dealt with the selected notes: they leave the list."""
        done: set[int] = set()
        for note in self.selected_notes():
            try:
                self._admin.mark_seen(self._operator, note.id)
            except (DomainError, StorageUnavailable) as error:
                self._set_status(error_text(error), "resultBad")
                break
            done.add(note.id)
        self.notes.remove_notes(done)
        self._count_notes()

    def _notes_selected(self) -> None:
        self.seen_button.setEnabled(bool(self.notes_table.selectionModel().selectedRows()))

    def _count_notes(self) -> None:
        count = self.notes.rowCount()
        text = self.tr("Not yet seen: {n}").format(n=count) if count else self.tr(
            "No notes waiting.")
        self.notes_count.setText(text)
        self._notes_selected()

    def _set_status(self, text: str, style: str) -> None:
        self.status.setObjectName(style)
        self.status.style().unpolish(self.status)  # the style sheet picks up the new name
        self.status.style().polish(self.status)
        self.status.setText(text)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _section(title: QWidget | QHBoxLayout, table: QTableView) -> QWidget:
    section = QWidget()
    column = QVBoxLayout(section)
    column.setContentsMargins(0, 0, 0, 4)
    if isinstance(title, QWidget):
        column.addWidget(title)
    else:
        column.addLayout(title)
    column.addWidget(table, 1)
    return section


def _table(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(34)
    return table


def _figures_table(model: QueueFiguresTableModel) -> QTableView:
    table = _table(model)
    table.setObjectName("figures")  # the style sheet packs its many columns closer
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(QueueFiguresTableModel.Column.KEY, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return table


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
