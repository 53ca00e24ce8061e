"""Route-book entry (抄表录入): pick a book and a date, type each reading, Enter records it.

The tab is keyboard-only: the cursor starts in the first reading cell still open; typing shows
the consumption and any flag at once (``ReadingService.check``), Enter records the row in the
background and moves down. Recording is queued, one reading after the other, so the clerk never
waits and the database never sees two of this desk's writes at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.readings import NO_VALUE_SOURCES, ReadingKind, ReadingSource, rollover_litres
from app.domain.tariff import format_m3, parse_m3
from app.services.billing_dto import ReadingDraft, ReadingOutcome, SheetRow
from app.services.dto import Operator
from app.services.reading_service import ReadingService
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.row_table_model import Index
from ui.common.task_runner import TaskRunner
from ui.readings.labels import choices, flags_text, source_label
from ui.readings.route_sheet_model import RouteSheetModel

Col = RouteSheetModel.Column
CHECK_DELAY_MS = 150  # typing pauses this long before the value is checked
# Typical cell texts that size the columns (with their titles); the state column takes the rest.
_COLUMN_SAMPLES = {Col.ACCOUNT_NO: "0100000001", Col.NAME: "欧阳明", Col.ADDRESS: "东纵路8号3栋",
                   Col.METER_NO: "JK100000001", Col.PREVIOUS: "99999.9",
                   Col.PREVIOUS_ON: "25-10-23", Col.READING: "99999.99", Col.SOURCE: "01",
                   Col.CONSUMPTION: "999.9"}
CELL_MARGIN = 26  # the style sheet's 8 px item padding each side, Qt's frame and some air
HEADER_MARGIN = 24  # around a title's longest line
Ask = Callable[[str, str], bool]  # (title, question) -> yes?


def size_columns(table: QTableView, samples: dict[Any, str]) -> None:
    """Make each column as wide as its sample text or the longest line of its title.

    Measured with the table's font, so the widths follow the theme's size and the language.
    """
    cell = table.fontMetrics()
    bold = QFont(table.font())
    bold.setBold(True)
    header = QFontMetrics(bold)
    model = table.model()
    for column, sample in samples.items():
        title = str(model.headerData(int(column), Qt.Orientation.Horizontal) or "")
        widest = max((header.horizontalAdvance(line) for line in title.split("\n")), default=0)
        table.setColumnWidth(int(column), max(cell.horizontalAdvance(sample) + CELL_MARGIN,
                                              widest + HEADER_MARGIN))


class ReadingDelegate(QStyledItemDelegate):
    """The reading cell's editor: reports each keystroke, and Enter as "record this row"."""

    text_edited = Signal(int, str)  # row, the text typed so far
    entered = Signal(int)  # row whose reading was committed with Enter

    def createEditor(  # noqa: N802 - Qt name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        """A right-aligned line edit that knows its row."""
        editor = QLineEdit(parent)
        editor.setMaxLength(16)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = index.row()
        editor.setProperty("row", row)
        editor.textEdited.connect(partial(self.text_edited.emit, row))
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        """Enter commits the text, closes the editor and reports the row, in that order."""
        if (isinstance(editor, QLineEdit) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            row = int(editor.property("row"))
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.entered.emit(row)
            return True
        return super().eventFilter(editor, event)


class TailDelegate(QStyledItemDelegate):
    """Elides on the left: the addresses of one route book share their start, not their end."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        """Qt override: the item is drawn with the left side elided."""
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class SourceDelegate(QStyledItemDelegate):
    """The source cell's editor: a combo of the source codes with their names."""

    def createEditor(  # noqa: N802 - Qt name
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        """A combo box of every source."""
        combo = QComboBox(parent)
        for _, source in choices(ReadingSource):
            combo.addItem(source_label(source), source.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt name
        """Select the row's source."""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(  # noqa: N802 - Qt name
        self, editor: QWidget, model: Any, index: Index
    ) -> None:
        """Store the chosen source's code."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class RouteSheetView(QWidget):
    """The entry grid of one route book and reading date, with its book/date/kind/reader bar."""

    reading_recorded = Signal(object)  # ReadingOutcome of a reading just stored

    def __init__(
        self, readings: ReadingService, operator: Operator, runner: TaskRunner, clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._readings = readings
        self._operator = operator
        self._runner = runner
        self._books_seq = self._sheet_seq = 0
        self._check_seq: dict[int, int] = {}  # row -> newest check asked for
        self._queue: deque[tuple[ReadingDraft, int]] = deque()  # (draft, row) to record
        self._recording = False
        self._check_row = -1
        self.ask: Ask = self._ask  # replaceable (tests); asks the rollover question
        self.model = RouteSheetModel(self)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_typed)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar(clock.now().date()))
        layout.addLayout(self._build_status_line())
        layout.addWidget(self._build_table(), 1)

    # --- building ---------------------------------------------------------------------------

    def _build_bar(self, today: date) -> QHBoxLayout:
        self.book_combo = QComboBox()
        self.book_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.book_combo.setMinimumContentsLength(6)
        self.book_combo.setAccessibleName(self.tr("Route book"))
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.kind_combo = QComboBox()
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(8)
        for text, kind in choices(ReadingKind):
            self.kind_combo.addItem(f"{kind.value} {text}", kind.value)
        self.reader_edit = QLineEdit()
        self.reader_edit.setMaxLength(40)
        self.reader_edit.setPlaceholderText(self.tr("Who read the meters"))
        self.reader_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 10)
        self.refresh_button = QPushButton(icon(Icon.REFRESH), self.tr("Reload"))
        self.book_combo.currentIndexChanged.connect(self.load_sheet)
        self.date_edit.dateChanged.connect(self.load_sheet)
        self.refresh_button.clicked.connect(self.load_sheet)
        row = QHBoxLayout()
        for text, widget in ((self.tr("Route book"), self.book_combo),
                             (self.tr("Reading date"), self.date_edit),
                             (self.tr("Kind"), self.kind_combo),
                             (self.tr("Reader"), self.reader_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1 if widget is self.reader_edit else 0)
        row.addWidget(self.refresh_button)
        return row

    def _build_status_line(self) -> QHBoxLayout:
        self.count_label = QLabel()
        self.message_label = QLabel()
        self.message_label.setObjectName("resultBad")
        self.message_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addWidget(self.message_label, 1)
        return row

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.reading_delegate = ReadingDelegate(self.table)
        self.reading_delegate.text_edited.connect(self._text_edited)
        # queued: the rollover question must not open inside the editor's event filter
        self.reading_delegate.entered.connect(self._entered, Qt.ConnectionType.QueuedConnection)
        self.table.setItemDelegateForColumn(Col.READING, self.reading_delegate)
        self.table.setItemDelegateForColumn(Col.SOURCE, SourceDelegate(self.table))
        self.table.setItemDelegateForColumn(Col.ADDRESS, TailDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.STATE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        size_columns(self.table, _COLUMN_SAMPLES)
        return self.table

    # --- loading ----------------------------------------------------------------------------

    @property
    def read_on(self) -> date:
        """The reading date chosen."""
        value = self.date_edit.date()
        return date(value.year(), value.month(), value.day())

    def load_books(self) -> None:
        """Fill the route-book choice (in the background), then load the first book."""
        self._books_seq += 1
        self._runner.run(partial(self._readings.route_books, self._operator.hall_id),
                         partial(self._books_loaded, self._books_seq), self._failed)

    def _books_loaded(self, seq: int, books: list[str]) -> None:
        if seq != self._books_seq:
            return
        current = self.book_combo.currentText()
        self.book_combo.blockSignals(True)
        self.book_combo.clear()
        self.book_combo.addItems(books)
        self.book_combo.setCurrentIndex(max(self.book_combo.findText(current), 0))
        self.book_combo.blockSignals(False)
        if not books:
            self.count_label.setText(self.tr("No route book has accounts yet."))
        self.load_sheet()

    def load_sheet(self) -> None:
        """Read the chosen book's meters and the readings of the chosen date."""
        book = self.book_combo.currentText()
        self._sheet_seq += 1
        self._check_seq.clear()
        if not book:
            self.model.set_rows([])
            return
        self.count_label.setText(self.tr("Loading…"))
        self._runner.run(
            partial(self._readings.route_sheet, self._operator.hall_id, book, self.read_on),
            partial(self._sheet_loaded, self._sheet_seq), self._failed)

    def _sheet_loaded(self, seq: int, rows: list[SheetRow]) -> None:
        if seq != self._sheet_seq:
            return  # the clerk chose another book or date meanwhile
        self.message_label.clear()
        self.model.set_rows(rows, self.read_on)
        self._update_count()
        self.edit_row(self.model.next_open_row(-1))

    def edit_row(self, row: int) -> None:
        """Put the cursor into a row's reading cell, ready to type."""
        if row < 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        index = self.model.index(row, Col.READING)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        done = sum(1 for r in range(total) if self.model.entry(r).reading_id is not None)
        self.count_label.setText(self.tr("{done} of {total} meters read").format(
            done=done, total=total))

    # --- typing and checking ------------------------------------------------------------------

    def _text_edited(self, row: int, text: str) -> None:
        self.model.set_text(row, text)
        self._check_row = row
        self._check_timer.start()

    def _check_typed(self) -> None:
        row = self._check_row
        if not 0 <= row < self.model.rowCount():
            return
        entry, sheet = self.model.entry(row), self.model.sheet_row(row)
        text = entry.text.strip()
        if not text or not entry.editable:
            return
        try:
            value = parse_m3(text)
        except DomainError as error:
            self.model.set_error(row, error_text(error))
            return
        seq = self._check_seq[row] = self._check_seq.get(row, 0) + 1
        draft = ReadingDraft(sheet.meter_id, self.read_on, value, entry.source)
        self._runner.run(partial(self._readings.check, draft),
                         partial(self._checked, self._sheet_seq, row, seq, text),
                         partial(self._check_failed, self._sheet_seq, row, seq))

    def _checked(self, sheet_seq: int, row: int, seq: int, text: str, check: Any) -> None:
        if self._is_stale(sheet_seq, row, seq):
            return
        entry = self.model.entry(row)
        if entry.editable and entry.text.strip() == text:
            self.model.set_preview(row, check)

    def _check_failed(self, sheet_seq: int, row: int, seq: int, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error
        if not self._is_stale(sheet_seq, row, seq) and self.model.entry(row).editable:
            self.model.set_error(row, error_text(error))

    def _is_stale(self, sheet_seq: int, row: int, seq: int) -> bool:
        return sheet_seq != self._sheet_seq or self._check_seq.get(row) != seq

    # --- recording ----------------------------------------------------------------------------

    def _entered(self, row: int) -> None:
        """Enter in a reading cell: record the row (asking about a rollover), then move down."""
        if not 0 <= row < self.model.rowCount() or not self.model.entry(row).editable:
            return
        draft = self._draft(row)
        if draft is None:
            self.edit_row(row)  # the value is wrong: stay for the correction
            return
        if draft.value_litres is not None or draft.source in NO_VALUE_SOURCES:
            lower = self._is_lower(row, draft)
            if lower and not self._confirm_rollover(row, draft):
                self.model.set_error(row, self.tr(
                    "Not recorded: lower than the previous reading. Correct the value."))
                self.edit_row(row)
                return
            self._enqueue(replace(draft, rollover_confirmed=lower), row)
        self.edit_row(self.model.next_open_row(row))

    def _draft(self, row: int) -> ReadingDraft | None:
        """The row's reading to record (value None when empty), or None after showing why not."""
        entry, sheet = self.model.entry(row), self.model.sheet_row(row)
        text = entry.text.strip()
        try:
            value = parse_m3(text) if text else None
        except DomainError as error:
            self.model.set_error(row, error_text(error))
            self.message_label.setText(f"{sheet.account_no}: {error_text(error)}")
            return None
        return ReadingDraft(sheet.meter_id, self.read_on, value, entry.source,
                            str(self.kind_combo.currentData()), self.reader_edit.text().strip())

    def _is_lower(self, row: int, draft: ReadingDraft) -> bool:
        previous = self.model.sheet_row(row).previous_value
        return draft.value_litres is not None and previous is not None \
            and draft.value_litres < previous

    def _confirm_rollover(self, row: int, draft: ReadingDraft) -> bool:
        sheet = self.model.sheet_row(row)
        previous, value = sheet.previous_value or 0, draft.value_litres or 0
        used = rollover_litres(previous, value, sheet.digits)
        question = self.tr(
            "The reading {value} m³ of meter {meter} ({name}) is lower than the previous "
            "reading {previous} m³.\n\nHas the meter rolled over? Its {digits}-digit register "
            "would then show a consumption of {used} m³.").format(
            value=format_m3(value), meter=sheet.meter_no, name=sheet.name,
            previous=format_m3(previous), digits=sheet.digits, used=format_m3(used))
        return self.ask(self.tr("Meter rolled over?"), question)

    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self, title, question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _enqueue(self, draft: ReadingDraft, row: int) -> None:
        self.model.set_busy(row)
        self._queue.append((draft, row))
        self._record_next()

    def _record_next(self) -> None:
        if self._recording or not self._queue:
            return
        self._recording = True
        draft, row = self._queue.popleft()
        self._runner.run(partial(self._readings.record, self._operator, draft),
                         partial(self._recorded, draft), partial(self._record_failed, draft))

    def _row_of(self, draft: ReadingDraft) -> int:
        """The draft's row on the sheet shown now (-1: the clerk switched book or date)."""
        return self.model.row_of_meter(draft.meter_id) if draft.read_on == self.read_on else -1

    def _recorded(self, draft: ReadingDraft, outcome: ReadingOutcome) -> None:
        self._recording = False
        row = self._row_of(draft)
        if row >= 0:
            self.model.set_outcome(row, outcome)
            self._update_count()
            if outcome.flags:
                sheet = self.model.sheet_row(row)
                self.message_label.setText(self.tr("{account}: waits for review — {flags}")
                                           .format(account=sheet.account_no,
                                                   flags=flags_text(outcome.flags)))
        self.reading_recorded.emit(outcome)
        self._record_next()

    def _record_failed(self, draft: ReadingDraft, error: Exception) -> None:
        self._recording = False
        self._record_next()
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the application's exception hook reports it
        row = self._row_of(draft)
        if row >= 0:
            self.model.set_error(row, error_text(error))
            account = self.model.sheet_row(row).account_no
            self.message_label.setText(f"{account}: {error_text(error)}")
        else:
            self.message_label.setText(error_text(error))

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error
        self.count_label.clear()
        self.message_label.setText(error_text(error))

    def show_settled(self, outcome: ReadingOutcome) -> None:
        """A reading of this sheet was reviewed: reload, unless that would lose typed values."""
        if self.has_unsaved():
            row = next((r for r in range(self.model.rowCount())
                        if self.model.entry(r).reading_id == outcome.reading_id), -1)
            if row >= 0:
                self.model.set_outcome(row, outcome)
        else:
            self.load_sheet()

    def has_unsaved(self) -> bool:
        """Whether a value was typed but not stored yet (reloading would lose it)."""
        return self.pending() > 0 or any(
            self.model.entry(r).editable and self.model.entry(r).text.strip()
            for r in range(self.model.rowCount()))

    def pending(self) -> int:
        """Readings typed but not yet stored (queued or being recorded)."""
        return len(self._queue) + int(self._recording)
