"""Demo tariffs, reading checks, two years of bimonthly readings with their bills, and payments.

The demo hall prices residential gas with 东莞's tiers (DOMAIN.md §8.2), raised on 1 January 2025,
so that the bills of the winter 2024/25 are split at the price change. Every meter has a
baseline reading 24 months back and a reading every two months since; a few of the latest
readings are zero or far too high and wait in the review list. Bills older than the latest are
paid (bank collection); about a third of the accounts still owe their latest bill.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date

from sqlalchemy import select

from app.domain.accounts import AccountStatus, GasUse, UserType
from app.domain.clock import Clock
from app.domain.readings import ReadingRules
from app.domain.tariff import HouseholdRule, LateFeeRule, Tariff, TariffKind, Tier
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import Account, Bill, Meter, User
from app.persistence.repositories.ledger import LedgerDraft, LedgerKind, append_ledger
from app.services.billing_dto import ImportRow
from app.services.dto import Operator
from app.services.reading_service import ReadingService
from app.services.tariff_service import TariffService

M3 = 1000
PERIODS = 12  # bimonthly readings after the baseline: two years
UNPAID_SHARE = 0.3
_RESIDENTIAL_OLD = (Tier(370 * M3, 33_000), Tier(560 * M3, 39_600), Tier(None, 49_500))
_RESIDENTIAL = (Tier(370 * M3, 34_000), Tier(560 * M3, 40_800), Tier(None, 51_000))
_HOUSEHOLD = HouseholdRule(base_size=4, step_litres=50 * M3, cap_litres=150 * M3)
_RESIDENT_FEE = LateFeeRule(ppm_per_day=3000, grace_days=30)  # 3‰ a day after 30 days
_BUSINESS_FEE = LateFeeRule(ppm_per_day=3000, grace_days=15)
_FLAT_PRICES = {  # yuan/m³ × 10000, from 2024 (东发改〔2022〕84号 style, one price per use)
    GasUse.COMMERCIAL: 34_790, GasUse.INDUSTRY: 32_940, GasUse.PUBLIC: 30_250,
    GasUse.WELFARE: 30_250, GasUse.BOILER: 34_790, GasUse.HEATING: 32_940,
}
_HIGH_LIMITS = {  # m³ per period above which a reading waits for review
    GasUse.COOKING: 400, GasUse.HEATING: 900, GasUse.COMMERCIAL: 6000, GasUse.INDUSTRY: 20000,
    GasUse.PUBLIC: 6000, GasUse.WELFARE: 3000, GasUse.BOILER: 12000,
}


def load_demo_billing(db: Database, clock: Clock, hall_id: int, seed: int) -> None:
    """Add the demo tariffs, checks, reading history, bills and payments to the demo hall."""
    operator = _demo_operator(db, hall_id)
    tariffs = TariffService(db, clock)
    today = clock.now().date()
    for tariff in demo_tariffs(today):
        tariffs.add_version(operator, tariff)
    for gas_use, limit in _HIGH_LIMITS.items():
        tariffs.save_rules(operator, gas_use.value,
                           ReadingRules(high_litres=limit * M3, drop_percent=75))
    rows = list(_history(db, hall_id, today, random.Random(seed)))
    ReadingService(db, clock).import_rows(operator, hall_id, "demo-history.csv", rows)
    _pay_older_bills(db, clock, hall_id, random.Random(seed + 1))


def demo_tariffs(today: date) -> list[Tariff]:
    """The demo hall's tariff versions: residential tiers (raised in 2025), business flat prices."""
    start = date(today.year - 2, 1, 1)
    raised = date(today.year - 1, 1, 1)

    def residential(gas_use: GasUse, since: date, tiers: tuple[Tier, ...]) -> Tariff:
        if gas_use is GasUse.HEATING:  # 采暖: three times the thresholds
            tiers = tuple(Tier(t.upto_litres and t.upto_litres * 3, t.price) for t in tiers)
            return Tariff(None, UserType.RESIDENTIAL, gas_use, since, "居民采暖阶梯气价",
                          TariffKind.TIERED, tiers, household=_HOUSEHOLD, late_fee=_RESIDENT_FEE)
        return Tariff(None, UserType.RESIDENTIAL, gas_use, since, "居民阶梯气价",
                      TariffKind.TIERED, tiers, heating_thresholds=(1000 * M3, 1800 * M3),
                      household=_HOUSEHOLD, late_fee=_RESIDENT_FEE)

    versions = [residential(use, since, tiers)
                for use in (GasUse.COOKING, GasUse.HEATING)
                for since, tiers in ((start, _RESIDENTIAL_OLD), (raised, _RESIDENTIAL))]
    versions += [Tariff(None, UserType.NON_RESIDENTIAL, use, start, "非居民用气", TariffKind.FLAT,
                        (Tier(None, price),), late_fee=_BUSINESS_FEE)
                 for use, price in _FLAT_PRICES.items()]
    return versions


