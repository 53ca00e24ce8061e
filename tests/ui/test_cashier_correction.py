"""A manager's correction (更正) at the cash desk; the IC dialog's tenders follow the hall."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.config import LocalSettings
from app.domain.accounts import MeterDraft, MeterKind
from app.persistence.orm import DayClose
from app.services.account_service import AccountService
from app.services.dto import Operator
from app.services.ic_service import IcService
from tests.app.cashier_setup import Desk
from tests.conftest import sample_draft
from ui.cashier.cashier_page import CashierPage
from ui.cashier.correction_dialog import CorrectionDialog
from ui.cashier.ic_purchase_dialog import IcPurchaseDialog
from ui.common.task_runner import TaskRunner
from ui.events import AppEvents

if TYPE_CHECKING:
    from tests.ui.cashier_fixtures import MakePage, PaperTray

pytest_plugins = ("tests.ui.cashier_fixtures", "tests.ui.theming")
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)")
NEXT_DAY = datetime(2026, 11, 24, 9, 0)
COUNTER = 3  # the cashier fixtures' counter


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def manager_page(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, tray: PaperTray, tmp_path: Path
) -> Iterator[CashierPage]:
    """Yesterday (closed) the clerk took 102.00; today the manager's session is open."""
    account = desk.billed_account("M1", 30)
    desk.pay_cash(desk.open(counter_no=1), account, 10200, 15000)
    with desk.db.writing() as session:
        session.add(DayClose(hall_id=desk.clerk.hall_id, day=date(2026, 11, 23),
                             closed_at=desk.clock.now(), closed_by="manager1", totals={}))
    desk.clock.at = NEXT_DAY
    desk.open(desk.manager, counter_no=COUNTER)
    page = page_of(qtbot, desk, desk.manager, runner, tray, tmp_path)
    qtbot.waitUntil(lambda: page.session is not None)
    yield page
    runner.wait_idle()
    page.shut_down()


def page_of(qtbot: QtBot, desk: Desk, operator: Operator, runner: TaskRunner, tray: PaperTray,
            tmp_path: Path) -> CashierPage:
    page = CashierPage(desk.cash, desk.payments, AccountService(desk.db, desk.clock), operator,
                       runner, desk.clock, AppEvents(),
                       LocalSettings(counter=COUNTER, printer="Receipt roll"), print_fn=tray)
    page.receipt_folder = tmp_path / "receipts"
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_a_manager_corrects_a_receipt_of_a_closed_day(
    qtbot: QtBot, desk: Desk, manager_page: CashierPage, tray: PaperTray,
) -> None:
    page = manager_page
    assert page.correction_action.isVisible() and page.correction_action.isEnabled()
    page.correct()
    dialog = page.dialog
    assert isinstance(dialog, CorrectionDialog)
    assert not dialog.ok_button.isEnabled()

    qtbot.keyClicks(dialog.receipt_no, "7")
    qtbot.keyClick(dialog.receipt_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.errors.text_of("receipt_no") != "")
    assert dialog.found is None and dialog.isVisible()

    dialog.receipt_no.clear()
    qtbot.keyClicks(dialog.receipt_no, "1")
    qtbot.keyClick(dialog.receipt_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.found is not None)
    assert dialog.receipt_no.text() == "01-00000001"
    assert "01-00000001" in dialog.summary.text() and "102.00" in dialog.summary.text()
    assert "Cash 102.00" in dialog.summary.text()
    assert not dialog.ok_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.fields.reason, "paid onto the wrong account")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.fields.reason, Qt.Key.Key_Return)  # Enter does not correct
    assert dialog.isVisible() and not dialog.busy

    with qtbot.waitSignal(dialog.corrected) as corrected:
        dialog.ok_button.click()
    correction = corrected.args[0]
    assert (correction.kind, correction.receipt_no, correction.voids_receipt_no) == (
        "correction", "01-00000002", "01-00000001")
    assert correction.amount_fen == -10200
    qtbot.waitUntil(lambda: len(tray.printed) == 1)
    text = pdf_text(tray.printed[0])
    assert "更正" in text and "01-00000002" in text
    assert "01-00000001" in page.message.text() and "01-00000002" in page.message.text()
    qtbot.waitUntil(lambda: page.receipt_model.rowCount() == 1)  # in the manager's session
    page.receipts.selectRow(0)
    assert not page.void_action.isEnabled()  # a correction is not voided

    page.correct()  # a second correction of the same receipt is refused, nothing written
    second = page.dialog
    assert isinstance(second, CorrectionDialog)
    qtbot.keyClicks(second.receipt_no, "01-00000001")
    qtbot.keyClick(second.receipt_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "01-00000002" in second.summary.text())
    assert second.found is None and not second.ok_button.isEnabled()


def test_the_service_refusal_shows_under_the_receipt_number(
    qtbot: QtBot, desk: Desk, manager_page: CashierPage,
) -> None:
    """Today's receipt is not corrected but voided; the service says so next to the number."""
    account = desk.billed_account("M2", 30)
    desk.clock.at = NEXT_DAY
    today = desk.pay_cash(manager_page.session.id if manager_page.session else 0, account,
                          10200, 10200, operator=desk.manager)
    manager_page.correct()
    dialog = manager_page.dialog
    assert isinstance(dialog, CorrectionDialog)
    qtbot.keyClicks(dialog.receipt_no, today.receipt_no)
    qtbot.keyClick(dialog.receipt_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.found is not None)
    qtbot.keyClicks(dialog.fields.reason, "wrong account")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.errors.text_of("receipt_no") != "")
    assert dialog.isVisible()
    assert len(desk.payments.payments_of(account_id=account)) == 1


def test_a_clerk_has_no_correction(
    qtbot: QtBot, desk: Desk, make_page: MakePage,
) -> None:
    desk.open(counter_no=COUNTER)
    page = make_page()
    assert not page.correction_action.isVisible()
    page.correct()
    assert page.dialog is None


def test_the_ic_dialog_offers_only_the_halls_tenders(
    qtbot: QtBot, desk: Desk, runner: TaskRunner,
) -> None:
    draft = sample_draft(meter=MeterDraft("IC1", MeterKind.IC_VOLUME))
    account = AccountService(desk.db, desk.clock).create(desk.hall.admin, draft).id
    dialog = IcPurchaseDialog(IcService(desk.db, desk.clock), desk.clerk, runner,
                              desk.payments.due(account), desk.open(), tenders=("cash", "alipay"))
    qtbot.addWidget(dialog)
    combo = dialog.tender
    assert [combo.itemData(i) for i in range(combo.count())] == ["cash", "alipay"]
