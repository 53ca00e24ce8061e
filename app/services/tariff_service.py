"""Tariff versions (阶梯气价) and the reading checks per gas use: what managers set up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.accounts import GasUse
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.readings import ReadingRules, clean_rules
from app.domain.tariff import (
    HouseholdRule,
    LateFeeRule,
    Tariff,
    TariffKind,
    Tier,
    clean_tariff,
)
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import ReadingRule, TariffVersion
from app.services.dto import Operator

_RULE_FIELDS = tuple(asdict(ReadingRules()))


class TariffService:
    """Versions of the tariffs and the reading rules."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def versions(self) -> list[Tariff]:
        """Every tariff version, by user type, gas use and effective date."""
        with self._db.reading() as session:
            return load_tariffs(session)

    def add_version(self, operator: Operator, tariff: Tariff) -> Tariff:
        """Add a new version; versions are never changed, a new one takes over from its date."""
        require(operator.role, Permission.EDIT_TARIFFS)
        tariff = clean_tariff(tariff)
        now = self._clock.now()
        with self._db.writing() as session:
            taken = session.scalar(select(TariffVersion.id).where(
                TariffVersion.user_type == tariff.user_type,
                TariffVersion.gas_use == tariff.gas_use,
                TariffVersion.effective_from == tariff.effective_from))
            if taken is not None:
                raise DomainError.of("tariff.version_exists", "effective_from")
            row = _row(tariff, now, operator.username)
            session.add(row)
            session.flush()
            append_audit(session, now, operator.username, "tariff.version_added",
                         f"tariff:{row.id}", {
                             "user_type": tariff.user_type, "gas_use": tariff.gas_use,
                             "effective_from": tariff.effective_from.isoformat(),
                             "name": tariff.name, "tiers": row.tiers,
                         }, operator.hall_id)
            return replace(tariff, id=row.id)

    def rules(self) -> dict[str, ReadingRules]:
        """The reading checks of every gas use; defaults where none are stored."""
        with self._db.reading() as session:
            return load_rules(session)

    def save_rules(self, operator: Operator, gas_use: str, rules: ReadingRules) -> None:
        """Store the reading checks of one gas use."""
        require(operator.role, Permission.EDIT_TARIFFS)
        if gas_use not in set(GasUse):
            raise DomainError.of("tariff.gas_use_unknown", "gas_use", value=gas_use)
        rules = clean_rules(rules)
        now = self._clock.now()
        with self._db.writing() as session:
            row = session.get(ReadingRule, gas_use)
            if row is None:
                row = ReadingRule(gas_use=gas_use)
                session.add(row)
            for name in _RULE_FIELDS:
                setattr(row, name, getattr(rules, name))
            append_audit(session, now, operator.username, "reading_rules.changed",
                         f"gas_use:{gas_use}", asdict(rules), operator.hall_id)


def load_tariffs(session: Session) -> list[Tariff]:
    """Every tariff version as the domain's ``Tariff``."""
    rows = session.scalars(select(TariffVersion).order_by(
        TariffVersion.user_type, TariffVersion.gas_use, TariffVersion.effective_from))
    return [_tariff(r) for r in rows]


def tariffs_by_use(session: Session) -> dict[tuple[str, str], list[Tariff]]:
    """Tariff versions grouped by (user type, gas use)."""
    grouped: dict[tuple[str, str], list[Tariff]] = {}
    for t in load_tariffs(session):
        grouped.setdefault((t.user_type, t.gas_use), []).append(t)
    return grouped


def load_rules(session: Session) -> dict[str, ReadingRules]:
    """The reading checks of every gas use; defaults where none are stored."""
    stored = {r.gas_use: r for r in session.scalars(select(ReadingRule))}
    rules: dict[str, ReadingRules] = {}
    for use in GasUse:
        row = stored.get(use.value)
        rules[use.value] = ReadingRules() if row is None else ReadingRules(
            **{name: getattr(row, name) for name in _RULE_FIELDS})
    return rules


def _tariff(row: TariffVersion) -> Tariff:
    household = None if row.household_base is None else HouseholdRule(
        row.household_base, row.household_step_litres, row.household_cap_litres)
    heating = tuple(int(v) for v in row.heating_thresholds) if row.heating_thresholds else None
    return Tariff(
        id=row.id, user_type=row.user_type, gas_use=row.gas_use,
        effective_from=row.effective_from, name=row.name, kind=TariffKind(row.kind),
        tiers=_tiers(row.tiers), heating_thresholds=heating, cycle_month=row.cycle_month,
        cycle_day=row.cycle_day, household=household, low_income_tier1=row.low_income_tier1,
        late_fee=LateFeeRule(row.late_fee_ppm_per_day, row.late_fee_grace_days),
    )


def _tiers(stored: Sequence[Sequence[int | None]]) -> tuple[Tier, ...]:
    return tuple(Tier(None if upto is None else int(upto), int(price or 0))
                 for upto, price in stored)


def _row(t: Tariff, now: object, username: str) -> TariffVersion:
    h = t.household
    return TariffVersion(
        user_type=t.user_type, gas_use=t.gas_use, effective_from=t.effective_from, name=t.name,
        kind=t.kind.value, tiers=[[tier.upto_litres, tier.price] for tier in t.tiers],
        heating_thresholds=list(t.heating_thresholds) if t.heating_thresholds else None,
        cycle_month=t.cycle_month, cycle_day=t.cycle_day,
        household_base=None if h is None else h.base_size,
        household_step_litres=0 if h is None else h.step_litres,
        household_cap_litres=0 if h is None else h.cap_litres,
        low_income_tier1=t.low_income_tier1, late_fee_ppm_per_day=t.late_fee.ppm_per_day,
        late_fee_grace_days=t.late_fee.grace_days, created_at=now, created_by=username,
    )
