"""Reading an account at the cash desk and a receipt into the cashier's DTOs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.accounts import MeterKind
from app.domain.cashier import Tender, parse_tender_codes
from app.domain.errors import DomainError
from app.domain.identity import mask_name
from app.persistence.orm import (
    Account,
    Bill,
    BillLine,
    Customer,
    Hall,
    IcPurchase,
    Meter,
    Payment,
    PaymentBill,
    PaymentTender,
    User,
)
from app.persistence.repositories import cashier_queries as q
from app.persistence.repositories.billing_queries import open_bills
from app.persistence.repositories.ledger import ledger_sums
from app.services.cashier_dto import DueBill, DueView, ReceiptLine, ReceiptView

_IC_KINDS = (MeterKind.IC_VOLUME.value, MeterKind.IC_MONEY.value)
_Lines = tuple[tuple[ReceiptLine, ...], int | None, int | None, int | None]


@dataclass(frozen=True)
class HallFacts:
    """What a receipt needs of its hall."""

    id: int
    code: str
    name: str
    hotline: str


@dataclass(frozen=True)
class AccountFacts:
    """What paying needs of an account."""

    status: str
    account_no: str
    name: str
    address: str


def hall_facts(session: Session, hall_id: int) -> HallFacts:
    """Code, name and hotline of a hall."""
    hall = session.get_one(Hall, hall_id)
    return HallFacts(hall.id, hall.code, hall.name, hall.hotline)


def hall_tenders(session: Session, hall_id: int) -> tuple[Tender, ...]:
    """The tenders the hall offers (its setting, read fresh: a manager may change it)."""
    return parse_tender_codes(session.scalar(select(Hall.tenders).where(Hall.id == hall_id))
                              or "")


def account_facts(session: Session, account_id: int) -> AccountFacts | None:
    """Status, number, customer name and address of an account, in one query."""
    row = session.connection().execute(
        select(Account.status, Account.account_no, Customer.name, Account.address_text)
        .join(Customer, Customer.id == Account.customer_id).where(Account.id == account_id)
    ).one_or_none()
    return None if row is None else AccountFacts(*row)


def fresh_receipt(
    payment_id: int, row: dict[str, Any], hall: HallFacts, account: AccountFacts,
    clerk_name: str, tenders: tuple[tuple[str, int], ...], lines: _Lines,
) -> ReceiptView:
    """The receipt of a payment just written, from what the transaction had in hand."""
    return ReceiptView(
        payment_id=payment_id, receipt_no=row["receipt_no"], kind=row["kind"],
        voids_receipt_no=None, hall_name=hall.name, hall_hotline=hall.hotline, at=row["at"],
        counter_no=row["counter_no"], operator=clerk_name or row["operator"],
        account_no=account.account_no, name_masked=mask_name(account.name),
        address=account.address, due_fen=row["due_fen"], amount_fen=row["amount_fen"],
        tendered_fen=row["tendered_fen"], change_fen=row["change_fen"],
        balance_after_fen=row["balance_after_fen"], tenders=tenders, lines=lines[0],
        cumulative_litres=lines[1], tier_no=lines[2], tier_left_litres=lines[3],
        purchase_count=None, check_value=row["check_value"], reason=row["reason"],
    )


def due_view(session: Session, account_id: int) -> DueView:
    """An account with its outstanding bills (oldest first) and balance."""
    account = session.get(Account, account_id)
    if account is None:
        raise DomainError.of("payment.account_not_found")
    owed = open_bills(session, [account_id]).get(account_id, [])
    facts = {int(r[0]): r for r in session.execute(
        select(Bill.id, Bill.period_from, Bill.period_to, Bill.volume_litres)
        .where(Bill.id.in_([b.bill_id for b in owed])))} if owed else {}
    bills = tuple(DueBill(b.bill_id, facts[b.bill_id][1], facts[b.bill_id][2],
                          int(facts[b.bill_id][3]), b.total_fen, b.outstanding_fen, b.due_on)
                  for b in owed)
    balance = -ledger_sums(session, [account_id]).get(account_id, 0)
    is_ic = session.scalar(select(Meter.id).where(Meter.account_id == account_id,
                                                  Meter.kind.in_(_IC_KINDS)).limit(1))
    return DueView(account.id, account.account_no, mask_name(account.customer.name),
                   account.address_text, account.status, account.user_type, is_ic is not None,
                   bills, sum(b.outstanding_fen for b in bills), balance)


def load_receipt(session: Session, payment_id: int) -> ReceiptView:
    """Everything the receipt of a payment, IC purchase or void shows."""
    p = session.get(Payment, payment_id)
    if p is None:
        raise DomainError.of("payment.not_found")
    hall = session.get_one(Hall, p.hall_id)
    clerk = session.scalar(select(User.full_name).where(User.username == p.operator))
    account = session.execute(
        select(Account.account_no, Customer.name, Account.address_text)
        .join(Customer, Customer.id == Account.customer_id).where(Account.id == p.account_id)
    ).one()
    tenders = tuple((str(t), int(a)) for t, a in session.execute(
        select(PaymentTender.tender, PaymentTender.amount_fen)
        .where(PaymentTender.payment_id == p.id).order_by(PaymentTender.id)))
    bill_ids = list(dict.fromkeys(int(b) for b in session.scalars(
        select(PaymentBill.bill_id).where(PaymentBill.payment_id == p.id)
        .order_by(PaymentBill.id))))
    lines, cumulative, tier_no, tier_left = bill_lines(session, bill_ids)
    purchase_count = None
    ic = session.scalars(select(IcPurchase).where(IcPurchase.payment_id == p.id)).one_or_none()
    if ic is not None:
        lines = tuple(ReceiptLine("", None, int(t), int(litres), int(price), int(amount),
                                  "ic_tier") for t, litres, price, amount in ic.lines)
        cumulative, purchase_count = ic.cumulative_before + ic.litres, ic.purchase_count
    voids_no = None if p.voids_id is None else session.scalar(
        select(Payment.receipt_no).where(Payment.id == p.voids_id))
    return ReceiptView(
        payment_id=p.id, receipt_no=p.receipt_no, kind=p.kind, voids_receipt_no=voids_no,
        hall_name=hall.name, hall_hotline=hall.hotline, at=p.at, counter_no=p.counter_no,
        operator=clerk or p.operator, account_no=account[0], name_masked=mask_name(account[1]),
        address=account[2], due_fen=p.due_fen, amount_fen=p.amount_fen,
        tendered_fen=p.tendered_fen, change_fen=p.change_fen,
        balance_after_fen=p.balance_after_fen, tenders=tenders, lines=lines,
        cumulative_litres=cumulative, tier_no=tier_no, tier_left_litres=tier_left,
        purchase_count=purchase_count, check_value=p.check_value, copy_no=0, reason=p.reason,
        voided_by_receipt_no=q.voided_by(session, [p.id]).get(p.id),
    )


def bill_lines(session: Session, bill_ids: list[int]) -> _Lines:
    """Tier and late-fee lines of the bills paid; cumulative and tier after the newest one."""
    if not bill_ids:
        return (), None, None, None
    rows = session.connection().execute(
        select(BillLine.bill_id, BillLine.kind, BillLine.tier_no, BillLine.litres,
               BillLine.price, BillLine.amount_fen, BillLine.from_on, BillLine.to_on)
        .where(BillLine.bill_id.in_(bill_ids)).order_by(BillLine.bill_id, BillLine.seq)).all()
    lines = tuple(
        ReceiptLine(f"{f:%Y-%m-%d} ~ {t:%Y-%m-%d}" if f and t else "", int(b), tier,
                    int(litres), int(price), int(amount), str(kind))
        for b, kind, tier, litres, price, amount, f, t in rows)
    newest = session.execute(select(Bill.cumulative_litres, Bill.tier_no, Bill.tier_left_litres)
                             .where(Bill.id == max(bill_ids))).one()
    left = None if newest[2] is None else int(newest[2])
    return lines, int(newest[0]), int(newest[1]), left
