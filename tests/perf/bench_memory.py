"""Resident memory of the running program with a 1,000,000-account database open and a search shown.

Run: ``python tests/perf/bench_memory.py PATH_TO_DB`` where the database was made by
``python tests/perf/bench_seed.py --keep PATH_TO_DB``. The main window is built offscreen as after a
login, a phone-tail search is run and shown in the accounts table, then VmRSS is read.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(path: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app.domain.clock import SystemClock
    from app.domain.users import Role
    from app.persistence.db import open_database
    from app.services.account_service import AccountService
    from app.services.dto import Operator
    from ui.accounts.accounts_page import AccountsPage
    from ui.common.task_runner import TaskRunner

    app = QApplication([])
    db = open_database(f"sqlite:///{path}")
    service = AccountService(db, SystemClock())
    runner = TaskRunner()
    operator = Operator(1, "admin", "Administrator", Role.ADMINISTRATOR, 1)
    page = AccountsPage(service, operator, runner)
    page.resize(1280, 800)
    page.show()
    print(f"after window: {rss_mb():.0f} MB")
    for query in ("5678", "张", "东纵路"):
        page.search_box.setText(query)  # the page's search box
        page.search_box.returnPressed.emit()
        runner.wait_idle()
        for _ in range(20):
            app.processEvents()
        print(f"after search {query!r}: {rss_mb():.0f} MB (target <= 300)")


if __name__ == "__main__":
    main(sys.argv[1])
