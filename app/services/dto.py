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
from app.domain.cashier import ACTIVE_TENDERS
from app.domain.queue import Rating, TicketStatus
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
    tenders: tuple[str, ...] = tuple(t.value for t in ACTIVE_TENDERS)  # offered at the desk


@dataclass(frozen=True)
class CategoryInfo:
    """A queue category (排队业务类别) and the counters that serve it."""

    id: int
    prefix: str
    name: str
    time_limit_minutes: int
    active: bool
    counters: tuple[int, ...]


@dataclass(frozen=True)
class TicketSlip:
    """What a printed ticket and the kiosk show after issuing."""

    ticket_id: int
    number: str
    category: str
    issued_at: datetime
    ahead: int
    wait_minutes: int
    priority: bool
    account_no: str
    hall_name: str
    hotline: str


@dataclass(frozen=True)
class TicketInfo:
    """A ticket as the counter panel shows it."""

    id: int
    number: str
    category_id: int
    category: str
    status: TicketStatus
    priority: bool
    account_no: str
    counter_no: int | None
    issued_at: datetime
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    recalls: int
    time_limit_minutes: int
    rating: Rating | None


@dataclass(frozen=True)
class CounterState:
    """One counter's current ticket, pause and the number of tickets it could call."""

    counter_no: int
    current: TicketInfo | None
    paused: bool
    waiting: int


@dataclass(frozen=True)
class BoardCall:
    """One call shown on the display board."""

    call_id: int
    number: str
    counter_no: int
    called_at: datetime
    recall: bool


@dataclass(frozen=True)
class WaitingLine:
    """Waiting count and estimate of one category, for the board and the kiosk."""

    category_id: int
    prefix: str
    name: str
    waiting: int
    wait_minutes: int


@dataclass(frozen=True)
class BoardState:
    """Everything the display board shows; ``calls`` newest first."""

    hall_name: str
    notice: str
    calls: tuple[BoardCall, ...]
    lines: tuple[WaitingLine, ...]
    voice_repeats: int = 2


@dataclass(frozen=True)
class QueueSettingsInfo:
    """A hall's queue settings."""

    notice: str
    max_recalls: int
    rating_seconds: int
    voice_repeats: int


@dataclass(frozen=True)
class QueueFigures:
    """Queue statistics of one category or one counter over a period."""

    key: str  # category prefix + name, or the counter number
    issued: int
    served: int
    no_shows: int
    average_wait_s: float
    p90_wait_s: float
    average_service_s: float
    p90_service_s: float
    over_time: int
    satisfied: int
    fairly_satisfied: int
    dissatisfied: int


@dataclass(frozen=True)
class ManagerNoteInfo:
    """A note for the manager, e.g. a 不满意 rating."""

    id: int
    at: datetime
    kind: str
    ticket_number: str
    counter_no: int | None
    seen_by: str
