"""The manager's daily close page: the sheet's rows, close refused while a drawer is open, print."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.domain.cashier import split_into_denominations
from app.services.day_close_service import DayCloseService
from tests.app.cashier_setup import Desk
from ui.cashier.day_close_page import DayClosePage
from ui.common.task_runner import TaskRunner

if TYPE_CHECKING:
    from tests.ui.cashier_fixtures import PaperTray

pytest_plugins = ("tests.ui.cashier_fixtures", "tests.ui.theming")
SHOTS = Path(__file__).resolve().parents[2] / "shots"
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)")


def test_sheet_close_and_print(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, tray: PaperTray, themed: QApplication,
) -> None:
    account = desk.billed_account("M1", 30)
    session_id = desk.open(counter_no=3)
    receipt = desk.pay_cash(session_id, account, 10200, 15000)
    answers: list[str] = []
    page = DayClosePage(DayCloseService(desk.db, desk.clock), desk.manager, runner, desk.clock,
                        LocalSettings(printer="Office A4"), print_fn=tray,
                        confirm=lambda q: answers.append(q) is None)
    qtbot.addWidget(page)
    page.resize(1280, 640)
    page.show()
    qtbot.waitUntil(lambda: page.sheet is not None)
    total = page.model.row_at(page.model.rowCount() - 1)
    assert total.label == "total" and total.total_fen == 10200
    last = page.model.rowCount() - 1
    assert page.model.text(total, page.model.Column.CASH) == "102.00"
    assert page.model.text(total, page.model.Column.ITEM) == "总计（实收）"
    assert receipt.receipt_no in page.summary.text() and page.close_button.isEnabled()
    page.grab().save(str(SHOTS / "c3_day_close_page.png"))

    page.close_day()  # the clerk's drawer is still open
    qtbot.waitUntil(lambda: page.message.text() != "")
    assert answers and "clerk1@3" in page.message.text()
    desk.cash.close_session(desk.clerk, session_id, split_into_denominations(60200))
    page.close_day()
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.closed)
    assert not page.close_button.isEnabled() and last == page.model.rowCount() - 1

    page.print_sheet()
    qtbot.waitUntil(lambda: len(tray.printed) == 1)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(tray.printed[0])).pages)
    assert "日收费结账单" in text and "102.00" in text and tray.names == ["Office A4"]

    page.clerk.setText("clerk2")  # a clerk who took nothing
    page.load()
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.username == "clerk2")
    assert page.model.row_at(page.model.rowCount() - 1).total_fen == 0
