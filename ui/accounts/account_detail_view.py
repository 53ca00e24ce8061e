"""The account detail pane: customer, premises, account settings and meters of one account."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import AccountDetail, MeterInfo, PersonalData
from ui.accounts.labels import label, yes_no
from ui.common.icons import Icon, icon

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
_EMPTY = "—"


class AccountDetailView(QScrollArea):
    """Shows one AccountDetail; the page decides what to load, the view only lays it out.

    Personal data (ID number, phones) is shown masked. The "Show in full" button exists only
    for roles that may unmask; pressing it emits ``reveal_requested`` and the page answers with
    ``show_personal_data`` once the service has written the audit entry.
    """

    reveal_requested = Signal(int)  # account id whose personal data the user asked to see

    def __init__(self, can_reveal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._can_reveal = can_reveal
        self._detail: AccountDetail | None = None
        self._values: dict[str, QLabel] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._build_header())
        layout.addLayout(self._build_groups())
        layout.addWidget(self._build_meters(), 1)
        self.setWidget(body)
        self.clear()

    @property
    def account_id(self) -> int | None:
        """The account shown, or None."""
        return self._detail.id if self._detail else None

    def value_text(self, field: str) -> str:
        """The text shown for a field (e.g. "id_number"); for tests and screen readers."""
        return self._values[field].text()

    def clear(self) -> None:
        """Show nothing (no account opened yet)."""
        self._detail = None
        self._title.setText(self.tr("No account opened"))
        self._subtitle.setText(self.tr("Search, then press Enter on a result to open it."))
        for value in self._values.values():
            value.setText(_EMPTY)
        self._meters.setRowCount(0)
        self.reveal_button.setVisible(False)

    def show_detail(self, detail: AccountDetail) -> None:
        """Show an account with its personal data masked."""
        self._detail = detail
        self._title.setText(f"{detail.account_no}  {detail.name}")
        self._subtitle.setText(
            self.tr("{status} · route book {book}").format(
                status=label(detail.status), book=detail.route_book or _EMPTY)
        )
        self._fill_customer(detail)
        self._fill_account(detail)
        self._fill_meters(detail.meters)
        self.reveal_button.setVisible(self._can_reveal)
        self.reveal_button.setEnabled(self._can_reveal)

    def show_personal_data(self, data: PersonalData) -> None:
        """Replace the masked ID number and phones by the full ones, until another account."""
        self._set("id_number", data.id_number)
        self._set("mobile", data.mobile)
        self._set("phone", data.phone)
        self.reveal_button.setEnabled(False)

    def _build_header(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        self._title = QLabel()
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._title.setFont(font)
        self._title.setTextInteractionFlags(_SELECTABLE)
        self._subtitle = QLabel()
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        return box

    def _build_groups(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(self._build_customer(), 0, 0)
        grid.addWidget(self._group(self.tr("Account"), [
            ("user_type", self.tr("User type")), ("gas_use", self.tr("Gas use")),
            ("household_size", self.tr("Household size")), ("heating", self.tr("Heating")),
            ("low_income", self.tr("Low income")), ("status", self.tr("Status")),
            ("route_book", self.tr("Route book")), ("opened_on", self.tr("Opened on")),
        ]), 0, 1, 2, 1)
        grid.addWidget(self._group(self.tr("Premises"), [("address", self.tr("Address"))]), 1, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return grid

    def _build_customer(self) -> QGroupBox:
        group = self._group(self.tr("Customer"), [
            ("name", self.tr("Name")), ("id_type", self.tr("ID type")),
            ("id_number", self.tr("ID number")), ("mobile", self.tr("Mobile")),
            ("phone", self.tr("Phone")),
        ])
        self.reveal_button = QPushButton(icon(Icon.REVEAL), self.tr("Show in &full"))
        self.reveal_button.setToolTip(
            self.tr("Show the full ID number and phones; the viewing is written to the audit log.")
        )
        self.reveal_button.clicked.connect(self._reveal_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reveal_button)
        form = group.layout()
        assert isinstance(form, QFormLayout)
        form.addRow(row)
        return group

    def _group(self, title: str, fields: list[tuple[str, str]]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, caption in fields:
            value = QLabel(_EMPTY)
            value.setTextInteractionFlags(_SELECTABLE)
            value.setWordWrap(True)
            self._values[key] = value
            form.addRow(caption + ":", value)
        return group

    def _build_meters(self) -> QGroupBox:
        group = QGroupBox(self.tr("Meters"))
        self._meters = QTableWidget(0, 5)
        self._meters.setHorizontalHeaderLabels([
            self.tr("Meter no."), self.tr("Kind"), self.tr("Digits"), self.tr("Installed"),
            self.tr("Status"),
        ])
        self._meters.verticalHeader().hide()
        self._meters.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._meters.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._meters.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._meters.setMinimumHeight(90)
        QVBoxLayout(group).addWidget(self._meters)
        return group

    def _fill_customer(self, d: AccountDetail) -> None:
        self._set("name", d.name)
        self._set("id_type", label(d.id_type))
        self._set("id_number", d.id_number)
        self._set("mobile", d.mobile)
        self._set("phone", d.phone)
        self._set("address", d.address.text())

    def _fill_account(self, d: AccountDetail) -> None:
        self._set("user_type", label(d.user_type))
        self._set("gas_use", label(d.gas_use))
        self._set("household_size", str(d.household_size))
        self._set("heating", yes_no(d.heating))
        self._set("low_income", yes_no(d.low_income))
        self._set("status", label(d.status))
        self._set("route_book", d.route_book)
        self._set("opened_on", _date_text(d.opened_on))

    def _fill_meters(self, meters: tuple[MeterInfo, ...]) -> None:
        self._meters.setRowCount(len(meters))
        for row, m in enumerate(meters):
            cells = (m.meter_no, label(m.kind), str(m.digits),
                     _date_text(m.installed_on), label(m.status))
            for column, text in enumerate(cells):
                self._meters.setItem(row, column, QTableWidgetItem(text))

    def _set(self, field: str, text: str) -> None:
        self._values[field].setText(text or _EMPTY)

    def _reveal_clicked(self) -> None:
        if self._detail is not None and self._can_reveal:
            self.reveal_requested.emit(self._detail.id)


def _date_text(day: date | None) -> str:
    return day.isoformat() if day else ""  # 2026-11-23: how the hall writes dates
