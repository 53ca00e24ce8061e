"""Correct a flagged reading (value and reason) or replace it with an estimate (估抄, reason)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, Problem, StorageUnavailable
from app.domain.tariff import format_m3, parse_m3
from app.services.billing_dto import ReadingOutcome, ReviewItem
from app.services.dto import Operator
from app.services.reading_service import ReadingService
from ui.common.form_errors import FormErrors
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner
from ui.readings.labels import flags_text


class CorrectDialog(QDialog):
    """One flagged reading: type the right value (or take the estimate) and say why; bill it.

    The service call runs through the TaskRunner; its problems appear under the fields and the
    dialog stays open with what was typed.
    """

    settled = Signal(object)  # ReadingOutcome of the corrected or estimated reading

    def __init__(
        self, readings: ReadingService, operator: Operator, runner: TaskRunner,
        item: ReviewItem, estimate: bool, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._readings = readings
        self._operator = operator
        self._runner = runner
        self.item = item
        self.estimate = estimate
        self.setWindowTitle(self.tr("Estimate reading") if estimate else
                            self.tr("Correct reading"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        self.general_error = QLabel()
        layout.addWidget(self.general_error)
        self.errors = FormErrors(self.general_error)
        self.errors.register("value", self.value_error, self.value_edit)
        self.errors.register("reason", self.reason_error, self.reason_edit)
        layout.addWidget(self._build_buttons())
        (self.reason_edit if estimate else self.value_edit).setFocus()

    def _build_form(self) -> QFormLayout:
        item = self.item
        form = QFormLayout()
        form.addRow(self.tr("Account"), QLabel(f"{item.account_no}  {item.name}"))
        form.addRow(self.tr("Meter"), QLabel(item.meter_no))
        previous = "" if item.previous_value is None else self.tr("{value} m³ on {day}").format(
            value=format_m3(item.previous_value),
            day=item.previous_on.isoformat() if item.previous_on else "")
        form.addRow(self.tr("Previous reading"), QLabel(previous))
        typed = "" if item.value is None else self.tr("{value} m³ on {day}").format(
            value=format_m3(item.value), day=item.read_on.isoformat())
        form.addRow(self.tr("Reading"), QLabel(typed))
        flags = QLabel(flags_text(item.flags))
        flags.setObjectName("resultBad")
        form.addRow(self.tr("Flags"), flags)
        self.value_edit = QLineEdit()
        self.value_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value_error = QLabel()
        self.rollover_box = QCheckBox(self.tr("The meter rolled over"))
        if self.estimate:
            form.addRow(self.tr("Estimate"), QLabel(self._estimate_text()))
        else:
            form.addRow(self.tr("Correct reading (m³)"), self.value_edit)
            form.addRow("", self.value_error)
            form.addRow("", self.rollover_box)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("Why, e.g. re-read on site"))
        self.reason_error = QLabel()
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow("", self.reason_error)
        return form

    def _estimate_text(self) -> str:
        item = self.item
        if item.estimate_litres is None or item.previous_value is None:
            return self.tr("No estimate: the meter has no billed history.")
        return self.tr("{used} m³ (average of the last three periods) — reading {value} m³"
                       ).format(used=format_m3(item.estimate_litres),
                                value=format_m3(item.previous_value + item.estimate_litres))

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = self.tr("Estimate and bill") if self.estimate else self.tr("Correct and bill")
        self.ok_button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setIcon(icon(Icon.ESTIMATE if self.estimate else Icon.EDIT, "#ffffff"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def submit(self) -> None:
        """Check the value here, then let the service correct or estimate and bill."""
        self.errors.clear()
        reason = self.reason_edit.text().strip()
        if self.estimate:
            job = partial(self._readings.estimate, self._operator, self.item.reading_id, reason)
        else:
            try:
                value = parse_m3(self.value_edit.text())
            except DomainError as error:
                self.errors.show(error)
                return
            job = partial(self._readings.correct, self._operator, self.item.reading_id, value,
                          reason, self.rollover_box.isChecked())
        self.ok_button.setEnabled(False)
        self._runner.run(job, self._done, self._failed)

    def _done(self, outcome: ReadingOutcome) -> None:
        self.ok_button.setEnabled(True)
        self.settled.emit(outcome)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(error, DomainError):
            self.errors.show(error)
        elif isinstance(error, StorageUnavailable):
            self.errors.show(DomainError(Problem(error.key, None, {"detail": error.detail})))
            self.general_error.setText(error_text(error))
        else:
            raise error
