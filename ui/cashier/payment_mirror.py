"""The customer's payment mirror (唱收唱付显示屏): due, received and change, large."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.domain.money import format_yuan
from ui.cashier.call_out import Figures

THANKS_MS = 20_000  # the change stays on the customer's screen this long after a payment

_STYLE = """
PaymentMirror { background: #ffffff; }
QLabel#title { font-size: 24pt; font-weight: bold; color: #1d2733; }
QLabel#clerk { font-size: 14pt; color: #5b6b7d; }
QLabel#caption { font-size: 22pt; color: #3c4a5a; }
QLabel#figure { font-size: 44pt; font-weight: bold; color: #1d2733; }
QLabel#figure[role="change"] { color: #1e8e4e; }
QLabel#notice { font-size: 18pt; font-weight: bold; color: #1f6fd1; }
"""


class PaymentMirror(QWidget):
    """A top-level window for the customer, movable to a second screen.

    It shows the hall's welcome between payments, the three figures while the clerk takes a
    payment, and a thank-you with the change after it. It never takes the keyboard.
    """

    def __init__(self, clerk: str, counter_no: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, _window_flags())
        self.setObjectName("PaymentMirror")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("Payment"))
        self.setStyleSheet(_STYLE)
        self._build(clerk, counter_no)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self.show_idle)
        self.show_idle()

    def _build(self, clerk: str, counter_no: int) -> None:
        self.title = QLabel()
        self.title.setObjectName("title")
        self.clerk = QLabel(self.tr("Counter {counter} · Clerk {clerk}").format(
            counter=counter_no, clerk=clerk))
        self.clerk.setObjectName("clerk")
        grid = QGridLayout()
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(8)
        captions = (self.tr("Amount due"), self.tr("Received"), self.tr("Change"))
        self.figures: list[QLabel] = []
        for row, caption in enumerate(captions):
            label = QLabel(caption)
            label.setObjectName("caption")
            figure = QLabel()
            figure.setObjectName("figure")
            figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if row == 2:
                figure.setProperty("role", "change")
            grid.addWidget(label, row, 0)
            grid.addWidget(figure, row, 1)
            self.figures.append(figure)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(14)
        for label in (self.title, self.clerk):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(8)
        layout.addLayout(grid)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.notice)
        self.setMinimumWidth(620)

    def show_idle(self) -> None:
        """Between payments: a welcome, no figures."""
        self._idle_timer.stop()
        self.title.setText(self.tr("Welcome"))
        for figure in self.figures:
            figure.setText("—")
        self.notice.clear()

    def show_figures(self, figures: Figures) -> None:
        """The figures as the clerk types them (yuan)."""
        self._idle_timer.stop()
        self.title.setText(self.tr("Your payment"))
        self._set(figures)
        self.notice.setText(self.tr("Please check the amounts with the clerk"))

    def show_paid(self, figures: Figures, receipt_no: str) -> None:
        """After the payment: the figures, the receipt number and a thank-you, for a while."""
        self._set(figures)
        self.title.setText(self.tr("Thank you"))
        self.notice.setText(self.tr("Receipt {number} · please count your change").format(
            number=receipt_no))
        self._idle_timer.start(THANKS_MS)

    def figure_texts(self) -> tuple[str, str, str]:
        """Due, received and change as the customer reads them (for tests)."""
        due, received, change = (f.text() for f in self.figures)
        return due, received, change

    def _set(self, figures: Figures) -> None:
        for label, fen in zip(self.figures, figures, strict=True):
            label.setText(f"¥ {format_yuan(fen)}")


def _window_flags() -> Qt.WindowType:
    """Its own window (movable to the customer's screen), on top, never taking the keyboard."""
    return (Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus)
