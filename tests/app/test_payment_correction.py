"""The hall's offered tenders (a setting) and a manager's correction after the day's close."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app.domain.cashier import Tender, split_into_denominations
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.persistence.db import Database
from app.persistence.orm import AuditEntry, DayClose, LedgerEntry, Payment
from app.persistence.repositories.ledger import verify_ledger_chain
from app.services.day_close_service import DayCloseService
from app.services.settings_service import SettingsService
from tests.app.cashier_setup import MANAGER_PASSWORD, Desk, make_desk
from tests.app.test_payment_service import draft, snapshot

CASH, POS, WECHAT = Tender.CASH.value, Tender.POS.value, Tender.WECHAT.value
NEXT_DAY = datetime(2026, 11, 24, 9, 0)


@pytest.fixture
def desk(any_db: Database, clock: FixedClock) -> Desk:
    return make_desk(any_db, clock)


def settings(desk: Desk) -> SettingsService:
    return SettingsService(desk.db, desk.clock)


def offer(desk: Desk, *codes: str) -> None:
    service = settings(desk)
    service.update_hall(desk.manager, replace(service.hall(desk.manager.hall_id),
                                              tenders=codes))


def close_day(desk: Desk, day: date) -> None:
    """The day's close as the desk sees it (the day-close service has its own tests)."""
    with desk.db.writing() as session:
        session.add(DayClose(hall_id=desk.clerk.hall_id, day=day, closed_at=desk.clock.now(),
                             closed_by="manager1", totals={}))


# --- tenders offered ------------------------------------------------------------------------


def test_a_hall_offers_every_tender_until_its_settings_say_otherwise(desk: Desk) -> None:
    hall_id = desk.manager.hall_id
    assert settings(desk).hall(hall_id).tenders == tuple(t.value for t in Tender)
    assert desk.payments.offered_tenders(hall_id) == tuple(Tender)

    offer(desk, WECHAT, CASH, WECHAT)  # any order, repeats: stored once in the counter's order
    assert settings(desk).hall(hall_id).tenders == (CASH, WECHAT)
    assert desk.payments.offered_tenders(hall_id) == (Tender.CASH, Tender.WECHAT)
    with desk.db.reading() as session:
        detail = session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "settings.changed")).one()
    assert '"tenders"' in detail


def test_cash_stays_offered_and_unknown_codes_are_refused(desk: Desk) -> None:
    service = settings(desk)
    before = service.hall(desk.manager.hall_id)
    with pytest.raises(DomainError) as caught:
        offer(desk, POS, WECHAT)
    assert [(p.key, p.field) for p in caught.value.problems] == [
        ("hall.cash_tender_required", "tenders")]
    with pytest.raises(DomainError) as caught:
        service.update_hall(desk.manager, replace(before, name=" ", tenders=(CASH, "bitcoin")))
    assert [p.key for p in caught.value.problems] == ["hall.name_required", "hall.unknown_tender"]
    assert service.hall(desk.manager.hall_id) == before


