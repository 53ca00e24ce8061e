"""Payments at the counter (收费): what is due, pay with a gapless receipt, void, correct, reprint.

A payment is one write transaction: the ledger head is locked first (so that two counters
cannot both settle the same bill), then the hall's receipt counter is bumped, the CHG ledger
entry appended and the payment, its tenders and bill allocations inserted. The receipt's check
value is the start of that ledger entry's hash, so the chain vouches for every receipt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain.accounts import AccountStatus
from app.domain.cashier import (
    PaymentKind,
    Tender,
    TenderLike,
    check_value,
    receipt_number,
    settle_tenders,
)
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.numbering import next_number
from app.persistence.orm import (
    Bill,
    CashSession,
    ChainHead,
    Payment,
    PaymentBill,
    PaymentTender,
    ReceiptPrint,
)
from app.persistence.repositories import cashier_queries as q
from app.persistence.repositories.billing_queries import OpenBill, open_bills, reversed_ids
from app.persistence.repositories.ledger import (
    LEDGER_CHAIN,
    LedgerDraft,
    LedgerKind,
    append_ledger,
    ledger_sums,
    lock_ledger_head,
)
from app.services.auth_service import AuthService
from app.services.cashier_dto import DueView, PaymentDraft, ReceiptView, TenderDraft
from app.services.dto import Operator
from app.services.payment_views import (
    AccountFacts,
    account_facts,
    bill_lines,
    due_view,
    fresh_receipt,
    hall_facts,
    hall_tenders,
    load_receipt,
)

RECEIPT_SERIES = "receipt"
RECEIPT_PERIOD = "all"  # never reset (DOMAIN.md §12.3)
MAX_AMOUNT_FEN = 100_000_000  # one million yuan: more is a typing mistake
VOIDABLE = (PaymentKind.PAYMENT.value, PaymentKind.IC_PURCHASE.value)  # also: correctable


class PaymentService:
    """The cash desk's payments, voids, receipts and prints."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # --- reading ---------------------------------------------------------------------------

    def due(self, account_id: int) -> DueView:
        """An account at the desk: masked name, outstanding bills (oldest first), balance."""
        with self._db.reading() as session:
            return due_view(session, account_id)

    def receipt(self, payment_id: int) -> ReceiptView:
        """Everything the receipt of a payment (or void) shows."""
        with self._db.reading() as session:
            return load_receipt(session, payment_id)

    def receipt_by_number(self, hall_id: int, receipt_no: str) -> ReceiptView:
        """The receipt with this number in the hall ("01-00000042"; "42" means the same).

        Raises DomainError ``payment.receipt_not_found`` (field ``receipt_no``) when there is
        none.
        """
        text = receipt_no.strip().upper()
        with self._db.reading() as session:
            if text.isdigit() and len(text) <= 8:
                text = receipt_number(hall_facts(session, hall_id).code, int(text))
            payment_id = q.payment_id_of(session, hall_id, text)
            if payment_id is None:
                raise DomainError.of("payment.receipt_not_found", "receipt_no", receipt_no=text)
            return load_receipt(session, payment_id)

    def offered_tenders(self, hall_id: int) -> tuple[Tender, ...]:
        """The tenders the hall's settings offer at the desk, in the counter's order."""
        with self._db.reading() as session:
            return hall_tenders(session, hall_id)

    def unprinted(self, hall_id: int) -> list[ReceiptView]:
        """Receipts committed but never sent to the printer (crash, printer off), oldest first."""
        with self._db.reading() as session:
            return [load_receipt(session, i) for i in q.unprinted_ids(session, hall_id)]

    def payments_of(
        self, *, session_id: int | None = None, account_id: int | None = None, limit: int = 500
    ) -> list[ReceiptView]:
        """Receipts of a cash session or of an account, newest first."""
        query = select(Payment.id).order_by(Payment.id.desc()).limit(limit)
        if session_id is not None:
            query = query.where(Payment.session_id == session_id)
        if account_id is not None:
            query = query.where(Payment.account_id == account_id)
        with self._db.reading() as session:
            return [load_receipt(session, int(i)) for i in session.scalars(query)]

    # --- paying ----------------------------------------------------------------------------

    def pay(self, operator: Operator, draft: PaymentDraft) -> ReceiptView:
        """Commit a payment the clerk confirmed was called out (唱收唱付); return its receipt.

        Raises DomainError ``payment.*`` / ``cash.*`` with nothing changed when a rule is broken.
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        if not draft.called_out:
            raise DomainError.of("payment.not_called_out")
        if draft.amount_fen > MAX_AMOUNT_FEN:
            raise DomainError.of("payment.amount_too_large", "amount", max=MAX_AMOUNT_FEN)
        amount, change = settle_tenders(draft.amount_fen, draft.tenders)
        now = self._clock.now()
        with self._db.writing() as session:
            lock_ledger_head(session)  # first: bills read below cannot change under us
            cash_session = payable_session(session, operator, draft.session_id, now.date())
            hall = hall_facts(session, cash_session.hall_id)
            require_offered(session, hall.id, draft.tenders)
            account = _payable_account(session, draft.account_id)
            bills = open_bills(session, [draft.account_id]).get(draft.account_id, [])
            allocations = _allocate(session, draft.account_id, bills, draft.bill_ids, amount)
            owed = ledger_sums(session, [draft.account_id]).get(draft.account_id, 0)
            seq = next_number(session, hall.id, RECEIPT_SERIES, RECEIPT_PERIOD)
            receipt_no = receipt_number(hall.code, seq)
            digest = _append_entry(session, now, LedgerDraft(
                hall.id, draft.account_id, LedgerKind.PAYMENT, -amount, None,
                operator.username, receipt_no))
            tenders = net_tenders(draft.tenders, change)
            row = dict(
                hall_id=hall.id, receipt_seq=seq, receipt_no=receipt_no,
                kind=PaymentKind.PAYMENT.value, voids_id=None, session_id=cash_session.id,
                account_id=draft.account_id, ticket_id=draft.ticket_id, day=now.date(), at=now,
                counter_no=cash_session.counter_no, operator=operator.username, due_fen=amount,
                amount_fen=amount, tendered_fen=sum(t.amount_fen for t in draft.tenders),
                change_fen=change, balance_after_fen=amount - owed, called_out=True, reason="",
                authorised_by="", check_value=check_value(digest))
            payment_id = insert_payment(session, row)
            insert_tenders(session, payment_id, tenders)
            _insert_bills(session, payment_id, allocations)
            lines = bill_lines(session, list(dict.fromkeys(b for b, _ in allocations)))
        return fresh_receipt(payment_id, row, hall, account, operator.full_name,
                             tuple((t, a) for t, a, _ in tenders), lines)

    def _next_receipt(self, session: Session, hall_id: int) -> str:
        code = hall_facts(session, hall_id).code
        return receipt_number(code, next_number(session, hall_id, RECEIPT_SERIES, RECEIPT_PERIOD))

    # --- void, reprint, print --------------------------------------------------------------

    def void(
        self, operator: Operator, payment_id: int, reason: str, manager_username: str,
        manager_password: str,
    ) -> ReceiptView:
        """作废: a reversing payment (negative, its own receipt number) and a COR ledger entry.

        Same business day, same open session, by its clerk, with a reason and another person's
        manager password; never after the day is closed, never twice, never of a void.
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        reason = reason.strip()
        if not reason:
            raise DomainError.of("payment.reason_required", "reason")
        today = self._clock.now().date()
        with self._db.reading() as session:
            _voidable(session, operator, payment_id, today)
        if manager_username.strip() == operator.username:
            raise DomainError.of("payment.authoriser_is_clerk", "manager")
        manager = AuthService(self._db, self._clock).authorise(
            manager_username, manager_password, Permission.AUTHORISE_VOIDS)
        now = self._clock.now()
        with self._db.writing() as session:
            lock_ledger_head(session)
            original = _voidable(session, operator, payment_id, now.date())
            void_id = self._insert_reversal(
                session, now, operator, original, PaymentKind.VOID,
                session.get_one(CashSession, original.session_id), reason, manager.username)
            append_audit(session, now, operator.username, "payment.voided",
                         f"payment:{original.id}", {
                             "receipt_no": original.receipt_no, "void_id": void_id,
                             "amount_fen": original.amount_fen, "reason": reason,
                             "authorised_by": manager.username}, operator.hall_id)
        return self.receipt(void_id)

    def correct(
        self, operator: Operator, receipt_no: str, reason: str, session_id: int
    ) -> ReceiptView:
        """更正: a manager reverses a payment whose day is already closed (日结).

        Like a void, a new payments row of kind "correction" with its own receipt number,
        negated tenders and bill allocations and a COR ledger entry; the money goes back out of
        the manager's own open session of today (its cash lowers that drawer's expected cash)
        and shows under refunds/corrections on today's close sheet. Taking the right amount
        again is an ordinary new payment. The manager's own authority is the approval, so the
        permission is the one that authorises voids (``AUTHORISE_VOIDS``) and no second
        password is asked. Before the day's close a payment is voided instead
        (``payment.correct_use_void``); never a second time, never of a void or correction.
        """
        require(operator.role, Permission.AUTHORISE_VOIDS)
        reason = reason.strip()
        if not reason:
            raise DomainError.of("payment.reason_required", "reason")
        now = self._clock.now()
        with self._db.writing() as session:
            lock_ledger_head(session)  # first: a second correction waits, then finds this one
            original = _correctable(session, operator, receipt_no.strip())
            cash_session = payable_session(session, operator, session_id, now.date())
            correction_id = self._insert_reversal(
                session, now, operator, original, PaymentKind.CORRECTION, cash_session, reason,
                operator.username)
            append_audit(session, now, operator.username, "payment.corrected",
                         f"payment:{original.id}", {
                             "receipt_no": original.receipt_no, "correction_id": correction_id,
                             "day": original.day.isoformat(), "amount_fen": original.amount_fen,
                             "reason": reason, "session_id": cash_session.id},
                         operator.hall_id)
        return self.receipt(correction_id)

    def _insert_reversal(
        self, session: Session, now: datetime, operator: Operator, original: Payment,
        kind: PaymentKind, cash_session: CashSession, reason: str, manager: str,
    ) -> int:
        """The void or correction of ``original``, written into ``cash_session``."""
        receipt_no = self._next_receipt(session, original.hall_id)
        owed = ledger_sums(session, [original.account_id]).get(original.account_id, 0)
        digest = _append_entry(session, now, LedgerDraft(
            original.hall_id, original.account_id, LedgerKind.REVERSAL, original.amount_fen,
            None, operator.username, receipt_no))
        reversal_id = insert_payment(session, dict(
            hall_id=original.hall_id, receipt_seq=int(receipt_no.rsplit("-", 1)[1]),
            receipt_no=receipt_no, kind=kind.value, voids_id=original.id,
            session_id=cash_session.id, account_id=original.account_id, ticket_id=None,
            day=now.date(), at=now, counter_no=cash_session.counter_no,
            operator=operator.username,
            due_fen=-original.due_fen, amount_fen=-original.amount_fen,
            tendered_fen=-original.tendered_fen, change_fen=-original.change_fen,
            balance_after_fen=-(owed + original.amount_fen), called_out=False,
            reason=reason[:200], authorised_by=manager, check_value=check_value(digest)))
        tenders = session.execute(select(PaymentTender.tender, PaymentTender.amount_fen,
                                         PaymentTender.reference)
                                  .where(PaymentTender.payment_id == original.id)
                                  .order_by(PaymentTender.id)).all()
        insert_tenders(session, reversal_id, [(t, -a, r) for t, a, r in tenders])
        parts = session.execute(select(PaymentBill.bill_id, PaymentBill.amount_fen)
                                .where(PaymentBill.payment_id == original.id)
                                .order_by(PaymentBill.id)).all()
        _insert_bills(session, reversal_id, [(int(b), -int(a)) for b, a in parts])
        return reversal_id

    def reprint(self, operator: Operator, payment_id: int, reason: str) -> ReceiptView:
        """补打: record the n-th copy with its reason (audited); the view carries ``copy_no``."""
        require(operator.role, Permission.TAKE_PAYMENTS)
        reason = reason.strip()
        if not reason:
            raise DomainError.of("receipt.reason_required", "reason")
        now = self._clock.now()
        with self._db.writing() as session:
            found = session.scalars(select(Payment.receipt_no).where(Payment.id == payment_id)
                                    .with_for_update()).one_or_none()
            if found is None:
                raise DomainError.of("payment.not_found")
            copy_no = (q.last_copy_no(session, payment_id) or 0) + 1
            session.add(ReceiptPrint(payment_id=payment_id, at=now, copy_no=copy_no,
                                     reason=reason[:200], operator=operator.username))
            append_audit(session, now, operator.username, "receipt.reprinted",
                         f"payment:{payment_id}",
                         {"receipt_no": found, "copy_no": copy_no, "reason": reason},
                         operator.hall_id)
        return replace(self.receipt(payment_id), copy_no=copy_no, reason=reason[:200])

    def record_printed(self, operator: Operator, payment_id: int) -> None:
        """The original (copy 0) went to the printer; does nothing if already recorded."""
        now = self._clock.now()
        with self._db.writing() as session:
            if session.get(Payment, payment_id) is None:
                raise DomainError.of("payment.not_found")
            if q.last_copy_no(session, payment_id) is None:
                session.add(ReceiptPrint(payment_id=payment_id, at=now, copy_no=0, reason="",
                                         operator=operator.username))


