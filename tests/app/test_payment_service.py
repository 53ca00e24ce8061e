"""Payments: change, tenders, bills oldest first, check value, void, reprint; bad input refused."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.domain.accounts import AccountStatus
from app.domain.audit import ChainCheck
from app.domain.cashier import Tender
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.money import parse_yuan
from app.persistence.db import Database
from app.persistence.orm import (
    AuditEntry,
    Counter,
    DayClose,
    LedgerEntry,
    Payment,
    PaymentBill,
    PaymentTender,
    ReceiptPrint,
)
from app.persistence.repositories.ledger import verify_ledger_chain
from app.services.audit_service import AuditService
from app.services.cashier_dto import PaymentDraft, TenderDraft
from tests.app.cashier_setup import MANAGER_PASSWORD, Desk, make_desk

CASH, POS, WECHAT = Tender.CASH.value, Tender.POS.value, Tender.WECHAT.value


@pytest.fixture
def desk(any_db: Database, clock: FixedClock) -> Desk:
    return make_desk(any_db, clock)


def snapshot(desk: Desk) -> tuple[int, ...]:
    """Row counts of every money table and the receipt counter: equal means nothing changed."""
    with desk.db.reading() as session:
        counts = [int(session.scalar(select(func.count()).select_from(t)) or 0)
                  for t in (Payment, PaymentTender, PaymentBill, LedgerEntry, ReceiptPrint)]
        counter = session.scalar(select(Counter.value).where(Counter.name == "receipt")) or 0
    return (*counts, int(counter))


def draft(desk: Desk, session_id: int, account_id: int, amount: int,
          *tenders: tuple[str, int], bills: tuple[int, ...] | None = None,
          called_out: bool = True) -> PaymentDraft:
    return PaymentDraft(account_id, session_id, amount,
                        tuple(TenderDraft(t, a) for t, a in tenders), called_out, bills)


def test_cash_payment_with_change_settles_the_oldest_bill(desk: Desk) -> None:
    account = desk.billed_account("M1", 30, 60)  # two bills of 30 m³ × 3.40 = 102.00
    due = desk.payments.due(account)
    assert [b.outstanding_fen for b in due.bills] == [10200, 10200]
    assert (due.owed_fen, due.balance_fen, due.name_masked) == (20400, -20400, "张*")
    session_id = desk.open()

    receipt = desk.pay_cash(session_id, account, 10200, parse_yuan("150"),
                            bill_ids=(due.bills[0].bill_id,))

    assert receipt.receipt_no == "01-00000001"
    assert (receipt.amount_fen, receipt.tendered_fen, receipt.change_fen) == (10200, 15000, 4800)
    assert receipt.tenders == ((CASH, 10200),)  # the drawer keeps what was due
    assert receipt.balance_after_fen == -10200
    assert [(line.kind, line.tier_no, line.litres, line.amount_fen) for line in receipt.lines] == [
        ("tier", 1, 30000, 10200)]
    assert (receipt.cumulative_litres, receipt.tier_no, receipt.tier_left_litres) == (
        30000, 1, 340000)
    assert receipt.operator == "王小燕"
    assert [b.bill_id for b in desk.payments.due(account).bills] == [due.bills[1].bill_id]
    with desk.db.reading() as session:
        entry = session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "CHG")).one()
        assert (entry.amount_fen, entry.ref, entry.account_id) == (-10200, "01-00000001", account)
        assert receipt.check_value == entry.hash[:12]  # the chain vouches for the receipt
        assert verify_ledger_chain(session).intact


def test_tenders_mixed_card_and_cash_and_a_prepayment(desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    session_id = desk.open()
    # 150.00 onto the account: 100.00 by POS, cash 100.00 for the remaining 50.00
    receipt = desk.payments.pay(desk.clerk, draft(desk, session_id, account, 15000,
                                                  (POS, 10000), (CASH, 10000)))
    assert (receipt.change_fen, receipt.tendered_fen) == (5000, 20000)
    assert receipt.tenders == ((POS, 10000), (CASH, 5000))
    assert receipt.balance_after_fen == 15000 - 10200  # 48.00 credit
    assert desk.payments.due(account).bills == ()
    with desk.db.reading() as session:
        parts = session.execute(select(PaymentBill.amount_fen)).scalars().all()
    assert parts == [10200]  # the rest is a credit, on no bill
    fresh, _ = desk.hall.account("M2")
    prepaid = desk.payments.pay(desk.clerk, draft(desk, session_id, fresh, 5000, (WECHAT, 5000)))
    assert (prepaid.balance_after_fen, prepaid.lines, prepaid.receipt_no) == (
        5000, (), "01-00000002")


@pytest.mark.parametrize("text", ["abc", "12.345", "1,2,3.4.5", ""])
def test_typed_amounts_that_are_not_money_are_refused(text: str) -> None:
    with pytest.raises(DomainError, match="money.format"):
        parse_yuan(text)


def test_bad_payments_are_refused_with_a_clear_key_and_nothing_changes(desk: Desk) -> None:
    account = desk.billed_account("M1", 30, 60)
    bills = [b.bill_id for b in desk.payments.due(account).bills]
    other = desk.billed_account("M2", 10)
    other_bill = desk.payments.due(other).bills[0].bill_id
    closed, _ = desk.hall.account("M3", status=AccountStatus.CLOSED)
    session_id = desk.open()
    before = snapshot(desk)

    def refused(key: str, payment: PaymentDraft) -> None:
        with pytest.raises(DomainError) as error:
            desk.payments.pay(desk.clerk, payment)
        assert error.value.key == key
        assert snapshot(desk) == before

    refused("payment.amount_not_positive",
            draft(desk, session_id, account, parse_yuan("-5"), (CASH, 500)))
    refused("payment.amount_not_positive", draft(desk, session_id, account, 0, (CASH, 500)))
    refused("payment.not_called_out",
            draft(desk, session_id, account, 20400, (CASH, 20400), called_out=False))
    refused("payment.cash_short", draft(desk, session_id, account, 20400, (CASH, 20000)))
    refused("payment.cash_short",
            draft(desk, session_id, account, 20400, (POS, 10000), (CASH, 10000)))
    refused("payment.underpaid", draft(desk, session_id, account, 20400, (POS, 10000)))
    refused("payment.overpaid_card", draft(desk, session_id, account, 20400, (POS, 30000)))
    refused("payment.bad_tender", draft(desk, session_id, account, 20400, ("bitcoin", 20400)))
    refused("payment.tender_not_positive",
            draft(desk, session_id, account, 20400, (CASH, 30000), (POS, -100)))
    refused("payment.no_tender", draft(desk, session_id, account, 20400))
    refused("payment.account_closed", draft(desk, session_id, closed, 1000, (CASH, 1000)))
    refused("payment.account_not_found", draft(desk, session_id, 99999, 1000, (CASH, 1000)))
    refused("payment.no_open_session", draft(desk, 99999, account, 20400, (CASH, 20400)))
    refused("payment.less_than_bills", draft(desk, session_id, account, 20000, (CASH, 20000)))
    refused("payment.pay_oldest_first",
            draft(desk, session_id, account, 10200, (CASH, 10200), bills=(bills[1],)))
    refused("payment.bill_not_of_account",
            draft(desk, session_id, account, 10200, (CASH, 10200), bills=(other_bill,)))
    with pytest.raises(DomainError, match="cash.session_not_yours"):
        desk.payments.pay(desk.clerk2, draft(desk, session_id, account, 20400, (CASH, 20400)))
    assert snapshot(desk) == before

    desk.pay_cash(session_id, account, 10200, 10200, bill_ids=(bills[0],))
    before = snapshot(desk)
    refused("payment.bill_paid",  # the same bill a second time
            draft(desk, session_id, account, 10200, (CASH, 10200), bills=(bills[0],)))


def test_no_payment_without_an_open_session_of_today(desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    session_id = desk.open()
    desk.cash.close_session(desk.clerk, session_id, {10000: 5})
    with pytest.raises(DomainError, match="payment.no_open_session"):
        desk.pay_cash(session_id, account, 10200, 10200)
    yesterday = desk.open(counter_no=2)
    desk.clock.at = datetime(2026, 11, 24, 9, 0)
    with pytest.raises(DomainError, match="payment.session_of_other_day"):
        desk.pay_cash(yesterday, account, 10200, 10200)


def test_void_needs_a_manager_password_and_reverses_everything(desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    session_id = desk.open()
    paid = desk.pay_cash(session_id, account, 10200, 20000)
    before = snapshot(desk)

    with pytest.raises(DomainError, match="payment.reason_required"):
        desk.payments.void(desk.clerk, paid.payment_id, " ", "manager1", MANAGER_PASSWORD)
    with pytest.raises(DomainError, match="auth.bad_credentials_left"):
        desk.payments.void(desk.clerk, paid.payment_id, "wrong account", "manager1", "guess123")
    with pytest.raises(DomainError, match="auth.forbidden"):
        desk.payments.void(desk.clerk, paid.payment_id, "wrong account", "clerk2", "clerk123")
    with pytest.raises(DomainError, match="payment.void_other_session"):
        desk.payments.void(desk.clerk2, paid.payment_id, "wrong account", "manager1",
                           MANAGER_PASSWORD)
    assert snapshot(desk) == before
    with desk.db.reading() as session:
        failed = session.scalars(select(AuditEntry.actor).where(
            AuditEntry.action == "login.failed")).all()
    assert failed == ["manager1"]  # the wrong password counts against the manager

    void = desk.payments.void(desk.clerk, paid.payment_id, "wrong account", "manager1",
                              MANAGER_PASSWORD)
    assert (void.kind, void.receipt_no, void.voids_receipt_no) == (
        "void", "01-00000002", paid.receipt_no)
    assert (void.amount_fen, void.tenders, void.change_fen) == (-10200, ((CASH, -10200),), -9800)
    assert void.balance_after_fen == -10200  # owed again
    assert desk.payments.receipt(paid.payment_id).voided_by_receipt_no == void.receipt_no
    assert [b.outstanding_fen for b in desk.payments.due(account).bills] == [10200]
    with desk.db.reading() as session:
        entry = session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "COR")).one()
        assert (entry.amount_fen, entry.ref) == (10200, void.receipt_no)
        assert void.check_value == entry.hash[:12]
        assert session.scalar(select(Payment.authorised_by).where(
            Payment.id == void.payment_id)) == "manager1"
        assert session.scalars(select(AuditEntry.action).where(
            AuditEntry.action == "payment.voided")).all() == ["payment.voided"]

    before = snapshot(desk)
    for target, key in ((void.payment_id, "payment.void_of_void"),
                        (paid.payment_id, "payment.already_voided")):
        with pytest.raises(DomainError, match=key):
            desk.payments.void(desk.clerk, target, "again", "manager1", MANAGER_PASSWORD)
    assert snapshot(desk) == before


def test_no_void_after_the_day_is_closed_or_on_another_day(desk: Desk) -> None:
    account = desk.billed_account("M1", 30, 60)
    session_id = desk.open()
    first = desk.pay_cash(session_id, account, 10200, 10200, bill_ids=(
        desk.payments.due(account).bills[0].bill_id,))
    desk.clock.at = datetime(2026, 11, 24, 9, 0)
    with pytest.raises(DomainError, match="payment.void_other_day"):
        desk.payments.void(desk.clerk, first.payment_id, "late", "manager1", MANAGER_PASSWORD)
    with desk.db.writing() as session:
        session.add(DayClose(hall_id=desk.clerk.hall_id, day=date(2026, 11, 23),
                             closed_at=desk.clock.now(), closed_by="manager1", totals={}))
    before = snapshot(desk)
    with pytest.raises(DomainError, match="payment.day_closed"):
        desk.payments.void(desk.clerk, first.payment_id, "late", "manager1", MANAGER_PASSWORD)
    assert snapshot(desk) == before


def test_reprints_count_up_and_unprinted_receipts_are_listed(desk: Desk) -> None:
    account = desk.billed_account("M1", 30, 60)
    session_id = desk.open()
    bills = [b.bill_id for b in desk.payments.due(account).bills]
    first = desk.pay_cash(session_id, account, 10200, 10200, bill_ids=(bills[0],))
    second = desk.pay_cash(session_id, account, 10200, 10200, bill_ids=(bills[1],))
    hall_id = desk.clerk.hall_id
    assert [r.receipt_no for r in desk.payments.unprinted(hall_id)] == [
        first.receipt_no, second.receipt_no]
    desk.payments.record_printed(desk.clerk, first.payment_id)
    desk.payments.record_printed(desk.clerk, first.payment_id)  # once is enough
    assert [r.payment_id for r in desk.payments.unprinted(hall_id)] == [second.payment_id]

    with pytest.raises(DomainError, match="receipt.reason_required"):
        desk.payments.reprint(desk.clerk, first.payment_id, "")
    copy1 = desk.payments.reprint(desk.clerk, first.payment_id, "paper jam")
    copy2 = desk.payments.reprint(desk.clerk, first.payment_id, "customer lost it")
    assert [(c.copy_no, c.reason) for c in (copy1, copy2)] == [
        (1, "paper jam"), (2, "customer lost it")]
    assert copy2.receipt_no == first.receipt_no
    with desk.db.reading() as session:
        copies = session.scalars(select(ReceiptPrint.copy_no).order_by(ReceiptPrint.id)).all()
        audited = session.scalars(select(AuditEntry.action).where(
            AuditEntry.action == "receipt.reprinted")).all()
    assert copies == [0, 1, 2]
    assert len(audited) == 2
    assert len(desk.payments.payments_of(session_id=session_id)) == 2
    assert [r.receipt_no for r in desk.payments.payments_of(account_id=account)] == [
        second.receipt_no, first.receipt_no]


def test_every_receipt_is_vouched_for_by_the_ledger_and_a_changed_one_shows(
    desk: Desk,
) -> None:
    account = desk.billed_account("M1", 30, 30)
    session_id = desk.open()
    first = desk.pay_cash(session_id, account, 10200, 20000)
    desk.payments.void(desk.clerk, first.payment_id, "wrong account", "manager1",
                       MANAGER_PASSWORD)
    desk.pay_cash(session_id, account, 20400, 20400)
    assert AuditService(desk.db).verify_receipts() == ChainCheck(3, None)
    if desk.db.kind != "sqlite":
        return  # tampering needs the trigger dropped; one engine shows the check works
    path = desk.db.engine.url.database or ""
    desk.db.dispose()
    tamperer = sqlite3.connect(path)
    tamperer.execute("DROP TRIGGER payments_no_update")
    tamperer.execute("UPDATE payments SET amount_fen = 100 WHERE receipt_seq = 3")
    tamperer.commit()
    assert AuditService(desk.db).verify_receipts() == ChainCheck(2, 3, "amount_changed")
    tamperer.execute("UPDATE payments SET amount_fen = 20400, check_value = 'abc' "
                     "WHERE receipt_seq = 3")
    tamperer.commit()
    tamperer.close()
    assert AuditService(desk.db).verify_receipts() == ChainCheck(2, 3, "check_value_mismatch")
