"""IC purchase dialog: 30 m³ typed by keyboard, the tier split shown, called out, F12 commits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.domain.accounts import MeterDraft, MeterKind
from app.domain.cashier import Tender
from app.domain.clock import FixedClock
from app.persistence.db import Database
from app.persistence.orm import Payment
from app.services.account_service import AccountService
from app.services.card_writer import CardImage, CardWriteFailed
from app.services.cashier_dto import TenderDraft
from app.services.ic_service import IcPurchaseResult, IcService
from tests.app.cashier_setup import Desk, make_desk
from tests.conftest import sample_draft
from ui.cashier.ic_purchase_dialog import IcPurchaseDialog, Step
from ui.common.announcer import RecordingAnnouncer
from ui.common.task_runner import TaskRunner

M3 = 1000

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


class OnceBrokenWriter:
    """Fails the first card write, then writes."""

    def __init__(self) -> None:
        self.writes = 0

    def write(self, image: CardImage) -> None:
        self.writes += 1
        if self.writes == 1:
            raise CardWriteFailed("no card in the reader")


@pytest.fixture
def desk(db: Database, clock: FixedClock) -> Desk:
    return make_desk(db, clock)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    qapp.processEvents()


def open_dialog(qtbot: QtBot, desk: Desk, runner: TaskRunner, ic: IcService,
                announcer: RecordingAnnouncer | None = None) -> IcPurchaseDialog:
    """An IC account that bought 350 m³ this cycle, at the desk with the clerk's session open."""
    draft = sample_draft(meter=MeterDraft("IC1", MeterKind.IC_VOLUME))
    account = AccountService(desk.db, desk.clock).create(desk.hall.admin, draft).id
    session_id = desk.open()
    ic.purchase(desk.clerk, account, session_id, 350 * M3,
                (TenderDraft(Tender.CASH.value, 119000),), True)
    dialog = IcPurchaseDialog(ic, desk.clerk, runner, desk.payments.due(account), session_id,
                              announcer=announcer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def rows(dialog: IcPurchaseDialog) -> list[tuple[str, ...]]:
    table = dialog.lines
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def test_buy_30_m3_by_keyboard_see_the_tier_split_and_commit_with_f12(
        qtbot: QtBot, desk: Desk, runner: TaskRunner) -> None:
    announcer = RecordingAnnouncer()
    dialog = open_dialog(qtbot, desk, runner, IcService(desk.db, desk.clock), announcer)

    qtbot.keyClicks(dialog.quantity, "30")
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 2)
    # cumulative 350 m³: 20 m³ to the 370 m³ threshold at 3.40, then 10 m³ at 4.08
    assert rows(dialog) == [("Tier 1", "20", "3.40", "68.00"), ("Tier 2", "10", "4.08", "40.80")]
    assert "350 → 380 m³" in dialog.summary.text()
    assert "tier 2, 180 m³ left in it" in dialog.summary.text()
    assert "purchase No. 2" in dialog.summary.text()
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)  # on to the money handed over
    assert dialog.focusWidget() is dialog.tendered
    qtbot.keyClicks(dialog.tendered, "110")
    assert dialog.figure_texts() == ("108.80", "110.00", "1.20")

    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)  # call out
    assert dialog.step is Step.CALLING_OUT and not dialog.quantity.isEnabled()
    assert announcer.texts == ["Gas 30 cubic metres, amount due 108.80 yuan, received 110.00 "
                               "yuan, change 1.20 yuan, please count it"]
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter never confirms
    assert dialog.step is Step.CALLING_OUT
    with qtbot.waitSignal(dialog.purchase_recorded) as recorded:
        qtbot.keyClick(dialog, Qt.Key.Key_F12)

    result = recorded.args[0]
    assert isinstance(result, IcPurchaseResult) and result.card_written
    receipt = result.receipt
    assert (receipt.purchase_count, receipt.due_fen, receipt.change_fen) == (2, 10880, 120)
    assert [(x.tier_no, x.litres, x.amount_fen) for x in receipt.lines] == [
        (1, 20 * M3, 6800), (2, 10 * M3, 4080)]
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_by_amount_and_a_failed_card_write_offers_to_write_again(
        qtbot: QtBot, desk: Desk, runner: TaskRunner) -> None:
    writer = OnceBrokenWriter()
    dialog = open_dialog(qtbot, desk, runner, IcService(desk.db, desk.clock, writer))
    writer.writes = 0  # the set-up purchase wrote once

    qtbot.mouseClick(dialog.by_amount, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.quantity, "100")
    qtbot.waitUntil(lambda: dialog.lines.rowCount() == 2)
    assert rows(dialog)[1] == ("Tier 2", "7", "4.08", "28.56")  # 27 m³ for 96.56
    dialog.tendered.setFocus()
    qtbot.keyClicks(dialog.tendered, "100")
    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.purchase_recorded):
        qtbot.keyClick(dialog, Qt.Key.Key_F12)

    qtbot.waitUntil(lambda: dialog.step is Step.CARD_PENDING)
    assert "no card in the reader" in dialog.message.text()
    assert dialog.rewrite_button.isVisible() and dialog.isVisible()
    with desk.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 2  # recorded
    qtbot.mouseClick(dialog.rewrite_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert writer.writes == 2
