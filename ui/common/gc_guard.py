"""Run Python's cycle collector on the GUI thread only.

Python may collect garbage in whichever thread happens to allocate; when a worker thread of the
task runner frees a Qt object that way, PySide crashes. As qutebrowser does, automatic collection
is switched off and a timer on the GUI thread collects the generations that are due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    """Owns the timer that collects garbage on the GUI thread while the application runs."""

    def __init__(self, parent: QObject, interval_ms: int = 500) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(collect_due)
        self._timer.start(interval_ms)


def collect_due() -> None:
    """Collect the oldest generation whose allocation count passed its threshold."""
    t0, t1, t2 = gc.get_threshold()
    c0, c1, c2 = gc.get_count()
    if c0 > t0:
        gc.collect(2 if c2 > t2 else 1 if c1 > t1 else 0)
