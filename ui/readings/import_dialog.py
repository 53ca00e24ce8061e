"""Import readings from a handheld export (抄表数据导入): CSV or xlsx, all or nothing.

The import runs through the TaskRunner. Its progress callback, called on the worker thread,
emits a signal (delivered queued to this dialog) and answers False once Cancel was pressed, which
makes the service roll everything back. A refused file lists every bad row here; the list can
be saved for the person who made the file.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, Problem, StorageUnavailable
from app.domain.money import format_yuan
from app.services.billing_dto import ImportSummary
from app.services.dto import Operator
from app.services.reading_import import ImportRejected, ReadingImporter, RowError, save_errors
from app.services.reading_import import write_template as write_template_file
from ui.common.icons import Icon, icon
from ui.common.messages import error_text, problem_text
from ui.common.row_table_model import RIGHT, RowTableModel
from ui.common.task_runner import TaskRunner

_CANCELLED = "import.cancelled"


class ImportProgress(QObject):
    """The service's progress callback: safe to call from the worker thread."""

    reported = Signal(int, int)  # rows done, rows in all (queued to the GUI thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        """Report progress; False once cancelled, which stops and rolls back the import."""
        self.reported.emit(done, total)
        return not self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the running import to stop at its next report."""
        self._cancel.set()


def reason_text(error: RowError) -> str:
    """A row error's reason in the user's language (the message texts of ui/common/messages)."""
    try:
        return problem_text(Problem(error.reason, None, {}))
    except (KeyError, IndexError):  # a text that expects values the row error does not carry
        return error.reason


class RowErrorTableModel(RowTableModel):
    """The rows a refused file was refused for."""

    class Column(IntEnum):
        """The error list's columns."""

        ROW = 0
        COLUMN = 1
        VALUE = 2
        REASON = 3

    def titles(self) -> Sequence[str]:
        """The translated column titles."""
        return error_headers()

    def raw(self, row: RowError, column: Any) -> object:
        """Row number, column name, the value as in the file, the reason key."""
        return (row.row, row.column, row.value, row.reason)[column]

    def text(self, row: RowError, column: Any) -> str:
        """The reason in words; row 0 (the file as a whole) as "File"."""
        if column == self.Column.REASON:
            return reason_text(row)
        if column == self.Column.ROW:
            return str(row.row) if row.row else QCoreApplication.translate("ImportDialog", "File")
        return str(self.raw(row, column))

    def cell_role(self, row: RowError, column: Any, role: int) -> Any:
        """Row numbers right-aligned."""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.Column.ROW:
            return RIGHT
        return None


_HEADERS = (
    QT_TRANSLATE_NOOP("ImportDialog", "Row"),
    QT_TRANSLATE_NOOP("ImportDialog", "Column"),
    QT_TRANSLATE_NOOP("ImportDialog", "Value"),
    QT_TRANSLATE_NOOP("ImportDialog", "Reason"),
)


def error_headers() -> list[str]:
    """The error list's column titles in the user's language (also the saved file's header)."""
    return [QCoreApplication.translate("ImportDialog", h) for h in _HEADERS]


