"""F11 and Esc for the customer-facing windows that fill a second screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def add_full_screen_keys(window: QWidget) -> None:
    """F11 switches ``window`` between full screen and a normal window; Esc leaves full screen."""

    def toggle() -> None:
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()

    def leave() -> None:
        if window.isFullScreen():
            window.showNormal()

    QShortcut(QKeySequence(Qt.Key.Key_F11), window, toggle)
    QShortcut(QKeySequence(Qt.Key.Key_Escape), window, leave)
