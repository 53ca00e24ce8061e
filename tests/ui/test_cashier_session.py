"""Cash sessions, reprint, void and unprinted receipts at the cash desk's page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.cashier import split_into_denominations
from app.domain.errors import DomainError
from app.domain.money import format_yuan
from tests.app.cashier_setup import CLERK_PASSWORD, MANAGER_PASSWORD, Desk
from ui.cashier.cash_move_dialog import CashMoveDialog
from ui.cashier.cashier_page import CashierPage
from ui.cashier.close_session_dialog import CloseSessionDialog
from ui.cashier.open_session_dialog import OpenSessionDialog
from ui.cashier.receipt_output import ReceiptPrinter
from ui.cashier.reprint_dialog import ReprintDialog
from ui.cashier.unprinted_dialog import UnprintedDialog, show_unprinted_if_any
from ui.cashier.void_dialog import VoidDialog
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

if TYPE_CHECKING:
    from tests.ui.cashier_fixtures import MakePage, PaperTray

pytest_plugins = ("tests.ui.cashier_fixtures", "tests.ui.theming")
SHOTS = Path(__file__).resolve().parents[2] / "shots"
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def paid_page(qtbot: QtBot, desk: Desk, make_page: MakePage) -> CashierPage:
    """A page whose open session has one cash payment of 102.00 (150.00 handed over)."""
    account = desk.billed_account("M1", 30)
    session_id = desk.open(counter_no=3)
    desk.pay_cash(session_id, account, 10200, 15000)
    page = make_page()
    qtbot.waitUntil(lambda: page.receipt_model.rowCount() == 1)
    page.receipts.selectRow(0)
    return page


def test_opening_a_session_with_a_float_counted_by_note_and_coin(
    qtbot: QtBot, desk: Desk, make_page: MakePage,
) -> None:
    page = make_page()
    assert page.session is None and page.open_action.isEnabled()
    assert not page.pay_action.isEnabled()
    assert "no cash session" in page.strip.text.text()
    page.open_session()
    dialog = page.dialog
    assert isinstance(dialog, OpenSessionDialog)
    qtbot.keyClicks(dialog.amount, "5.555")
    dialog.accept()
    assert dialog.errors.text_of("float") == error_text(DomainError.of("money.format"))
    dialog.by_count.setChecked(True)
    dialog.count.set_counts({10000: 4, 5000: 1, 1000: 4, 50: 2})  # 400 + 50 + 40 + 1
    assert dialog.amount.text() == "491.00"
    with qtbot.waitSignal(dialog.session_opened):
        dialog.accept()
    qtbot.waitUntil(lambda: page.session is not None)
    assert page.session is not None and page.session.float_fen == 49100
    assert "float 491.00 yuan" in page.strip.text.text()


def test_cash_out_with_a_reason(qtbot: QtBot, desk: Desk, make_page: MakePage) -> None:
    desk.open(counter_no=3)
    page = make_page()
    qtbot.waitUntil(lambda: page.session is not None)
    page.move_cash()
    dialog = page.dialog
    assert isinstance(dialog, CashMoveDialog)
    qtbot.keyClicks(dialog.amount, "600")
    qtbot.keyClicks(dialog.reason, "handed to the head cashier")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.general.isVisible() or dialog.errors.text_of("amount") != "")
    assert dialog.isVisible()  # more than the drawer holds: refused, stays open
    dialog.amount.setText("200")
    with qtbot.waitSignal(dialog.cash_moved):
        dialog.accept()


def test_blind_close_with_a_difference_needing_a_managers_approval(
    qtbot: QtBot, desk: Desk, make_page: MakePage, themed: QApplication,
) -> None:
    page = paid_page(qtbot, desk, make_page)  # float 500 + 102 taken = 602.00 expected
    page.close_session()
    dialog = page.dialog
    assert isinstance(dialog, CloseSessionDialog)
    dialog.count.set_counts(split_into_denominations(58000))  # 22.00 short
    shown = " ".join(label.text() for label in dialog.findChildren(type(dialog.intro))
                     if label.isVisible())
    assert "602.00" not in shown and "580.00" in shown  # blind: only what was counted
    dialog.grab().save(str(SHOTS / "c3_close_counting.png"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.approving)
    assert dialog.count.pieces[10000].isReadOnly()  # the count is locked
    dialog.manager.reason.setText("a 20 yuan note given as change twice")
    dialog.manager.username.setText("manager1")
    dialog.manager.password.setText("wrong-pass1")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.general.isVisible())
    assert dialog.close_result is None and dialog.manager.password.text() == ""
    dialog.manager.password.setText(MANAGER_PASSWORD)
    with qtbot.waitSignal(dialog.session_closed) as closed:
        dialog.accept()
    result = closed.args[0]
    assert (result.counted_fen, result.expected_fen, result.difference_fen) == (
        58000, 60200, -2200)
    assert dialog.expected_label.text() == "602.00"
    assert dialog.difference_label.text() == "-22.00"
    assert "manager1" in dialog.approved_label.text()
    dialog.grab().save(str(SHOTS / "c3_close_result.png"))
    qtbot.waitUntil(lambda: page.session is None)


def test_reprint_needs_a_reason_and_prints_the_stamped_copy(
    qtbot: QtBot, desk: Desk, make_page: MakePage, tray: PaperTray,
) -> None:
    page = paid_page(qtbot, desk, make_page)
    receipt = page.selected_receipt()
    assert receipt is not None
    page.reprint()
    dialog = page.dialog
    assert isinstance(dialog, ReprintDialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.fields.reason, "paper jammed")
    with qtbot.waitSignal(dialog.reprinted) as copy:
        dialog.accept()
    assert copy.args[0].copy_no == 1
    qtbot.waitUntil(lambda: len(tray.printed) == 1)
    text = pdf_text(tray.printed[0])
    assert "补打" in text and "1" in text and receipt.receipt_no in text
    assert "paper jammed" in text


def test_void_with_a_wrong_then_the_right_manager_password(
    qtbot: QtBot, desk: Desk, make_page: MakePage, tray: PaperTray,
) -> None:
    page = paid_page(qtbot, desk, make_page)
    original = page.selected_receipt()
    assert original is not None and page.void_action.isEnabled()
    page.void()
    dialog = page.dialog
    assert isinstance(dialog, VoidDialog)
    qtbot.keyClicks(dialog.fields.reason, "wrong account")
    qtbot.keyClicks(dialog.fields.username, "manager1")
    qtbot.keyClicks(dialog.fields.password, "not-the-password1")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.general.isVisible())
    assert dialog.isVisible() and dialog.fields.password.text() == ""
    assert "password" in dialog.general.text().lower() or "密码" in dialog.general.text()
    dialog.fields.username.setText("clerk1")  # the clerk cannot authorise their own void
    dialog.fields.password.setText(CLERK_PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.errors.text_of("manager") != "" or dialog.general.isVisible())
    assert dialog.isVisible()
    dialog.fields.username.setText("manager1")
    dialog.fields.password.setText(MANAGER_PASSWORD)
    with qtbot.waitSignal(dialog.voided) as voided:
        dialog.accept()
    void = voided.args[0]
    assert (void.kind, void.voids_receipt_no, void.amount_fen) == (
        "void", original.receipt_no, -10200)
    qtbot.waitUntil(lambda: len(tray.printed) == 1)
    text = pdf_text(tray.printed[0])
    assert void.receipt_no in text and original.receipt_no in text and "作废" in text
    qtbot.waitUntil(lambda: page.receipt_model.rowCount() == 2)
    qtbot.waitUntil(lambda: [r.receipt_no for r in desk.payments.unprinted(
        desk.clerk.hall_id)] == [original.receipt_no])  # the void's print is recorded
    page.receipts.selectRow(1)  # the original, now voided: no second void
    assert not page.void_action.isEnabled()
    assert format_yuan(-10200) in page.receipt_model.text(
        page.receipt_model.row_at(0), page.receipt_model.Column.AMOUNT)


def test_unprinted_receipts_are_listed_after_login_and_printed(
    qtbot: QtBot, desk: Desk, runner: TaskRunner, tray: PaperTray, tmp_path: Path,
) -> None:
    account = desk.billed_account("M1", 30, 60)
    session_id = desk.open(counter_no=3)
    first = desk.pay_cash(session_id, account, 10200, 10200,
                          bill_ids=(desk.payments.due(account).bills[0].bill_id,))
    second = desk.pay_cash(session_id, account, 10200, 20000)
    opened: list[UnprintedDialog] = []
    printer = ReceiptPrinter("Receipt roll", folder=tmp_path, print_fn=tray)
    host = QWidget()
    qtbot.addWidget(host)
    show_unprinted_if_any(host, desk.payments, desk.clerk, runner, printer, opened.append)
    qtbot.waitUntil(lambda: len(opened) == 1)
    dialog = opened[0]
    assert [r.receipt_no for r in dialog.receipts()] == [first.receipt_no, second.receipt_no]
    dialog.grab().save(str(SHOTS / "c3_unprinted.png"))
    tray.working = False
    dialog.print_selected()
    qtbot.waitUntil(lambda: "could not be printed" in dialog.message.text())
    assert len(dialog.receipts()) == 2
    tray.working = True
    dialog.print_all()
    qtbot.waitUntil(lambda: dialog.receipts() == [])
    assert desk.payments.unprinted(desk.clerk.hall_id) == []
    assert len(tray.printed) == 2
    dialog.close()
    none: list[UnprintedDialog] = []
    show_unprinted_if_any(host, desk.payments, desk.clerk, runner, printer, none.append)
    runner.wait_idle()
    qtbot.wait(50)
    assert none == []
