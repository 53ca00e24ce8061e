"""The payment dialog's tender rows: cash first, then the other tenders the hall offers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from app.domain.cashier import ACTIVE_TENDERS, MAX_TENDERS, Tender
from app.domain.errors import DomainError
from app.domain.money import parse_yuan
from app.services.cashier_dto import TenderDraft
from ui.cashier.call_out import tender_name
from ui.common.messages import error_text

REFERENCE_MAX = 60  # the tenders table keeps 60 characters of a reference
_ERROR_STYLE = "color: #c0392b;"


def parse_amount(text: str, field: str = "amount") -> int | None:
    """Fen typed in a tender field; None when empty. Negative amounts are not money here.

    Raises DomainError ``money.format`` (parse_yuan's message) for anything else.
    """
    if not text.strip():
        return None
    fen = parse_yuan(text, field)
    if fen < 0:
        raise DomainError.of("money.format", field, value=text)
    return fen


class _Row:
    """One tender: kind, amount, reference (not for cash), its error line, and a remove button."""

    def __init__(self, tender: str, offered: Sequence[str], font: QFont) -> None:
        self.kind = QComboBox()
        for code in offered:
            self.kind.addItem(tender_name(code), str(code))
        self.kind.setCurrentIndex(self.kind.findData(tender))
        self.amount = QLineEdit()
        self.amount.setFont(font)
        self.amount.setPlaceholderText("0.00")
        self.reference = QLineEdit()
        self.reference.setMaxLength(REFERENCE_MAX)
        self.error = QLabel()
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.remove = QToolButton()
        self.remove.setText("✕")

    @property
    def tender(self) -> str:
        return str(self.kind.currentData())

    def widgets(self) -> list[QWidget]:
        return [self.kind, self.amount, self.reference, self.error, self.remove]


class TenderRows(QWidget):
    """Editable tender rows; ``changed`` fires on every keystroke so the figures stay live.

    Each amount is checked as it is typed; a bad one shows parse_yuan's message under the field
    and counts as nothing until it is corrected. ``offered``: the tender codes the hall's
    settings offer (cash first; all of them by default).
    """

    changed = Signal()  # an amount, a kind or the rows changed

    def __init__(
        self, offered: Sequence[str] = ACTIVE_TENDERS, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.offered: tuple[str, ...] = tuple(str(code) for code in offered) or (Tender.CASH,)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(2)
        for column, text in enumerate((self.tr("Tender"), self.tr("Amount (yuan)"),
                                       self.tr("Reference (card slip, transfer no.)"))):
            self._grid.addWidget(QLabel(text), 0, column)
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(2, 2)
        self._font = QFont(self.font())
        self._font.setPointSize(max(self._font.pointSize(), 10) + 8)
        self._font.setBold(True)
        self.rows: list[_Row] = []
        self.add(self.offered[0])

    def add(self, tender: str | None = None) -> QLineEdit | None:
        """Add a row (by default the first tender not yet used); returns its amount field."""
        if len(self.rows) >= MAX_TENDERS:
            return None
        used = {r.tender for r in self.rows}
        code = tender or next((t for t in self.offered if t not in used), self.offered[-1])
        row = _Row(code, self.offered, self._font)
        line = 1 + 2 * len(self.rows)
        for column, widget in enumerate((row.kind, row.amount, row.reference, row.remove)):
            self._grid.addWidget(widget, line, column)
        self._grid.addWidget(row.error, line + 1, 1, 1, 2)
        if self.isVisible():  # shown now, so that the new amount can take the cursor at once
            for widget in (row.kind, row.amount, row.reference, row.remove):
                widget.show()
        row.amount.textChanged.connect(lambda _text, r=row: self._amount_edited(r))
        row.kind.currentIndexChanged.connect(lambda _i, r=row: self._kind_changed(r))
        row.remove.clicked.connect(lambda _checked=False, r=row: self.remove(r))
        self.rows.append(row)
        self._kind_changed(row)
        return row.amount

    def remove(self, row: _Row) -> None:
        """Take a row away (the last one stays)."""
        if len(self.rows) <= 1 or row not in self.rows:
            return
        self.rows.remove(row)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.changed.emit()

    def set_editable(self, editable: bool) -> None:
        """Lock the rows while the amounts are called out and the payment is committed."""
        for row in self.rows:
            for widget in (row.kind, row.amount, row.reference, row.remove):
                widget.setEnabled(editable)

    @property
    def cash_field(self) -> QLineEdit:
        """The first row's amount (cash unless the clerk changed it)."""
        return self.rows[0].amount

    def has_errors(self) -> bool:
        """Whether some typed amount is not money."""
        return any(not r.error.isHidden() for r in self.rows)

    def drafts(self) -> tuple[TenderDraft, ...]:
        """The tenders with an amount, as typed (bad or empty amounts left out)."""
        found = []
        for row in self.rows:
            fen = self._fen(row)
            if fen:
                found.append(TenderDraft(row.tender, fen, row.reference.text().strip()))
        return tuple(found)

    def tendered_fen(self) -> int:
        """What the customer handed over in all tenders."""
        return sum(t.amount_fen for t in self.drafts())

    def error_of(self, index: int) -> str:
        """The message under row ``index``'s amount ("" when none)."""
        row = self.rows[index]
        return "" if row.error.isHidden() else row.error.text()

    def _fen(self, row: _Row) -> int | None:
        try:
            return parse_amount(row.amount.text())
        except DomainError:
            return None

    def _amount_edited(self, row: _Row) -> None:
        try:
            parse_amount(row.amount.text())
        except DomainError as error:
            row.error.setText(error_text(error))
            row.error.show()
        else:
            row.error.hide()
        self.changed.emit()

    def _kind_changed(self, row: _Row) -> None:
        cash = row.tender == Tender.CASH
        row.reference.setEnabled(not cash)
        row.reference.setPlaceholderText("" if cash else self.tr("optional"))
        self.changed.emit()
