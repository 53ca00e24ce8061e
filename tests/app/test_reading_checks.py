"""Checks on a new meter reading, rollover and estimates (smoke tests; more follow)."""

from __future__ import annotations

from datetime import date

from app.domain.readings import Flag, Period, ReadingRules, check_reading, estimate_litres


def test_lower_without_and_with_rollover() -> None:
    args = dict(read_on=date(2024, 3, 1), previous_on=date(2024, 1, 1), digits=5,
                history=(), account_active=True)
    lower = check_reading(ReadingRules(), value=5_000, previous_value=99_990_000,
                          rollover_confirmed=False, **args)  # type: ignore[arg-type]
    assert lower.flags == (Flag.LOWER,) and lower.consumption_litres is None
    ok = check_reading(ReadingRules(), value=5_000, previous_value=99_990_000,
                       rollover_confirmed=True, **args)  # type: ignore[arg-type]
    # 100000 m³ - 99990 m³ + 5 m³ = 15 m³
    assert ok.rollover and ok.consumption_litres == 15_000 and ok.flags == ()


def test_estimate() -> None:
    history = [Period(date(2024, 1, 1), date(2024, 1, 31), 30_000)]
    assert estimate_litres(history, 10) == 10_000
