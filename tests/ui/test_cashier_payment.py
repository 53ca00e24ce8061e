"""The cash desk's payment: keyboard only, 唱收唱付 figures, mirror and voice, F12, receipt PDF."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.config import resource_path
from app.domain.errors import DomainError
from app.domain.queue import TicketStatus
from app.persistence.orm import Payment, ReceiptPrint
from app.services.dto import TicketInfo
from app.services.settings_service import SettingsService
from tests.app.cashier_setup import Desk
from ui.cashier.call_out import Figures, call_out_text
from ui.cashier.cashier_page import CashierPage
from ui.cashier.payment_dialog import PaymentDialog, Step
from ui.common.announcer import RecordingAnnouncer
from ui.common.messages import error_text
from ui.events import AppEvents

if TYPE_CHECKING:
    from tests.ui.cashier_fixtures import MakePage, PaperTray

pytest_plugins = ("tests.ui.cashier_fixtures", "tests.ui.theming")
SHOTS = Path(__file__).resolve().parents[2] / "shots"
QT_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing|setParent)"
pytestmark = pytest.mark.qt_log_ignore(QT_NOISE)


def payments(desk: Desk) -> int:
    with desk.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(Payment)) or 0)


def printed_copies(desk: Desk) -> list[int]:
    with desk.db.reading() as session:
        return [int(c) for c in session.scalars(select(ReceiptPrint.copy_no))]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def activate(qtbot: QtBot, widget: object) -> None:
    with qtbot.waitActive(widget):  # keyboard shortcuts need the active window
        widget.activateWindow()  # type: ignore[attr-defined]


def ready_page(qtbot: QtBot, desk: Desk, make_page: MakePage, *m3: float) -> CashierPage:
    """A page with the clerk's session open and an account (bills of ``m3``) at the desk."""
    account = desk.billed_account("M1", *m3)
    desk.cash.open_session(desk.clerk, 3, 50000)
    page = make_page()
    qtbot.waitUntil(lambda: page.session is not None)
    page.show_account(account)
    qtbot.waitUntil(lambda: page.due_view.due is not None)
    return page


def open_payment(qtbot: QtBot, page: CashierPage, keys: str = "F9") -> PaymentDialog:
    activate(qtbot, page)
    key = Qt.Key.Key_F9
    modifier = Qt.KeyboardModifier.ShiftModifier if keys == "Shift+F9" else \
        Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(page.due_view.table, key, modifier)
    qtbot.waitUntil(lambda: isinstance(page.dialog, PaymentDialog) and page.dialog.isVisible())
    dialog = page.dialog
    assert isinstance(dialog, PaymentDialog)
    activate(qtbot, dialog)
    return dialog


def test_cash_prepayment_with_change_typed_by_keyboard_enter_never_commits_f12_does(
    qtbot: QtBot, desk: Desk, make_page: MakePage, tray: PaperTray, themed: QApplication,
) -> None:
    page = ready_page(qtbot, desk, make_page)  # a new account: nothing owed
    assert page.due_view.due is not None and page.due_view.due.bills == ()
    page.grab().save(str(SHOTS / "c3_cashier_page_empty.png"))
    dialog = open_payment(qtbot, page, "Shift+F9")
    amount = dialog.amount_field
    amount.selectAll()
    qtbot.keyClicks(amount, "123.45")
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # on to the cash field
    assert dialog.step is Step.ENTERING and dialog.focusWidget() is dialog.tenders.cash_field
    qtbot.keyClicks(dialog.tenders.cash_field, "200")

    assert dialog.figure_texts() == ("123.45", "200.00", "76.55")
    mirror = page.mirror
    assert mirror is not None and mirror.isVisible()
    assert mirror.figure_texts() == ("¥ 123.45", "¥ 200.00", "¥ 76.55")

    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)  # call out
    assert dialog.step is Step.CALLING_OUT
    announcer = page.announcer
    assert isinstance(announcer, RecordingAnnouncer)
    assert announcer.texts == [
        "Amount due 123.45 yuan, received 200.00 yuan, change 76.55 yuan, please count it"]
    dialog.grab().save(str(SHOTS / "c3_payment_dialog.png"))
    mirror.grab().save(str(SHOTS / "c3_payment_mirror.png"))
    for _ in range(3):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter never commits
    qtbot.wait(50)
    assert payments(desk) == 0 and dialog.isVisible()

    with qtbot.waitSignal(page.payment_recorded) as recorded:
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
    receipt = recorded.args[0]
    assert (receipt.amount_fen, receipt.tendered_fen, receipt.change_fen) == (12345, 20000, 7655)
    assert receipt.balance_after_fen == 12345
    assert not dialog.isVisible()
    assert mirror.figure_texts() == ("¥ 123.45", "¥ 200.00", "¥ 76.55")
    qtbot.waitUntil(lambda: printed_copies(desk) == [0])  # printed, then recorded
    text = pdf_text(tray.printed[0])
    for expected in (receipt.receipt_no, "123.45", "200.00", "76.55"):
        assert expected in text
    assert tray.names == ["Receipt roll"]
    qtbot.waitUntil(lambda: page.receipt_model.rowCount() == 1)
    assert receipt.receipt_no in page.message.text()


