"""Counting the drawer by note and coin (点钞): pieces per denomination and the running total."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QIntValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from app.domain.cashier import DENOMINATIONS, counted_total
from app.domain.money import format_yuan

MAX_PIECES = 99_999


class DenominationCount(QWidget):
    """One row per note or coin (100 yuan … 1 jiao): pieces typed, value shown, total below.

    For the blind close: the clerk sees only what they counted, never what the drawer should
    hold.
    """

    changed = Signal()  # a count changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        self.pieces: dict[int, QLineEdit] = {}
        self._values: dict[int, QLabel] = {}
        grid.addWidget(QLabel(self.tr("Note or coin")), 0, 0)
        grid.addWidget(QLabel(self.tr("Pieces")), 0, 1)
        grid.addWidget(QLabel(self.tr("Value (yuan)")), 0, 2)
        for row, value in enumerate(DENOMINATIONS, start=1):
            spin = QLineEdit()
            spin.setValidator(QIntValidator(0, MAX_PIECES, spin))
            spin.setPlaceholderText("0")
            spin.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            spin.setMaximumWidth(140)
            spin.textChanged.connect(self._recount)
            amount = QLabel()
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(denomination_text(value)), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(amount, row, 2)
            self.pieces[value] = spin
            self._values[value] = amount
        self.total = QLabel()
        font = QFont(self.font())
        font.setPointSize(max(font.pointSize(), 10) + 8)
        font.setBold(True)
        self.total.setFont(font)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        last = len(DENOMINATIONS) + 1
        grid.addWidget(QLabel(self.tr("Counted")), last, 0)
        grid.addWidget(self.total, last, 1, 1, 2)
        self._recount()

    def counts(self) -> dict[int, int]:
        """Pieces by denomination (fen value → pieces), zero rows left out."""
        found = {value: _pieces(field) for value, field in self.pieces.items()}
        return {value: pieces for value, pieces in found.items() if pieces}

    def total_fen(self) -> int:
        """The counted value."""
        return counted_total(self.counts())

    def set_counts(self, counts: dict[int, int]) -> None:
        """Fill the pieces (tests, a recount)."""
        for value, spin in self.pieces.items():
            spin.setText(str(counts[value]) if counts.get(value) else "")

    def set_editable(self, editable: bool) -> None:
        """Lock the count once it was handed in."""
        for spin in self.pieces.values():
            spin.setReadOnly(not editable)

    def _recount(self) -> None:
        for value, spin in self.pieces.items():
            self._values[value].setText(format_yuan(value * _pieces(spin)))
        self.total.setText(format_yuan(self.total_fen()))
        self.changed.emit()


def _pieces(field: QLineEdit) -> int:
    text = field.text().strip()
    return int(text) if text.isdigit() else 0


def denomination_text(value_fen: int) -> str:
    """A note's or coin's name: "100 yuan", "5 jiao" (纸币/硬币 alike)."""
    if value_fen >= 100:
        return QCoreApplication.translate("DenominationCount", "{n} yuan").format(
            n=value_fen // 100)
    return QCoreApplication.translate("DenominationCount", "{n} jiao").format(n=value_fen // 10)
