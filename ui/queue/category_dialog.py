"""Add a queue category (排队业务类别) or change one: letter, name, time limit, counters."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.errors import DomainError, Problem, StorageUnavailable
from app.domain.queue import check_category
from app.services.dto import CategoryInfo, Operator
from app.services.queue_admin_service import QueueAdminService
from ui.admin.form_feedback import show_refusal
from ui.common.form_errors import FormErrors
from ui.queue.counter_numbers import counters_text, parse_counters

MAX_SPIN_MINUTES = 999  # the service decides the allowed range and says so
DEFAULT_TIME_LIMIT = 15
_COUNTER_CHARACTERS = r"[0-9,，、;；\s\-–~～]*"


class CategoryDialog(QDialog):
    """A new category (``category`` is None) or an existing one.

    After ``accept`` the stored category is in ``saved``; refused input keeps the dialog open
    with each problem under its field.
    """

    def __init__(
        self, admin: QueueAdminService, operator: Operator, category: CategoryInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._admin = admin
        self._operator = operator
        self._category = category
        self.saved: CategoryInfo | None = None
        new = category is None
        self.setWindowTitle(self.tr("Add queue category") if new else self.tr("Edit category"))
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        self._build_fields()
        self._lay_out()
        if category is not None:
            self._fill(category)

    def _build_fields(self) -> None:
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(2)
        self.prefix.setMaximumWidth(90)
        self.prefix.setToolTip(self.tr("Tickets of this category are numbered A001, A002, ..."))
        self.prefix.textEdited.connect(self._capitalise_prefix)
        self.name = QLineEdit()
        self.name.setMaxLength(40)
        self.name.setPlaceholderText(self.tr("e.g. Payments"))
        self.time_limit = QSpinBox()
        self.time_limit.setRange(0, MAX_SPIN_MINUTES)
        self.time_limit.setValue(DEFAULT_TIME_LIMIT)
        self.time_limit.setSuffix(self.tr(" min"))
        self.time_limit.setMaximumWidth(160)
        self.counters = QLineEdit()
        self.counters.setPlaceholderText(self.tr("e.g. 1-3, 5"))
        self.counters.setValidator(QRegularExpressionValidator(
            QRegularExpression(_COUNTER_CHARACTERS), self.counters))
        self.active = QCheckBox(self.tr("Tickets can be taken"))
        self.active.setChecked(True)

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        form.setHorizontalSpacing(16)
        rows = (
            (self.tr("Ticket letter"), self.prefix, "prefix"),
            (self.tr("Name"), self.name, "name"),
            (self.tr("Service time limit"), self.time_limit, "time_limit_minutes"),
            (self.tr("Counters serving it"), self.counters, "counters"),
        )
        for text, widget, field in rows:
            form.addRow(text, widget)
            self._error_row(form, field, widget)
        form.addRow(self.tr("Active"), self.active)
        form.addRow(self.general)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def _error_row(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        label = QLabel()
        self.errors.register(field, label, widget)
        form.addRow("", label)

    def _capitalise_prefix(self, text: str) -> None:
        """Ticket letters are capitals; show them so while typing, the cursor stays put."""
        if text != text.upper():
            cursor = self.prefix.cursorPosition()
            self.prefix.setText(text.upper())
            self.prefix.setCursorPosition(cursor)

    def _fill(self, category: CategoryInfo) -> None:
        self.prefix.setText(category.prefix)
        self.name.setText(category.name)
        self.time_limit.setValue(category.time_limit_minutes)
        self.counters.setText(counters_text(category.counters))
        self.active.setChecked(category.active)

    def accept(self) -> None:
        """Save through the service; stay open with the problems shown when refused."""
        self.errors.clear()
        self.time_limit.interpretText()
        try:
            self.saved = self._admin.save_category(
                self._operator, self._category.id if self._category else None,
                self.prefix.text(), self.name.text(), self.time_limit.value(),
                self.active.isChecked(), self._counter_numbers())
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        super().accept()

    def _counter_numbers(self) -> tuple[int, ...]:
        """The typed counters; when unreadable, the other fields' problems are told too."""
        try:
            return parse_counters(self.counters.text())
        except DomainError as unreadable:
            others: tuple[Problem, ...] = ()
            try:
                check_category(self.prefix.text().strip().upper(), self.name.text(),
                               self.time_limit.value())
            except DomainError as more:
                others = more.problems
            raise DomainError(*others, *unreadable.problems) from None
