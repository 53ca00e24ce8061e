"""Tiered tariff: pricing by tier, thresholds per household, periods split by days, late fees.

Worked examples are computed by hand in the comments; property tests check the rules that must
hold for any tariff: monotone, split-invariant, lines adding up, integers only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.tariff import (
    MAX_PRICE,
    Household,
    HouseholdRule,
    LateFeeRule,
    Segment,
    Tariff,
    TariffKind,
    Tier,
    TierLine,
    TierPosition,
    clean_tariff,
    cycle_end,
    cycle_start,
    format_m3,
    format_price,
    in_force,
    late_fee_fen,
    parse_m3,
    parse_price,
    price_volume,
    split_period,
    thresholds,
    tier_position,
)

M3 = 1000


def tiered(*tiers: tuple[int | None, int], **changes: object) -> Tariff:
    """A residential cooking tariff; tiers as (upper bound in m³ or None, price)."""
    base = Tariff(
        None, "residential", "cooking", date(2020, 1, 1), "居民阶梯", TariffKind.TIERED,
        tuple(Tier(None if upto is None else upto * M3, price) for upto, price in tiers),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


DONGGUAN = tiered((370, 34_000), (560, 40_800), (None, 51_000))
YANTAI = tiered((216, 26_800), (336, 32_200), (None, 40_200))
# 廊坊: 2.93, ×1.2 = 3.516, ×1.5 = 4.395; general 500/1200 m³, wall boiler 1200/3000 m³
LANGFANG = tiered(
    (500, 29_300), (1200, 35_160), (None, 43_950),
    heating_thresholds=(1200 * M3, 3000 * M3), cycle_month=11,
)
PLAIN = Household()


def total(lines: tuple[TierLine, ...]) -> int:
    return sum(line.amount_fen for line in lines)


# --- worked examples ----------------------------------------------------------------------------


def test_dongguan_within_tier_one() -> None:
    # 100 m³ × 3.40 = 340.00 yuan
    assert price_volume(DONGGUAN, PLAIN, 0, 100 * M3) == (TierLine(1, 100 * M3, 34_000, 34_000),)


def test_dongguan_crossing_one_threshold() -> None:
    # 365 m³ used, 10 m³ more: 5 × 3.40 = 17.00 + 5 × 4.08 = 20.40 -> 37.40
    lines = price_volume(DONGGUAN, PLAIN, 365 * M3, 10 * M3)
    assert lines == (TierLine(1, 5 * M3, 34_000, 1_700), TierLine(2, 5 * M3, 40_800, 2_040))
    assert total(lines) == 3_740


def test_dongguan_crossing_all_tiers() -> None:
    # 360 m³ used, 220 m³ more: 10 × 3.40 = 34.00, 190 × 4.08 = 775.20, 20 × 5.10 = 102.00
    # total 911.20 yuan; cumulative 580 m³ is in tier 3
    lines = price_volume(DONGGUAN, PLAIN, 360 * M3, 220 * M3)
    assert lines == (
        TierLine(1, 10 * M3, 34_000, 3_400),
        TierLine(2, 190 * M3, 40_800, 77_520),
        TierLine(3, 20 * M3, 51_000, 10_200),
    )
    assert total(lines) == 91_120
    assert tier_position(DONGGUAN, PLAIN, 580 * M3) == TierPosition(3, None)


def test_yantai_example_of_domain_notes() -> None:
    # 200 m³ used, 30 m³ more: 16 × 2.68 = 42.88, 14 × 3.22 = 45.08, total 87.96 yuan;
    # cumulative 230 m³, 336 − 230 = 106 m³ left in tier 2
    lines = price_volume(YANTAI, PLAIN, 200 * M3, 30 * M3)
    assert lines == (TierLine(1, 16 * M3, 26_800, 4_288), TierLine(2, 14 * M3, 32_200, 4_508))
    assert total(lines) == 8_796
    assert tier_position(YANTAI, PLAIN, 230 * M3) == TierPosition(2, 106 * M3)


def test_shanghai_bill_remainder() -> None:
    # 上海: tier 1 up to 310 m³, 145 m³ used -> 第一档还剩余 165 立方米
    shanghai = tiered((310, 30_000), (520, 33_000), (None, 42_000))
    assert tier_position(shanghai, PLAIN, 145 * M3) == TierPosition(1, 165 * M3)
    # exactly at the threshold the next litre is tier 2: 520 − 310 = 210 m³ left
    assert tier_position(shanghai, PLAIN, 310 * M3) == TierPosition(2, 210 * M3)


def test_rounding_per_line_on_the_cumulative_volume() -> None:
    # 1 L at 3.40: 1 × 34000 / 100000 = 0.34 fen -> 0; 2 L: 0.68 fen -> 1 fen.
    # Two bills of 1 L: R(0.34) − R(0) = 0, then R(0.68) − R(0.34) = 1 − 0 = 1: same as one bill.
    assert price_volume(DONGGUAN, PLAIN, 0, 1) == (TierLine(1, 1, 34_000, 0),)
    assert price_volume(DONGGUAN, PLAIN, 1, 1) == (TierLine(1, 1, 34_000, 1),)
    assert price_volume(DONGGUAN, PLAIN, 0, 2) == (TierLine(1, 2, 34_000, 1),)
    # 0.5 fen rounds up: 5 L × 1.00 yuan = 5 × 10000 / 100000 = 0.5 fen -> 1 fen
    one_yuan = tiered((None, 10_000))
    assert price_volume(one_yuan, PLAIN, 0, 5) == (TierLine(1, 5, 10_000, 1),)


def test_flat_tariff_one_line() -> None:
    # 工商业 3.479: 1234.567 m³ × 3.479 = 1234567 × 34790 / 100000 = 429505.8593 fen -> 429506
    commercial = replace(
        tiered((None, 34_790)), user_type="non_residential", gas_use="commercial",
        kind=TariffKind.FLAT,
    )
    assert clean_tariff(commercial) == commercial
    lines = price_volume(commercial, PLAIN, 5_000 * M3, 1_234_567)
    assert lines == (TierLine(1, 1_234_567, 34_790, 429_506),)
    assert thresholds(commercial, PLAIN) == ()
    assert tier_position(commercial, PLAIN, 10**9) == TierPosition(1, None)


def test_household_of_six_raises_every_threshold() -> None:
    # base 4, +50 m³ per extra person: 6 people -> +100 m³: 470 / 660 m³
    rule = replace(DONGGUAN, household=HouseholdRule(4, 50 * M3, 150 * M3))
    six = Household(size=6)
    assert thresholds(rule, six) == (470 * M3, 660 * M3)
    # 450 m³ from zero: all tier 1: 450 × 3.40 = 1530.00
    assert total(price_volume(rule, six, 0, 450 * M3)) == 153_000
    # a family of four pays 370 × 3.40 = 1258.00 + 80 × 4.08 = 326.40 -> 1584.40
    assert total(price_volume(rule, Household(size=4), 0, 450 * M3)) == 158_440


def test_household_adjustment_is_capped() -> None:
    # 9 people: 5 × 50 = 250 m³, capped at 150 m³: 520 / 710 m³; 4 or fewer: unchanged
    rule = replace(DONGGUAN, household=HouseholdRule(4, 50 * M3, 150 * M3))
    assert thresholds(rule, Household(size=9)) == (520 * M3, 710 * M3)
    assert thresholds(rule, Household(size=5)) == (420 * M3, 610 * M3)
    assert thresholds(rule, Household(size=2)) == (370 * M3, 560 * M3)
    # no household rule on the tariff: size does not matter
    assert thresholds(DONGGUAN, Household(size=9)) == (370 * M3, 560 * M3)


def test_heating_household_uses_heating_thresholds() -> None:
    # 1000 m³ used, 300 m³ more.
    # heating (1200/3000): 200 × 2.93 = 586.00 + 100 × 3.516 = 351.60 -> 937.60
    heating = price_volume(LANGFANG, Household(heating=True), 1000 * M3, 300 * M3)
    assert heating == (TierLine(1, 200 * M3, 29_300, 58_600), TierLine(2, 100 * M3, 35_160, 35_160))
    # not heating (500/1200): 200 × 3.516 = 703.20 + 100 × 4.395 = 439.50 -> 1142.70
    cooking = price_volume(LANGFANG, PLAIN, 1000 * M3, 300 * M3)
    assert cooking == (TierLine(2, 200 * M3, 35_160, 70_320), TierLine(3, 100 * M3, 43_950, 43_950))
    assert total(cooking) == 114_270


def test_heating_and_household_size_together() -> None:
    # heating 1200/3000 m³, 7 people over base 4: +150 m³ -> 1350/3150 m³
    rule = replace(LANGFANG, household=HouseholdRule(4, 50 * M3, 150 * M3))
    assert thresholds(rule, Household(size=7, heating=True)) == (1350 * M3, 3150 * M3)
    # a heating household on a tariff without heating thresholds uses the ordinary ones
    assert thresholds(DONGGUAN, Household(heating=True)) == (370 * M3, 560 * M3)


def test_low_income_pays_tier_one_for_everything() -> None:
    # 600 m³ used (tier 3 for others), 100 m³ more: 100 × 3.40 = 340.00, one tier-1 line
    poor = Household(low_income=True)
    assert price_volume(DONGGUAN, poor, 600 * M3, 100 * M3) == (
        TierLine(1, 100 * M3, 34_000, 34_000),
    )
    assert tier_position(DONGGUAN, poor, 600 * M3) == TierPosition(1, None)
    assert thresholds(DONGGUAN, poor) == ()
    # a tariff without the rule: 100 × 5.10 = 510.00
    strict = replace(DONGGUAN, low_income_tier1=False)
    assert price_volume(strict, poor, 600 * M3, 100 * M3) == (
        TierLine(3, 100 * M3, 51_000, 51_000),
    )


def test_period_across_a_price_change() -> None:
    # New prices 3.60/4.32/5.40 from 2024-03-01. Readings 2024-02-10 and 2024-03-11: 30 days,
    # 20 before the change (10..29 February, a leap year) and 10 after (1..10 March).
    # 45 m³ -> 45 × 20/30 = 30 m³ old, 15 m³ new. 100 m³ used before:
    # 30 × 3.40 = 102.00, then 15 × 3.60 = 54.00 -> 156.00
    raised = replace(
        DONGGUAN, effective_from=date(2024, 3, 1),
        tiers=(Tier(370 * M3, 36_000), Tier(560 * M3, 43_200), Tier(None, 54_000)),
    )
    parts = split_period([raised, DONGGUAN], date(2024, 2, 10), date(2024, 3, 11), 45 * M3)
    assert parts == (
        Segment(DONGGUAN, date(2024, 2, 10), date(2024, 3, 1), 30 * M3, date(2024, 1, 1)),
        Segment(raised, date(2024, 3, 1), date(2024, 3, 11), 15 * M3, date(2024, 1, 1)),
    )
    first = price_volume(parts[0].tariff, PLAIN, 100 * M3, parts[0].litres)
    second = price_volume(parts[1].tariff, PLAIN, 130 * M3, parts[1].litres)
    assert (total(first), total(second)) == (10_200, 5_400)
    # 10 m³ instead: 10000 × 20/30 = 6666.67 -> 6667 L old, the remaining 3333 L new
    assert [p.litres for p in split_period([raised, DONGGUAN], date(2024, 2, 10),
                                           date(2024, 3, 11), 10 * M3)] == [6_667, 3_333]


def test_reading_on_the_change_date_bills_the_old_price() -> None:
    # a 顺价 reading on 2024-03-01 closes the consumption of the days before the change
    raised = replace(DONGGUAN, effective_from=date(2024, 3, 1))
    parts = split_period([DONGGUAN, raised], date(2024, 1, 15), date(2024, 3, 1), 40 * M3)
    assert [(p.tariff, p.litres) for p in parts] == [(DONGGUAN, 40 * M3)]
    after = split_period([DONGGUAN, raised], date(2024, 3, 1), date(2024, 4, 1), 40 * M3)
    assert [(p.tariff, p.litres) for p in after] == [(raised, 40 * M3)]


def test_period_across_the_cycle_start() -> None:
    # Readings 2023-12-17 and 2024-01-16: 15 days in December, 15 in January; 40 m³ -> 20 + 20.
    # 365 m³ used in the 2023 cycle: 5 × 3.40 = 17.00 + 15 × 4.08 = 61.20 -> 78.20;
    # the new cycle starts at 0: 20 × 3.40 = 68.00. Bill 146.20.
    parts = split_period([DONGGUAN], date(2023, 12, 17), date(2024, 1, 16), 40 * M3)
    assert [(p.start, p.end, p.litres, p.cycle_start) for p in parts] == [
        (date(2023, 12, 17), date(2024, 1, 1), 20 * M3, date(2023, 1, 1)),
        (date(2024, 1, 1), date(2024, 1, 16), 20 * M3, date(2024, 1, 1)),
    ]
    old = price_volume(DONGGUAN, PLAIN, 365 * M3, parts[0].litres)
    new = price_volume(DONGGUAN, PLAIN, 0, parts[1].litres)
    assert (total(old), total(new)) == (7_820, 6_800)


def test_cycle_from_first_of_november() -> None:
    # 廊坊: 1 November – 31 October
    assert cycle_start(LANGFANG, date(2024, 10, 31)) == date(2023, 11, 1)
    assert cycle_end(LANGFANG, date(2024, 10, 31)) == date(2024, 10, 31)
    assert cycle_start(LANGFANG, date(2024, 11, 1)) == date(2024, 11, 1)
    assert cycle_end(LANGFANG, date(2024, 11, 1)) == date(2025, 10, 31)
    assert cycle_end(DONGGUAN, date(2024, 2, 29)) == date(2024, 12, 31)


def test_no_tariff_in_force() -> None:
    later = replace(DONGGUAN, effective_from=date(2024, 3, 1))
    with pytest.raises(DomainError) as caught:
        split_period([later], date(2024, 2, 1), date(2024, 4, 1), 10 * M3)
    assert caught.value.key == "billing.no_tariff"
    assert in_force([later], date(2024, 2, 29)) is None
    assert in_force([later, DONGGUAN], date(2024, 3, 1)) is later


def test_period_of_no_days_is_one_segment() -> None:
    parts = split_period([DONGGUAN], date(2024, 5, 5), date(2024, 5, 5), 7 * M3)
    assert parts == (Segment(DONGGUAN, date(2024, 5, 5), date(2024, 5, 5), 7 * M3,
                             date(2024, 1, 1)),)


def test_late_fee() -> None:
    # 123.45 yuan × 0.3 % × 17 days = 12345 × 3000 × 17 / 1e6 = 629.595 fen -> 630 fen (6.30)
    assert late_fee_fen(12_345, 17, LateFeeRule(3000, grace_days=7)) == 630
    # 200.00 yuan × 0.3 % × 1 day = 60 fen exactly
    assert late_fee_fen(20_000, 1, LateFeeRule(3000)) == 60
    # 1.00 yuan × 0.3 % × 1 day = 0.3 fen -> 0; nothing owed, no days or no rate -> 0
    assert late_fee_fen(100, 1, LateFeeRule(3000)) == 0
    assert late_fee_fen(-500, 30, LateFeeRule(3000)) == 0
    assert late_fee_fen(12_345, 0, LateFeeRule(3000)) == 0
    assert late_fee_fen(12_345, 30, LateFeeRule()) == 0


# --- validation ---------------------------------------------------------------------------------


def problem_keys(t: Tariff) -> set[str]:
    with pytest.raises(DomainError) as caught:
        clean_tariff(t)
    return {p.key for p in caught.value.problems}


def test_clean_trims_the_name() -> None:
    assert clean_tariff(replace(DONGGUAN, name="  东莞 ")).name == "东莞"
    assert clean_tariff(replace(DONGGUAN, heating_thresholds=())).heating_thresholds is None


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"name": " "}, "tariff.name_required"),
        ({"name": "x" * 61}, "tariff.name_too_long"),
        ({"user_type": "alien"}, "tariff.user_type_unknown"),
        ({"gas_use": "rocket"}, "tariff.gas_use_unknown"),
        ({"tiers": ()}, "tariff.no_tiers"),
        ({"kind": TariffKind.FLAT}, "tariff.flat_one_tier"),
        ({"tiers": (Tier(370_000, 0), Tier(None, 40_800))}, "tariff.price_range"),
        ({"tiers": (Tier(370_000, MAX_PRICE + 1), Tier(None, 1))}, "tariff.price_range"),
        ({"tiers": (Tier(370_000, 34_000),)}, "tariff.last_tier_open"),
        ({"tiers": (Tier(None, 34_000), Tier(None, 40_800))}, "tariff.threshold_required"),
        ({"tiers": (Tier(560_000, 1), Tier(370_000, 2), Tier(None, 3))},
         "tariff.thresholds_increasing"),
        ({"tiers": (Tier(0, 1), Tier(None, 3))}, "tariff.thresholds_increasing"),
        ({"heating_thresholds": (1_000_000,)}, "tariff.heating_count"),
        ({"heating_thresholds": (900_000, 800_000)}, "tariff.heating_increasing"),
        ({"cycle_month": 2, "cycle_day": 30}, "tariff.cycle_date"),
        ({"cycle_month": 2, "cycle_day": 29}, "tariff.cycle_date"),
        ({"cycle_month": 13}, "tariff.cycle_date"),
        ({"household": HouseholdRule(4, -1, 150_000)}, "tariff.household_negative"),
        ({"late_fee": LateFeeRule(-1)}, "tariff.late_fee_negative"),
        ({"late_fee": LateFeeRule(3000, -2)}, "tariff.late_fee_negative"),
        ({"late_fee": LateFeeRule(10_001)}, "tariff.late_fee_too_high"),
    ],
)
def test_clean_refuses(changes: dict[str, object], key: str) -> None:
    assert key in problem_keys(replace(DONGGUAN, **changes))  # type: ignore[arg-type]


def test_clean_lists_every_problem_with_its_field() -> None:
    bad = replace(DONGGUAN, name="", cycle_month=4, cycle_day=31, late_fee=LateFeeRule(-5))
    with pytest.raises(DomainError) as caught:
        clean_tariff(bad)
    assert {(p.key, p.field) for p in caught.value.problems} == {
        ("tariff.name_required", "name"),
        ("tariff.cycle_date", "cycle_day"),
        ("tariff.late_fee_negative", "late_fee"),
    }


# --- typing volumes and prices ------------------------------------------------------------------


def test_parse_and_format_m3() -> None:
    assert parse_m3("123.45") == 123_450
    assert parse_m3(" 1,234.567 ") == 1_234_567
    assert parse_m3("7") == 7_000
    assert parse_m3("0.001") == 1
    assert format_m3(123_450) == "123.45"
    assert format_m3(123_000) == "123"
    assert format_m3(1) == "0.001"
    for bad in ("", "-1", "1.2345", "abc", "1e3", "1234567890", "1,5", "12,3456"):
        with pytest.raises(DomainError) as caught:
            parse_m3(bad, "reading")
        assert (caught.value.key, caught.value.problems[0].field) == (
            "reading.volume_format", "reading",
        )


def test_parse_and_format_price() -> None:
    assert parse_price("3.40") == 34_000
    assert parse_price("4.125") == 41_250
    assert parse_price("3") == 30_000
    assert format_price(34_000) == "3.40"
    assert format_price(41_250) == "4.125"
    assert format_price(35_160) == "3.516"
    assert format_price(30_000) == "3.00"
    for bad in ("", "3.40001", "-3.4", "100", "x"):
        with pytest.raises(DomainError) as caught:
            parse_price(bad)
        assert (caught.value.key, caught.value.problems[0].field) == (
            "tariff.price_format", "price",
        )


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_m3_text_round_trip(litres: int) -> None:
    assert parse_m3(format_m3(litres)) == litres


@given(st.integers(min_value=1, max_value=MAX_PRICE))
def test_price_text_round_trip(price: int) -> None:
    assert parse_price(format_price(price)) == price


# --- properties ---------------------------------------------------------------------------------

volumes = st.integers(min_value=0, max_value=5_000 * M3)


@st.composite
def tariffs(draw: st.DrawFn) -> Tariff:
    flat = draw(st.booleans())
    count = 1 if flat else draw(st.integers(min_value=1, max_value=5))
    bounds = sorted(draw(st.sets(st.integers(1, 3_000 * M3), min_size=count - 1,
                                 max_size=count - 1)))
    prices = draw(st.lists(st.integers(1, MAX_PRICE), min_size=count, max_size=count))
    heating = None
    if count > 1 and draw(st.booleans()):
        heating = tuple(sorted(draw(st.sets(st.integers(1, 6_000 * M3), min_size=count - 1,
                                            max_size=count - 1))))
    household = draw(st.none() | st.builds(
        HouseholdRule, st.integers(0, 8), st.integers(0, 200 * M3), st.integers(0, 500 * M3)
    ))
    t = replace(
        DONGGUAN, kind=TariffKind.FLAT if flat else TariffKind.TIERED,
        tiers=tuple(Tier(upto, price) for upto, price in zip([*bounds, None], prices,
                                                              strict=True)),
        heating_thresholds=heating, household=household, low_income_tier1=draw(st.booleans()),
    )
    return clean_tariff(t)


households = st.builds(
    Household, size=st.integers(1, 20), heating=st.booleans(), low_income=st.booleans()
)


def reference_cost(t: Tariff, household: Household, cumulative: int) -> int:
    """Fen for a cycle's first ``cumulative`` litres: per tier, litres × price rounded half-up."""
    bounds = [*thresholds(t, household), None]
    fen, lower = 0, 0
    for no, upper in enumerate(bounds):
        inside = max(0, (cumulative if upper is None else min(cumulative, upper)) - lower)
        exact = inside * t.tiers[no].price  # in 1/100000 fen
        fen += exact // 100_000 + (1 if exact % 100_000 >= 50_000 else 0)
        lower = upper or 0
    return fen