def test_a_tender_the_hall_does_not_offer_is_refused(desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    session_id = desk.open()
    offer(desk, CASH, WECHAT)
    before = snapshot(desk)
    with pytest.raises(DomainError, match="payment.bad_tender") as caught:
        desk.payments.pay(desk.clerk, draft(desk, session_id, account, 10200, (POS, 10200)))
    assert caught.value.problems[0].params == {"tender": POS}
    assert snapshot(desk) == before

    paid = desk.payments.pay(desk.clerk, draft(desk, session_id, account, 10200,
                                               (WECHAT, 5000), (CASH, 6000)))
    assert paid.tenders == ((WECHAT, 5000), (CASH, 5200))


# --- correction after the close ---------------------------------------------------------------


def test_correction_after_the_close_reverses_out_of_the_managers_session(desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    clerk_session = desk.open()
    paid = desk.pay_cash(clerk_session, account, 10200, 20000)
    manager_session = desk.open(desk.manager, counter_no=2)
    with pytest.raises(DomainError, match="payment.correct_use_void"):
        desk.payments.correct(desk.manager, paid.receipt_no, "typed wrong", manager_session)
    desk.cash.close_session(desk.manager, manager_session, split_into_denominations(50000))

    close_day(desk, date(2026, 11, 23))
    desk.clock.at = NEXT_DAY
    today_session = desk.open(desk.manager, counter_no=2, float_fen=50000)
    before = snapshot(desk)
    for operator, number, reason, session_id, key in (
        (desk.clerk, paid.receipt_no, "typed wrong", today_session, "auth.forbidden"),
        (desk.manager, paid.receipt_no, "  ", today_session, "payment.reason_required"),
        (desk.manager, "01-00000099", "typed wrong", today_session,
         "payment.receipt_not_found"),
        (desk.manager, paid.receipt_no, "typed wrong", manager_session,
         "payment.no_open_session"),
        (desk.manager, paid.receipt_no, "typed wrong", clerk_session, "cash.session_not_yours"),
    ):
        with pytest.raises(DomainError, match=key):
            desk.payments.correct(operator, number, reason, session_id)
    assert snapshot(desk) == before

    found = desk.payments.receipt_by_number(desk.manager.hall_id, "1")
    assert (found.receipt_no, found.amount_fen) == (paid.receipt_no, 10200)
    fixed = desk.payments.correct(desk.manager, f" {paid.receipt_no} ", " wrong account ",
                                  today_session)
    assert (fixed.kind, fixed.receipt_no, fixed.voids_receipt_no, fixed.reason) == (
        "correction", "01-00000002", paid.receipt_no, "wrong account")
    assert (fixed.amount_fen, fixed.tenders, fixed.change_fen) == (-10200, ((CASH, -10200),),
                                                                   -9800)
    assert fixed.balance_after_fen == -10200  # owed again: the right payment is a new one
    assert [b.outstanding_fen for b in desk.payments.due(account).bills] == [10200]
    assert desk.payments.receipt(paid.payment_id).voided_by_receipt_no == fixed.receipt_no
    with desk.db.reading() as session:
        row = session.get_one(Payment, fixed.payment_id)
        assert (row.session_id, row.counter_no, row.day, row.operator, row.authorised_by) == (
            today_session, 2, NEXT_DAY.date(), "manager1", "manager1")
        entry = session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "COR")).one()
        assert (entry.amount_fen, entry.ref) == (10200, fixed.receipt_no)
        assert fixed.check_value == entry.hash[:12]
        assert verify_ledger_chain(session).intact
        audited = session.scalars(select(AuditEntry.subject).where(
            AuditEntry.action == "payment.corrected")).all()
    assert audited == [f"payment:{paid.payment_id}"]

    sheet = DayCloseService(desk.db, desk.clock).sheet(desk.manager.hall_id, NEXT_DAY.date())
    refund = next(r for r in sheet.rows if r.label == "refund")
    assert (refund.count, refund.total_fen, refund.by_tender[CASH]) == (1, -10200, -10200)
    assert sheet.expected_cash_fen == 50000 - 10200
    closed = desk.cash.close_session(desk.manager, today_session,
                                     split_into_denominations(50000 - 10200))
    assert (closed.expected_fen, closed.difference_fen) == (39800, 0)


def test_no_second_correction_nor_one_of_a_void_or_a_correction(desk: Desk) -> None:
    account = desk.billed_account("M1", 30, 60)
    bills = [b.bill_id for b in desk.payments.due(account).bills]
    clerk_session = desk.open()
    first = desk.pay_cash(clerk_session, account, 10200, 10200, bill_ids=(bills[0],))
    second = desk.pay_cash(clerk_session, account, 10200, 10200, bill_ids=(bills[1],))
    void = desk.payments.void(desk.clerk, second.payment_id, "wrong amount", "manager1",
                              MANAGER_PASSWORD)
    close_day(desk, date(2026, 11, 23))
    desk.clock.at = NEXT_DAY
    session_id = desk.open(desk.manager, counter_no=2)
    fixed = desk.payments.correct(desk.manager, first.receipt_no, "wrong account", session_id)

    before = snapshot(desk)
    for number, key in ((first.receipt_no, "payment.already_corrected"),
                        (second.receipt_no, "payment.already_voided"),
                        (void.receipt_no, "payment.correct_reversal"),
                        (fixed.receipt_no, "payment.correct_reversal")):
        with pytest.raises(DomainError, match=key):
            desk.payments.correct(desk.manager, number, "again", session_id)
    assert snapshot(desk) == before


def test_receipt_lookup_by_number(desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    paid = desk.pay_cash(desk.open(), account, 10200, 10200)
    hall_id = desk.clerk.hall_id
    assert desk.payments.receipt_by_number(hall_id, f" {paid.receipt_no} ").payment_id == (
        paid.payment_id)
    assert desk.payments.receipt_by_number(hall_id, "00000001").payment_id == paid.payment_id
    with pytest.raises(DomainError, match="payment.receipt_not_found") as caught:
        desk.payments.receipt_by_number(hall_id, "2")
    assert (caught.value.problems[0].field, caught.value.problems[0].params) == (
        "receipt_no", {"receipt_no": "01-00000002"})
