"""Bills and the ledger of an account: history for the account page, reversal (冲正), balance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.readings import ReadingState
from app.domain.tariff import (
    Household,
    Tariff,
    TierPosition,
    cycle_start,
    in_force,
    thresholds,
    tier_position,
)
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import Account, Bill, BillLine, LedgerEntry, Reading
from app.persistence.repositories.billing_queries import (
    OpenBill,
    cumulative_volumes,
    meters_by_id,
    open_bills,
    reversed_ids,
)
from app.services.billing.pricing import BillPlan, LinePlan
from app.services.billing.run import REVERSED, BillingRun
from app.services.billing_dto import (
    AccountHistory,
    BillLineView,
    BillView,
    MonthPoint,
    ReadingView,
)
from app.services.dto import Operator
from app.services.tariff_service import load_rules, tariffs_by_use

CHART_MONTHS = 24
_BILL_COLUMNS = (Bill.id, Bill.kind, Bill.period_from, Bill.period_to, Bill.volume_litres,
                 Bill.cumulative_litres, Bill.tier_no, Bill.tier_left_litres, Bill.total_fen,
                 Bill.due_on, Bill.issued_at, Bill.issued_by, Bill.reverses_id, Bill.reason)
_LINE_COLUMNS = (BillLine.bill_id, BillLine.kind, BillLine.tier_no, BillLine.litres,
                 BillLine.price, BillLine.amount_fen, BillLine.from_on, BillLine.to_on,
                 BillLine.late_bill_id, BillLine.days, BillLine.cycle_start)
_READING_COLUMNS = (Reading.id, Reading.read_on, Reading.value_litres,
                    Reading.consumption_litres, Reading.source, Reading.kind, Reading.state,
                    Reading.flags, Reading.estimated, Reading.rollover, Reading.reader,
                    Reading.review_note)


class BillingService:
    """What the account page and the manager do with bills."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def history(self, account_id: int) -> AccountHistory:
        """Readings and bills (newest first), 24 months of consumption, tier, balance, arrears."""
        today = self._clock.now().date()
        with self._db.reading() as session:
            account = session.get(Account, account_id)
            if account is None:
                raise DomainError.of("account.not_found")
            household = Household(account.household_size, account.heating, account.low_income)
            tariffs = _tariffs_of(session, account.user_type, account.gas_use)
            conn = session.connection()  # Core rows: no ORM bookkeeping for thousands of lines
            readings = conn.execute(
                select(*_READING_COLUMNS).where(Reading.account_id == account_id)
                .order_by(Reading.read_on.desc(), Reading.id.desc())).all()
            bills = conn.execute(
                select(*_BILL_COLUMNS).where(Bill.account_id == account_id)
                .order_by(Bill.id.desc())).all()
            lines = conn.execute(
                select(*_LINE_COLUMNS).where(BillLine.account_id == account_id)
                .order_by(BillLine.bill_id, BillLine.seq)).all()
            owed = {b.bill_id: b for b in open_bills(session, [account_id]).get(account_id, [])}
            ledger_sum = session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
                                        .where(LedgerEntry.account_id == account_id)) or 0
        by_bill: dict[int, list[BillLineView]] = {}
        for line in lines:
            by_bill.setdefault(line[0], []).append(BillLineView(*line[1:10]))
        tariff = in_force(tariffs, today)
        start = cycle_start(tariff, today) if tariff else None
        cumulative = sum(line.litres for line in lines if line.kind == "tier"
                         and start is not None and line.cycle_start == start)
        return AccountHistory(
            account_id=account_id,
            readings=tuple(_reading_view(tuple(r)) for r in readings),
            bills=tuple(_bill_view(tuple(b), by_bill.get(b.id, []), owed) for b in bills),
            months=_months([tuple(b) for b in bills], today),
            cumulative_litres=cumulative,
            thresholds=thresholds(tariff, household) if tariff else (),
            tier=tier_position(tariff, household, cumulative) if tariff else TierPosition(1, None),
            balance_fen=-int(ledger_sum),
            arrears_fen=sum(b.outstanding_fen for b in owed.values() if b.due_on < today),
        )

    def balance(self, account_id: int) -> int:
        """The account's balance from its ledger in fen: credit positive, debt negative."""
        with self._db.reading() as session:
            total = session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
                                   .where(LedgerEntry.account_id == account_id))
        return -int(total or 0)

    def reverse(self, operator: Operator, bill_id: int, reason: str) -> BillView:
        """冲正: a reversal bill with every line negated and a COR ledger entry.

        The reading goes back to review (flag ``reversed``) so that it can be corrected and
        billed again. A reversal, or a bill already reversed, cannot be reversed.
        """
        require(operator.role, Permission.REVERSE_BILLS)
        reason = reason.strip()
        if not reason:
            raise DomainError.of("billing.reason_required", "reason")
        now = self._clock.now()
        with self._db.writing() as session:
            bill = session.get(Bill, bill_id)
            if bill is None:
                raise DomainError.of("billing.bill_not_found")
            if bill.kind != "bill":
                raise DomainError.of("billing.reversal_not_reversible")
            run = BillingRun(session, now, operator.username, tariffs_by_use(session),
                             load_rules(session))
            if bill.id in reversed_ids(session, [bill.account_id]):
                raise DomainError.of("billing.already_reversed")
            plan = _reversal_plan(session, bill)
            meter = meters_by_id(session, [bill.meter_id or 0]).get(bill.meter_id or 0)
            if meter is None:
                raise DomainError.of("billing.bill_not_found")
            new_id = run.new_bill_id()
            run.queue_bill(new_id, meter, bill.reading_id, "reversal", bill.id, plan,
                           reason[:200])
            run.flush()
            if bill.reading_id is not None:
                _back_to_review(session, bill.reading_id, operator.username, now, reason)
            append_audit(session, now, operator.username, "bill.reversed", f"bill:{bill.id}", {
                "reversal_id": new_id, "account_id": bill.account_id,
                "total_fen": bill.total_fen, "reason": reason,
            }, operator.hall_id)
            lines = session.execute(select(*_LINE_COLUMNS).where(BillLine.bill_id == new_id)
                                    .order_by(BillLine.seq)).all()
            row = session.execute(select(*_BILL_COLUMNS).where(Bill.id == new_id)).one()
            return _bill_view(tuple(row), [BillLineView(*line[1:10]) for line in lines], {})


