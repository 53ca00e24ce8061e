"""IC-card purchases: tier split on the annual cumulative by volume and by amount, credit first,
purchase counts per meter, receipt and ledger, card write after the commit, refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.domain.accounts import AccountStatus, MeterDraft, MeterKind
from app.domain.cashier import Tender
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.tariff import TierLine
from app.persistence.db import Database
from app.persistence.orm import AuditEntry, Counter, IcPurchase, LedgerEntry, Payment
from app.persistence.repositories.ledger import verify_ledger_chain
from app.services.account_service import AccountService
from app.services.card_writer import CardImage, CardWriteFailed
from app.services.cashier_dto import PaymentDraft, TenderDraft
from app.services.ic_service import IcService
from tests.app.cashier_setup import DAY, MANAGER_PASSWORD, Desk, make_desk
from tests.conftest import sample_draft

M3 = 1000
CASH, POS = Tender.CASH.value, Tender.POS.value
# 东莞 (tests/app/test_reading_service.py): 0-370 m³ 3.40, 370-560 m³ 4.08, above 5.10
T1, T2, T3 = 34000, 40800, 51000


class FlakyWriter:
    """A card writer that fails the first ``failures`` writes and keeps every image it got."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.images: list[CardImage] = []

    def write(self, image: CardImage) -> None:
        self.images.append(image)
        if self.failures:
            self.failures -= 1
            raise CardWriteFailed("no card in the reader")


@pytest.fixture
def desk(any_db: Database, clock: FixedClock) -> Desk:
    return make_desk(any_db, clock)


def ic_account(desk: Desk, meter_no: str, kind: MeterKind = MeterKind.IC_VOLUME,
               **changes: object) -> tuple[int, int]:
    draft = sample_draft(meter=MeterDraft(meter_no, kind), **changes)
    detail = AccountService(desk.db, desk.clock).create(desk.hall.admin, draft)
    return detail.id, detail.meters[0].id


def cash(fen: int) -> tuple[TenderDraft, ...]:
    return (TenderDraft(CASH, fen),)


def snapshot(desk: Desk) -> tuple[int, ...]:
    with desk.db.reading() as session:
        counts = [int(session.scalar(select(func.count()).select_from(t)) or 0)
                  for t in (Payment, IcPurchase, LedgerEntry)]
        counter = session.scalar(select(Counter.value).where(Counter.name == "receipt")) or 0
    return (*counts, int(counter))


def billed_ic_account(desk: Desk, meter_no: str, billed_m3: int) -> int:
    """An IC account whose meter was read and billed ``billed_m3`` this cycle (owed, unpaid)."""
    account, meter = ic_account(desk, meter_no)
    desk.hall.read(meter, date(2026, 1, 1), 0)
    for n in range(1, 6):  # five two-monthly bills, none high enough to go to review
        outcome = desk.hall.read(meter, date(2026, 1 + 2 * n, 1), billed_m3 * n / 5)
        assert outcome.state == "billed"  # type: ignore[attr-defined]
    desk.clock.at = DAY
    return account


def test_by_volume_the_split_starts_from_billed_plus_bought_volume(desk: Desk) -> None:
    account = billed_ic_account(desk, "IC1", 300)  # bill: 300 m³ × 3.40 = 1,020.00 owed
    ic = IcService(desk.db, desk.clock)
    session_id = desk.open()
    first = ic.purchase(desk.clerk, account, session_id, 50 * M3, cash(17000), True)
    assert first.receipt.purchase_count == 1 and first.receipt.due_fen == 17000  # 50 × 3.40

    quote = ic.quote(account, litres=30 * M3)  # cumulative 300 + 50 = 350 m³ before

    # 20 m³ up to the 370 m³ threshold at 3.40 = 68.00, 10 m³ at 4.08 = 40.80
    assert quote.lines == (TierLine(1, 20 * M3, T1, 6800), TierLine(2, 10 * M3, T2, 4080))
    assert (quote.total_fen, quote.due_fen, quote.balance_used_fen) == (10880, 10880, 0)
    assert quote.balance_fen == -102000  # arrears stay on their bill, untouched
    assert (quote.cumulative_before, quote.cumulative_after) == (350 * M3, 380 * M3)
    assert (quote.tier_no, quote.tier_left_litres) == (2, 180 * M3)
    assert (quote.purchase_count, quote.cycle_start, quote.cycle_end) == (
        2, date(2026, 1, 1), date(2026, 12, 31))
    assert quote.amount_fen is None