def test_paying_the_ticked_bills_prints_their_tier_lines(
    qtbot: QtBot, desk: Desk, make_page: MakePage, tray: PaperTray, themed: QApplication,
) -> None:
    page = ready_page(qtbot, desk, make_page, 30, 60)  # two bills of 102.00
    model = page.due_view.model
    assert len(model.ticked()) == 2 and page.due_view.chosen.text() == "204.00"
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)  # the newer bill waits
    assert page.due_view.chosen.text() == "102.00"
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert model.ticked() == []  # unticking the older one unticks nothing newer left
    model.setData(model.index(1, 0), Qt.CheckState.Checked.value,
                  Qt.ItemDataRole.CheckStateRole)
    assert len(model.ticked()) == 2  # ticking the newer ticks the older one too
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value,
                  Qt.ItemDataRole.CheckStateRole)
    page.grab().save(str(SHOTS / "c3_cashier_page.png"))

    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, "150")
    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.payment_recorded) as recorded:
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
    receipt = recorded.args[0]
    assert (receipt.amount_fen, receipt.change_fen) == (10200, 4800)
    qtbot.waitUntil(lambda: len(tray.printed) == 1)
    text = pdf_text(tray.printed[0])
    assert receipt.receipt_no in text and "102.00" in text and "48.00" in text
    assert "30 m³ × 3.40" in text  # the bill's tier line
    qtbot.waitUntil(lambda: page.due_view.due is not None
                    and len(page.due_view.due.bills) == 1)


def test_cash_short_is_refused_with_the_services_message_and_nothing_is_lost(
    qtbot: QtBot, desk: Desk, make_page: MakePage,
) -> None:
    page = ready_page(qtbot, desk, make_page, 30)  # 102.00
    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, "100")
    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)
    assert dialog.step is Step.ENTERING
    short = DomainError.of("payment.cash_short", "tenders", short=200)
    assert dialog.message.text() == error_text(short) and dialog.message.isVisible()
    assert dialog.tenders.cash_field.text() == "100"  # nothing lost
    qtbot.keyClick(dialog, Qt.Key.Key_F12)  # not called out: F12 does nothing
    qtbot.wait(50)
    assert payments(desk) == 0
    assert isinstance(page.announcer, RecordingAnnouncer) and page.announcer.texts == []


@pytest.mark.parametrize("typed", ["abc", "-5", "12.345"])
def test_bad_amounts_get_the_money_message_under_the_field(
    qtbot: QtBot, desk: Desk, make_page: MakePage, typed: str,
) -> None:
    page = ready_page(qtbot, desk, make_page, 30)
    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, typed)
    money = error_text(DomainError.of("money.format"))
    assert dialog.tenders.error_of(0) == money
    assert dialog.figure_texts()[1] == "0.00"
    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)
    assert dialog.step is Step.ENTERING and payments(desk) == 0


def test_card_and_cash_tenders_with_a_reference(
    qtbot: QtBot, desk: Desk, make_page: MakePage,
) -> None:
    page = ready_page(qtbot, desk, make_page, 30)  # 102.00
    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, "10")
    qtbot.keyClick(dialog, Qt.Key.Key_F4)  # another tender: a bank card (POS)
    assert len(dialog.tenders.rows) == 2 and dialog.tenders.rows[1].tender == "pos"
    card = dialog.tenders.rows[1]
    assert dialog.focusWidget() is card.amount
    qtbot.keyClicks(card.amount, "100")
    qtbot.keyClicks(card.reference, "POS 889901")
    assert dialog.figure_texts() == ("102.00", "110.00", "8.00")
    qtbot.keyClick(card.amount, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.payment_recorded) as recorded:
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
    assert recorded.args[0].tenders == (("cash", 200), ("pos", 10000))


def test_without_a_printer_nothing_is_printed_and_the_receipt_stays_unprinted(
    qtbot: QtBot, desk: Desk, make_page: MakePage, tray: PaperTray,
) -> None:
    account = desk.billed_account("M1", 30)
    desk.cash.open_session(desk.clerk, 3, 50000)
    page = make_page(printer="")
    qtbot.waitUntil(lambda: page.session is not None)
    page.show_account(account)
    qtbot.waitUntil(lambda: page.due_view.due is not None)
    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, "102")
    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.payment_recorded):
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
    assert tray.printed == [] and printed_copies(desk) == []
    assert len(desk.payments.unprinted(desk.clerk.hall_id)) == 1
    assert "has no printer" in page.message.text()


