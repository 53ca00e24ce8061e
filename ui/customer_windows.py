"""The customer-facing windows a counter opens (ticket kiosk, display board), closed together."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import QWidget

from app.config import LocalSettings
from app.services.queue_service import QueueService
from ui.common.task_runner import TaskRunner

if TYPE_CHECKING:  # loaded with the display board, when it is opened
    from ui.common.announcer import Announcer

log = logging.getLogger(__name__)

KIOSK = "kiosk"
BOARD = "board"


class CustomerWindows(QObject):
    """Opens the kiosk and the board and keeps them alive; one of each, closed together.

    They are top-level windows without a parent, so they can go to another screen. Their
    modules are imported when first opened, so the program starts without them.
    ``announcer_factory`` makes the board's announcer from a language (tests give a recording
    one); by default ``ui.common.announcer.make_announcer``.
    """

    def __init__(
        self, queue: QueueService, hall_id: int, runner: TaskRunner, settings: LocalSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._hall_id = hall_id
        self._runner = runner
        self._settings = settings
        self._windows: dict[str, QWidget] = {}
        self.announcer_factory: Callable[[str], Announcer] | None = None

    def open_kiosk(self) -> QWidget | None:
        """Show the ticket kiosk (取号机); None when it cannot be loaded."""
        def build() -> QWidget:
            from ui.windows.kiosk_window import KioskWindow

            return KioskWindow(self._queue, self._hall_id, self._runner, self._settings.printer)

        return self._show(KIOSK, build)

    def open_board(self) -> QWidget | None:
        """Show the display board (叫号屏), which speaks the calls; None when it cannot load."""
        def build() -> QWidget:
            from ui.common.announcer import make_announcer
            from ui.windows.display_board import DisplayBoardWindow

            factory = self.announcer_factory or make_announcer
            announcer = factory(self._settings.language or QLocale().name())
            board = DisplayBoardWindow(self._queue, self._hall_id, self._runner, announcer)
            announcer.setParent(board)  # goes with the board
            return board

        return self._show(BOARD, build)

    def get(self, key: str) -> QWidget | None:
        """The window ``key`` ("kiosk", "board") if it is open."""
        return self._windows.get(key)

    def close_all(self) -> None:
        """Close every window (the session ends)."""
        for window in list(self._windows.values()):
            window.close()

    def _show(self, key: str, build: Callable[[], QWidget]) -> QWidget | None:
        window = self._windows.get(key)
        if window is None:
            try:
                window = build()
            except ImportError:  # a window being written must not stop the program
                log.warning("customer window %s not available", key, exc_info=True)
                return None
            self._windows[key] = window
            window.destroyed.connect(lambda *_: self._windows.pop(key, None))
        window.show()
        window.raise_()
        return window
