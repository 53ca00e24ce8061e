"""The staff users as the administrator's table shows them."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QObject

from app.services.dto import UserInfo
from ui.admin.role_names import role_text
from ui.common.row_table_model import RowTableModel


class UserTableModel(RowTableModel):
    """One row per user (``UserInfo``), in the order the service gives them."""

    class Column(IntEnum):
        """The table's columns."""

        USERNAME = 0
        FULL_NAME = 1
        ROLE = 2
        ACTIVE = 3
        LOCKED_UNTIL = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = datetime.min

    def set_users(self, users: list[UserInfo], now: datetime) -> None:
        """Replace every row; a lockout that ended before ``now`` is not shown."""
        self._now = now
        self.set_rows(users)

    def user_at(self, row: int) -> UserInfo:
        """The user shown in a row."""
        return self.row_at(row)  # type: ignore[no-any-return]

    def row_of(self, user_id: int) -> int:
        """The row of a user id, or -1."""
        return self.row_of_id(user_id)

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("Login name"), self.tr("Full name"), self.tr("Role"),
                self.tr("Active"), self.tr("Locked until"))

    def text(self, user: UserInfo, column: Column) -> str:
        """Translated role, yes/no, and a lockout only while it lasts."""
        if column is self.Column.USERNAME:
            return user.username
        if column is self.Column.FULL_NAME:
            return user.full_name
        if column is self.Column.ROLE:
            return role_text(user.role)
        if column is self.Column.ACTIVE:
            return self.tr("Yes") if user.active else self.tr("No")
        locked = user.locked_until is not None and user.locked_until > self._now
        return f"{user.locked_until:%Y-%m-%d %H:%M}" if locked else ""