# --- the words of 唱收唱付 ---------------------------------------------------------------------


class _Chinese(QTranslator):
    """The call-out text as the zh_CN translation gives it (independent of the .qm's state)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if context == "CallOut" and source.startswith("Amount due {due}"):
            return "您本次应缴燃气费 {due} 元，收您 {tendered} 元，找您 {change} 元，请当面点清"
        return None  # not translated: the source text stays


@pytest.fixture
def chinese_words(qapp: QApplication) -> Iterator[None]:
    translator = _Chinese()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_call_out_text_in_english(qapp: QApplication) -> None:
    assert call_out_text(Figures(123456, 130000, 6544)) == (
        "Amount due 1234.56 yuan, received 1300.00 yuan, change 65.44 yuan, please count it")


def test_call_out_text_in_chinese_fills_the_translations_placeholders(
    chinese_words: None,
) -> None:
    assert call_out_text(Figures(12345, 20000, 7655)) == (
        "您本次应缴燃气费 123.45 元，收您 200.00 元，找您 76.55 元，请当面点清")


def test_call_out_text_in_the_shipped_chinese_translation(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "gashall_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        text = call_out_text(Figures(12345, 20000, 7655))
    finally:
        QCoreApplication.removeTranslator(translator)
    if text.startswith("Amount due"):
        pytest.skip("the zh_CN translation does not have the call-out text yet")
    assert text == "您本次应缴燃气费 123.45 元，收您 200.00 元，找您 76.55 元，请当面点清"


def test_the_dialog_speaks_chinese_when_the_translation_is_chinese(
    qtbot: QtBot, desk: Desk, make_page: MakePage, chinese_words: None,
) -> None:
    page = ready_page(qtbot, desk, make_page, 30)
    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, "200")
    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_F11)  # say it again
    assert isinstance(page.announcer, RecordingAnnouncer)
    assert page.announcer.texts == [
        "您本次应缴燃气费 102.00 元，收您 200.00 元，找您 98.00 元，请当面点清"] * 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # back to the tenders, nothing committed
    assert dialog.step is Step.ENTERING and dialog.isVisible()
    assert dialog.tenders.cash_field.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and payments(desk) == 0


def test_the_served_tickets_account_opens_and_its_rating_is_offered_after_paying(
    qtbot: QtBot, desk: Desk, make_page: MakePage,
) -> None:
    account = desk.billed_account("M1", 30)
    account_no = desk.payments.due(account).account_no
    desk.cash.open_session(desk.clerk, 3, 50000)
    events = AppEvents()
    finished: list[bool] = []
    page = make_page(events=events, finish_visit=lambda: finished.append(True))
    qtbot.waitUntil(lambda: page.session is not None)
    ticket = TicketInfo(7, "A007", 1, "缴费", TicketStatus.SERVING, False, account_no, 3,
                        desk.clock.now(), desk.clock.now(), desk.clock.now(), None, 0, 5, None)
    events.set_visit(ticket)
    qtbot.waitUntil(lambda: page.due_view.due is not None)
    dialog = open_payment(qtbot, page)
    qtbot.keyClicks(dialog.tenders.cash_field, "102")
    qtbot.keyClick(dialog.tenders.cash_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(page.payment_recorded):
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
    with desk.db.reading() as session:
        assert session.scalar(select(Payment.ticket_id)) == 7  # the visit thread
    assert page.offer_button.isVisible() and "A007" in page.offer_button.text()
    page.offer_button.click()
    assert finished == [True] and not page.offer_button.isVisible()


def test_the_tender_box_lists_only_the_tenders_the_hall_offers(
    qtbot: QtBot, desk: Desk, make_page: MakePage,
) -> None:
    settings = SettingsService(desk.db, desk.clock)
    settings.update_hall(desk.manager, replace(settings.hall(desk.manager.hall_id),
                                               tenders=("cash", "wechat")))
    page = ready_page(qtbot, desk, make_page, 30)
    qtbot.waitUntil(lambda: page.offered == ("cash", "wechat"))
    dialog = open_payment(qtbot, page)
    kind = dialog.tenders.rows[0].kind
    assert [kind.itemData(i) for i in range(kind.count())] == ["cash", "wechat"]
    assert [kind.itemText(i) for i in range(kind.count())] == ["Cash", "WeChat Pay"]
    qtbot.keyClick(dialog, Qt.Key.Key_F4)
    assert dialog.tenders.rows[1].tender == "wechat"  # the next one offered, not the card
