"""Translated labels for the reading code tables: sources, kinds, states and check flags."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.readings import Flag, ReadingKind, ReadingSource, ReadingState

_CONTEXT = "ReadingLabels"
E = TypeVar("E", bound=StrEnum)

# One table per enum (StrEnum members of different enums compare equal by value).
_TABLES: dict[type[StrEnum], dict[str, str]] = {
    ReadingSource: {
        ReadingSource.ON_SITE: QT_TRANSLATE_NOOP("ReadingLabels", "Read on site"),
        ReadingSource.SELF: QT_TRANSLATE_NOOP("ReadingLabels", "Self-reported"),
        ReadingSource.ESTIMATED: QT_TRANSLATE_NOOP("ReadingLabels", "Estimated"),
        ReadingSource.LOCKED: QT_TRANSLATE_NOOP("ReadingLabels", "Locked out"),
        ReadingSource.REFUSED: QT_TRANSLATE_NOOP("ReadingLabels", "Refused"),
        ReadingSource.OBSTRUCTED: QT_TRANSLATE_NOOP("ReadingLabels", "Obstructed"),
        ReadingSource.VACANT: QT_TRANSLATE_NOOP("ReadingLabels", "Vacant"),
        ReadingSource.UNUSED: QT_TRANSLATE_NOOP("ReadingLabels", "Long unused"),
        ReadingSource.TOO_HIGH: QT_TRANSLATE_NOOP("ReadingLabels", "Mounted too high"),
        ReadingSource.OTHER: QT_TRANSLATE_NOOP("ReadingLabels", "Other"),
        ReadingSource.DOOR_SLIP: QT_TRANSLATE_NOOP("ReadingLabels", "Door slip"),
        ReadingSource.WECHAT: QT_TRANSLATE_NOOP("ReadingLabels", "WeChat"),
        ReadingSource.REMOTE: QT_TRANSLATE_NOOP("ReadingLabels", "Remote reading"),
    },
    ReadingKind: {
        ReadingKind.ROUTINE: QT_TRANSLATE_NOOP("ReadingLabels", "Routine"),
        ReadingKind.BUSINESS: QT_TRANSLATE_NOOP("ReadingLabels", "Business"),
        ReadingKind.AD_HOC: QT_TRANSLATE_NOOP("ReadingLabels", "Ad hoc"),
        ReadingKind.CHECK: QT_TRANSLATE_NOOP("ReadingLabels", "Check (not billed)"),
    },
    ReadingState: {
        ReadingState.REVIEW: QT_TRANSLATE_NOOP("ReadingLabels", "In review"),
        ReadingState.ACCEPTED: QT_TRANSLATE_NOOP("ReadingLabels", "Accepted"),
        ReadingState.BILLED: QT_TRANSLATE_NOOP("ReadingLabels", "Billed"),
        ReadingState.NOT_BILLED: QT_TRANSLATE_NOOP("ReadingLabels", "Not billed"),
    },
    Flag: {
        Flag.LOWER: QT_TRANSLATE_NOOP("ReadingLabels", "Lower than previous"),
        Flag.ZERO: QT_TRANSLATE_NOOP("ReadingLabels", "Zero consumption"),
        Flag.HIGH: QT_TRANSLATE_NOOP("ReadingLabels", "Too high"),
        Flag.DROP: QT_TRANSLATE_NOOP("ReadingLabels", "Sudden drop"),
        Flag.YEAR_DROP: QT_TRANSLATE_NOOP("ReadingLabels", "Year-on-year drop"),
        Flag.INACTIVE: QT_TRANSLATE_NOOP("ReadingLabels", "Used while inactive"),
    },
}

# Flags the billing run adds besides the domain's checks (app/services/billing/run.py).
_SERVICE_FLAGS: dict[str, str] = {
    "previous_in_review": QT_TRANSLATE_NOOP("ReadingLabels", "Previous in review"),
    "reversed": QT_TRANSLATE_NOOP("ReadingLabels", "Bill reversed"),
}


def label(value: StrEnum) -> str:
    """The user's-language label of a code-table value, e.g. Flag.ZERO → "Zero consumption"."""
    return QCoreApplication.translate(_CONTEXT, _TABLES[type(value)][value])


def choices(enum_type: type[E]) -> list[tuple[str, E]]:
    """Every value of a code table with its label, in the table's order, for a combo box."""
    return [(label(member), member) for member in enum_type]


def source_label(code: str) -> str:
    """A source code with its name, e.g. "01 Read on site"; an unknown code as it is."""
    try:
        return f"{code} {label(ReadingSource(code))}"
    except ValueError:
        return code


def kind_label(code: str) -> str:
    """A reading kind code with its name, e.g. "P Routine"."""
    try:
        return f"{code} {label(ReadingKind(code))}"
    except ValueError:
        return code


def state_label(state: str | None) -> str:
    """A stored reading state in words ("" when there is no reading yet)."""
    if not state:
        return ""
    try:
        return label(ReadingState(state))
    except ValueError:
        return state


def flag_label(flag: str) -> str:
    """One check flag in words; an unknown flag as it is (better than nothing)."""
    if flag in _SERVICE_FLAGS:
        return QCoreApplication.translate(_CONTEXT, _SERVICE_FLAGS[flag])
    try:
        return label(Flag(flag))
    except ValueError:
        return flag


def flags_text(flags: Iterable[str]) -> str:
    """Several flags in words, separated by semicolons."""
    separator = QCoreApplication.translate("ReadingLabels", "; ")
    return separator.join(flag_label(f) for f in flags if f)
