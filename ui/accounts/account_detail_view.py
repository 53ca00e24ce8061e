"""The account detail pane: customer, premises, account settings and meters of one account."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
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
        layout.addLayout(self._build_groups(), 1)
        self.setWidget(body)
        self.clear()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        """As large as the contents, so that a splitter gives the pane room without scrolling."""
        body = self.widget()
        return body.sizeHint() if body is not None else super().sizeHint()

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
        for value in self._values.values():
            value.setText(_EMPTY)
        self._title.setText(self.tr("No account opened"))
        self._values["address"].setText(
            self.tr("Search, then press Enter on a result to open it."))
        self.reveal_button.setVisible(False)

    def show_detail(self, detail: AccountDetail) -> None:
        """Show an account with its personal data masked."""
        self._detail = detail
        self._title.setText(f"{detail.account_no}  {detail.name}")
        self._fill_customer(detail)
        self._fill_account(detail)
        self._fill_meters(detail.meters)
        self.reveal_button.setText(self.tr("Show in &full"))
        self.reveal_button.setVisible(self._can_reveal)
        self.reveal_button.setEnabled(self._can_reveal)

    def show_personal_data(self, data: PersonalData) -> None:
        """Replace the masked ID number and phones by the full ones, until another account."""
        self._set("id_number", data.id_number)
        self._set("mobile", data.mobile)
        self._set("phone", data.phone)
        self.reveal_button.setText(self.tr("Shown in full (logged)"))
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
        # The premises address right under the name: the clerk reads both back to the customer.
        address = QLabel()
        address.setTextInteractionFlags(_SELECTABLE)
        address.setWordWrap(True)
        address.setToolTip(self.tr("Premises address"))
        self._values["address"] = address
        layout.addWidget(self._title)
        layout.addWidget(address)
        return box

    def _build_groups(self) -> QGridLayout:
        """Three columns, so that the pane fits under the results on a 1280 x 800 screen."""
        grid = QGridLayout()
        grid.addWidget(self._build_customer(), 0, 0)
        grid.addWidget(self._group(self.tr("Account"), [
            ("user_type", self.tr("User type")), ("gas_use", self.tr("Gas use")),
            ("household_size", self.tr("Household size")), ("heating", self.tr("Heating")),
            ("low_income", self.tr("Low income")), ("status", self.tr("Status")),
            ("route_book", self.tr("Route book")), ("opened_on", self.tr("Opened on")),
        ]), 0, 1)
        grid.addWidget(self._build_meters(), 0, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        return grid

    def _build_customer(self) -> QGroupBox:
        group = self._group(self.tr("Customer"), [
            ("name", self.tr("Name")), ("id_type", self.tr("ID type")),
            ("id_number", self.tr("ID number")), ("mobile", self.tr("Mobile")),
            ("phone", self.tr("Phone")),
        ])
        self.reveal_button = QPushButton(icon(Icon.REVEAL), "")
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
            form.addRow(self.tr("{caption}:").format(caption=caption), value)
        return group

    def _build_meters(self) -> QGroupBox:
        group = QGroupBox(self.tr("Meters"))
        self._values["meters"] = QLabel(_EMPTY)
        self._values["meters"].setTextInteractionFlags(_SELECTABLE)
        self._values["meters"].setWordWrap(True)
        self._values["meters"].setAlignment(Qt.AlignmentFlag.AlignTop)
        QVBoxLayout(group).addWidget(self._values["meters"])
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
        """One paragraph per meter, the current (last) one first."""
        self._set("meters", "\n\n".join(self._meter_text(m) for m in reversed(meters)))

    def _meter_text(self, m: MeterInfo) -> str:
        installed = (self.tr("installed {date}").format(date=_date_text(m.installed_on))
                     if m.installed_on else self.tr("installation date unknown"))
        return self.tr("{number}: {kind}, {digits} digits\n{installed}, {status}").format(
            number=m.meter_no, kind=label(m.kind), digits=m.digits, installed=installed,
            status=label(m.status))

    def _set(self, field: str, text: str) -> None:
        self._values[field].setText(text or _EMPTY)

    def _reveal_clicked(self) -> None:
        if self._detail is not None and self._can_reveal:
            self.reveal_requested.emit(self._detail.id)


def _date_text(day: date | None) -> str:
    return day.isoformat() if day else ""  # 2026-11-23: how the hall writes dates
