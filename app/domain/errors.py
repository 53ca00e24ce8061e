"""Errors the services raise; the UI turns their message keys into the user's language."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One broken rule: a message key, the form field it belongs to, and values for the text."""

    key: str
    field: str | None = None
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)


class DomainError(Exception):
    """A business rule was broken; nothing was changed. Carries one or more problems."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(", ".join(p.key for p in problems))
        self.problems: tuple[Problem, ...] = problems

    @classmethod
    def of(cls, key: str, field: str | None = None, **params: object) -> DomainError:
        """Build an error with a single problem."""
        return cls(Problem(key, field, params))

    @property
    def key(self) -> str:
        """The first problem's message key."""
        return self.problems[0].key


class StorageUnavailable(Exception):
    """The database cannot be used right now (locked, unreachable, disk full, too new...)."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail
