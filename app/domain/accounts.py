"""Customer accounts (客户档案): code tables and the field rules of an account form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.errors import DomainError, Problem
from app.domain.identity import (
    id_number_problem,
    normalize_id_number,
    normalize_phone,
    phone_problem,
)


class UserType(StrEnum):
    """客户类型."""

    RESIDENTIAL = "residential"
    NON_RESIDENTIAL = "non_residential"


class GasUse(StrEnum):
    """用气类型: residential cooking plus the non-residential kinds of the code table."""

    COOKING = "cooking"
    BOILER = "boiler"
    PUBLIC = "public"
    COMMERCIAL = "commercial"
    INDUSTRY = "industry"
    WELFARE = "welfare"
    HEATING = "heating"


class AccountStatus(StrEnum):
    """客户状态: 未开栓 / 正常 / 暂停 / 长期不用 / 拆除 / 销户."""

    NOT_STARTED = "not_started"
    NORMAL = "normal"
    SUSPENDED = "suspended"
    LONG_UNUSED = "long_unused"
    REMOVED = "removed"
    CLOSED = "closed"


class IdType(StrEnum):
    """证件类型."""

    RESIDENT_ID = "resident_id"
    BUSINESS_LICENCE = "business_licence"
    PASSPORT = "passport"
    OTHER = "other"


class MeterKind(StrEnum):
    """表具类型: 普表 / IC卡气量表 / IC卡金额表 / 远传表."""

    MECHANICAL = "mechanical"
    IC_VOLUME = "ic_volume"
    IC_MONEY = "ic_money"
    REMOTE = "remote"


class MeterStatus(StrEnum):
    """表具状态: 正常 / 表慢 / 表快 / 死表 / 已拆除."""

    NORMAL = "normal"
    SLOW = "slow"
    FAST = "fast"
    STOPPED = "stopped"
    REMOVED = "removed"


ADDRESS_PARTS = ("district", "street", "community", "building", "unit", "room")
MAX_HOUSEHOLD_SIZE = 20


@dataclass(frozen=True)
class Address:
    """A structured premises address: 区 / 街(路) / 小区 / 楼号 / 单元 / 室."""

    district: str = ""
    street: str = ""
    community: str = ""
    building: str = ""
    unit: str = ""
    room: str = ""

    def text(self) -> str:
        """The address as one line, the way a clerk reads it out (幸福路 12号楼 3单元 502室)."""
        parts = [self.district, self.street, self.community]
        if self.building:
            parts.append(f"{self.building}栋")
        if self.unit:
            parts.append(f"{self.unit}单元")
        if self.room:
            parts.append(f"{self.room}室")
        return "".join(p.strip() for p in parts)


@dataclass(frozen=True)
class MeterDraft:
    """What the form says about the account's meter."""

    meter_no: str
    kind: MeterKind = MeterKind.MECHANICAL
    digits: int = 5
    installed_on: date | None = None
    status: MeterStatus = MeterStatus.NORMAL


@dataclass(frozen=True)
class AccountDraft:
    """An account form as typed: customer, premises address, account settings and meter."""

    name: str
    id_type: IdType
    id_number: str
    mobile: str
    phone: str
    address: Address
    user_type: UserType
    gas_use: GasUse
    household_size: int
    heating: bool
    low_income: bool
    status: AccountStatus
    route_book: str
    meter: MeterDraft | None


def clean_draft(draft: AccountDraft) -> AccountDraft:
    """Return the draft with whitespace trimmed and numbers normalised, or raise DomainError.

    All problems are reported together, each tied to its form field.
    """
    from dataclasses import replace

    cleaned = replace(
        draft,
        name=draft.name.strip(),
        id_number=normalize_id_number(draft.id_number),
        mobile=normalize_phone(draft.mobile),
        phone=normalize_phone(draft.phone),
        route_book=draft.route_book.strip(),
        meter=replace(draft.meter, meter_no=draft.meter.meter_no.strip().upper())
        if draft.meter else None,
    )
    problems = _draft_problems(cleaned)
    if problems:
        raise DomainError(*problems)
    return cleaned


def _draft_problems(d: AccountDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not d.name:
        problems.append(Problem("name.required", "name"))
    elif len(d.name) > 60:
        problems.append(Problem("name.too_long", "name", {"max": 60}))
    if d.id_number and d.id_type is IdType.RESIDENT_ID:
        key = id_number_problem(d.id_number)
        if key:
            problems.append(Problem(key, "id_number"))
    for field, value in (("mobile", d.mobile), ("phone", d.phone)):
        key = phone_problem(value) if value else None
        if key:
            problems.append(Problem(key, field))
    if not (d.mobile or d.phone):
        problems.append(Problem("phone.required", "mobile"))
    if not d.address.street.strip():
        problems.append(Problem("address.street_required", "street"))
    if not 1 <= d.household_size <= MAX_HOUSEHOLD_SIZE:
        problems.append(
            Problem("household.size_range", "household_size", {"max": MAX_HOUSEHOLD_SIZE})
        )
    if d.user_type is UserType.RESIDENTIAL and d.gas_use not in (GasUse.COOKING, GasUse.HEATING):
        problems.append(Problem("gas_use.not_residential", "gas_use"))
    if d.meter is not None:
        problems.extend(_meter_problems(d.meter))
    return problems


def _meter_problems(m: MeterDraft) -> list[Problem]:
    problems: list[Problem] = []
    if not m.meter_no:
        problems.append(Problem("meter.number_required", "meter_no"))
    elif len(m.meter_no) > 32 or not m.meter_no.isalnum():
        problems.append(Problem("meter.number_format", "meter_no"))
    if not 3 <= m.digits <= 9:
        problems.append(Problem("meter.digits_range", "meter_digits"))
    return problems
