"""Counter numbers (窗口号) as a manager types and reads them: "1-3, 5"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.domain.errors import DomainError

_SEPARATORS = re.compile(r"[,，、;；\s]+")
_DASH = re.compile(r"\s*[-–~～]\s*")
_ITEM = re.compile(r"^(\d{1,3})(?:-(\d{1,3}))?$")


def parse_counters(text: str) -> tuple[int, ...]:
    """The counters named in ``text``: numbers and ranges, separated by commas or spaces.

    ``"1-3, 5"`` gives ``(1, 2, 3, 5)``; a reversed range ``"3-1"`` is read as ``1-3``. Whether
    the numbers exist in the hall is the service's rule (``queue.counter_range``).

    Raises:
        DomainError: ``queue.counters_format`` (field ``counters``) for anything else.
    """
    numbers: set[int] = set()
    for item in filter(None, _SEPARATORS.split(_DASH.sub("-", text.strip()))):
        match = _ITEM.match(item)
        if match is None:
            raise DomainError.of("queue.counters_format", "counters")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        numbers.update(range(min(first, last), max(first, last) + 1))
    return tuple(sorted(numbers))


def counters_text(counters: Iterable[int]) -> str:
    """Counters for reading: runs of three or more as ranges, e.g. ``(1, 2, 3, 5)`` → "1-3, 5"."""
    parts: list[str] = []
    for run in _runs(sorted(set(counters))):
        if len(run) >= 3:
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts.extend(str(n) for n in run)
    return ", ".join(parts)


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs
