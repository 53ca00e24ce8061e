"""The tariff versions (阶梯气价版本) as the manager's tariffs table shows them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.domain.accounts import GasUse, UserType
from app.domain.tariff import Tariff, TariffKind, format_m3, format_price, in_force
from ui.accounts.labels import label
from ui.common.icons import Icon, icon
from ui.common.row_table_model import RowTableModel

PPM_PER_PERCENT = 10_000  # late-fee rates are kept in ppm per day: 0.05 %/day = 500


def percent_text(ppm: int) -> str:
    """A rate in ppm as a percentage without trailing zeros: 500 → ``0.05``, 10000 → ``1``."""
    whole, rest = divmod(ppm, PPM_PER_PERCENT)
    return f"{whole}.{rest:04d}".rstrip("0").rstrip(".")


def code_label(enum_type: type[UserType] | type[GasUse], value: str) -> str:
    """The label of a stored code; the code itself when the code table no longer has it."""
    try:
        return label(enum_type(value))
    except ValueError:
        return value


class TariffTableModel(RowTableModel):
    """One row per tariff version (``Tariff``), grouped by user type and gas use, oldest first.

    The version in force on ``today`` of each user type and gas use is marked: bold, a check
    icon and "In force" in the status column.
    """

    class Column(IntEnum):
        """The table's columns."""

        USER_TYPE = 0
        GAS_USE = 1
        EFFECTIVE_FROM = 2
        STATUS = 3
        TIERS = 4  # before the name: what a manager looks for first, visible without scrolling
        NAME = 5
        KIND = 6
        CYCLE = 7
        HOUSEHOLD = 8
        LATE_FEE = 9

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = date.min
        self._current: set[int] = set()

    def set_versions(self, versions: Sequence[Tariff], today: date) -> None:
        """Replace every row; mark the versions in force on ``today``."""
        self._today = today
        groups: dict[tuple[str, str], list[Tariff]] = {}
        for version in versions:
            groups.setdefault((version.user_type, version.gas_use), []).append(version)
        current = (in_force(group, today) for group in groups.values())
        self._current = {t.id for t in current if t is not None and t.id is not None}
        self.set_rows(versions)

    def version_at(self, row: int) -> Tariff:
        """The version shown in a row."""
        return self.row_at(row)  # type: ignore[no-any-return]

    def is_current(self, tariff: Tariff) -> bool:
        """Whether this version is the one in force today for its user type and gas use."""
        return tariff.id in self._current

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("User type"), self.tr("Gas use"), self.tr("Effective from"),
                self.tr("Status"), self.tr("Tiers (yuan/m³)"), self.tr("Name"),
                self.tr("Kind"), self.tr("Cycle starts"), self.tr("Household size"),
                self.tr("Late fee"))

    def raw(self, tariff: Tariff, column: Column) -> object:
        """Sortable values: codes, the date, the name, the first price."""
        values: tuple[object, ...] = (
            tariff.user_type, tariff.gas_use, tariff.effective_from, self.status_text(tariff),
            tariff.tiers[0].price if tariff.tiers else 0, tariff.name, tariff.kind.value,
            (tariff.cycle_month, tariff.cycle_day),
            tariff.household.base_size if tariff.household else 0,
            tariff.late_fee.ppm_per_day,
        )
        return values[column]

    def text(self, tariff: Tariff, column: Column) -> str:
        """What a cell shows."""
        match column:
            case self.Column.USER_TYPE:
                return code_label(UserType, tariff.user_type)
            case self.Column.GAS_USE:
                return code_label(GasUse, tariff.gas_use)
            case self.Column.EFFECTIVE_FROM:
                return tariff.effective_from.isoformat()
            case self.Column.STATUS:
                return self.status_text(tariff)
            case self.Column.KIND:
                return self.kind_text(tariff.kind)
            case self.Column.TIERS:
                return self.tiers_text(tariff)
            case self.Column.CYCLE:
                return f"{tariff.cycle_month:02d}-{tariff.cycle_day:02d}"
            case self.Column.HOUSEHOLD:
                return self.household_text(tariff)
            case self.Column.LATE_FEE:
                return self.late_fee_text(tariff)
        return tariff.name

    def cell_role(self, tariff: Tariff, column: Column, role: int) -> Any:
        """The version in force: bold and checked; tiers: the heating thresholds as a tip."""
        current = self.is_current(tariff)
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and current and column is self.Column.STATUS:
            return icon(Icon.CHECK, "#1e8e3e")
        if role == Qt.ItemDataRole.ToolTipRole and column is self.Column.TIERS:
            return self.heating_text(tariff)
        return None

    # --- texts (also used by the page's detail line) --------------------------------------------

    def status_text(self, tariff: Tariff) -> str:
        """In force, planned (a later date) or replaced by a newer version."""
        if self.is_current(tariff):
            return self.tr("In force")
        if tariff.effective_from > self._today:
            return self.tr("Planned")
        return self.tr("Replaced")

    def kind_text(self, kind: TariffKind) -> str:
        """Tiered or flat."""
        return self.tr("Tiered") if kind is TariffKind.TIERED else self.tr("Flat")

    def tiers_text(self, tariff: Tariff) -> str:
        """``0–370 m³ 3.40 · 370–560 m³ 4.08 · >560 m³ 5.10``; one price alone when flat."""
        if len(tariff.tiers) == 1:
            return self.tr("{price} for any volume").format(
                price=format_price(tariff.tiers[0].price))
        parts = []
        lower = 0
        for tier in tariff.tiers:
            price = format_price(tier.price)
            if tier.upto_litres is None:
                parts.append(f">{format_m3(lower)} m³ {price}")
            else:
                parts.append(f"{format_m3(lower)}–{format_m3(tier.upto_litres)} m³ {price}")
                lower = tier.upto_litres
        return " · ".join(parts)

    def heating_text(self, tariff: Tariff) -> str:
        """The heating households' thresholds, or that they have none of their own."""
        if not tariff.heating_thresholds:
            return self.tr("Heating households: same thresholds")
        bounds = " / ".join(format_m3(b) for b in tariff.heating_thresholds)
        return self.tr("Heating households: thresholds {bounds} m³").format(bounds=bounds)

    def household_text(self, tariff: Tariff) -> str:
        """``>4 people: +50 m³ each, at most 150 m³`` or "No adjustment"."""
        rule = tariff.household
        if rule is None:
            return self.tr("No adjustment")
        return self.tr(">{n} people: +{step} m³ each, at most {cap} m³").format(
            n=rule.base_size, step=format_m3(rule.step_litres), cap=format_m3(rule.cap_litres))

    def late_fee_text(self, tariff: Tariff) -> str:
        """``0.05 %/day after 15 days`` or "None"."""
        fee = tariff.late_fee
        if fee.ppm_per_day == 0:
            return self.tr("None")
        return self.tr("{rate} %/day after {days} days").format(
            rate=percent_text(fee.ppm_per_day), days=fee.grace_days)

    def low_income_text(self, tariff: Tariff) -> str:
        """What low-income (低保) households pay."""
        if tariff.low_income_tier1:
            return self.tr("Low-income households pay tier 1 for everything")
        return self.tr("Low-income households pay the normal tiers")
