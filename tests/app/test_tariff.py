"""Tiered tariff: pricing, thresholds, periods and late fees (smoke tests; more follow)."""

from __future__ import annotations

from datetime import date

from app.domain.tariff import (
    Household,
    LateFeeRule,
    Tariff,
    TariffKind,
    Tier,
    TierLine,
    clean_tariff,
    late_fee_fen,
    price_volume,
)

DONGGUAN = Tariff(
    None, "residential", "cooking", date(2020, 1, 1), "东莞居民", TariffKind.TIERED,
    (Tier(370_000, 34_000), Tier(560_000, 40_800), Tier(None, 51_000)),
)


def test_crossing_all_tiers() -> None:
    # 360 m³ used, 220 m³ more: 10 × 3.40 = 34.00, 190 × 4.08 = 775.20, 20 × 5.10 = 102.00
    assert clean_tariff(DONGGUAN) == DONGGUAN
    assert price_volume(DONGGUAN, Household(), 360_000, 220_000) == (
        TierLine(1, 10_000, 34_000, 3400),
        TierLine(2, 190_000, 40_800, 77520),
        TierLine(3, 20_000, 51_000, 10200),
    )


def test_late_fee() -> None:
    # 123.45 yuan × 0.3 % × 17 days = 12345 × 3000 × 17 / 1e6 = 629.595 fen -> 630 fen
    assert late_fee_fen(12_345, 17, LateFeeRule(3000)) == 630
