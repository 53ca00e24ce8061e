"""Planning one bill: tier lines per tariff segment and cycle, late-fee lines, due date.

Pure computation on preloaded state; the caller writes the plan. ``AccountState`` is updated as
bills are planned, so that many readings of one import see each other's volumes and bills.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain.tariff import (
    Household,
    Tariff,
    TierPosition,
    in_force,
    late_fee_fen,
    price_volume,
    split_period,
    tier_position,
)
from app.persistence.repositories.billing_queries import OpenBill


@dataclass
class AccountState:
    """What billing knows of one account while a transaction runs."""

    account_id: int
    hall_id: int
    household: Household
    cumulative: dict[date, int] = field(default_factory=dict)  # cycle start -> litres
    open_bills: list[OpenBill] = field(default_factory=list)  # oldest first


@dataclass(frozen=True)
class LinePlan:
    """A bill line before it is written (the columns of ``bill_lines``)."""

    kind: str  # tier | late_fee
    tariff_id: int | None
    tier_no: int | None
    cycle_start: date | None
    from_on: date | None
    to_on: date | None
    litres: int
    price: int
    amount_fen: int
    late_bill_id: int | None = None
    days: int | None = None


@dataclass(frozen=True)
class BillPlan:
    """A bill before it is written."""

    period_from: date
    period_to: date
    volume_litres: int
    cycle_start: date
    cumulative_litres: int
    tier: TierPosition
    total_fen: int
    due_on: date
    lines: tuple[LinePlan, ...]


def plan_bill(
    tariffs: Sequence[Tariff], account: AccountState, start: date, end: date, litres: int,
    bill_date: date,
) -> BillPlan:
    """Price ``litres`` used between the readings on ``start`` and ``end``, issued on ``bill_date``.

    The period is split at tariff changes and cycle starts; each segment is priced on the
    cumulative volume of its cycle so far. Late fees on the account's overdue bills follow as
    their own lines. ``account`` is updated (cumulative volumes, late fees charged up to
    ``bill_date``); the caller adds the new bill to its open bills once it has an id.
    """
    lines: list[LinePlan] = []
    segments = split_period(tariffs, start, end, litres)
    for seg in segments:
        before = account.cumulative.get(seg.cycle_start, 0)
        for line in price_volume(seg.tariff, account.household, before, seg.litres):
            lines.append(LinePlan("tier", seg.tariff.id, line.tier_no, seg.cycle_start, seg.start,
                                  seg.end, line.litres, line.price, line.amount_fen))
        account.cumulative[seg.cycle_start] = before + seg.litres
    last = segments[-1]
    cumulative = account.cumulative.get(last.cycle_start, 0)
    rule_tariff = in_force(tariffs, bill_date) or last.tariff
    lines.extend(_late_fees(rule_tariff, account, bill_date))
    return BillPlan(
        period_from=start, period_to=end, volume_litres=litres, cycle_start=last.cycle_start,
        cumulative_litres=cumulative,
        tier=tier_position(last.tariff, account.household, cumulative),
        total_fen=sum(line.amount_fen for line in lines),
        due_on=bill_date + timedelta(days=rule_tariff.late_fee.grace_days), lines=tuple(lines),
    )


def _late_fees(tariff: Tariff, account: AccountState, bill_date: date) -> list[LinePlan]:
    """违约金 lines: each overdue bill's fee base × rate × days since its last fee.

    Late fees are charged on the arrears of gas charges (DOMAIN.md §9), never on late fees: the
    fee base of an overdue bill is its outstanding amount, but at most the sum of its tier
    (gas) lines. So when a bill that carries late-fee lines is itself overdue, those lines add
    nothing to the next fee and fees do not compound. A bill of late fees only has no base.
    """
    rule = tariff.late_fee
    lines: list[LinePlan] = []
    for overdue in account.open_bills:
        days = (bill_date - overdue.fee_from).days
        fee = late_fee_fen(overdue.fee_base_fen, days, rule)
        if fee <= 0:
            continue
        lines.append(LinePlan("late_fee", tariff.id, None, None, overdue.fee_from, bill_date,
                              0, rule.ppm_per_day, fee, overdue.bill_id, days))
        overdue.fee_from = bill_date
    return lines
