"""``gashall --self-test``: start Qt, open and migrate a database, render a Chinese PDF, quit."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path

log = logging.getLogger(__name__)

# Printed into the test PDF only, never shown in the UI
PDF_TEXT = "燃气营业厅 自检收据 No. 000001  金额 ¥125.50"


def render_test_pdf(folder: Path) -> Path:
    """Write a small PDF with Chinese text, the font embedded; returns its path."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from app.services.pdf.fonts import cjk_font

    font = cjk_font()
    path = folder / "self-test.pdf"
    canvas = Canvas(str(path), pagesize=(80 * mm, 60 * mm))
    canvas.setFont(font.name, 10)
    canvas.drawString(5 * mm, 45 * mm, PDF_TEXT)
    canvas.drawString(5 * mm, 38 * mm, f"font: {font.path.name}")
    canvas.showPage()
    canvas.save()
    if not path.read_bytes().startswith(b"%PDF") or path.stat().st_size < 1000:
        raise RuntimeError(f"{path} is not a proper PDF")
    return path


def check_database(home: Path, configured: bool) -> str:
    """Open and migrate the database of ``home`` and run one query; returns its description.

    Only a ``configured`` home (GASHALL_HOME) may point elsewhere (GASHALL_DB_URL, settings);
    otherwise the check uses a fresh SQLite file and never touches a real database.
    """
    from app.config import LocalSettings, Paths, database_url
    from app.domain.clock import SystemClock
    from ui.app_controller import open_storage

    paths = Paths(home / "data", home / "config", home / "logs")
    url = (database_url(paths, LocalSettings.load(paths.settings_file)) if configured
           else f"sqlite:///{paths.database.as_posix()}")
    storage = open_storage(url, paths, SystemClock())
    try:
        return storage.db.describe()
    finally:
        storage.db.dispose()


def check_windows() -> None:
    """Build and show the login window with theme and translations, then close it."""
    from app.config import LocalSettings, user_paths
    from ui.login_dialog import LoginDialog
    from ui.main import make_application

    app = make_application(LocalSettings.load(user_paths().settings_file).language)
    dialog = LoginDialog()
    dialog.show()
    app.processEvents()
    dialog.close()


def run_self_test() -> int:
    """Run every check; print "self-test ok" and return 0, or the failure and 1."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        check_windows()
        with tempfile.TemporaryDirectory(prefix="gashall-self-test-") as folder:
            configured = os.environ.get("GASHALL_HOME", "")
            database = check_database(Path(configured or folder), bool(configured))
            pdf = render_test_pdf(Path(folder))
            print(f"database: {database}\npdf: {pdf.stat().st_size} bytes")
    except Exception:  # noqa: BLE001 - every failure is reported the same way
        log.exception("self-test failed")
        print("self-test failed:\n" + traceback.format_exc(), file=sys.stderr)
        return 1
    print("self-test ok")
    return 0