def test_by_amount_the_most_whole_m3_the_money_buys(desk: Desk) -> None:
    account = billed_ic_account(desk, "IC1", 350)
    ic = IcService(desk.db, desk.clock)
    # 100.00: 20 m³ × 3.40 = 68.00 leaves 32.00, 7 m³ × 4.08 = 28.56 (8 would be 32.64)
    quote = ic.quote(account, amount_fen=10000)
    assert quote.litres == 27 * M3
    assert quote.lines == (TierLine(1, 20 * M3, T1, 6800), TierLine(2, 7 * M3, T2, 2856))
    assert (quote.total_fen, quote.due_fen, quote.amount_fen) == (9656, 9656, 10000)
    # exactly the price of 27 m³ buys 27 m³; a fen less buys 26
    assert ic.quote(account, amount_fen=9656).litres == 27 * M3
    assert ic.quote(account, amount_fen=9655).litres == 26 * M3
    with pytest.raises(DomainError) as error:
        ic.quote(account, amount_fen=339)  # less than one m³ at 3.40
    assert (error.value.key, error.value.problems[0].params["price"]) == ("ic.amount_too_small",
                                                                         340)


def test_credit_pays_first_and_a_void_gives_it_back(desk: Desk) -> None:
    account, _ = ic_account(desk, "IC1")
    session_id = desk.open()
    desk.payments.pay(desk.clerk, PaymentDraft(account, session_id, 5000, cash(5000), True))
    ic = IcService(desk.db, desk.clock)

    # 100.00 in hand plus the 50.00 credit: 44 m³ × 3.40 = 149.60 (45 m³ would be 153.00)
    quote = ic.quote(account, amount_fen=10000)
    assert (quote.litres, quote.total_fen, quote.balance_used_fen, quote.due_fen) == (
        44 * M3, 14960, 5000, 9960)
    bought = ic.purchase(desk.clerk, account, session_id, quote.litres, cash(10000), True,
                         due_fen=quote.due_fen)
    receipt = bought.receipt
    assert (receipt.due_fen, receipt.tendered_fen, receipt.change_fen) == (9960, 10000, 40)
    assert (receipt.amount_fen, receipt.balance_after_fen) == (-5000, 0)
    assert desk.ledger_sum(account) == 0

    desk.payments.void(desk.clerk, receipt.payment_id, "wrong account", "manager1",
                       MANAGER_PASSWORD)
    assert desk.ledger_sum(account) == -5000  # the credit is back
    again = ic.quote(account, litres=10 * M3)
    assert (again.cumulative_before, again.purchase_count) == (0, 2)  # the count is not reused
    # 10 m³ = 34.00, all paid from the 50.00 credit: nothing to pay, no tender
    assert (again.due_fen, again.balance_used_fen) == (0, 3400)
    with pytest.raises(DomainError, match="ic.nothing_to_pay"):
        ic.purchase(desk.clerk, account, session_id, 10 * M3, cash(100), True)
    free = ic.purchase(desk.clerk, account, session_id, 10 * M3, (), True)
    assert (free.receipt.due_fen, free.receipt.tenders, free.receipt.balance_after_fen) == (
        0, (), 1600)
    assert desk.ledger_sum(account) == -1600
    with desk.db.reading() as session:
        assert verify_ledger_chain(session).intact


def test_purchase_writes_receipt_lines_ledger_pair_and_counts_per_meter(desk: Desk) -> None:
    account = billed_ic_account(desk, "IC1", 350)
    other, _ = ic_account(desk, "IC2", MeterKind.IC_MONEY)
    writer = FlakyWriter()
    ic = IcService(desk.db, desk.clock, writer)
    session_id = desk.open()

    result = ic.purchase(desk.clerk, account, session_id, 30 * M3,
                         (TenderDraft(POS, 5000), TenderDraft(CASH, 10000)), True, ticket_id=7)

    receipt = result.receipt
    assert result.card_written and result.card_error == ""
    assert (receipt.kind, receipt.receipt_no, receipt.purchase_count) == (
        "ic_purchase", "01-00000001", 1)
    assert (receipt.due_fen, receipt.tendered_fen, receipt.change_fen) == (10880, 15000, 4120)
    assert receipt.tenders == ((POS, 5000), (CASH, 5880))
    assert [(x.kind, x.tier_no, x.litres, x.price, x.amount_fen) for x in receipt.lines] == [
        ("ic_tier", 1, 20 * M3, T1, 6800), ("ic_tier", 2, 10 * M3, T2, 4080)]
    assert receipt.cumulative_litres == 380 * M3
    assert receipt.balance_after_fen == -119000  # the 350 m³ bill is still owed
    with desk.db.reading() as session:
        entries = session.execute(select(LedgerEntry.kind, LedgerEntry.amount_fen,
                                         LedgerEntry.ref, LedgerEntry.hash)
                                  .where(LedgerEntry.ref == "01-00000001")
                                  .order_by(LedgerEntry.seq)).all()
        row = session.scalars(select(IcPurchase)).one()
        payment = session.get_one(Payment, receipt.payment_id)
        assert verify_ledger_chain(session).intact
    assert [(k, a) for k, a, _, _ in entries] == [("BLL", 10880), ("CHG", -10880)]
    assert receipt.check_value == entries[-1][3][:12]
    assert desk.ledger_sum(account) == 119000  # the purchase paid for itself
    assert (row.cycle_start, row.cumulative_before, row.litres, row.amount_fen) == (
        date(2026, 1, 1), 350 * M3, 30 * M3, 10880)
    assert row.lines == [[1, 20 * M3, T1, 6800], [2, 10 * M3, T2, 4080]]
    assert (payment.kind, payment.ticket_id, payment.called_out) == ("ic_purchase", 7, True)

    second = ic.purchase(desk.clerk, account, session_id, 1 * M3, cash(500), True)
    money = ic.purchase(desk.clerk, other, session_id, 2 * M3, cash(680), True)
    assert second.receipt.purchase_count == 2 and second.receipt.receipt_no == "01-00000002"
    assert money.receipt.purchase_count == 1  # counted per meter
    # the card image: volume meter in litres, money meter in fen, the household's tier table
    volume_card, money_card = writer.images[1], writer.images[2]
    assert (volume_card.buy_count, volume_card.gas, volume_card.gas_unit) == (2, 1000, "litres")
    assert (money_card.card_no, money_card.meter_kind, money_card.gas, money_card.gas_unit) == (
        "IC2", "ic_money", 680, "fen")
    assert volume_card.prices.prices == (T1, T2, T3)
    assert volume_card.prices.ladder_litres == (370 * M3, 560 * M3)
    assert (volume_card.cycle_start, volume_card.cycle_length_months) == (date(2026, 1, 1), 12)


