"""Entry point of the ``gashall`` command: the GUI (composition root), or the command line."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # PySide6 is imported only when the GUI starts
    from PySide6.QtWidgets import QApplication

SELF_TEST = "--self-test"
EXIT_WHEN_SHOWN = "GASHALL_EXIT_WHEN_SHOWN"  # start-up benchmark: quit once the login shows


def main(argv: list[str] | None = None) -> int:
    """Run the GUI; with arguments run the command line (PySide6 is then never imported)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == [SELF_TEST]:
        from ui.self_test import run_self_test

        return run_self_test()
    if args:
        from app.cli import main as cli_main

        return cli_main(args)
    return run_gui()


def run_gui() -> int:
    """Log in, work, log out: the desktop program itself."""
    from app.config import LocalSettings, user_paths
    from ui.crash_handler import configure_logging, install_exception_hook

    paths = user_paths()
    install_exception_hook(configure_logging(paths.logs))
    settings = LocalSettings.load(paths.settings_file)
    app = make_application(settings.language)

    from PySide6.QtCore import QTimer

    from ui.app_controller import AppController

    controller = AppController(paths, settings)
    controller.start()
    if os.environ.get(EXIT_WHEN_SHOWN):
        QTimer.singleShot(0, lambda: report_shown(app))
    try:
        return app.exec()
    finally:
        controller.shutdown()


def report_shown(app: QApplication) -> None:
    """Start-up benchmark: print when the first window is on screen, then quit."""
    print(f"shown {time.time():.6f}", flush=True)
    app.quit()


def make_application(language: str) -> QApplication:
    """The QApplication with translations (before any window reads a text) and the theme."""
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from ui.common.theme import apply_theme
    from ui.common.translator import install_translators

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("GasHall")
    app.setApplicationVersion(__version__)
    install_translators(app, language)
    apply_theme(app)
    if not hasattr(app, "garbage_collector"):
        from ui.common.gc_guard import MainThreadGarbageCollector

        app.garbage_collector = MainThreadGarbageCollector(app)  # type: ignore[attr-defined]
    return app


if __name__ == "__main__":
    sys.exit(main())
