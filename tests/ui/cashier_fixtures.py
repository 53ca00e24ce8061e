"""Shared set-up of the cashier UI tests: a desk with billed accounts, a page, a printer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.domain.clock import FixedClock
from app.persistence.db import Database
from app.services.account_service import AccountService
from tests.app.cashier_setup import Desk, make_desk
from ui.cashier.cashier_page import CashierPage
from ui.common.announcer import RecordingAnnouncer
from ui.common.task_runner import TaskRunner
from ui.events import AppEvents

SHOTS = Path(__file__).resolve().parents[2] / "shots"
COUNTER = 3
QT_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)"


@dataclass
class PaperTray:
    """A printer for tests: keeps each PDF sent to it (or refuses, when ``working`` is off)."""

    working: bool = True
    printed: list[bytes] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    def __call__(self, path: Path, printer: str) -> bool:
        if not self.working:
            return False
        self.printed.append(path.read_bytes())
        self.names.append(printer)
        return True


@pytest.fixture
def desk(db: Database, clock: FixedClock) -> Desk:
    return make_desk(db, clock)


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    qapp.processEvents()


@pytest.fixture
def tray() -> PaperTray:
    return PaperTray()


MakePage = Callable[..., CashierPage]


@pytest.fixture
def make_page(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, tray: PaperTray, tmp_path: Path
) -> Iterator[MakePage]:
    pages: list[CashierPage] = []

    def make(printer: str = "Receipt roll", events: AppEvents | None = None,
             finish_visit: Callable[[], None] | None = None) -> CashierPage:
        settings = LocalSettings(counter=COUNTER, printer=printer)
        page = CashierPage(desk.cash, desk.payments, AccountService(desk.db, desk.clock),
                           desk.clerk, runner, desk.clock, events or AppEvents(), settings,
                           RecordingAnnouncer(), finish_visit=finish_visit, print_fn=tray)
        page.receipt_folder = tmp_path / "receipts"
        pages.append(page)
        qtbot.addWidget(page)
        page.resize(1280, 720)
        page.show()
        qtbot.waitExposed(page)
        qtbot.waitUntil(lambda: page.strip.text.text() != "")
        return page

    yield make
    runner.wait_idle()
    for page in pages:
        page.shut_down()
