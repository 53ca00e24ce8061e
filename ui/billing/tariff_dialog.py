"""A new tariff version (新版本气价): whom it applies to, from when, its tiers and its rules."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import GasUse, UserType
from app.domain.errors import DomainError, Problem, StorageUnavailable
from app.domain.tariff import (
    HouseholdRule,
    LateFeeRule,
    Tariff,
    TariffKind,
    Tier,
    clean_tariff,
    format_m3,
    format_price,
    parse_m3,
    parse_price,
)
from app.services.dto import Operator
from app.services.tariff_service import TariffService
from ui.accounts.labels import choices
from ui.admin.form_feedback import show_refusal
from ui.billing.tariff_table_model import PPM_PER_PERCENT, percent_text
from ui.common.form_errors import FormErrors
from ui.common.icons import Icon, icon
from ui.common.messages import problem_text

_PERCENT = re.compile(r"^(\d{1,3})(?:\.(\d{0,4}))?$")
_LIST_SEPARATORS = re.compile(r"[,，、;；/\s]+")
NUMBER_WIDTH = 130
SPIN_WIDTH = 160  # room for a prefix or suffix ("Month 12", "15 days") and the arrows
NEW_TIERS = 3  # a blank form starts with the usual three tiers (三档)


def parse_percent_ppm(text: str, field: str) -> int:
    """A rate typed in % per day (``0.05``) as ppm per day (500); empty is no late fee."""
    if not text.strip():
        return 0
    match = _PERCENT.match(text.strip())
    if not match:
        raise DomainError.of("tariff.late_fee_format", field, value=text)
    whole, decimals = match.groups()
    return int(whole) * PPM_PER_PERCENT + int((decimals or "").ljust(4, "0"))


def next_effective_date(today: date, template: Tariff | None) -> date:
    """A new version's first guess: the first of next month, after the template's own date."""
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    if template is not None and template.effective_from >= first:
        return template.effective_from + timedelta(days=1)
    return first


class _Reader:
    """Parses what was typed, collecting every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def take(self, parse: Callable[[str, str], int], text: str, field: str) -> int:
        try:
            return parse(text, field)
        except DomainError as error:
            self.problems.extend(error.problems)
            return 1  # a stand-in; the problem of this field is what gets shown

    def check(self, tariff: Tariff) -> None:
        """Raise the typing problems together with the rule problems of the other fields."""
        if not self.problems:
            return
        unreadable = {p.field for p in self.problems}
        others: tuple[Problem, ...] = ()
        try:
            clean_tariff(tariff)
        except DomainError as error:
            others = tuple(p for p in error.problems if p.field not in unreadable)
        raise DomainError(*self.problems, *others)


class TierRows(QWidget):
    """The tiers of a version: upper bound (m³) and price (yuan/m³); the last tier is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[QLabel, QLineEdit, QLineEdit]] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.addWidget(QLabel(self.tr("Up to (m³)")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Price (yuan/m³)")), 0, 2)
        self.grid.setColumnStretch(3, 1)
        self.add_button = QPushButton(icon(Icon.ADD), self.tr("Add tier"))
        self.remove_button = QPushButton(self.tr("Remove last tier"))
        self.add_button.clicked.connect(self.add_tier)
        self.remove_button.clicked.connect(self.remove_tier)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.grid)
        column.addLayout(buttons)

    def set_tiers(self, tiers: list[tuple[str, str]]) -> None:
        """Show these (up to, price) texts, one row each."""
        while self.rows:
            self._drop_row()
        for upto, price in tiers:
            self._append_row(upto, price)
        self._arrange()

    def texts(self) -> list[tuple[str, str]]:
        """The typed (up to, price) of each tier; the last tier's up-to is always ""."""
        last = len(self.rows) - 1
        return [("" if i == last else upto.text(), price.text())
                for i, (_, upto, price) in enumerate(self.rows)]

    def add_tier(self) -> None:
        """A new top tier; the cursor goes to the bound of the tier below it."""
        self._append_row("", "")
        self._arrange()
        if len(self.rows) > 1:
            self.rows[-2][1].setFocus()

    def remove_tier(self) -> None:
        """Remove the top tier; the one below becomes open."""
        if len(self.rows) > 1:
            self._drop_row()
            self.rows[-1][1].clear()
            self._arrange()

    def set_flat(self, flat: bool) -> None:
        """A flat tariff has one tier: no adding."""
        self.add_button.setEnabled(not flat)

    def _append_row(self, upto_text: str, price_text: str) -> None:
        number = QLabel()
        upto = QLineEdit(upto_text)
        price = QLineEdit(price_text)
        for edit in (upto, price):
            edit.setFixedWidth(NUMBER_WIDTH)
        price.setPlaceholderText("3.40")
        row = len(self.rows) + 1
        self.grid.addWidget(number, row, 0)
        self.grid.addWidget(upto, row, 1)
        self.grid.addWidget(price, row, 2)
        for widget in (number, upto, price):
            widget.show()  # at once, not when the layout gets round to it: Tab may reach it next
        self.rows.append((number, upto, price))

    def _drop_row(self) -> None:
        for widget in self.rows.pop():
            self.grid.removeWidget(widget)
            widget.deleteLater()

    def _arrange(self) -> None:
        """Number the tiers, open the last one, keep Tab going row by row."""
        last = len(self.rows) - 1
        for i, (number, upto, _) in enumerate(self.rows):
            number.setText(self.tr("Tier {n}").format(n=i + 1))
            upto.setEnabled(i != last)
            upto.setPlaceholderText(self.tr("no limit") if i == last else "370")
            if i == last:
                upto.clear()
        self.remove_button.setEnabled(len(self.rows) > 1)
        chain: list[QWidget] = [w for _, upto, price in self.rows for w in (upto, price)]
        chain += [self.add_button, self.remove_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)


