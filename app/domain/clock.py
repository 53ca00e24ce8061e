"""The hall's clock, injected so that rules and tests never patch time."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """Tells the current local hall time (naive, second precision is enough)."""

    def now(self) -> datetime:
        """Return the current local time."""
        ...


class SystemClock:
    """The computer's own clock."""

    def now(self) -> datetime:
        """Return the current local time."""
        return datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that stands still until moved; for tests and demo data."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        """Return the set time."""
        return self.at

    def advance(self, **delta: float) -> None:
        """Move the clock forward, e.g. ``advance(minutes=15)``."""
        from datetime import timedelta

        self.at += timedelta(**delta)