# --- checks --------------------------------------------------------------------------------


def payable_session(
    session: Session, operator: Operator, session_id: int, today: date
) -> CashSession:
    """The operator's open session of today that may take money; DomainError otherwise."""
    row = session.get(CashSession, session_id)
    if row is None or row.hall_id != operator.hall_id:
        raise DomainError.of("payment.no_open_session")
    if row.state != "open":
        raise DomainError.of("payment.no_open_session")
    if row.user_id != operator.user_id:
        raise DomainError.of("cash.session_not_yours")
    if row.day != today:
        raise DomainError.of("payment.session_of_other_day", day=row.day.isoformat())
    if q.day_closed(session, row.hall_id, today):
        raise DomainError.of("payment.day_closed", day=today.isoformat())
    return row


def require_offered(session: Session, hall_id: int, tenders: Sequence[TenderLike]) -> None:
    """Refuse a tender the hall's settings do not offer (DomainError ``payment.bad_tender``)."""
    offered = hall_tenders(session, hall_id)
    for tender in tenders:
        if tender.tender not in offered:
            raise DomainError.of("payment.bad_tender", "tenders", tender=tender.tender)


def _payable_account(session: Session, account_id: int) -> AccountFacts:
    account = account_facts(session, account_id)
    if account is None:
        raise DomainError.of("payment.account_not_found")
    if account.status == AccountStatus.CLOSED.value:
        raise DomainError.of("payment.account_closed")
    return account


