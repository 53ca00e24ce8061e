"""Bills: late fees, reversal and re-billing, a price change or cycle start inside a period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.domain.accounts import GasUse, UserType
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.persistence.db import Database
from app.persistence.orm import Bill, BillLine, LedgerEntry
from app.persistence.repositories.ledger import ChainLinker, LedgerDraft, LedgerKind, entry_hash
from tests.app.test_reading_service import M3, NO_FEE, Hall, make_hall


@pytest.fixture
def hall(any_db: Database, clock: FixedClock) -> Hall:
    return make_hall(any_db, clock)


def test_late_fees_are_charged_on_gas_charges_never_on_late_fees(hall: Hall) -> None:
    # the commercial tariff: 3.40 yuan/m³ up to 370 m³, late fee 0.3 %/day after 10 grace days
    account_id, meter = hall.account("M1", user_type=UserType.NON_RESIDENTIAL,
                                     gas_use=GasUse.COMMERCIAL)
    hall.read(meter, date(2026, 1, 1), 0)
    first = hall.read(meter, date(2026, 3, 1), 100)  # 100 m³ × 3.40 = 340.00, due 11 March
    assert first.total_fen == 34000
    # 100 m³ more = 340.00; bill 1 is 51 days late (11 March - 1 May): 34000 × 0.3 % × 51 = 52.02
    second = hall.read(meter, date(2026, 5, 1), 200)
    assert second.total_fen == 34000 + 5202  # 392.02, due 11 May
    # nothing paid. 100 m³ more = 340.00, and late fees:
    #   bill 1, 1 May - 1 Jul (61 days): 34000 × 0.3 % × 61 = 62.22
    #   bill 2, 11 May - 1 Jul (51 days): outstanding 392.02 but only its gas charges 340.00
    #     count: 34000 × 0.3 % × 51 = 52.02 (a fee on its fee line would make it 39202 × 0.3 %
    #     × 51 = 59.98)
    third = hall.read(meter, date(2026, 7, 1), 300)
    assert third.total_fen == 34000 + 6222 + 5202
    with hall.db.reading() as session:
        lines = session.execute(
            select(BillLine.kind, BillLine.late_bill_id, BillLine.from_on, BillLine.to_on,
                   BillLine.days, BillLine.amount_fen)
            .where(BillLine.bill_id == third.bill_id).order_by(BillLine.seq)).all()
    assert [tuple(line) for line in lines] == [
        ("tier", None, date(2026, 5, 1), date(2026, 7, 1), None, 34000),
        ("late_fee", first.bill_id, date(2026, 5, 1), date(2026, 7, 1), 61, 6222),
        ("late_fee", second.bill_id, date(2026, 5, 11), date(2026, 7, 1), 51, 5202)]
    assert hall.billing.balance(account_id) == -(34000 + 39202 + 45424)


def test_reversal_negates_the_bill_and_the_reading_is_billed_again(hall: Hall) -> None:
    account_id, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    wrong = hall.read(meter, date(2026, 2, 1), 130)  # should have been 30
    with pytest.raises(DomainError, match="auth.forbidden"):
        hall.billing.reverse(hall.clerk, wrong.bill_id, "typo")
    with pytest.raises(DomainError, match="billing.reason_required"):
        hall.billing.reverse(hall.manager, wrong.bill_id, "")
    reversal = hall.billing.reverse(hall.manager, wrong.bill_id, "reader typed 130")
    assert (reversal.kind, reversal.reverses_id, reversal.total_fen, reversal.volume_litres) == (
        "reversal", wrong.bill_id, -wrong.total_fen, -130 * M3)
    assert [(line.litres, line.amount_fen) for line in reversal.lines] == [(-130 * M3, -44200)]
    assert reversal.cumulative_litres == 0
    with pytest.raises(DomainError, match="billing.already_reversed"):
        hall.billing.reverse(hall.manager, wrong.bill_id, "again")
    with pytest.raises(DomainError, match="billing.reversal_not_reversible"):
        hall.billing.reverse(hall.manager, reversal.id, "again")
    assert hall.billing.balance(account_id) == 0

    items = hall.readings.review_list(hall.hall_id)
    assert [(i.reading_id, i.flags) for i in items] == [(wrong.reading_id, ("reversed",))]
    again = hall.readings.correct(hall.manager, wrong.reading_id, 30 * M3, "reader typed 130")
    assert (again.total_fen, again.consumption_litres) == (10200, 30 * M3)
    history = hall.billing.history(account_id)
    assert [b.kind for b in history.bills] == ["bill", "reversal", "bill"]
    assert history.cumulative_litres == 30 * M3
    assert history.balance_fen == -10200
    with hall.db.reading() as session:
        kinds = session.scalars(select(LedgerEntry.kind).order_by(LedgerEntry.seq)).all()
    assert kinds == ["BLL", "COR", "BLL"]


def test_a_price_change_inside_the_period_splits_the_bill(hall: Hall) -> None:
    # from 1 March 2026 tier 1 costs 3.60: a reading period 1 Feb - 1 Apr (28 + 31 days)
    new_price = replace(NO_FEE, effective_from=date(2026, 3, 1), name="2026 调价",
                        tiers=(replace(NO_FEE.tiers[0], price=36000), *NO_FEE.tiers[1:]))
    hall.tariffs.add_version(hall.manager, new_price)
    with pytest.raises(DomainError, match="tariff.version_exists"):
        hall.tariffs.add_version(hall.manager, new_price)
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 2, 1), 0)
    outcome = hall.read(meter, date(2026, 4, 1), 59)  # 59 m³ over 59 days
    with hall.db.reading() as session:
        lines = session.execute(
            select(BillLine.from_on, BillLine.to_on, BillLine.litres, BillLine.price,
                   BillLine.amount_fen).where(BillLine.bill_id == outcome.bill_id)
            .order_by(BillLine.seq)).all()
    # 28 days at 3.40 (28 m³ = 95.20), 31 days at 3.60 (31 m³ = 111.60)
    assert [tuple(line) for line in lines] == [
        (date(2026, 2, 1), date(2026, 3, 1), 28 * M3, 34000, 9520),
        (date(2026, 3, 1), date(2026, 4, 1), 31 * M3, 36000, 11160)]
    assert outcome.total_fen == 9520 + 11160


def test_a_period_across_the_cycle_start_counts_in_both_cycles(hall: Hall) -> None:
    account_id, meter = hall.account("M1")
    hall.read(meter, date(2025, 12, 1), 0)
    outcome = hall.read(meter, date(2026, 1, 31), 61)  # 31 days in 2025, 30 in 2026
    with hall.db.reading() as session:
        cycles = session.execute(
            select(BillLine.cycle_start, BillLine.litres).where(
                BillLine.bill_id == outcome.bill_id).order_by(BillLine.seq)).all()
        bill = session.get_one(Bill, outcome.bill_id)
    assert [tuple(c) for c in cycles] == [(date(2025, 1, 1), 31 * M3), (date(2026, 1, 1), 30 * M3)]
    assert (bill.cycle_start, bill.cumulative_litres, bill.tier_left_litres) == (
        date(2026, 1, 1), 30 * M3, 340 * M3)


def test_history_has_24_months_the_tier_and_readings(hall: Hall) -> None:
    account_id, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    hall.read(meter, date(2026, 2, 1), 31)
    hall.read(meter, date(2026, 3, 1), 59)
    history = hall.billing.history(account_id)
    assert len(history.months) == 24 and history.months[-1].month == date(2026, 3, 1)
    assert [(p.month, p.litres) for p in history.months[-2:]] == [
        (date(2026, 2, 1), 31 * M3), (date(2026, 3, 1), 28 * M3)]
    assert history.thresholds == (370 * M3, 560 * M3)
    assert (history.cumulative_litres, history.tier.tier_no, history.tier.left_litres) == (
        59 * M3, 1, 311 * M3)
    assert [r.read_on for r in history.readings] == [
        date(2026, 3, 1), date(2026, 2, 1), date(2026, 1, 1)]


@pytest.mark.parametrize("operator, ref", [
    ("clerk1", "bill:12"), ("王师傅", "代扣"), ('a"b', "back\\slash"), ("tab\there", "\x7f\n"),
    ("", ""),
])
@pytest.mark.parametrize("bill_id", [None, 7])
def test_ledger_links_made_in_bulk_are_the_entry_hash(
    operator: str, ref: str, bill_id: int | None
) -> None:
    at = datetime(2026, 11, 23, 9, 0, 5, 123456)
    draft = LedgerDraft(1, 42, LedgerKind.BILL, -34000, bill_id, operator, ref)
    assert ChainLinker(at).link("ab" * 32, 9, draft) == entry_hash("ab" * 32, 9, at, draft)
