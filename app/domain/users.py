"""Staff users, roles and what each role may do; login lockout and password rules."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from app.domain.errors import DomainError


class Role(StrEnum):
    """营业员 / 营业班长 / 系统管理员."""

    CLERK = "clerk"
    MANAGER = "manager"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    """Actions that a role decides; the services check them again."""

    EDIT_ACCOUNTS = "edit_accounts"
    UNMASK_PERSONAL_DATA = "unmask_personal_data"
    VIEW_AUDIT_LOG = "view_audit_log"
    MANAGE_USERS = "manage_users"
    EDIT_HALL_SETTINGS = "edit_hall_settings"
    VIEW_REPORTS = "view_reports"
    ENTER_READINGS = "enter_readings"  # type and import meter readings
    REVIEW_READINGS = "review_readings"  # accept, correct or estimate flagged readings
    EDIT_TARIFFS = "edit_tariffs"  # tariff versions and reading rules
    REVERSE_BILLS = "reverse_bills"  # a reversal (冲正) of a bill
    TAKE_PAYMENTS = "take_payments"  # cash sessions, payments, reprints (收费)
    AUTHORISE_VOIDS = "authorise_voids"  # a manager's password on a void (作废) or a close
    CLOSE_DAY = "close_day"  # the hall's daily close (日结)


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset(
        {Permission.EDIT_ACCOUNTS, Permission.ENTER_READINGS, Permission.TAKE_PAYMENTS}
    ),
    Role.MANAGER: frozenset(
        {
            Permission.EDIT_ACCOUNTS,
            Permission.UNMASK_PERSONAL_DATA,
            Permission.VIEW_AUDIT_LOG,
            Permission.EDIT_HALL_SETTINGS,
            Permission.VIEW_REPORTS,
            Permission.ENTER_READINGS,
            Permission.REVIEW_READINGS,
            Permission.EDIT_TARIFFS,
            Permission.REVERSE_BILLS,
            Permission.TAKE_PAYMENTS,
            Permission.AUTHORISE_VOIDS,
            Permission.CLOSE_DAY,
        }
    ),
    Role.ADMINISTRATOR: frozenset(Permission),
}

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
DEFAULT_IDLE_LOCK_MINUTES = 10


def may(role: Role, permission: Permission) -> bool:
    """Whether a role grants a permission."""
    return permission in _GRANTS[role]


def require(role: Role, permission: Permission) -> None:
    """Raise DomainError ``auth.forbidden`` unless the role grants the permission."""
    if not may(role, permission):
        raise DomainError.of("auth.forbidden", permission=permission.value)


def check_new_password(password: str) -> None:
    """Raise DomainError unless the password is long enough and mixes letters and digits."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError.of("password.too_short", "password", min=MIN_PASSWORD_LENGTH)
    if not (any(c.isdigit() for c in password) and any(c.isalpha() for c in password)):
        raise DomainError.of("password.too_simple", "password")


def check_username(username: str) -> None:
    """Raise DomainError unless the login name is 3-32 letters, digits, dot or underscore."""
    allowed = all(c.isascii() and (c.isalnum() or c in "._") for c in username)
    if not (allowed and 3 <= len(username) <= 32):
        raise DomainError.of("user.name_format", "username")