def _allocate(
    session: Session, account_id: int, bills: list[OpenBill], chosen: tuple[int, ...] | None,
    amount: int,
) -> list[tuple[int, int]]:
    """Bill allocations of a payment: oldest first; what is left is a prepayment credit.

    The ledger settles the oldest bills first, so chosen bills must be the oldest open ones
    (先欠先缴) and the amount must cover them.
    """
    open_ids = [b.bill_id for b in bills]
    if chosen is None:
        count = len(bills)
    else:
        wanted = set(chosen)
        missing = wanted - set(open_ids)
        if missing:
            _not_open(session, account_id, sorted(missing))
        count = len(wanted)
        if set(open_ids[:count]) != wanted:
            raise DomainError.of("payment.pay_oldest_first", "bills", bill_id=open_ids[0])
    need = sum(b.outstanding_fen for b in bills[:count])
    if amount < need:
        raise DomainError.of("payment.less_than_bills", "amount", owed=need)
    parts: list[tuple[int, int]] = []
    left = amount
    for bill in bills:
        part = min(left, bill.outstanding_fen)
        if part <= 0:
            break
        parts.append((bill.bill_id, part))
        left -= part
    return parts


def _not_open(session: Session, account_id: int, bill_ids: list[int]) -> None:
    rows = session.execute(select(Bill.id, Bill.account_id, Bill.kind)
                           .where(Bill.id.in_(bill_ids))).all()
    found = {int(r[0]): r for r in rows}
    for bill_id in bill_ids:
        row = found.get(bill_id)
        if row is None or row[1] != account_id:
            raise DomainError.of("payment.bill_not_of_account", "bills", bill_id=bill_id)
    gone = reversed_ids(session, [account_id])
    for bill_id in bill_ids:
        if found[bill_id][2] != "bill" or bill_id in gone:
            raise DomainError.of("payment.bill_reversed", "bills", bill_id=bill_id)
    raise DomainError.of("payment.bill_paid", "bills", bill_id=bill_ids[0])


