"""Meter readings (抄表): code tables, the checks a new reading goes through, and estimates.

Register values and consumption are integer litres (1 m³ = 1000 L). Daily averages are compared
by cross-multiplying integers, so periods of different lengths compare exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from app.domain.errors import DomainError, Problem

LITRES_PER_M3 = 1000
HISTORY_PERIODS = 3  # "the last three" for sudden drops and estimates (AVG3 估抄)


class ReadingSource(StrEnum):
    """数据来源 (HZQ code table)."""

    ON_SITE = "01"  # 见表
    SELF = "02"  # 自报
    ESTIMATED = "03"  # 估抄
    LOCKED = "04"  # 门锁
    REFUSED = "05"  # 拒抄
    OBSTRUCTED = "06"  # 遮挡
    VACANT = "07"  # 空房
    UNUSED = "08"  # 长期不用
    TOO_HIGH = "09"  # 位置过高
    OTHER = "10"  # 其他
    DOOR_SLIP = "21"  # 门贴
    WECHAT = "22"  # 微信
    REMOTE = "31"  # 远传


NO_VALUE_SOURCES = frozenset(
    {
        ReadingSource.LOCKED,
        ReadingSource.REFUSED,
        ReadingSource.OBSTRUCTED,
        ReadingSource.VACANT,
        ReadingSource.UNUSED,
        ReadingSource.TOO_HIGH,
    }
)
"""Sources for which the meter could not be read: the value may be left empty."""


class ReadingKind(StrEnum):
    """抄表类型: 正常 / 业务抄表 / 临时 / 复核 (a check reading is never billed)."""

    ROUTINE = "P"
    BUSINESS = "S"
    AD_HOC = "T"
    CHECK = "Z"


class ReadingState(StrEnum):
    """Where a reading stands: waiting in review, accepted, billed, or recorded but not billed."""

    REVIEW = "review"
    ACCEPTED = "accepted"
    BILLED = "billed"
    NOT_BILLED = "not_billed"


class Flag(StrEnum):
    """A check that a reading failed; it then waits in review (DESIGN.md §6)."""

    LOWER = "lower"  # lower than the previous reading and no rollover confirmed
    ZERO = "zero"  # 零气量
    HIGH = "high"  # 超大气量
    DROP = "drop"  # 本期气量骤减, against the last three periods
    YEAR_DROP = "year_drop"  # 同期气量骤减, against the same dates a year earlier
    INACTIVE = "inactive"  # gas used on a suspended, closed or long-unused account


@dataclass(frozen=True)
class ReadingRules:
    """Which checks apply to a gas use, and their limits; each can be switched off."""

    check_zero: bool = True
    check_high: bool = True
    high_litres: int = 150_000
    check_drop: bool = True
    drop_percent: int = 70
    check_year_drop: bool = False
    year_drop_percent: int = 70
    check_inactive: bool = True


@dataclass(frozen=True)
class Period:
    """A past billed period: the consumption between the readings on ``start`` and ``end``."""

    start: date
    end: date
    litres: int

    @property
    def days(self) -> int:
        """Its length in days; at least 1, so that two readings on one day still average."""
        return max((self.end - self.start).days, 1)

    def daily(self) -> Fraction:
        """The exact average consumption per day, in litres."""
        return Fraction(self.litres, self.days)


@dataclass(frozen=True)
class ReadingCheck:
    """What the checks found: the consumption (None when unknown), rollover, failed checks."""

    consumption_litres: int | None
    rollover: bool
    flags: tuple[Flag, ...]


def clean_rules(rules: ReadingRules) -> ReadingRules:
    """Return the rules unchanged if their limits make sense, else raise DomainError."""
    problems: list[Problem] = []
    if rules.high_litres <= 0:
        problems.append(Problem("reading.high_litres_positive", "high_litres"))
    for name in ("drop_percent", "year_drop_percent"):
        if not 1 <= getattr(rules, name) <= 100:
            problems.append(Problem("reading.percent_range", name, {"min": 1, "max": 100}))
    if problems:
        raise DomainError(*problems)
    return rules


def register_capacity(digits: int) -> int:
    """Litres at which a register of ``digits`` integer digits turns over to zero (10^digits m³)."""
    return int(10**digits) * LITRES_PER_M3


def rollover_litres(previous_value: int, value: int, digits: int) -> int:
    """Consumption when the register turned over: 10^digits m³ − previous + current, in litres."""
    return register_capacity(digits) - previous_value + value


def check_reading(
    rules: ReadingRules,
    *,
    value: int,
    read_on: date,
    previous_value: int,
    previous_on: date,
    digits: int,
    rollover_confirmed: bool,
    history: Sequence[Period],
    account_active: bool,
) -> ReadingCheck:
    """Run the checks of ``rules`` on a new register ``value`` against the previous reading.

    A value lower than the previous one is a rollover only when the clerk confirmed it (the other
    checks then run on the rollover consumption); otherwise the consumption is unknown and the
    only flag is LOWER. ``history`` holds the meter's past billed periods, in any order; those
    ending after ``previous_on`` are ignored.

    Raises DomainError ``reading.value_range`` (field ``value``) when the value is negative or
    does not fit the meter's register.
    """
    capacity = register_capacity(digits)
    if not 0 <= value < capacity:
        raise DomainError.of("reading.value_range", "value", max=capacity // LITRES_PER_M3 - 1)
    rollover = value < previous_value
    if rollover and not rollover_confirmed:
        return ReadingCheck(None, False, (Flag.LOWER,))
    used = rollover_litres(previous_value, value, digits) if rollover else value - previous_value
    current = Period(previous_on, read_on, used)
    past = [p for p in history if p.end <= previous_on]
    flags: list[Flag] = []
    if rules.check_zero and used == 0:
        flags.append(Flag.ZERO)
    if rules.check_high and used > rules.high_litres:
        flags.append(Flag.HIGH)
    if rules.check_drop and _dropped(current, _latest(past), rules.drop_percent):
        flags.append(Flag.DROP)
    if rules.check_year_drop and _dropped(
        current, _year_before(past, current), rules.year_drop_percent
    ):
        flags.append(Flag.YEAR_DROP)
    if rules.check_inactive and not account_active and used > 0:
        flags.append(Flag.INACTIVE)
    return ReadingCheck(used, rollover, tuple(flags))


def _latest(history: Sequence[Period]) -> list[Period]:
    return sorted(history, key=lambda p: p.end)[-HISTORY_PERIODS:]


def _year_before(history: Sequence[Period], current: Period) -> list[Period]:
    """The periods that overlap the same dates one year earlier."""
    start, end = _year_earlier(current.start), _year_earlier(current.end)
    return [p for p in history if p.start < end and start < p.end]


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _dropped(current: Period, before: Sequence[Period], percent: int) -> bool:
    """Whether the current daily average is down by at least ``percent`` % on ``before``'s.

    ``before``'s daily average is its total litres over its total days; with no history, or none
    used, there is nothing to drop from.
    """
    litres = sum(p.litres for p in before)
    days = sum(p.days for p in before)
    if litres <= 0:
        return False
    # current.litres / current.days <= (100 - percent) % × litres / days, without division
    return current.litres * days * 100 <= (100 - percent) * litres * current.days


def estimate_litres(history: Sequence[Period], days: int) -> int:
    """估抄: the daily average of the last three periods × ``days``, rounded half-up to the litre.

    Raises DomainError ``reading.no_history_for_estimate`` when there is no past period.
    """
    latest = _latest(history)
    if not latest:
        raise DomainError.of("reading.no_history_for_estimate")
    litres = sum(p.litres for p in latest)
    total_days = sum(p.days for p in latest)
    product = litres * max(days, 0)
    return (2 * product + total_days) // (2 * total_days)
