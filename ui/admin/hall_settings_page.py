"""The hall's own settings (name, hotline, address, hours, idle lock, tenders) for managers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.cashier import Tender
from app.domain.errors import DomainError, StorageUnavailable
from app.services.dto import HallSettings, Operator
from app.services.settings_service import SettingsService
from ui.admin.form_feedback import show_refusal
from ui.cashier.call_out import tender_name
from ui.common.form_errors import FormErrors
from ui.common.icons import Icon, icon

MAX_SPIN_MINUTES = 999  # the service decides the allowed range and says so
FORM_WIDTH = 820
TENDER_COLUMNS = 3


class HallSettingsPage(QWidget):
    """A form over ``SettingsService.hall``; Save stores it with ``update_hall``."""

    hall_saved = Signal(object)  # HallSettings as stored

    def __init__(
        self, settings: SettingsService, operator: Operator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._operator = operator
        self._code = ""
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Hall settings"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        form = QWidget()
        form.setMaximumWidth(FORM_WIDTH)
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._form())
        column.addWidget(self.general)
        column.addLayout(self._buttons())
        layout.addWidget(form)
        layout.addStretch(1)
        self.reload()

    def _form(self) -> QFormLayout:
        self.name = _line(80)
        self.hotline = _line(32)
        self.address = _line(200)
        self.opening_hours = _line(120)
        self.opening_hours.setPlaceholderText(self.tr("e.g. Mon-Sat 8:30-17:30"))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, MAX_SPIN_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setMaximumWidth(160)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        rows = (
            (self.tr("Hall name"), self.name, "hall_name"),
            (self.tr("Hotline"), self.hotline, "hotline"),
            (self.tr("Address"), self.address, "address"),
            (self.tr("Opening hours"), self.opening_hours, "opening_hours"),
            (self.tr("Lock the screen after idle"), self.idle_minutes, "idle_lock_minutes"),
            (self.tr("Tenders at the cash desk"), self._tender_boxes(), "tenders"),
        )
        for text, widget, field in rows:
            error = QLabel()
            self.errors.register(field, error, widget)
            form.addRow(text, widget)
            form.addRow("", error)
        return form

    def _tender_boxes(self) -> QWidget:
        """One check box per tender; the cash desk offers the ticked ones (cash always)."""
        self.tender_boxes: dict[str, QCheckBox] = {}
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, tender in enumerate(Tender):
            check = QCheckBox(tender_name(tender.value))
            self.tender_boxes[tender.value] = check
            grid.addWidget(check, n // TENDER_COLUMNS, n % TENDER_COLUMNS)
        return box

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(icon(Icon.SAVE, "#ffffff"), self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("resultOk")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_note, 1)
        return row

    def reload(self) -> None:
        """Fill the form from the database."""
        try:
            hall = self._settings.hall(self._operator.hall_id)
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        self._fill(hall)

    def _fill(self, hall: HallSettings) -> None:
        self._code = hall.code
        self.name.setText(hall.name)
        self.hotline.setText(hall.hotline)
        self.address.setText(hall.address)
        self.opening_hours.setText(hall.opening_hours)
        self.idle_minutes.setValue(hall.idle_lock_minutes)
        for code, check in self.tender_boxes.items():
            check.setChecked(code in hall.tenders)

    def save(self) -> None:
        """Store the form; problems appear next to their fields and nothing is saved."""
        self.errors.clear()
        self.saved_note.clear()
        self.idle_minutes.interpretText()
        new = HallSettings(self._code, self.name.text(), self.hotline.text(),
                           self.address.text(), self.opening_hours.text(),
                           self.idle_minutes.value(), self.offered_tenders())
        try:
            stored = self._settings.update_hall(self._operator, new)
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        self._fill(stored)
        self.saved_note.setText(self.tr("Saved."))
        self.hall_saved.emit(stored)


    def offered_tenders(self) -> tuple[str, ...]:
        """The ticked tenders' codes, in the counter's order."""
        return tuple(code for code, check in self.tender_boxes.items() if check.isChecked())


def _line(max_length: int) -> QLineEdit:
    field = QLineEdit()
    field.setMaxLength(max_length)
    return field
