"""The user's-language names of the staff roles (营业员 / 营业班长 / 系统管理员)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.users import Role

_CONTEXT = "Roles"
_NAMES: dict[Role, str] = {
    Role.CLERK: QT_TRANSLATE_NOOP("Roles", "Clerk"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Roles", "Manager"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Roles", "Administrator"),
}


def role_text(role: Role) -> str:
    """The translated name of a role."""
    return QCoreApplication.translate(_CONTEXT, _NAMES[role])