def _voidable(session: Session, operator: Operator, payment_id: int, today: date) -> Payment:
    payment = session.get(Payment, payment_id)
    if payment is None or payment.hall_id != operator.hall_id:
        raise DomainError.of("payment.not_found")
    if payment.kind == PaymentKind.VOID.value:
        raise DomainError.of("payment.void_of_void")
    if payment.kind not in VOIDABLE:
        raise DomainError.of("payment.not_voidable")
    if q.voided_by(session, [payment.id]):
        raise DomainError.of("payment.already_voided")
    if q.day_closed(session, payment.hall_id, payment.day):
        raise DomainError.of("payment.day_closed", day=payment.day.isoformat())
    if payment.day != today:
        raise DomainError.of("payment.void_other_day")
    cash_session = session.get_one(CashSession, payment.session_id)
    if cash_session.state != "open":
        raise DomainError.of("payment.void_session_closed")
    if cash_session.user_id != operator.user_id:
        raise DomainError.of("payment.void_other_session")
    return payment


def _correctable(session: Session, operator: Operator, receipt_no: str) -> Payment:
    payment_id = q.payment_id_of(session, operator.hall_id, receipt_no)
    if payment_id is None:
        raise DomainError.of("payment.receipt_not_found", "receipt_no", receipt_no=receipt_no)
    payment = session.get_one(Payment, payment_id)
    if payment.kind not in VOIDABLE:
        raise DomainError.of("payment.correct_reversal", "receipt_no", kind=payment.kind)
    reversed_by = q.reversal_kind(session, payment.id)
    if reversed_by == PaymentKind.CORRECTION.value:
        raise DomainError.of("payment.already_corrected", "receipt_no")
    if reversed_by is not None:
        raise DomainError.of("payment.already_voided", "receipt_no")
    if not q.day_closed(session, payment.hall_id, payment.day):
        raise DomainError.of("payment.correct_use_void", "receipt_no",
                             day=payment.day.isoformat())
    return payment


