"""Plain frozen records that services hand to the UI and the command line; safe after commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.domain.accounts import (
    AccountStatus,
    Address,
    GasUse,
    IdType,
    MeterKind,
    MeterStatus,
    UserType,
)
from app.domain.users import Role


@dataclass(frozen=True)
class Operator:
    """The member of staff logged in at this desktop."""

    user_id: int
    username: str
    full_name: str
    role: Role
    hall_id: int


@dataclass(frozen=True)
class AccountRow:
    """One line of the account search results; personal data already masked."""

    id: int
    account_no: str
    name: str
    mobile: str
    address: str
    status: AccountStatus
    meter_no: str


@dataclass(frozen=True)
class SearchResult:
    """Matching account ids in display order; ``truncated`` when the cap was reached."""

    query: str
    ids: tuple[int, ...]
    truncated: bool


@dataclass(frozen=True)
class MeterInfo:
    """A meter as shown on the account detail."""

    id: int
    meter_no: str
    kind: MeterKind
    digits: int
    installed_on: date | None
    status: MeterStatus


@dataclass(frozen=True)
class AccountDetail:
    """Everything the account page shows; ID number and phones are masked."""

    id: int
    version: int
    account_no: str
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
    opened_on: date
    updated_at: datetime
    meters: tuple[MeterInfo, ...]


@dataclass(frozen=True)
class PersonalData:
    """The unmasked ID number and phones of an account's customer (viewing them is audited)."""

    id_number: str
    mobile: str
    phone: str


@dataclass(frozen=True)
class UserInfo:
    """A staff user as the administrator sees it."""

    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class AuditRecord:
    """One audit log line."""

    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str


@dataclass(frozen=True)
class HallSettings:
    """Hall-wide settings kept in the database."""

    code: str
    name: str
    hotline: str
    address: str
    opening_hours: str
    idle_lock_minutes: int
