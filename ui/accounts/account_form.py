"""The account form's fields (customer, address, account, meter), read into an AccountDraft."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import (
    MAX_HOUSEHOLD_SIZE,
    AccountDraft,
    AccountStatus,
    Address,
    GasUse,
    IdType,
    MeterDraft,
    MeterKind,
    MeterStatus,
    UserType,
)
from ui.accounts.labels import choices
from ui.common.form_errors import FormErrors

E = TypeVar("E", bound=StrEnum)
_FIELD_DIGITS = 26  # room for an 18-character ID number, and for a two-line error under it


class AccountForm(QWidget):
    """Lays out the account fields in four groups, with an error line under each field.

    ``draft()`` reads what is typed; ``set_draft()`` fills the fields (an edit starts from
    ``AccountService.draft_of``, whose ID number and phones are masked); ``errors`` shows a
    DomainError's problems under the fields they name.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.general_error = QLabel()
        self.errors = FormErrors(self.general_error)
        self._meter_required = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        # Built in reading order, which is also the Tab order: the left column, then the right.
        grid.addWidget(self._build_customer(), 0, 0)
        grid.addWidget(self._build_address(), 1, 0)
        grid.addWidget(self._build_account(), 0, 1)
        grid.addWidget(self._build_meter(), 1, 1)
        grid.addWidget(self.general_error, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)

    def set_draft(self, draft: AccountDraft, masked: bool = False) -> None:
        """Fill every field; ``masked`` notes that ID number and phones are shown masked."""
        self.name.setText(draft.name)
        _select(self.id_type, draft.id_type)
        for edit, value in ((self.id_number, draft.id_number), (self.mobile, draft.mobile),
                            (self.phone, draft.phone)):
            edit.setText(value)
            if masked and value:
                edit.setToolTip(self.tr("Shown masked. Leave it to keep the stored number, "
                                        "or type the whole new number."))
        for key, edit in self._address.items():
            edit.setText(getattr(draft.address, key))
        self._set_account(draft)
        self._meter_required = draft.meter is not None
        if draft.meter is not None:
            self._set_meter(draft.meter)

    def draft(self) -> AccountDraft:
        """The form as typed; the domain checks it when the service saves it."""
        return AccountDraft(
            name=self.name.text(), id_type=IdType(self.id_type.currentData()),
            id_number=self.id_number.text(), mobile=self.mobile.text(),
            phone=self.phone.text(),
            address=Address(**{key: edit.text().strip() for key, edit in self._address.items()}),
            user_type=UserType(self.user_type.currentData()),
            gas_use=GasUse(self.gas_use.currentData()),
            household_size=self.household_size.value(), heating=self.heating.isChecked(),
            low_income=self.low_income.isChecked(), status=AccountStatus(self.status.currentData()),
            route_book=self.route_book.text(), meter=self._meter_draft(),
        )

    def _meter_draft(self) -> MeterDraft | None:
        """No meter when a new account's meter number is left empty; else what is typed."""
        if not self.meter_no.text().strip() and not self._meter_required:
            return None
        day = self.installed_on.date()
        installed = date(day.year(), day.month(), day.day()) if self.installed.isChecked() else None
        return MeterDraft(self.meter_no.text(), MeterKind(self.meter_kind.currentData()),
                          self.meter_digits.value(), installed,
                          MeterStatus(self.meter_status.currentData()))

    def _build_customer(self) -> QGroupBox:
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.id_type = _combo(IdType)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(32)
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText(self.tr("11 digits"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Area code-number"))
        return self._group(self.tr("Customer"), [
            (self.tr("&Name"), "name", self.name),
            (self.tr("ID t&ype"), "id_type", self.id_type),
            (self.tr("&ID number"), "id_number", self.id_number),
            (self.tr("&Mobile"), "mobile", self.mobile),
            (self.tr("&Phone"), "phone", self.phone),
        ])

    def _build_address(self) -> QGroupBox:
        captions = {"district": self.tr("District"), "street": self.tr("S&treet"),
                    "community": self.tr("Community"), "building": self.tr("Building"),
                    "unit": self.tr("Unit"), "room": self.tr("Room")}
        self._address = {key: QLineEdit() for key in captions}
        return self._group(self.tr("Address"), [
            (caption, key, self._address[key]) for key, caption in captions.items()
        ])

    def _build_account(self) -> QGroupBox:
        self.user_type = _combo(UserType)
        self.gas_use = _combo(GasUse)
        self.household_size = QSpinBox()
        self.household_size.setRange(1, MAX_HOUSEHOLD_SIZE)
        self.household_size.setValue(3)
        self.heating = QCheckBox(self.tr("Wall-hung heating boiler"))
        self.low_income = QCheckBox(self.tr("Low-income household"))
        self.status = _combo(AccountStatus)
        _select(self.status, AccountStatus.NOT_STARTED)  # gas is turned on later (开栓)
        self.route_book = QLineEdit()
        self.route_book.setMaxLength(20)
        return self._group(self.tr("Account"), [
            (self.tr("&User type"), "user_type", self.user_type),
            (self.tr("&Gas use"), "gas_use", self.gas_use),
            (self.tr("&Household size"), "household_size", self.household_size),
            (self.tr("Heating"), "heating", self.heating),
            (self.tr("Low income"), "low_income", self.low_income),
            (self.tr("St&atus"), "status", self.status),
            (self.tr("&Route book"), "route_book", self.route_book),
        ])

    def _build_meter(self) -> QGroupBox:
        self.meter_no = QLineEdit()
        self.meter_no.setMaxLength(32)
        self.meter_kind = _combo(MeterKind)
        self.meter_digits = QSpinBox()
        self.meter_digits.setRange(3, 9)
        self.meter_digits.setValue(5)
        self.installed = QCheckBox(self.tr("Yes, on"))
        self.installed_on = QDateEdit(QDate.currentDate())
        self.installed_on.setDisplayFormat("yyyy-MM-dd")
        self.installed_on.setCalendarPopup(True)
        self.installed_on.setVisible(False)  # no date shown for a meter not yet installed
        self.installed.toggled.connect(self.installed_on.setVisible)
        self.meter_status = _combo(MeterStatus)
        installed = QWidget()
        row = QHBoxLayout(installed)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.installed)
        row.addWidget(self.installed_on, 1)
        row.addStretch(0)
        return self._group(self.tr("Meter"), [
            (self.tr("Meter n&o."), "meter_no", self.meter_no),
            (self.tr("&Kind"), "meter_kind", self.meter_kind),
            (self.tr("Register &digits"), "meter_digits", self.meter_digits),
            (self.tr("Installed"), "installed_on", installed),
            (self.tr("Meter status"), "meter_status", self.meter_status),
        ])

    def _group(self, title: str, rows: list[tuple[str, str, QWidget]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for caption, field, widget in rows:
            caption_label = QLabel(self.tr("{caption}:").format(caption=caption))
            caption_label.setBuddy(widget)
            form.addRow(caption_label, self._with_error_line(field, widget))
        return group

    def _with_error_line(self, field: str, widget: QWidget) -> QWidget:
        """The input with its (hidden until needed) error text right under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        widget.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * _FIELD_DIGITS)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        column.addWidget(error)
        self.errors.register(field, error, widget)
        return box

    def _set_account(self, draft: AccountDraft) -> None:
        _select(self.user_type, draft.user_type)
        _select(self.gas_use, draft.gas_use)
        self.household_size.setValue(draft.household_size)
        self.heating.setChecked(draft.heating)
        self.low_income.setChecked(draft.low_income)
        _select(self.status, draft.status)
        self.route_book.setText(draft.route_book)

    def _set_meter(self, meter: MeterDraft) -> None:
        self.meter_no.setText(meter.meter_no)
        _select(self.meter_kind, meter.kind)
        self.meter_digits.setValue(meter.digits)
        _select(self.meter_status, meter.status)
        self.installed.setChecked(meter.installed_on is not None)
        if meter.installed_on is not None:
            self.installed_on.setDate(QDate(meter.installed_on))


def _combo(enum_type: type[E]) -> QComboBox:
    """A combo of a code table; item data is the plain value string (Qt stores str, not E)."""
    combo = QComboBox()
    for text, value in choices(enum_type):
        combo.addItem(text, value.value)
    return combo


def _select(combo: QComboBox, value: StrEnum) -> None:
    combo.setCurrentIndex(max(combo.findData(value.value), 0))

