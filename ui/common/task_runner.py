"""The one way to run slow work (reports, imports, big queries) off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception it raised


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread to show or log
            log.debug("background task failed", exc_info=True)
            self._signals.failed.emit(error)
        else:
            self._signals.finished.emit(result)


def _owner_alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a Qt object deleted meanwhile (page closed)."""
    while isinstance(callback, partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs a function on a worker thread; results come back on the GUI thread.

    ``run`` returns a handle whose ``finished(result)`` and ``failed(error)`` signals are
    delivered in the thread that owns the runner. Keep a reference to the handle until it fires.
    """

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._live: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Run ``fn()`` in the background, then call ``on_done`` or ``on_error`` here."""
        signals = _Signals()
        signals.moveToThread(self.thread())
        self._live.add(signals)

        def done(result: object) -> None:
            self._live.discard(signals)
            if _owner_alive(on_done):
                on_done(result)

        def failed(error: object) -> None:
            self._live.discard(signals)
            if _owner_alive(on_error):
                on_error(error)  # type: ignore[arg-type]

        signals.finished.connect(done)
        signals.failed.connect(failed)
        self._pool.start(_Task(fn, signals))

    def wait_idle(self, msecs: int = 30000) -> bool:
        """Block until every task has finished (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)
