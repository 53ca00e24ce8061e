"""Log every unexpected error with its traceback and show a crash dialog instead of dying."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported only when a dialog is needed
    from PySide6.QtWidgets import QMessageBox, QPushButton

log = logging.getLogger(__name__)

LOG_NAME = "gashall.log"
_showing = False  # an error inside the crash dialog must not open another one


def configure_logging(folder: Path) -> Path | None:
    """Log to a rotating file in ``folder`` (UTF-8); returns the file, or None if unwritable."""
    handler: logging.Handler
    path: Path | None = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / LOG_NAME, maxBytes=2_000_000, backupCount=5,
                                      encoding="utf-8")
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_exception_hook(log_file: Path | None) -> None:
    """Route uncaught exceptions (GUI thread: dialog; other threads: log only) to the log."""

    def on_error(kind: type[BaseException], error: BaseException,
                 tb: TracebackType | None) -> None:
        handle_exception(kind, error, tb, log_file)

    def on_thread_error(args: threading.ExceptHookArgs) -> None:
        log.critical("unexpected error in thread %s", args.thread,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # type: ignore[arg-type]

    sys.excepthook = on_error
    threading.excepthook = on_thread_error


def handle_exception(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None,
    log_file: Path | None,
) -> None:
    """Log the error; on the GUI thread also tell the person at the counter."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.critical("unexpected error", exc_info=(kind, error, tb))
    if threading.current_thread() is threading.main_thread():
        show_crash_dialog("".join(traceback.format_exception(kind, error, tb)), log_file)


def show_crash_dialog(details: str, log_file: Path | None) -> None:
    """A message box with the traceback under "Show Details"; Quit ends the program."""
    global _showing  # noqa: PLW0603 - one flag for the whole process
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    if _showing or not isinstance(QCoreApplication.instance(), QApplication):
        return
    _showing = True
    try:
        box, quit_button = _crash_box(details, log_file)
        box.exec()
        if box.clickedButton() is quit_button:
            QCoreApplication.exit(1)
    finally:
        _showing = False


def _crash_box(details: str, log_file: Path | None) -> tuple[QMessageBox, QPushButton]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Crash", "GasHall - unexpected error"),
        QCoreApplication.translate(
            "Crash", "Something went wrong that GasHall did not expect. "
            "What you just did may not have been saved."),
    )
    where = str(log_file) if log_file else QCoreApplication.translate("Crash", "the console")
    box.setInformativeText(QCoreApplication.translate(
        "Crash", "The details were written to {log}. If this happens again, tell IT."
    ).format(log=where))
    box.setDetailedText(details)
    keep = box.addButton(QCoreApplication.translate("Crash", "Keep working"),
                         QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton(QCoreApplication.translate("Crash", "Quit GasHall"),
                                QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    return box, quit_button
