"""Queue guidance (排队叫号): ticket states, numbering, ratings and the waiting estimate."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from enum import StrEnum

from app.domain.errors import DomainError, Problem

DEFAULT_SERVICE_SECONDS = 300  # before the day has any history of its own
MAX_PREFIX = 2
_PREFIX = re.compile(r"^[A-Z]{1,2}$")


class TicketStatus(StrEnum):
    """等待 → 叫号中 → 办理中 → 完成, or 过号 / 取消 (closed at day end)."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


OPEN_AT_COUNTER = (TicketStatus.CALLED, TicketStatus.SERVING)


class Rating(StrEnum):
    """服务评价: 满意 / 基本满意 / 不满意."""

    SATISFIED = "satisfied"
    FAIRLY_SATISFIED = "fairly_satisfied"
    DISSATISFIED = "dissatisfied"


def ticket_number(prefix: str, seq: int) -> str:
    """``A001`` ... ``A999``; a very busy day goes on with ``A1000``."""
    return f"{prefix}{seq:03d}"


def check_category(prefix: str, name: str, time_limit_minutes: int) -> None:
    """Raise DomainError for a bad letter prefix, an empty name or a time limit out of range."""
    problems = []
    if not _PREFIX.match(prefix):
        problems.append(Problem("queue.prefix_format", "prefix"))
    if not name.strip():
        problems.append(Problem("queue.category_name_required", "name"))
    if not 1 <= time_limit_minutes <= 240:
        problems.append(Problem("queue.time_limit_range", "time_limit_minutes", {"max": 240}))
    if problems:
        raise DomainError(*problems)


def estimate_wait_minutes(ahead: int, average_service_seconds: float, counters: int) -> int:
    """People ahead × average service time ÷ counters serving the category, in whole minutes."""
    if ahead <= 0:
        return 0
    return math.ceil(ahead * average_service_seconds / max(counters, 1) / 60)


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share 0.9 → 90th); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(math.ceil(share * len(ordered)), 1)
    return float(ordered[rank - 1])
