"""Translated labels for the account code tables (status, gas use, ID type, meter kind...)."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.accounts import (
    AccountStatus,
    GasUse,
    IdType,
    MeterKind,
    MeterStatus,
    UserType,
)

_CONTEXT = "AccountLabels"
E = TypeVar("E", bound=StrEnum)

# One table per enum: StrEnum members of different enums compare equal when their values do
# (AccountStatus.NORMAL == MeterStatus.NORMAL), so they cannot share one dict.
_TABLES: dict[type[StrEnum], dict[str, str]] = {
    AccountStatus: {
        AccountStatus.NOT_STARTED: QT_TRANSLATE_NOOP("AccountLabels", "Not started"),
        AccountStatus.NORMAL: QT_TRANSLATE_NOOP("AccountLabels", "Normal"),
        AccountStatus.SUSPENDED: QT_TRANSLATE_NOOP("AccountLabels", "Suspended"),
        AccountStatus.LONG_UNUSED: QT_TRANSLATE_NOOP("AccountLabels", "Long-term non-use"),
        AccountStatus.REMOVED: QT_TRANSLATE_NOOP("AccountLabels", "Removed"),
        AccountStatus.CLOSED: QT_TRANSLATE_NOOP("AccountLabels", "Closed"),
    },
    UserType: {
        UserType.RESIDENTIAL: QT_TRANSLATE_NOOP("AccountLabels", "Residential"),
        UserType.NON_RESIDENTIAL: QT_TRANSLATE_NOOP("AccountLabels", "Non-residential"),
    },
    GasUse: {
        GasUse.COOKING: QT_TRANSLATE_NOOP("AccountLabels", "Cooking"),
        GasUse.BOILER: QT_TRANSLATE_NOOP("AccountLabels", "Boiler"),
        GasUse.PUBLIC: QT_TRANSLATE_NOOP("AccountLabels", "Public service"),
        GasUse.COMMERCIAL: QT_TRANSLATE_NOOP("AccountLabels", "Commercial"),
        GasUse.INDUSTRY: QT_TRANSLATE_NOOP("AccountLabels", "Industry"),
        GasUse.WELFARE: QT_TRANSLATE_NOOP("AccountLabels", "Welfare"),
        GasUse.HEATING: QT_TRANSLATE_NOOP("AccountLabels", "Heating"),
    },
    IdType: {
        IdType.RESIDENT_ID: QT_TRANSLATE_NOOP("AccountLabels", "Resident ID card"),
        IdType.BUSINESS_LICENCE: QT_TRANSLATE_NOOP("AccountLabels", "Business licence"),
        IdType.PASSPORT: QT_TRANSLATE_NOOP("AccountLabels", "Passport"),
        IdType.OTHER: QT_TRANSLATE_NOOP("AccountLabels", "Other document"),
    },
    MeterKind: {
        MeterKind.MECHANICAL: QT_TRANSLATE_NOOP("AccountLabels", "Mechanical"),
        MeterKind.IC_VOLUME: QT_TRANSLATE_NOOP("AccountLabels", "IC card, volume"),
        MeterKind.IC_MONEY: QT_TRANSLATE_NOOP("AccountLabels", "IC card, money"),
        MeterKind.REMOTE: QT_TRANSLATE_NOOP("AccountLabels", "Remote reading"),
    },
    MeterStatus: {
        MeterStatus.NORMAL: QT_TRANSLATE_NOOP("AccountLabels", "Normal"),
        MeterStatus.SLOW: QT_TRANSLATE_NOOP("AccountLabels", "Runs slow"),
        MeterStatus.FAST: QT_TRANSLATE_NOOP("AccountLabels", "Runs fast"),
        MeterStatus.STOPPED: QT_TRANSLATE_NOOP("AccountLabels", "Stopped"),
        MeterStatus.REMOVED: QT_TRANSLATE_NOOP("AccountLabels", "Removed"),
    },
}

_YES = QT_TRANSLATE_NOOP("AccountLabels", "Yes")
_NO = QT_TRANSLATE_NOOP("AccountLabels", "No")


def label(value: StrEnum) -> str:
    """The user's-language label of a code-table value, e.g. AccountStatus.NORMAL → "Normal"."""
    return QCoreApplication.translate(_CONTEXT, _TABLES[type(value)][value])


def choices(enum_type: type[E]) -> list[tuple[str, E]]:
    """Every value of a code table with its label, in the table's order, for a combo box."""
    return [(label(member), member) for member in enum_type]


def yes_no(flag: bool) -> str:
    """"Yes" or "No" in the user's language."""
    return QCoreApplication.translate(_CONTEXT, _YES if flag else _NO)