def test_a_failed_card_write_keeps_the_purchase_and_can_be_retried(desk: Desk) -> None:
    account, _ = ic_account(desk, "IC1")
    writer = FlakyWriter(failures=1)
    ic = IcService(desk.db, desk.clock, writer)
    session_id = desk.open()

    failed = ic.purchase(desk.clerk, account, session_id, 10 * M3, cash(3400), True)

    assert (failed.card_written, failed.card_error) == (False, "no card in the reader")
    assert failed.receipt.receipt_no == "01-00000001"  # committed all the same
    retried = ic.rewrite(desk.clerk, failed.purchase_id)
    assert retried.card_written and retried.receipt.receipt_no == "01-00000001"
    assert writer.images[0] == writer.images[1]  # the same card image, written again
    with desk.db.reading() as session:
        actions = session.scalars(select(AuditEntry.action)
                                  .where(AuditEntry.action.like("ic.%"))
                                  .order_by(AuditEntry.seq)).all()
    assert actions == ["ic.card_write_failed", "ic.card_written"]

    ic.purchase(desk.clerk, account, session_id, 10 * M3, cash(3400), True)
    with pytest.raises(DomainError, match="ic.not_latest_purchase"):
        ic.rewrite(desk.clerk, failed.purchase_id)  # the meter only takes the newest count
    with pytest.raises(DomainError, match="ic.purchase_not_found"):
        ic.rewrite(desk.clerk, 999)


def test_bad_purchases_are_refused_and_nothing_changes(desk: Desk) -> None:
    account, _ = ic_account(desk, "IC1")
    plain, _ = desk.hall.account("M1")  # a mechanical meter
    closed, _ = ic_account(desk, "IC2", status=AccountStatus.CLOSED)
    ic = IcService(desk.db, desk.clock)
    session_id = desk.open()
    before = snapshot(desk)

    def refused(key: str, account_id: int = account, litres: int = 10 * M3,
                tenders: tuple[TenderDraft, ...] = cash(5000), called_out: bool = True,
                session: int = session_id, due_fen: int | None = None) -> None:
        with pytest.raises(DomainError) as error:
            ic.purchase(desk.clerk, account_id, session, litres, tenders, called_out,
                        due_fen=due_fen)
        assert error.value.key == key
        assert snapshot(desk) == before

    refused("ic.not_ic_meter", account_id=plain)
    refused("payment.account_closed", account_id=closed)
    refused("payment.account_not_found", account_id=9999)
    refused("ic.volume_not_positive", litres=0)
    refused("ic.volume_not_positive", litres=-M3)
    refused("ic.volume_whole_m3", litres=1500)
    refused("ic.volume_too_large", litres=10000 * M3)
    refused("payment.not_called_out", called_out=False)
    refused("payment.no_open_session", session=session_id + 100)
    refused("payment.cash_short", tenders=cash(3399))  # 10 m³ is 34.00
    refused("payment.overpaid_card", tenders=(TenderDraft(POS, 3500),))
    refused("ic.price_changed", due_fen=3000)
    with pytest.raises(DomainError, match="ic.not_ic_meter"):
        ic.quote(plain, litres=M3)
    with pytest.raises(DomainError, match="payment.amount_not_positive"):
        ic.quote(account, amount_fen=0)
    with pytest.raises(ValueError, match="either"):
        ic.quote(account, litres=M3, amount_fen=100)
    desk.cash.close_session(desk.clerk, session_id, {10000: 5})
    refused("payment.no_open_session")