def _reversal_plan(session: Session, bill: Bill) -> BillPlan:
    lines = session.execute(select(BillLine).where(BillLine.bill_id == bill.id)
                            .order_by(BillLine.seq)).scalars().all()
    negated = tuple(LinePlan(
        line.kind, line.tariff_id, line.tier_no, line.cycle_start, line.from_on, line.to_on,
        -line.litres, line.price, -line.amount_fen, line.late_bill_id, line.days,
    ) for line in lines)
    volumes = cumulative_volumes(session, [bill.account_id], bill.cycle_start)
    in_cycle = sum(line.litres for line in lines
                   if line.kind == "tier" and line.cycle_start == bill.cycle_start)
    cumulative = volumes.get((bill.account_id, bill.cycle_start), 0) - in_cycle
    tier = _tier_after(session, bill, cumulative)
    return BillPlan(bill.period_from, bill.period_to, -bill.volume_litres, bill.cycle_start,
                    cumulative, tier, -bill.total_fen, bill.due_on, negated)


def _tier_after(session: Session, bill: Bill, cumulative: int) -> TierPosition:
    account = session.get_one(Account, bill.account_id)
    tariffs = _tariffs_of(session, account.user_type, account.gas_use)
    tariff = in_force(tariffs, bill.period_to)
    if tariff is None:
        return TierPosition(bill.tier_no, bill.tier_left_litres)
    household = Household(account.household_size, account.heating, account.low_income)
    return tier_position(tariff, household, max(cumulative, 0))


def _back_to_review(
    session: Session, reading_id: int, username: str, now: datetime, reason: str
) -> None:
    reading = session.get_one(Reading, reading_id)
    flags = [f for f in reading.flags.split(",") if f]
    if REVERSED not in flags:
        flags.append(REVERSED)
    session.execute(update(Reading).where(Reading.id == reading_id).values(
        state=ReadingState.REVIEW.value, flags=",".join(flags), reviewed_by=username,
        reviewed_at=now, review_note=reason[:200]))


def _tariffs_of(session: Session, user_type: str, gas_use: str) -> list[Tariff]:
    return tariffs_by_use(session).get((user_type, gas_use), [])


def _bill_view(
    row: tuple[Any, ...], lines: list[BillLineView], owed: Mapping[int, OpenBill]
) -> BillView:
    open_bill = owed.get(row[0])
    outstanding = open_bill.outstanding_fen if open_bill else 0
    (bill_id, kind, period_from, period_to, volume, cumulative, tier_no, tier_left, total,
     due_on, issued_at, issued_by, reverses_id, reason) = row
    return BillView(bill_id, kind, period_from, period_to, volume, cumulative, tier_no,
                    tier_left, total, due_on, issued_at, issued_by, reverses_id, reason,
                    tuple(lines), outstanding)


def _months(bills: Sequence[tuple[Any, ...]], today: date) -> tuple[MonthPoint, ...]:
    first = _add_months(date(today.year, today.month, 1), -(CHART_MONTHS - 1))
    totals: dict[date, int] = {}
    for b in bills:
        period_to: date = b[3]
        month = date(period_to.year, period_to.month, 1)
        if month >= first:
            totals[month] = totals.get(month, 0) + int(b[4])
    return tuple(MonthPoint(m, totals.get(m, 0))
                 for m in (_add_months(first, k) for k in range(CHART_MONTHS)))


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _reading_view(r: tuple[Any, ...]) -> ReadingView:
    (reading_id, read_on, value, used, source, kind, state, flags, estimated, rollover, reader,
     note) = r
    return ReadingView(reading_id, read_on, value, used, source, kind, state, _flags(flags),
                       bool(estimated), bool(rollover), reader, note)


def _flags(text: object) -> tuple[str, ...]:
    return tuple(str(text).split(",")) if text else ()

