"""Transfer the counter's current ticket (转移) to another category or counter, with a reason."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.services.dto import CategoryInfo, Operator, TicketInfo
from app.services.queue_admin_service import MAX_COUNTER
from app.services.queue_service import QueueService
from ui.common.form_errors import FormErrors
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

REASON_LENGTH = 200  # what the service keeps


class TransferDialog(QDialog):
    """Choose a category or a counter and say why; the ticket waits there and keeps its place.

    The transfer runs through the TaskRunner; a refusal (no reason, same counter, closed
    category) is shown next to its field and the dialog stays open with nothing changed.
    """

    transferred = Signal(object)  # TicketInfo of the ticket after the transfer (waiting again)

    def __init__(
        self, queue: QueueService, operator: Operator, counter_no: int, runner: TaskRunner,
        ticket: TicketInfo, categories: Sequence[CategoryInfo], parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._operator = operator
        self._counter_no = counter_no
        self._runner = runner
        self._pending = False
        self.ticket = ticket
        self.setWindowTitle(self.tr("Transfer ticket {number}").format(number=ticket.number))
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        self._build_targets(categories)
        self._lay_out()

    def _build_targets(self, categories: Sequence[CategoryInfo]) -> None:
        self.to_category = QRadioButton(self.tr("To the category"))
        self.to_counter = QRadioButton(self.tr("To the counter"))
        group = QButtonGroup(self)
        group.addButton(self.to_category)
        group.addButton(self.to_counter)
        self.category = QComboBox()
        for category in categories:
            if category.active and category.id != self.ticket.category_id:
                self.category.addItem(f"{category.prefix} {category.name}", category.id)
        self.counter = QSpinBox()
        self.counter.setRange(1, MAX_COUNTER)
        self.counter.setValue(1 if self._counter_no != 1 else 2)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_LENGTH)
        self.reason.setPlaceholderText(self.tr("Why, e.g. needs the installation desk"))
        self.reason.setAccessibleName(self.tr("Reason"))
        has_categories = self.category.count() > 0
        self.to_category.setEnabled(has_categories)
        (self.to_category if has_categories else self.to_counter).setChecked(True)
        self.to_category.toggled.connect(self._target_chosen)
        self._target_chosen()

    def _lay_out(self) -> None:
        heading = QLabel(self.tr("{number} · {category}").format(
            number=self.ticket.number, category=self.ticket.category))
        heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        target_error, reason_error = QLabel(), QLabel()
        self.errors.register("target", target_error)
        self.errors.register("reason", reason_error, self.reason)
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        form.addRow(heading)
        form.addRow(self.to_category, self.category)
        form.addRow(self.to_counter, _left(self.counter))
        form.addRow("", target_error)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", reason_error)
        form.addRow(self.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Transfer"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setMinimumWidth(560)
        self.reason.setFocus()

    def _target_chosen(self) -> None:
        by_category = self.to_category.isChecked()
        self.category.setEnabled(by_category)
        self.counter.setEnabled(not by_category)

    def target(self) -> tuple[int | None, int | None]:
        """The chosen (category id, counter): exactly one of them is set."""
        if self.to_category.isChecked():
            return self.category.currentData(), None
        return None, self.counter.value()

    def accept(self) -> None:
        """Ask the service to transfer; close when it did, else show why not."""
        if self._pending:
            return
        self.errors.clear()
        category_id, counter = self.target()
        job = partial(self._queue.transfer, self._operator, self._counter_no,
                      self.reason.text(), category_id=category_id, target_counter=counter)
        self._set_pending(True)
        self._runner.run(job, self._done, self._refused)

    def reject(self) -> None:
        """Cancel, unless the transfer is already on its way."""
        if not self._pending:
            super().reject()

    def _done(self, ticket: TicketInfo) -> None:
        self._set_pending(False)
        self.transferred.emit(ticket)
        super().accept()

    def _refused(self, error: Exception) -> None:
        self._set_pending(False)
        if isinstance(error, DomainError):
            self.errors.show(error)
        elif isinstance(error, StorageUnavailable):
            self.general.setText(error_text(error))
            self.general.show()
        else:
            raise error  # a bug: the exception hook reports it

    def _set_pending(self, pending: bool) -> None:
        self._pending = pending
        self.buttons.setEnabled(not pending)


def _left(widget: QWidget) -> QHBoxLayout:
    """The widget at its own width, on the left of the form's field column."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row
