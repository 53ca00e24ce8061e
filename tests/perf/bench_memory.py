"""Resident memory of the running program with a 1,000,000-account database open and a search shown.

Run: ``python tests/perf/bench_memory.py PATH_TO_DB`` where the database was made by
``python tests/perf/bench_seed.py --keep PATH_TO_DB``. The real program starts offscreen through its
composition root (``AppController``), logs in at the login window, runs searches on the accounts
page and shows the results and an account; VmRSS is read after each step.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "bench123"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ensure_admin(url: str) -> None:
    from app.domain.clock import SystemClock
    from app.persistence.db import open_database
    from app.services.auth_service import AuthService

    db = open_database(url)
    auth = AuthService(db, SystemClock())
    if not auth.has_users():
        auth.first_setup("东城燃气营业厅", PASSWORD)
    db.dispose()


def wait_for(app: object, condition: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise TimeoutError("the program did not get there in time")
        time.sleep(0.01)


def main(path: str) -> None:
    url = f"sqlite:///{path}"
    ensure_admin(url)
    os.environ["GASHALL_DB_URL"] = url
    os.environ["GASHALL_HOME"] = tempfile.mkdtemp(prefix="gashall-mem-")
    from app.config import LocalSettings, user_paths
    from ui.app_controller import AppController
    from ui.main import make_application

    app = make_application("")
    paths = user_paths()
    controller = AppController(paths, LocalSettings.load(paths.settings_file))
    controller.start()
    wait_for(app, controller.login.login_button.isEnabled)
    print(f"login window, database open: {rss_mb():.0f} MB")
    controller.login.username.setText("admin")
    controller.login.password.setText(PASSWORD)
    controller.login.login_button.click()
    wait_for(app, lambda: controller.window is not None and controller.window.isVisible())
    print(f"main window: {rss_mb():.0f} MB")
    from PySide6.QtWidgets import QTableView

    from ui.accounts.accounts_page import AccountsPage

    accounts = controller.window.findChild(AccountsPage)
    for query in ("5678", "张", "东纵路", "陈伟"):
        accounts.search_box.setText(query)
        accounts.search_box.returnPressed.emit()
        controller._runner.wait_idle()
        for _ in range(50):
            app.processEvents()
        shown = accounts.findChild(QTableView).model().rowCount()
        print(f"after search {query!r} ({shown} rows): {rss_mb():.0f} MB (target <= 300)")
    controller.shutdown()


if __name__ == "__main__":
    main(sys.argv[1])
