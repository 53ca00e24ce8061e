"""Checks on a new meter reading (DESIGN.md §6): rollover, each flag and its switch, estimates.

Volumes are litres (1 m³ = 1000 L); the arithmetic of each example is in its comments.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.readings import (
    NO_VALUE_SOURCES,
    Flag,
    Period,
    ReadingCheck,
    ReadingKind,
    ReadingRules,
    ReadingSource,
    check_reading,
    clean_rules,
    estimate_litres,
    register_capacity,
    rollover_litres,
)

M3 = 1000
NONE = ReadingRules(
    check_zero=False, check_high=False, check_drop=False, check_year_drop=False,
    check_inactive=False,
)
ALL = ReadingRules(check_year_drop=True)
PREVIOUS_ON = date(2023, 11, 30)
# 1 m³ a day for 60 days before PREVIOUS_ON
STEADY = (Period(date(2023, 10, 1), PREVIOUS_ON, 60 * M3),)


def check(
    rules: ReadingRules,
    used: int,
    *,
    days: int = 30,
    previous_value: int = 1_000 * M3,
    previous_on: date = PREVIOUS_ON,
    history: Sequence[Period] = STEADY,
    active: bool = True,
) -> ReadingCheck:
    """Check a reading ``used`` litres above the previous one, ``days`` days later."""
    return check_reading(
        rules,
        value=previous_value + used,
        read_on=date.fromordinal(previous_on.toordinal() + days),
        previous_value=previous_value,
        previous_on=previous_on,
        digits=5,
        rollover_confirmed=False,
        history=history,
        account_active=active,
    )


def rollover(previous_value: int, value: int, digits: int, confirmed: bool) -> ReadingCheck:
    return check_reading(
        NONE, value=value, read_on=date(2024, 3, 1), previous_value=previous_value,
        previous_on=date(2024, 1, 1), digits=digits, rollover_confirmed=confirmed,
        history=(), account_active=True,
    )


# --- lower than previous, rollover --------------------------------------------------------------


def test_lower_without_confirmation_is_a_mistake() -> None:
    result = rollover(99_990 * M3, 5 * M3, 5, confirmed=False)
    assert result == ReadingCheck(None, False, (Flag.LOWER,))


def test_confirmed_rollover_with_five_digits() -> None:
    # 10^5 m³ − 99990 m³ + 5 m³ = 15 m³
    assert rollover(99_990 * M3, 5 * M3, 5, confirmed=True) == ReadingCheck(15 * M3, True, ())
    assert rollover_litres(99_990 * M3, 5 * M3, 5) == 15 * M3


def test_confirmed_rollover_with_four_digits() -> None:
    # 10^4 m³ = 10 000 000 L; 10 000 000 − 9 999 500 + 200 = 700 L
    assert rollover(9_999_500, 200, 4, confirmed=True).consumption_litres == 700
    assert register_capacity(4) == 10_000_000


def test_rollover_consumption_goes_through_the_other_checks() -> None:
    # 10^5 − 50 000 + 10 = 50 010 m³: far above the 150 m³ limit
    result = check_reading(
        ALL, value=10 * M3, read_on=date(2024, 3, 1), previous_value=50_000 * M3,
        previous_on=date(2024, 1, 1), digits=5, rollover_confirmed=True, history=(),
        account_active=True,
    )
    assert result == ReadingCheck(50_010 * M3, True, (Flag.HIGH,))


def test_confirmation_is_ignored_when_the_value_did_not_go_down() -> None:
    assert rollover(100 * M3, 130 * M3, 5, confirmed=True) == ReadingCheck(30 * M3, False, ())


def test_value_must_fit_the_register() -> None:
    for value in (100_000 * M3, -1):
        with pytest.raises(DomainError) as caught:
            rollover(10 * M3, value, 5, confirmed=True)
        problem = caught.value.problems[0]
        assert (problem.key, problem.field, problem.params) == (
            "reading.value_range", "value", {"max": 99_999},
        )
    # 99 999.999 m³ is the largest a 5-digit register shows
    assert rollover(10 * M3, 100_000 * M3 - 1, 5, confirmed=False).consumption_litres is not None


@given(
    st.integers(3, 9).flatmap(
        lambda d: st.tuples(st.just(d), st.integers(0, register_capacity(d) - 1),
                            st.integers(0, register_capacity(d) - 1))
    )
)
def test_consumption_is_the_register_difference_modulo_its_capacity(
    case: tuple[int, int, int],
) -> None:
    digits, previous, value = case
    result = rollover(previous, value, digits, confirmed=True)
    assert result.consumption_litres == (value - previous) % register_capacity(digits)
    assert type(result.consumption_litres) is int
    assert result.rollover == (value < previous)


# --- each flag, on and off by its switch --------------------------------------------------------


def test_zero() -> None:
    assert check(ReadingRules(check_drop=False), 0).flags == (Flag.ZERO,)
    assert check(NONE, 0).flags == ()
    assert check(ReadingRules(check_drop=False), 1).flags == ()


def test_high() -> None:
    on = ReadingRules(check_drop=False)
    assert check(on, 150 * M3 + 1).flags == (Flag.HIGH,)
    assert check(on, 150 * M3).flags == ()
    assert check(NONE, 150 * M3 + 1).flags == ()
    assert check(ReadingRules(high_litres=40 * M3), 41 * M3).flags == (Flag.HIGH,)


def test_drop_compares_daily_averages() -> None:
    drop = ReadingRules(check_zero=False, check_high=False, check_inactive=False)
    # history: 60 m³ in 60 days = 1 m³/day. 9 m³ in 30 days = 0.3 m³/day: down exactly 70 %
    assert check(drop, 9 * M3).flags == (Flag.DROP,)
    assert check(NONE, 9 * M3).flags == ()
    # 9.001 m³ in 30 days is down by a little less than 70 %
    assert check(drop, 9 * M3 + 1).flags == ()
    # 10 m³ is 83 % less volume than 60 m³, but in 15 days it is 0.667 m³/day: down 33 %
    assert check(drop, 10 * M3, days=15).flags == ()
    # 4 m³ in 15 days = 0.267 m³/day: down 73 %
    assert check(drop, 4 * M3, days=15).flags == (Flag.DROP,)
    # with no history, or only empty periods, there is nothing to drop from
    assert check(drop, 0, history=()).flags == ()
    assert check(drop, 0, history=(Period(date(2023, 10, 1), PREVIOUS_ON, 0),)).flags == ()


def test_drop_uses_the_last_three_periods_only() -> None:
    drop = ReadingRules(check_zero=False, check_high=False, check_inactive=False)
    history = [
        Period(date(2023, 5, 1), date(2023, 7, 1), 61 * M3),  # 61 days
        Period(date(2023, 1, 1), date(2023, 3, 1), 590 * M3),  # oldest: left out
        Period(date(2023, 7, 1), date(2023, 9, 1), 62 * M3),  # 62 days
        Period(date(2023, 3, 1), date(2023, 5, 1), 61 * M3),  # 61 days
        Period(date(2023, 10, 1), date(2023, 12, 1), 900 * M3),  # after the previous reading
    ]
    # last three: 184 m³ in 184 days = 1 m³/day; 12 m³ in 30 days = 0.4 m³/day: down 60 %.
    # With the oldest period (774 m³ in 243 days = 3.19 m³/day) it would be down 87 %.
    previous_on = date(2023, 9, 1)
    assert check(drop, 12 * M3, previous_on=previous_on, history=history).flags == ()
    # 9 m³ in 30 days = 0.3 m³/day: down 70 %
    assert check(drop, 9 * M3, previous_on=previous_on, history=history).flags == (Flag.DROP,)


def test_year_on_year_drop() -> None:
    year = ReadingRules(
        check_zero=False, check_high=False, check_drop=False, check_inactive=False,
        check_year_drop=True,
    )
    # this period 2024-01-01 .. 2024-03-01 (60 days); a year earlier 2023-01-01 .. 2023-03-01,
    # overlapped by two periods: 61 m³ in 61 days and 60 m³ in 60 days = 1 m³/day
    history = (
        Period(date(2022, 6, 1), date(2022, 12, 15), 2_000 * M3),  # no overlap: left out
        Period(date(2022, 12, 15), date(2023, 2, 14), 61 * M3),
        Period(date(2023, 2, 14), date(2023, 4, 15), 60 * M3),
        Period(date(2023, 11, 1), date(2024, 1, 1), 10 * M3),
    )
    at = {"days": 60, "previous_on": date(2024, 1, 1), "history": history}
    # 18 m³ in 60 days = 0.3 m³/day: down 70 % -> flagged
    assert check(year, 18 * M3, **at).flags == (Flag.YEAR_DROP,)  # type: ignore[arg-type]
    assert check(NONE, 18 * M3, **at).flags == ()  # type: ignore[arg-type]
    # 18.001 m³: down a little less than 70 %
    assert check(year, 18 * M3 + 1, **at).flags == ()  # type: ignore[arg-type]
    # a lower limit: 40 m³ (0.667 m³/day) is down 33 %, flagged at 30 %
    lower = ReadingRules(**{**year.__dict__, "year_drop_percent": 30})
    assert check(lower, 40 * M3, **at).flags == (Flag.YEAR_DROP,)  # type: ignore[arg-type]
    # no period a year earlier: nothing to compare with
    assert check(year, 0, days=60, previous_on=date(2024, 1, 1), history=history[3:]).flags == ()


def test_inactive_account() -> None:
    inactive = ReadingRules(check_zero=False, check_high=False, check_drop=False)
    assert check(inactive, 5 * M3, active=False).flags == (Flag.INACTIVE,)
    assert check(inactive, 5 * M3, active=True).flags == ()
    assert check(inactive, 0, active=False).flags == ()
    assert check(NONE, 5 * M3, active=False).flags == ()


def test_several_flags_together() -> None:
    # no consumption on a closed account with 1 m³/day history: zero and drop
    assert check(ALL, 0, active=False).flags == (Flag.ZERO, Flag.DROP)
    # 200 m³ on a closed account: high and inactive
    assert check(ALL, 200 * M3, active=False).flags == (Flag.HIGH, Flag.INACTIVE)


# --- estimates ----------------------------------------------------------------------------------


def test_estimate_from_the_last_three_periods() -> None:
    history = [
        Period(date(2024, 3, 1), date(2024, 3, 31), 30 * M3),  # 30 days
        Period(date(2023, 1, 1), date(2024, 1, 1), 1_000 * M3),  # oldest: left out
        Period(date(2024, 1, 1), date(2024, 2, 1), 31 * M3),  # 31 days
        Period(date(2024, 2, 1), date(2024, 3, 1), 58 * M3),  # 29 days (leap year)
    ]
    # 119 m³ in 90 days; for 30 days: 119 000 × 30 / 90 = 39 666.67 -> 39 667 L
    assert estimate_litres(history, 30) == 39_667
    # for 90 days exactly the three periods' volume
    assert estimate_litres(history, 90) == 119 * M3


def test_estimate_rounds_half_up() -> None:
    # 1 L in 2 days, estimated for 1 day: 0.5 L -> 1 L; 3 L in 2 days for 1 day: 1.5 -> 2
    assert estimate_litres([Period(date(2024, 1, 1), date(2024, 1, 3), 1)], 1) == 1
    assert estimate_litres([Period(date(2024, 1, 1), date(2024, 1, 3), 3)], 1) == 2
    assert estimate_litres([Period(date(2024, 1, 1), date(2024, 1, 3), 3)], 0) == 0


def test_estimate_needs_history() -> None:
    with pytest.raises(DomainError) as caught:
        estimate_litres([], 30)
    assert caught.value.key == "reading.no_history_for_estimate"


def test_period_daily_average() -> None:
    assert Period(date(2024, 1, 1), date(2024, 1, 31), 45 * M3).daily() == Fraction(1500)
    # two readings on one day count as one day
    assert Period(date(2024, 1, 1), date(2024, 1, 1), 7).days == 1


# --- rules and code tables ----------------------------------------------------------------------


def test_clean_rules() -> None:
    assert clean_rules(ReadingRules()) == ReadingRules()
    with pytest.raises(DomainError) as caught:
        clean_rules(ReadingRules(high_litres=0, drop_percent=0, year_drop_percent=101))
    assert {(p.key, p.field) for p in caught.value.problems} == {
        ("reading.high_litres_positive", "high_litres"),
        ("reading.percent_range", "drop_percent"),
        ("reading.percent_range", "year_drop_percent"),
    }


def test_code_tables() -> None:
    assert ReadingSource("03") is ReadingSource.ESTIMATED
    assert ReadingSource.LOCKED in NO_VALUE_SOURCES
    assert ReadingSource.ON_SITE not in NO_VALUE_SOURCES
    assert ReadingSource.REMOTE not in NO_VALUE_SOURCES
    assert [k.value for k in ReadingKind] == ["P", "S", "T", "Z"]