@settings(max_examples=300)
@given(tariffs(), households, volumes, volumes)
def test_lines_add_up_and_are_integers(
    t: Tariff, household: Household, before: int, litres: int
) -> None:
    lines = price_volume(t, household, before, litres)
    assert sum(line.litres for line in lines) == litres
    assert total(lines) == reference_cost(t, household, before + litres) - reference_cost(
        t, household, before
    )
    assert [line.tier_no for line in lines] == sorted({line.tier_no for line in lines})
    for line in lines:
        assert all(type(v) is int for v in (line.tier_no, line.litres, line.price,
                                             line.amount_fen))
        assert line.litres > 0
        assert line.price == t.tiers[line.tier_no - 1].price
        # each line is within one fen of its exact litres × price
        assert abs(line.amount_fen * 100_000 - line.litres * line.price) <= 100_000


@settings(max_examples=300)
@given(tariffs(), households, volumes, volumes, volumes)
def test_amount_never_decreases_as_volume_grows(
    t: Tariff, household: Household, before: int, litres: int, more: int
) -> None:
    assert total(price_volume(t, household, before, litres)) <= total(
        price_volume(t, household, before, litres + more)
    )


@settings(max_examples=300)
@given(tariffs(), households, volumes, volumes, volumes)
def test_two_consecutive_bills_cost_the_same_as_one(
    t: Tariff, household: Household, before: int, first: int, second: int
) -> None:
    one = price_volume(t, household, before, first + second)
    two = price_volume(t, household, before, first) + price_volume(
        t, household, before + first, second
    )
    assert total(two) == total(one)
    for no in {line.tier_no for line in one}:
        assert sum(line.amount_fen for line in two if line.tier_no == no) == sum(
            line.amount_fen for line in one if line.tier_no == no
        )


