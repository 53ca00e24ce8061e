"""The reading checks (抄表校验) per gas use: one row of switches and limits each, and Save."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.accounts import GasUse
from app.domain.errors import DomainError
from app.domain.readings import ReadingRules
from app.domain.tariff import format_m3, parse_m3
from ui.accounts.labels import label
from ui.common.form_errors import FormErrors
from ui.common.icons import Icon, icon

LIMIT_WIDTH = 110
COLUMNS = 6
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass
class RuleRow:
    """The widgets of one gas use's row."""

    zero: QCheckBox
    high: QCheckBox
    high_limit: QLineEdit
    drop: QCheckBox
    drop_percent: QSpinBox
    year_drop: QCheckBox
    year_drop_percent: QSpinBox
    inactive: QCheckBox
    error: QLabel


class ReadingRulesView(QWidget):
    """Lays out the rows; the page loads and stores them (``save_requested``).

    ``rules_of`` reads a row back (DomainError ``reading.volume_format`` when the m³ limit is
    unreadable); ``changed`` lists the gas uses whose row differs from what was loaded.
    """

    save_requested = Signal()  # Save pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, RuleRow] = {}
        self._loaded: dict[str, ReadingRules] = {}
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(2)
        self._headers()
        for use in GasUse:
            self._add_row(use)
        self.grid.setColumnStretch(COLUMNS, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll(), 1)
        layout.addWidget(self._hint())
        self.general = QLabel()
        self.general_errors = FormErrors(self.general)
        layout.addWidget(self.general)
        layout.addLayout(self._buttons())

    def _scroll(self) -> QScrollArea:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 8, 0)
        column.addLayout(self.grid)
        column.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(holder)
        return area

    def _headers(self) -> None:
        titles = (self.tr("Gas use"), self.tr("Zero\nconsumption"),
                  self.tr("Too high:\nabove (m³)"), self.tr("Sudden drop:\nby at least"),
                  self.tr("Year-on-year drop:\nby at least"), self.tr("Used while\ninactive"))
        tips = ("", self.tr("No gas used since the previous reading"),
                self.tr("More gas than this since the previous reading"),
                self.tr("The daily average fell this much against the last three periods"),
                self.tr("The daily average fell this much against the same dates a year "
                        "earlier"),
                self.tr("Gas used on a suspended, closed or long-unused account"))
        for column, title in enumerate(titles):
            header = QLabel(title)
            header.setObjectName("hint")
            header.setToolTip(tips[column])
            header.setAlignment(Qt.AlignmentFlag.AlignBottom | (
                Qt.AlignmentFlag.AlignLeft if column in (0, 2, 3, 4) else CENTER))
            self.grid.addWidget(header, 0, column)

    def _add_row(self, use: GasUse) -> None:
        name = label(use)
        row = RuleRow(
            zero=_switch(self.tr("{use}: zero consumption").format(use=name)),
            high=_switch(self.tr("{use}: too high").format(use=name)),
            high_limit=QLineEdit(),
            drop=_switch(self.tr("{use}: sudden drop").format(use=name)),
            drop_percent=_percent(),
            year_drop=_switch(self.tr("{use}: year-on-year drop").format(use=name)),
            year_drop_percent=_percent(),
            inactive=_switch(self.tr("{use}: used while inactive").format(use=name)),
            error=QLabel(),
        )
        row.high_limit.setFixedWidth(LIMIT_WIDTH)
        row.high_limit.setAccessibleName(self.tr("{use}: too-high limit (m³)").format(use=name))
        row.high.toggled.connect(row.high_limit.setEnabled)
        row.drop.toggled.connect(row.drop_percent.setEnabled)
        row.year_drop.toggled.connect(row.year_drop_percent.setEnabled)
        FormErrors(row.error)  # styles the label: red, wrapped, hidden until used
        line = 1 + 2 * len(self.rows)
        cells = (QLabel(name), row.zero, _pair(row.high, row.high_limit),
                 _pair(row.drop, row.drop_percent), _pair(row.year_drop, row.year_drop_percent),
                 row.inactive)
        for column, cell in enumerate(cells):
            align = CENTER if column in (1, 5) else Qt.AlignmentFlag.AlignLeft
            self.grid.addWidget(cell, line, column, align)
        self.grid.addWidget(row.error, line + 1, 0, 1, COLUMNS)
        self.rows[use.value] = row

    def _hint(self) -> QLabel:
        hint = QLabel(self.tr("A reading that fails a check waits unbilled in the review list."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        return hint

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(icon(Icon.SAVE, "#ffffff"), self.tr("Save checks"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_requested)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("resultOk")
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved_note, 1)
        return row

    # --- values -----------------------------------------------------------------------------

    def set_rules(self, rules: dict[str, ReadingRules]) -> None:
        """Show these rules and remember them as the stored state."""
        self._loaded = dict(rules)
        for use, rule in rules.items():
            row = self.rows.get(use)
            if row is None:
                continue
            row.zero.setChecked(rule.check_zero)
            row.high.setChecked(rule.check_high)
            row.high_limit.setText(format_m3(rule.high_litres))
            row.high_limit.setEnabled(rule.check_high)
            row.drop.setChecked(rule.check_drop)
            row.drop_percent.setValue(rule.drop_percent)
            row.drop_percent.setEnabled(rule.check_drop)
            row.year_drop.setChecked(rule.check_year_drop)
            row.year_drop_percent.setValue(rule.year_drop_percent)
            row.year_drop_percent.setEnabled(rule.check_year_drop)
            row.inactive.setChecked(rule.check_inactive)

    def rules_of(self, use: str) -> ReadingRules:
        """The row of a gas use as typed; DomainError when its m³ limit cannot be read."""
        row = self.rows[use]
        for spin in (row.drop_percent, row.year_drop_percent):
            spin.interpretText()
        return ReadingRules(
            check_zero=row.zero.isChecked(), check_high=row.high.isChecked(),
            high_litres=parse_m3(row.high_limit.text(), "high_litres"),
            check_drop=row.drop.isChecked(), drop_percent=row.drop_percent.value(),
            check_year_drop=row.year_drop.isChecked(),
            year_drop_percent=row.year_drop_percent.value(),
            check_inactive=row.inactive.isChecked())

    def changed(self) -> list[str]:
        """Gas uses whose row differs from the stored rules (or cannot be read)."""
        result = []
        for use in self.rows:
            try:
                same = self.rules_of(use) == self._loaded.get(use)
            except DomainError:
                same = False
            if not same:
                result.append(use)
        return result

    def mark_saved(self, use: str, rules: ReadingRules) -> None:
        """Remember a row as stored."""
        self._loaded[use] = rules

    def show_row_error(self, use: str, text: str) -> None:
        """A problem under a gas use's row ("" hides it)."""
        error = self.rows[use].error
        error.setText(text)
        error.setVisible(bool(text))


def _switch(accessible: str) -> QCheckBox:
    box = QCheckBox()
    box.setAccessibleName(accessible)
    box.setToolTip(accessible)
    return box


def _pair(switch: QCheckBox, limit: QWidget) -> QWidget:
    """A switch with its limit beside it, in one cell."""
    cell = QWidget()
    row = QHBoxLayout(cell)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(switch)
    row.addWidget(limit)
    return cell


def _percent() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 100)
    spin.setSuffix(" %")
    spin.setFixedWidth(LIMIT_WIDTH)
    return spin
