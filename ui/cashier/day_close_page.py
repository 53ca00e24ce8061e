"""The manager's daily close (日结): the sheet per clerk or for the hall, close, print."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config import LocalSettings
from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.money import format_yuan
from app.domain.users import Permission, may
from app.services.cashier_dto import CloseSheet
from app.services.day_close_service import DayCloseService
from app.services.dto import Operator
from app.services.pdf.day_close_pdf import render_day_close
from ui.cashier.close_sheet_model import CloseSheetModel
from ui.cashier.receipt_output import PrintFn
from ui.common.messages import error_text
from ui.common.printing import print_pdf
from ui.common.task_runner import TaskRunner

_ERROR_STYLE = "color: #c0392b;"


class DayClosePage(QWidget):
    """Pick a day and a clerk (empty: the whole hall), look at the sheet, close the day, print.

    "Close the day" needs the close-day permission and asks once more; the service refuses
    while a cash session of that day is open, and the second time.
    """

    def __init__(
        self, day_close: DayCloseService, operator: Operator, runner: TaskRunner, clock: Clock,
        settings: LocalSettings, *, print_fn: PrintFn = print_pdf,
        confirm: Callable[[str], bool] | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._operator, self._runner = day_close, operator, runner
        self._settings = settings
        self.print_fn = print_fn
        self.confirm = confirm or self._ask
        self.sheet: CloseSheet | None = None
        self._seq = 0
        self.model = CloseSheetModel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter(clock.now().date()))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CloseSheetModel.Column.ITEM,
                                    QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        self.load()

    def _build_filter(self, today: date) -> QHBoxLayout:
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.clerk = QLineEdit()
        self.clerk.setPlaceholderText(self.tr("Clerk's user name (empty: the whole hall)"))
        self.clerk.returnPressed.connect(self.load)
        self.day.dateChanged.connect(self.load)
        self.show_button = QPushButton(self.tr("Show"))
        self.close_button = QPushButton(self.tr("Close the day..."))
        self.print_button = QPushButton(self.tr("Print sheet"))
        self.show_button.clicked.connect(self.load)
        self.close_button.clicked.connect(self.close_day)
        self.print_button.clicked.connect(self.print_sheet)
        self.close_button.setVisible(may(self._operator.role, Permission.CLOSE_DAY))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day:")))
        row.addWidget(self.day)
        row.addWidget(self.clerk, 1)
        for button in (self.show_button, self.close_button, self.print_button):
            row.addWidget(button)
        return row

    def chosen_day(self) -> date:
        """The day in the date field."""
        qdate = self.day.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def load(self) -> None:
        """Read the sheet for the chosen day and clerk (newest request wins)."""
        self._seq += 1
        seq = self._seq
        job = partial(self._service.sheet, self._operator.hall_id, self.chosen_day(),
                      self.clerk.text().strip() or None)
        self._runner.run(job, lambda sheet: self._loaded(seq, sheet), self._failed)

    def _loaded(self, seq: int, sheet: CloseSheet) -> None:
        if seq != self._seq:
            return
        self.sheet = sheet
        self.model.set_rows(sheet.rows)
        self.summary.setText(self._summary(sheet))
        self.say("")
        self.close_button.setEnabled(not sheet.closed and sheet.username is None)

    def _summary(self, sheet: CloseSheet) -> str:
        counted = ("—" if sheet.counted_cash_fen is None
                   else format_yuan(sheet.counted_cash_fen))
        difference = ("—" if sheet.difference_fen is None
                      else format_yuan(sheet.difference_fen))
        return self.tr(
            "Receipts {first} – {last} · voids {voids} ({voided} yuan) · reprints {reprints}\n"
            "Float {float} · cash in {cash_in} · cash out {cash_out} · expected cash {expected} "
            "· counted {counted} · over/short {difference} · {state}").format(
                first=sheet.first_receipt_no or "—", last=sheet.last_receipt_no or "—",
                voids=sheet.voids, voided=format_yuan(sheet.voided_fen),
                reprints=sheet.reprints, float=format_yuan(sheet.float_fen),
                cash_in=format_yuan(sheet.cash_in_fen), cash_out=format_yuan(sheet.cash_out_fen),
                expected=format_yuan(sheet.expected_cash_fen), counted=counted,
                difference=difference,
                state=self.tr("closed") if sheet.closed else self.tr("not closed"))

    def close_day(self) -> None:
        """Close the hall's day after one more question."""
        day = self.chosen_day()
        if not self.confirm(self.tr("Close {day} for the whole hall? Afterwards no receipt of "
                                    "that day can be voided.").format(day=day.isoformat())):
            return
        self._runner.run(partial(self._service.close_day, self._operator, day), self._closed,
                         self._failed)

    def _closed(self, sheet: CloseSheet) -> None:
        self._loaded(self._seq, sheet)
        self.say(self.tr("{day} is closed.").format(day=sheet.day.isoformat()))

    def print_sheet(self) -> None:
        """Render the A4 sheet and send it to this desktop's printer."""
        sheet = self.sheet
        if sheet is None:
            return
        if not self._settings.printer:
            self.say(self.tr("No printer is set for this desktop."), True)
            return
        folder = Path(tempfile.gettempdir()) / "gashall-reports"
        name = f"day-close-{sheet.day.isoformat()}-{sheet.username or 'hall'}.pdf"
        printer, print_fn = self._settings.printer, self.print_fn

        def job() -> bool:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_bytes(render_day_close(sheet))
            return print_fn(path, printer)

        self._runner.run(job, self._printed, self._failed)

    def _printed(self, printed: bool) -> None:
        self.say(self.tr("The sheet was printed.") if printed else
                 self.tr("The sheet could not be printed; check the printer."), not printed)

    def _failed(self, error: Any) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error
        self.say(error_text(error), True)

    def say(self, text: str, error: bool = False) -> None:
        """The page's message line."""
        self.message.setText(text)
        self.message.setStyleSheet(_ERROR_STYLE if error else "")

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Close the day"), question)
        return answer == QMessageBox.StandardButton.Yes
