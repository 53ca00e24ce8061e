"""The cash session line at the top of the cashier page: open or not, float, receipts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.domain.money import format_yuan
from app.services.cashier_dto import SessionView

_STYLE = """
QLabel#sessionText { font-size: 15pt; font-weight: bold; }
QLabel#sessionText[open="false"] { color: #b35c00; }
"""


class SessionStrip(QWidget):
    """Shows the clerk's session; its buttons are the page's actions."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self.text = QLabel()
        self.text.setObjectName("sessionText")
        self.text.setWordWrap(True)  # a long hint wraps instead of widening the window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            layout.addWidget(button)

    def show_session(self, session: SessionView | None, counter_no: int) -> None:
        """The open session, or the hint to open one."""
        if session is None:
            self.text.setText(self.tr("Counter {counter}: no cash session open — open one with "
                                      "the counted float before taking money.").format(
                                          counter=counter_no))
        else:
            self.text.setText(self.tr(
                "Counter {counter} · session opened {time} · float {float} yuan · "
                "{receipts} receipts").format(
                    counter=session.counter_no, time=f"{session.opened_at:%H:%M}",
                    float=format_yuan(session.float_fen), receipts=session.payments))
        self.text.setProperty("open", session is not None)
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
