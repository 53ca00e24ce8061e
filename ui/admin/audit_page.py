"""The audit log for managers: filter by text and dates, and check the hash chain."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audit import ChainCheck
from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.services.audit_service import AuditService
from app.services.dto import AuditRecord, Operator
from ui.admin.audit_table_model import AuditTableModel
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

ROW_LIMIT = 500
DEFAULT_DAYS = 30
_REASONS = {
    "missing_entry": QT_TRANSLATE_NOOP("AuditPage", "an entry is missing"),
    "previous_hash_mismatch": QT_TRANSLATE_NOOP(
        "AuditPage", "its link to the entry before does not match"
    ),
    "content_changed": QT_TRANSLATE_NOOP("AuditPage", "its content was changed"),
    "missing_entries_at_end": QT_TRANSLATE_NOOP("AuditPage", "entries at the end are missing"),
}


class AuditPage(QWidget):
    """Newest audit entries first; loading and the chain check run off the GUI thread."""

    def __init__(
        self, audit: AuditService, operator: Operator, runner: TaskRunner, clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._audit = audit
        self._operator = operator
        self._runner = runner
        self._request = 0  # only the newest search's answer is shown
        self.model = AuditTableModel(self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Audit log"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(self._filters(clock.now().date()))
        layout.addWidget(self._table(), 1)
        layout.addLayout(self._footer())

    def _filters(self, today: date) -> QHBoxLayout:
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("User, action or subject"))
        self.text.setClearButtonEnabled(True)
        self.since = _date_edit(today - timedelta(days=DEFAULT_DAYS))
        self.until = _date_edit(today)
        self.search_button = QPushButton(icon(Icon.SEARCH), self.tr("Search"))
        self.verify_button = QPushButton(icon(Icon.VERIFY), self.tr("Verify chain"))
        self.text.returnPressed.connect(self.refresh)
        self.search_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        row = QHBoxLayout()
        row.addWidget(self.text, 2)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.since)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.until)
        row.addWidget(self.search_button)
        row.addStretch(1)
        row.addWidget(self.verify_button)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return self.table

    def _footer(self) -> QHBoxLayout:
        self.count = QLabel()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addStretch(1)
        row.addWidget(self.result, 2)
        return row

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The log grows all day: reload whenever the page comes into view."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Load the entries matching the filters (newest first, at most ``ROW_LIMIT``)."""
        self._request += 1
        request = self._request
        text = self.text.text()
        since = datetime.combine(_day(self.since), time())
        until = datetime.combine(_day(self.until) + timedelta(days=1), time())
        self.count.setText(self.tr("Loading..."))
        self._runner.run(
            lambda: self._audit.entries(self._operator, text, since, until, ROW_LIMIT),
            lambda records: self._loaded(request, records),
            self._failed,
        )

    def _loaded(self, request: int, records: list[AuditRecord]) -> None:
        if request != self._request:
            return
        self.model.set_records(records)
        if len(records) >= ROW_LIMIT:
            text = self.tr("The newest {n} entries; narrow the search to see older ones.")
            self.count.setText(text.format(n=len(records)))
        else:
            self.count.setText(self.tr("{n} entries").format(n=len(records)))

    def verify(self) -> None:
        """Recompute the whole hash chain in the background and show the outcome."""
        self.verify_button.setEnabled(False)
        self._set_result(self.tr("Checking the chain..."), "")
        self._runner.run(self._audit.verify, self._verified, self._failed)

    def _verified(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        if check.intact:
            text = self.tr("The audit log is intact: {n} entries checked.")
            self._set_result(text.format(n=check.checked), "resultOk")
            return
        reason = QCoreApplication.translate("AuditPage", str(_REASONS.get(check.reason,
                                                                          check.reason)))
        text = self.tr("The audit log has been tampered with: entry {seq} is broken ({reason}).")
        self._set_result(text.format(seq=check.first_broken, reason=reason), "resultBad")

    def _failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook logs it and shows the crash dialog
        self.count.setText("")
        self._set_result(error_text(error), "resultBad")

    def _set_result(self, text: str, style: str) -> None:
        self.result.setObjectName(style)
        self.result.style().unpolish(self.result)  # the style sheet picks up the new name
        self.result.style().polish(self.result)
        self.result.setText(text)


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