def _demo_operator(db: Database, hall_id: int) -> Operator:
    with db.reading() as session:
        admin = session.scalars(select(User).where(
            User.hall_id == hall_id, User.role == Role.ADMINISTRATOR.value).order_by(User.id)
        ).first()
    if admin is None:
        return Operator(0, "demo", "demo", Role.ADMINISTRATOR, hall_id)
    return Operator(admin.id, admin.username, admin.full_name, Role.ADMINISTRATOR, hall_id)


def _history(db: Database, hall_id: int, today: date, rng: random.Random) -> Iterator[ImportRow]:
    with db.reading() as session:
        meters = session.execute(
            select(Meter.meter_no, Meter.digits, Account.gas_use, Account.household_size,
                   Account.heating, Account.status)
            .join(Account, Account.id == Meter.account_id)
            .where(Account.hall_id == hall_id).order_by(Meter.id)
        ).all()
    days = _reading_days(today)
    line = 1
    for meter_no, digits, gas_use, size, heating, status in meters:
        capacity = 10 ** digits * M3
        value = rng.randrange(0, 3000) * M3
        in_use = status == AccountStatus.NORMAL
        monthly = _monthly_litres(rng, gas_use, size)
        heats = heating or gas_use == GasUse.HEATING
        for index, day in enumerate(days if in_use else days[:1]):
            if index:
                used = _consumption(rng, monthly, heats, day, index == PERIODS)
                value = (value + used) % capacity
            line += 1
            yield ImportRow(line, meter_no, day, value, reader="李抄表")


def _reading_days(today: date) -> list[date]:
    """The 5th of every other month, the last one on or before today, PERIODS + 1 of them."""
    year, month = today.year, today.month if today.day >= 5 else today.month - 1
    month -= (month - 1) % 2  # odd months: January, March, …
    days = []
    for _ in range(PERIODS + 1):
        days.append(date(year, month, 5))
        month -= 2
        if month < 1:
            year, month = year - 1, month + 12
    return days[::-1]


def _monthly_litres(rng: random.Random, gas_use: str, size: int) -> int:
    """A meter's usual use per month: by household size, or the size of the business."""
    if gas_use in (GasUse.COOKING, GasUse.HEATING):
        return (10 + 5 * size) * M3
    return rng.randrange(300, 1600) * M3


def _consumption(rng: random.Random, monthly: int, heating: bool, day: date, last: bool) -> int:
    winter = day.month in (1, 3, 12)
    litres = 2 * monthly * (13 if winter else 10) // 10
    if heating and winter:
        litres *= 2
    litres = litres * rng.randrange(80, 121) // 100 // M3 * M3  # registers show whole m³
    if last:  # the latest period: a few readings for the review list
        chance = rng.random()
        if chance < 0.01:
            return 0
        if chance < 0.015:
            return litres * 12
    return litres


def _pay_older_bills(db: Database, clock: Clock, hall_id: int, rng: random.Random) -> None:
    """Bank collection (代扣) paid every bill but the latest; some accounts owe the latest."""
    with db.writing() as session:
        bills = session.execute(
            select(Bill.id, Bill.account_id, Bill.total_fen, Bill.period_to)
            .where(Bill.hall_id == hall_id, Bill.kind == "bill").order_by(Bill.account_id,
                                                                        Bill.period_to)
        ).all()
        latest: dict[int, int] = {}
        for bill_id, account_id, _, _ in bills:
            latest[account_id] = bill_id
        drafts = [
            LedgerDraft(hall_id, account_id, LedgerKind.PAYMENT, -total, bill_id, "demo", "代扣")
            for bill_id, account_id, total, _ in bills
            if total and (latest[account_id] != bill_id or rng.random() >= UNPAID_SHARE)
        ]
        append_ledger(session, clock.now(), drafts)