class TariffDialog(QDialog):
    """A new version, prefilled from ``template`` (a price change is then a few keystrokes).

    After ``accept`` the stored version is in ``saved``; refused input keeps the dialog open,
    every typed value in place and each problem under its field.
    """

    def __init__(
        self, tariffs: TariffService, operator: Operator, today: date,
        template: Tariff | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tariffs = tariffs
        self._operator = operator
        self.saved: Tariff | None = None
        self.setWindowTitle(self.tr("New tariff version"))
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        self._error_labels: dict[str, QLabel] = {}
        self._build_fields()
        self._lay_out()
        self._fill(template, next_effective_date(today, template))

    # --- building ---------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.user_type = _combo(choices(UserType))
        self.gas_use = _combo(choices(GasUse))
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("e.g. Residential tiered tariff 2027"))
        self.effective_from = QDateEdit()
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setDisplayFormat("yyyy-MM-dd")
        self.kind = _combo([(self.tr("Tiered (annual volume)"), TariffKind.TIERED),
                            (self.tr("Flat (one price)"), TariffKind.FLAT)])
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.cycle_month = _spin(1, 12, self.tr("Month "), "")
        self.cycle_day = _spin(1, 31, self.tr("Day "), "")
        self.tiers = TierRows()
        self.heating = QLineEdit()
        self.heating.setPlaceholderText(self.tr("e.g. 600, 900 (empty: the usual ones)"))
        self.household_on = QCheckBox(self.tr("Raise the thresholds for large households"))
        self.household_on.toggled.connect(self._household_toggled)
        self.household_base = _spin(0, 20, "", self.tr(" people"))
        self.household_step = _number_edit()
        self.household_cap = _number_edit()
        self.low_income_tier1 = QCheckBox(self.tr("Low-income households pay the tier 1 price "
                                                  "for all their gas"))
        self.late_fee_rate = _number_edit()
        self.late_fee_rate.setPlaceholderText("0.05")
        self.grace_days = _spin(0, 365, "", self.tr(" days"))

    def _lay_out(self) -> None:
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.addWidget(self._version_box())
        left.addWidget(self._tiers_box(), 1)
        columns.addLayout(left, 1)
        columns.addWidget(self._rules_box(), 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(columns, 1)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def _version_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Version"))
        form = _form(box)
        cycle = QHBoxLayout()
        cycle.addWidget(self.cycle_month)
        cycle.addWidget(self.cycle_day)
        cycle.addStretch(1)
        self._row(form, self.tr("User type"), self.user_type, "user_type")
        self._row(form, self.tr("Gas use"), self.gas_use, "gas_use")
        self._row(form, self.tr("Name"), self.name, "name")
        self._row(form, self.tr("Effective from"), self.effective_from, "effective_from")
        self._row(form, self.tr("Kind"), self.kind, "kind")
        self._row(form, self.tr("Annual cycle starts"), cycle, "cycle_day", self.cycle_month)
        return box

    def _tiers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tiers"))
        column = QVBoxLayout(box)
        column.addWidget(self.tiers)
        self._error_label(column, "tiers", self.tiers)
        column.addStretch(1)
        return box

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rules"))
        form = _form(box)
        self._row(form, self.tr("Heating households"), _with_unit(self.heating, "m³"),
                  "heating_thresholds", self.heating)
        form.addRow(_section(self.tr("Household size")))
        form.addRow(self.household_on)
        form.addRow(self.tr("Above"), self.household_base)
        form.addRow(self.tr("Each extra person adds"), _with_unit(self.household_step, "m³"))
        self._row(form, self.tr("At most"), _with_unit(self.household_cap, "m³"), "household",
                  self.household_step)
        form.addRow(_section(self.tr("Low income")))
        form.addRow(self.low_income_tier1)
        form.addRow(_section(self.tr("Late fee")))
        form.addRow(self.tr("Rate"), _with_unit(self.late_fee_rate, self.tr("% per day")))
        self._row(form, self.tr("Grace period"), self.grace_days, "late_fee", self.late_fee_rate)
        return box

    def _row(
        self, form: QFormLayout, text: str, item: QWidget | QHBoxLayout, field: str,
        focus: QWidget | None = None,
    ) -> None:
        form.addRow(text, item)
        label = QLabel()
        target = focus if focus is not None else item if isinstance(item, QWidget) else None
        self.errors.register(field, label, target)
        self._error_labels[field] = label
        form.addRow("", label)

    def _error_label(self, layout: QVBoxLayout, field: str, widget: QWidget) -> None:
        label = QLabel()
        self.errors.register(field, label, widget)
        self._error_labels[field] = label
        layout.addWidget(label)

    # --- filling and reading ----------------------------------------------------------------

    def _fill(self, template: Tariff | None, effective: date) -> None:
        self.effective_from.setDate(QDate(effective.year, effective.month, effective.day))
        if template is None:
            self.tiers.set_tiers([("", "")] * NEW_TIERS)
            self._household_toggled(False)
            self._fill_household(HouseholdRule())
            self.low_income_tier1.setChecked(True)
            return
        _select(self.user_type, template.user_type)
        _select(self.gas_use, template.gas_use)
        self.name.setText(template.name)
        _select(self.kind, template.kind)
        self.cycle_month.setValue(template.cycle_month)
        self.cycle_day.setValue(template.cycle_day)
        self.tiers.set_tiers([
            ("" if t.upto_litres is None else format_m3(t.upto_litres), format_price(t.price))
            for t in template.tiers])
        self.heating.setText(", ".join(format_m3(b) for b in template.heating_thresholds or ()))
        self.household_on.setChecked(template.household is not None)
        self._household_toggled(template.household is not None)
        self._fill_household(template.household or HouseholdRule())
        self.low_income_tier1.setChecked(template.low_income_tier1)
        fee = template.late_fee
        self.late_fee_rate.setText(percent_text(fee.ppm_per_day) if fee.ppm_per_day else "")
        self.grace_days.setValue(fee.grace_days)

    def _fill_household(self, rule: HouseholdRule) -> None:
        self.household_base.setValue(rule.base_size)
        self.household_step.setText(format_m3(rule.step_litres))
        self.household_cap.setText(format_m3(rule.cap_litres))

    def read_tariff(self) -> Tariff:
        """The version as typed; raises DomainError naming every problem found."""
        reader = _Reader()
        tiers = tuple(
            Tier(None if not upto.strip() else reader.take(parse_m3, upto, "tiers"),
                 reader.take(parse_price, price, "tiers"))
            for upto, price in self.tiers.texts())
        heating = tuple(reader.take(parse_m3, part, "heating_thresholds")
                        for part in _LIST_SEPARATORS.split(self.heating.text()) if part)
        household = None
        if self.household_on.isChecked():
            household = HouseholdRule(
                self.household_base.value(),
                reader.take(parse_m3, self.household_step.text(), "household"),
                reader.take(parse_m3, self.household_cap.text(), "household"))
        late_fee = LateFeeRule(reader.take(parse_percent_ppm, self.late_fee_rate.text(),
                                           "late_fee"), self.grace_days.value())
        effective = self.effective_from.date()
        tariff = Tariff(
            None, str(self.user_type.currentData()), str(self.gas_use.currentData()),
            date(effective.year(), effective.month(), effective.day()), self.name.text(),
            TariffKind(self.kind.currentData()), tiers, heating or None,
            self.cycle_month.value(), self.cycle_day.value(), household,
            self.low_income_tier1.isChecked(), late_fee)
        reader.check(tariff)
        return tariff

    def accept(self) -> None:
        """Store the version; stay open with the problems shown when refused."""
        self.errors.clear()
        for spin in (self.cycle_month, self.cycle_day, self.household_base, self.grace_days):
            spin.interpretText()
        try:
            self.saved = self._tariffs.add_version(self._operator, self.read_tariff())
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            if isinstance(error, DomainError):
                self._show_all_of_a_field(error)
            return
        super().accept()

    def _show_all_of_a_field(self, error: DomainError) -> None:
        """FormErrors shows one problem per field; several of one field are all told here."""
        by_field: dict[str, list[str]] = {}
        for problem in error.problems:
            by_field.setdefault(problem.field or "", []).append(problem_text(problem))
        for field, texts in by_field.items():
            label = self._error_labels.get(field)
            if label is not None and len(texts) > 1:
                label.setText("\n".join(dict.fromkeys(texts)))

    def _kind_changed(self) -> None:
        flat = self.kind.currentData() == TariffKind.FLAT
        self.tiers.set_flat(flat)
        self.heating.setEnabled(not flat)

    def _household_toggled(self, on: bool) -> None:
        for widget in (self.household_base, self.household_step, self.household_cap):
            widget.setEnabled(on)


def _combo(items: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _spin(low: int, high: int, prefix: str, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setPrefix(prefix)
    spin.setSuffix(suffix)
    spin.setFixedWidth(SPIN_WIDTH)
    return spin


def _number_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setFixedWidth(NUMBER_WIDTH)
    return edit


def _with_unit(edit: QLineEdit, unit: str) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1 if edit.maximumWidth() > NUMBER_WIDTH else 0)
    row.addWidget(QLabel(unit))
    row.addStretch(0 if edit.maximumWidth() > NUMBER_WIDTH else 1)
    holder.setFocusProxy(edit)
    return holder


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(6)
    return form


def _section(text: str) -> QLabel:
    heading = QLabel(text)
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    return heading