@given(tariffs(), households, volumes)
def test_tier_position_matches_where_the_next_litre_is_priced(
    t: Tariff, household: Household, cumulative: int
) -> None:
    position = tier_position(t, household, cumulative)
    assert price_volume(t, household, cumulative, 1)[0].tier_no == position.tier_no
    if position.left_litres is not None:
        assert position.left_litres > 0
        end = cumulative + position.left_litres
        assert price_volume(t, household, end - 1, 1)[0].tier_no == position.tier_no
        assert price_volume(t, household, end, 1)[0].tier_no == position.tier_no + 1


@given(tariffs(), st.integers(1, 19), st.booleans())
def test_larger_households_never_have_lower_thresholds(
    t: Tariff, size: int, heating: bool
) -> None:
    small = thresholds(t, Household(size=size, heating=heating))
    large = thresholds(t, Household(size=size + 1, heating=heating))
    assert all(a <= b for a, b in zip(small, large, strict=True))


days_2020s = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200)
@given(
    st.lists(days_2020s, max_size=4, unique=True),
    st.sampled_from([(1, 1), (11, 1), (3, 31), (12, 31)]),
    days_2020s,
    st.integers(0, 800),
    st.integers(0, 2_000 * M3),
)
def test_split_period_parts_sum_and_follow_versions(
    changes: list[date], cycle: tuple[int, int], start: date, length: int, litres: int
) -> None:
    first = replace(DONGGUAN, effective_from=date(2019, 1, 1), cycle_month=cycle[0],
                    cycle_day=cycle[1])
    versions = [first, *(replace(first, effective_from=d, name=str(d)) for d in changes)]
    end = start + timedelta(days=length)
    parts = split_period(versions, start, end, litres)
    assert sum(p.litres for p in parts) == litres
    assert parts[0].start == start and parts[-1].end == end
    for a, b in zip(parts, parts[1:], strict=False):
        assert a.end == b.start
    for p in parts:
        assert type(p.litres) is int and p.litres >= 0
        assert p.tariff is in_force(versions, p.start)
        assert p.cycle_start == cycle_start(p.tariff, p.start)
        last_day = max(p.start, p.end - timedelta(days=1))
        assert in_force(versions, last_day) is p.tariff
        assert cycle_start(p.tariff, last_day) == p.cycle_start
        # pro rata by days: within one litre of the exact share
        if length:
            assert abs(p.litres * length - litres * (p.end - p.start).days) <= length