# --- writing -------------------------------------------------------------------------------


def _append_entry(session: Session, at: datetime, draft: LedgerDraft) -> str:
    """Append one ledger entry; return its hash (the chain head's, now)."""
    append_ledger(session, at, [draft])
    return session.get_one(ChainHead, LEDGER_CHAIN).hash


_INSERT_PAYMENT = insert(Payment).returning(Payment.id)
_INSERT_TENDERS = insert(PaymentTender)
_INSERT_BILLS = insert(PaymentBill)


def insert_payment(session: Session, values: dict[str, Any]) -> int:
    """Insert a payments row; return its id."""
    # Core with separate parameters: the statement is compiled once, not per payment
    return int(session.connection().execute(_INSERT_PAYMENT, values).scalar_one())


def net_tenders(
    tenders: Sequence[TenderDraft], change: int
) -> list[tuple[str, int, str]]:
    """Tender rows: the cash handed over less the change, in one row; the others as given."""
    rows: list[tuple[str, int, str]] = []
    cash = sum(t.amount_fen for t in tenders if t.tender == Tender.CASH)
    for tender in tenders:
        if tender.tender != Tender.CASH:
            rows.append((tender.tender, tender.amount_fen, tender.reference[:60]))
        elif cash:
            rows.append((Tender.CASH.value, cash - change, tender.reference[:60]))
            cash = 0
    return [r for r in rows if r[1] != 0]


def insert_tenders(
    session: Session, payment_id: int, rows: Sequence[tuple[str, int, str]]
) -> None:
    """Insert a payment's tender rows (tender, amount, reference)."""
    if rows:
        session.connection().execute(_INSERT_TENDERS, [
            dict(payment_id=payment_id, tender=t, amount_fen=a, reference=r) for t, a, r in rows])


def _insert_bills(session: Session, payment_id: int, parts: Sequence[tuple[int, int]]) -> None:
    if parts:
        session.connection().execute(_INSERT_BILLS, [
            dict(payment_id=payment_id, bill_id=b, amount_fen=a) for b, a in parts])