class ImportDialog(QDialog):
    """Choose a file, watch it import (Cancel leaves nothing behind), read the result."""

    imported = Signal(object)  # ImportSummary of a file imported

    def __init__(
        self, importer: ReadingImporter, operator: Operator, runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._operator = operator
        self._runner = runner
        self._progress: ImportProgress | None = None
        self._close_when_done = False
        self.errors: tuple[RowError, ...] = ()
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import readings"))
        self.resize(900, 560)
        self.error_model = RowErrorTableModel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_hint())
        layout.addLayout(self._build_file_row())
        layout.addLayout(self._build_progress_row())
        layout.addWidget(self.result_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self._build_error_table(), 1)
        layout.addLayout(self._build_bottom_row())
        self._set_running(False)

    # --- building ---------------------------------------------------------------------------

    def _build_hint(self) -> QLabel:
        hint = QLabel(self.tr(
            "A CSV (UTF-8 or GBK) or Excel .xlsx file with a header row: 表号 meter no., "
            "抄表日期 date, 读数 reading in m³; optional 数据来源 source, 抄表类型 kind, "
            "抄表员 reader, 备注 note. If any row is wrong, nothing is imported."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        return hint

    def _build_file_row(self) -> QHBoxLayout:
        self.choose_button = QPushButton(icon(Icon.IMPORT, "#ffffff"),
                                         self.tr("Choose file and import…"))
        self.choose_button.setProperty("primary", True)
        self.template_button = QPushButton(icon(Icon.TEMPLATE), self.tr("Download template…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.download_template)
        self.file_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.template_button)
        return row

    def _build_progress_row(self) -> QHBoxLayout:
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        self.result_label = QLabel()
        self.result_label.setObjectName("resultOk")
        self.result_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("resultBad")
        self.message_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        return row

    def _build_error_table(self) -> QTableView:
        self.error_table = QTableView()
        self.error_table.setModel(self.error_model)
        self.error_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.error_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.error_table.setAlternatingRowColors(True)
        self.error_table.verticalHeader().hide()
        header = self.error_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RowErrorTableModel.Column.REASON,
                                    QHeaderView.ResizeMode.Stretch)
        digit = self.error_table.fontMetrics().horizontalAdvance("0")
        for column, chars in ((0, 6), (1, 10), (2, 14)):
            self.error_table.setColumnWidth(column, digit * chars + 24)
        self.error_table.hide()
        return self.error_table

    def _build_bottom_row(self) -> QHBoxLayout:
        self.save_errors_button = QPushButton(icon(Icon.SAVE), self.tr("Save list…"))
        self.save_errors_button.clicked.connect(self.save_error_list)
        self.save_errors_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.save_errors_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        return row

    # --- importing --------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether an import is under way."""
        return self._progress is not None

    def choose_file(self) -> None:
        """Ask for a file, then import it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import readings"), "",
            self.tr("Reading files (*.csv *.xlsx);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Check and import a file in the background; the dialog shows how it goes."""
        if self.running:
            return
        self._show_errors(())
        self.summary = None
        self.result_label.clear()
        self.message_label.clear()
        self.file_label.setText(Path(path).name)
        self.progress_bar.setValue(0)
        progress = self._progress = ImportProgress(self)
        progress.reported.connect(self._reported)
        self._set_running(True)
        self._runner.run(partial(self._importer.import_file, self._operator, Path(path), progress),
                         self._done, self._failed)

    def cancel(self) -> None:
        """Stop the running import; the service rolls back whatever it had written."""
        if self._progress is not None:
            self._progress.cancel()
            self.cancel_button.setEnabled(False)
            self.message_label.setText(self.tr("Cancelling…"))

    def _reported(self, done: int, total: int) -> None:
        if self._progress is not None and total > 0:
            self.progress_bar.setValue(min(100, done * 100 // total))

    def _done(self, summary: ImportSummary) -> None:
        self._finish()
        self.summary = summary
        self.progress_bar.setValue(100)
        locale = QLocale()
        self.result_label.setText(self.tr(
            "{rows} readings imported: {billed} billed ({amount} yuan), {review} waiting for "
            "review, {not_billed} not billed.").format(
            rows=locale.toString(summary.rows), billed=locale.toString(summary.billed),
            amount=format_yuan(summary.total_fen), review=locale.toString(summary.in_review),
            not_billed=locale.toString(summary.not_billed)))
        self.imported.emit(summary)

    def _failed(self, error: Exception) -> None:
        self.progress_bar.setValue(0)
        self._finish()
        if isinstance(error, ImportRejected):
            self._show_errors(error.errors)
            self.message_label.setText(self.tr(
                "The file was refused and nothing was imported: %n problem(s), listed below.",
                "", len(error.errors)))
        elif isinstance(error, DomainError) and error.key == _CANCELLED:
            self.message_label.setText(self.tr("Import cancelled; nothing was imported."))
        elif isinstance(error, DomainError | StorageUnavailable):
            self.message_label.setText(error_text(error))
        else:
            raise error

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.deleteLater()
        self._progress = None
        self._set_running(False)
        if self._close_when_done:
            super().reject()

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.choose_button.setEnabled(not running)
        self.template_button.setEnabled(not running)
        self.progress_bar.setTextVisible(running or self.progress_bar.value() > 0)

    def _show_errors(self, errors: Sequence[RowError]) -> None:
        self.errors = tuple(errors)
        self.error_model.set_rows(self.errors)
        self.error_table.setVisible(bool(self.errors))
        self.save_errors_button.setVisible(bool(self.errors))

    def reject(self) -> None:
        """Close; a running import is cancelled first and the dialog closes when it stopped."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        """The window's close button behaves like Close."""
        if self.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    # --- files ------------------------------------------------------------------------------

    def save_error_list(self) -> None:
        """Ask where, then save the error list as CSV (opens in Excel)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save error list"), "import_errors.csv", self.tr("CSV file (*.csv)"))
        if path:
            self.save_errors_to(Path(path))

    def save_errors_to(self, path: Path) -> None:
        """Write the error list with the reasons as shown here."""
        try:
            save_errors(path, self.errors, reason_text, error_headers())
        except OSError as error:
            self.message_label.setText(self._write_failed(path, error))
            return
        self.result_label.setText(self.tr("Error list saved to {path}.").format(path=path))

    def download_template(self) -> None:
        """Ask where, then write an empty import file with two example rows."""
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save import template"), "readings_template.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if path:
            suffix = ".csv" if "csv" in chosen and not path.endswith(".xlsx") else ".xlsx"
            target = Path(path)
            self.save_template(target if target.suffix.lower() in (".csv", ".xlsx")
                               else target.with_suffix(suffix))

    def save_template(self, path: Path) -> None:
        """Write the template (.csv or .xlsx by its suffix)."""
        try:
            write_template_file(path)
        except OSError as error:
            self.message_label.setText(self._write_failed(path, error))
            return
        except DomainError as error:
            self.message_label.setText(error_text(error))
            return
        self.result_label.setText(self.tr("Template saved to {path}.").format(path=path))

    def _write_failed(self, path: Path, error: OSError) -> str:
        return self.tr("Could not write {path}: {reason}").format(
            path=path, reason=error.strerror or error)
