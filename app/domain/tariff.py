"""Tiered gas tariffs (阶梯气价): versions, household thresholds, pricing a volume, late fees.

Units (DESIGN.md §4): volumes in integer litres (1 m³ = 1000 L), prices in integer 1/10000 yuan
per m³ (3.40 yuan/m³ = 34000), money in integer fen, late-fee rates in ppm of the amount per day.
``litres × price / 100000`` is fen. No float is used anywhere.

Rounding rule: a tier line's amount is ``R(P × after) − R(P × before)`` where ``before`` and
``after`` are the parts of the cycle's cumulative volume that lie inside that tier before and
after the bill, and ``R(x)`` rounds ``x / 100000`` half-up to the fen. Every line is therefore a
whole number of fen, a bill's total is the sum of its lines, and two consecutive bills cost
exactly what one bill for their joint volume would cost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from app.domain.accounts import GasUse, UserType
from app.domain.errors import DomainError, Problem
from app.domain.money import litres_to_m3_text

LITRES_PER_M3 = 1000
PRICE_SCALE = 10_000  # price units per yuan
_LINE_DIVISOR = 100_000  # litres × price / this = fen
_PPM = 1_000_000
MAX_PRICE = 999_999  # 99.9999 yuan/m³
MAX_LATE_FEE_PPM = 10_000  # 1 %/day, the legal ceiling for businesses (DOMAIN.md §9)
MAX_NAME = 60


class TariffKind(StrEnum):
    """阶梯 (tiered on the annual cumulative volume) or 单一 (one price)."""

    TIERED = "tiered"
    FLAT = "flat"


@dataclass(frozen=True)
class Tier:
    """One tier: its upper bound on the annual cumulative volume (None: open) and its price."""

    upto_litres: int | None
    price: int


@dataclass(frozen=True)
class HouseholdRule:
    """Household-size adjustment (人口调整) of the tier thresholds.

    Each person above ``base_size`` adds ``step_litres`` to every threshold, at most
    ``cap_litres`` in all (福州: above 4 people, 50 m³ each, at most 150 m³).
    """

    base_size: int = 4
    step_litres: int = 50_000
    cap_litres: int = 150_000


@dataclass(frozen=True)
class LateFeeRule:
    """违约金: a daily rate in ppm of the amount due (3000 = 0.3 %/day) after ``grace_days``."""

    ppm_per_day: int = 0
    grace_days: int = 0


@dataclass(frozen=True)
class Tariff:
    """One immutable tariff version of a user type and gas use, from ``effective_from`` on."""

    id: int | None
    user_type: str
    gas_use: str
    effective_from: date
    name: str
    kind: TariffKind
    tiers: tuple[Tier, ...]
    heating_thresholds: tuple[int, ...] | None = None
    cycle_month: int = 1
    cycle_day: int = 1
    household: HouseholdRule | None = None
    low_income_tier1: bool = True
    late_fee: LateFeeRule = field(default_factory=LateFeeRule)


@dataclass(frozen=True)
class Household:
    """What the tariff needs to know about an account: 人口, 壁挂炉采暖, 低保."""

    size: int = 3
    heating: bool = False
    low_income: bool = False


@dataclass(frozen=True)
class TierLine:
    """One priced line of a bill: ``litres`` in tier ``tier_no`` at ``price``."""

    tier_no: int
    litres: int
    price: int
    amount_fen: int


@dataclass(frozen=True)
class TierPosition:
    """Where a cumulative volume stands: its tier and what is left in it (None in the top tier)."""

    tier_no: int
    left_litres: int | None


@dataclass(frozen=True)
class Segment:
    """Part of a billing period priced with one tariff version in one annual cycle.

    It covers the days ``start <= day < end`` (``end - start`` days): a reading on a date closes
    the consumption of the days before it, so a reading on a price-change date (顺价抄表) or on
    the cycle start bills everything before it at the old price and in the old cycle.
    """

    tariff: Tariff
    start: date
    end: date
    litres: int
    cycle_start: date


# --- validation ---------------------------------------------------------------------------------


def clean_tariff(t: Tariff) -> Tariff:
    """Return the tariff with its name trimmed, or raise DomainError listing every problem."""
    heating = t.heating_thresholds if t.heating_thresholds else None
    cleaned = replace(t, name=t.name.strip(), tiers=tuple(t.tiers), heating_thresholds=heating)
    problems = [
        *_head_problems(cleaned),
        *_tier_problems(cleaned),
        *_heating_problems(cleaned),
        *_rule_problems(cleaned),
    ]
    if problems:
        raise DomainError(*problems)
    return cleaned


def _head_problems(t: Tariff) -> list[Problem]:
    problems: list[Problem] = []
    if not t.name:
        problems.append(Problem("tariff.name_required", "name"))
    elif len(t.name) > MAX_NAME:
        problems.append(Problem("tariff.name_too_long", "name", {"max": MAX_NAME}))
    if t.user_type not in set(UserType):
        problems.append(Problem("tariff.user_type_unknown", "user_type", {"value": t.user_type}))
    if t.gas_use not in set(GasUse):
        problems.append(Problem("tariff.gas_use_unknown", "gas_use", {"value": t.gas_use}))
    if not _valid_cycle_date(t.cycle_month, t.cycle_day):
        problems.append(
            Problem("tariff.cycle_date", "cycle_day", {"month": t.cycle_month, "day": t.cycle_day})
        )
    return problems


def _valid_cycle_date(month: int, day: int) -> bool:
    # 2000 is a leap year, so 29 February must be refused by hand: it is not in every cycle.
    if (month, day) == (2, 29):
        return False
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def _tier_problems(t: Tariff) -> list[Problem]:
    if not t.tiers:
        return [Problem("tariff.no_tiers", "tiers")]
    problems: list[Problem] = []
    if t.kind is TariffKind.FLAT and len(t.tiers) > 1:
        problems.append(Problem("tariff.flat_one_tier", "tiers"))
    for no, tier in enumerate(t.tiers, start=1):
        if not 0 < tier.price <= MAX_PRICE:
            problems.append(
                Problem("tariff.price_range", "tiers", {"tier": no, "max": format_price(MAX_PRICE)})
            )
    if t.tiers[-1].upto_litres is not None:
        problems.append(Problem("tariff.last_tier_open", "tiers"))
    bounds = [tier.upto_litres for tier in t.tiers[:-1]]
    if any(b is None for b in bounds):
        problems.append(Problem("tariff.threshold_required", "tiers"))
    elif not _increasing([b for b in bounds if b is not None]):
        problems.append(Problem("tariff.thresholds_increasing", "tiers"))
    return problems


def _increasing(values: Sequence[int]) -> bool:
    """Positive and strictly increasing."""
    pairs = zip(values, values[1:], strict=False)
    return all(v > 0 for v in values) and all(a < b for a, b in pairs)


def _heating_problems(t: Tariff) -> list[Problem]:
    heating = t.heating_thresholds
    if heating is None:
        return []
    expected = max(len(t.tiers) - 1, 0)
    if len(heating) != expected:
        return [Problem("tariff.heating_count", "heating_thresholds", {"count": expected})]
    if not _increasing(heating):
        return [Problem("tariff.heating_increasing", "heating_thresholds")]
    return []


def _rule_problems(t: Tariff) -> list[Problem]:
    problems: list[Problem] = []
    h = t.household
    if h is not None and min(h.base_size, h.step_litres, h.cap_litres) < 0:
        problems.append(Problem("tariff.household_negative", "household"))
    fee = t.late_fee
    if min(fee.ppm_per_day, fee.grace_days) < 0:
        problems.append(Problem("tariff.late_fee_negative", "late_fee"))
    elif fee.ppm_per_day > MAX_LATE_FEE_PPM:
        problems.append(Problem("tariff.late_fee_too_high", "late_fee", {"max": "1 %"}))
    return problems


# --- thresholds and pricing ---------------------------------------------------------------------


def thresholds(t: Tariff, household: Household) -> tuple[int, ...]:
    """The tier upper bounds that apply to this household, lowest first.

    Heating households use the heating thresholds when the tariff has them; the household-size
    rule then raises every threshold. A flat tariff, and a low-income household on a tariff that
    charges low income at tier 1, have no thresholds: everything is one tier.
    """
    if t.kind is TariffKind.FLAT or (household.low_income and t.low_income_tier1):
        return ()
    if household.heating and t.heating_thresholds is not None:
        base = t.heating_thresholds
    else:
        base = tuple(tier.upto_litres or 0 for tier in t.tiers[:-1])
    extra = 0
    rule = t.household
    if rule is not None and household.size > rule.base_size:
        extra = min((household.size - rule.base_size) * rule.step_litres, rule.cap_litres)
    return tuple(bound + extra for bound in base)


PriceBand = tuple[int, int | None, int]  # lower bound, upper bound (None: open), price


def price_bands(t: Tariff, household: Household) -> tuple[PriceBand, ...]:
    """(lower bound, upper bound or None, price) of each tier for this household.

    Depends only on the tariff and the household, so a caller pricing many bills may keep it.
    """
    bounds = thresholds(t, household)
    lowers = (0, *bounds)
    uppers: tuple[int | None, ...] = (*bounds, None)
    return tuple((lowers[i], uppers[i], t.tiers[i].price) for i in range(len(bounds) + 1))


def _half_up(numerator: int, denominator: int) -> int:
    """Divide, rounding half away from zero (denominator > 0)."""
    if numerator < 0:
        return -_half_up(-numerator, denominator)
    return (2 * numerator + denominator) // (2 * denominator)


def price_volume(
    t: Tariff, household: Household, cumulative_before: int, litres: int
) -> tuple[TierLine, ...]:
    """Price ``litres`` used after ``cumulative_before`` litres of this cycle.

    Returns one line per tier that gets volume, in tier order (no lines for 0 litres). The line
    amounts follow the module's rounding rule, so they never depend on how the cycle's volume was
    split into bills.
    """
    return tuple(TierLine(*line) for line in price_in_bands(
        price_bands(t, household), cumulative_before, litres))


def price_in_bands(
    bands: Sequence[PriceBand], cumulative_before: int, litres: int
) -> list[tuple[int, int, int, int]]:
    """``price_volume`` on precomputed ``price_bands``: (tier no, litres, price, fen) per line."""
    if litres < 0 or cumulative_before < 0:
        raise ValueError("volumes are not negative")
    after = cumulative_before + litres
    lines: list[tuple[int, int, int, int]] = []
    no = 0
    for lower, upper, price in bands:
        no += 1
        top = after if upper is None or after < upper else upper
        if top <= lower:
            continue  # no volume in this tier
        inside_after = top - lower
        inside_before = cumulative_before - lower if cumulative_before < top else inside_after
        if inside_before < 0:
            inside_before = 0
        if inside_after > inside_before:
            # _half_up of non-negative numerators, written out: this runs once per bill line
            amount = ((2 * price * inside_after + _LINE_DIVISOR) // (2 * _LINE_DIVISOR)
                      - (2 * price * inside_before + _LINE_DIVISOR) // (2 * _LINE_DIVISOR))
            lines.append((no, inside_after - inside_before, price, amount))
    return lines


def tier_position(t: Tariff, household: Household, cumulative: int) -> TierPosition:
    """The tier the next litre falls into after ``cumulative`` litres, and how much is left in it.

    At a threshold exactly, the next tier has begun (第二档还剩余 …).
    """
    return position_in_bands(price_bands(t, household), cumulative)


def position_in_bands(bands: Sequence[PriceBand], cumulative: int) -> TierPosition:
    """``tier_position`` on precomputed ``price_bands``."""
    for no, (_, upper, _) in enumerate(bands, start=1):
        if upper is not None and cumulative < upper:
            return TierPosition(no, upper - cumulative)
    return TierPosition(len(bands), None)


# --- cycles, versions, periods ------------------------------------------------------------------


def cycle_start(t: Tariff, day: date) -> date:
    """The first day of the annual cycle that contains ``day``."""
    start = date(day.year, t.cycle_month, t.cycle_day)
    return start if start <= day else date(day.year - 1, t.cycle_month, t.cycle_day)


def cycle_end(t: Tariff, day: date) -> date:
    """The last day of the annual cycle that contains ``day``."""
    start = cycle_start(t, day)
    return date(start.year + 1, start.month, start.day) - timedelta(days=1)


def in_force(tariffs: Sequence[Tariff], day: date) -> Tariff | None:
    """The version with the latest ``effective_from`` on or before ``day``, if any."""
    best: Tariff | None = None
    for t in tariffs:
        if t.effective_from <= day and (best is None or t.effective_from > best.effective_from):
            best = t
    return best


def split_period(
    tariffs: Sequence[Tariff], start: date, end: date, litres: int
) -> tuple[Segment, ...]:
    """Split the period between the readings on ``start`` and ``end`` for pricing.

    ``tariffs`` are all versions of one user type and gas use. The period's days
    (``start <= day < end``) are cut at every effective date and cycle start after ``start`` and
    before ``end``; the litres are shared pro rata by days, segment ``i`` getting
    ``R(litres × days up to its end / all days) − R(litres × days up to its start / all days)``
    (half-up), so each part is rounded half-up, none is negative and the parts sum to ``litres``.
    Each segment is priced with the version in force on its days. A period of no days is one
    segment. Raises DomainError ``billing.no_tariff`` when a day has no version in force.
    """
    parts = period_parts(tariffs, start, end)
    return tuple(Segment(t, seg_start, seg_end, share, cycle)
                 for (seg_start, seg_end, t, cycle, _), share
                 in zip(parts, share_litres(parts, litres), strict=True))


PeriodPart = tuple[date, date, Tariff, date, int]  # start, end, tariff, cycle start, days to end


def period_parts(tariffs: Sequence[Tariff], start: date, end: date) -> tuple[PeriodPart, ...]:
    """The days of ``split_period``'s segments, without the litres.

    Depends only on the versions and the two dates, so a caller splitting many periods may keep
    it. The last item of each part is the number of days from ``start`` to the part's end.
    """
    if end < start:
        raise ValueError("a period ends after it starts")
    parts: list[PeriodPart] = []
    day = start
    while True:
        t = in_force(tariffs, day)
        if t is None:
            raise DomainError.of("billing.no_tariff", None, day=day.isoformat())
        stop = min(cycle_end(t, day) + timedelta(days=1), _next_version(tariffs, day) or end, end)
        part_end = max(stop, day)
        parts.append((day, part_end, t, cycle_start(t, day), (part_end - start).days))
        if stop >= end:
            break
        day = stop
    return tuple(parts)


def share_litres(parts: Sequence[PeriodPart], litres: int) -> list[int]:
    """The litres of each part of ``period_parts``, pro rata by days as ``split_period`` says."""
    if len(parts) == 1:
        return [litres]
    total_days = parts[-1][4]
    shares: list[int] = []
    given = 0
    for *_, upto in parts:
        share = litres if upto == total_days else _half_up(litres * upto, total_days)
        shares.append(share - given)
        given = share
    return shares


def _next_version(tariffs: Sequence[Tariff], day: date) -> date | None:
    later = [t.effective_from for t in tariffs if t.effective_from > day]
    return min(later) if later else None


def late_fee_fen(amount_fen: int, days: int, rule: LateFeeRule) -> int:
    """违约金 on ``amount_fen`` overdue for ``days`` days (already past the grace period).

    ``amount × ppm_per_day × days / 1 000 000`` rounded half-up; never negative.
    """
    if amount_fen <= 0 or days <= 0 or rule.ppm_per_day <= 0:
        return 0
    return _half_up(amount_fen * rule.ppm_per_day * days, _PPM)


# --- typing and showing volumes and prices ------------------------------------------------------

# Commas only as thousands groups ("1,234.5"): "1,5" is refused, never read as 15 m³.
_M3 = re.compile(r"^(\d{1,3}(?:,\d{3}){1,2}|\d{1,9})(?:\.(\d{0,3}))?$")
_PRICE = re.compile(r"^(\d{1,2})(?:\.(\d{0,4}))?$")


def parse_m3(text: str, field: str = "value") -> int:
    """Parse a volume typed in m³ (``123``, ``123.45``, ``1,234.567``) into litres.

    Raises DomainError ``reading.volume_format`` for anything else: negative numbers, more than
    three decimals, more than nine digits before the point.
    """
    match = _M3.match(text.strip())
    if not match:
        raise DomainError.of("reading.volume_format", field, value=text)
    whole, decimals = match.groups()
    return int(whole.replace(",", "")) * LITRES_PER_M3 + int((decimals or "").ljust(3, "0"))


def format_m3(litres: int) -> str:
    """Show litres as m³ without trailing zeros: 123450 → ``123.45``, 123000 → ``123``."""
    return litres_to_m3_text(litres)


def parse_price(text: str, field: str = "price") -> int:
    """Parse a price typed in yuan per m³ (``3.4``, ``4.125``) into 1/10000 yuan.

    Raises DomainError ``tariff.price_format`` for anything else, including more than four
    decimals or a price of 100 yuan or more.
    """
    match = _PRICE.match(text.strip())
    if not match:
        raise DomainError.of("tariff.price_format", field, value=text)
    whole, decimals = match.groups()
    return int(whole) * PRICE_SCALE + int((decimals or "").ljust(4, "0"))


def format_price(price: int) -> str:
    """Show a price in yuan per m³, at least two decimals: 34000 → ``3.40``, 41250 → ``4.125``."""
    sign = "-" if price < 0 else ""
    whole, rest = divmod(abs(price), PRICE_SCALE)
    decimals = f"{rest:04d}".rstrip("0").ljust(2, "0")
    return f"{sign}{whole}.{decimals}"
