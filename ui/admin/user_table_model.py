"""The staff users as the administrator's table shows them."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.dto import UserInfo
from ui.admin.role_names import role_text

_Index = QModelIndex | QPersistentModelIndex


class UserTableModel(QAbstractTableModel):
    """One row per user (``UserInfo``), in the order the service gives them."""

    class Column(IntEnum):
        """The table's columns."""

        USERNAME = 0
        FULL_NAME = 1
        ROLE = 2
        ACTIVE = 3
        LOCKED_UNTIL = 4

    RowRole = Qt.ItemDataRole.UserRole + 1  # the UserInfo itself

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserInfo] = []
        self._now = datetime.min

    def set_users(self, users: list[UserInfo], now: datetime) -> None:
        """Replace every row; a lockout that ended before ``now`` is not shown."""
        self.beginResetModel()
        self._users = list(users)
        self._now = now
        self.endResetModel()

    def user_at(self, row: int) -> UserInfo:
        """The user shown in a row."""
        return self._users[row]

    def row_of(self, user_id: int) -> int:
        """The row of a user id, or -1."""
        return next((i for i, u in enumerate(self._users) if u.id == user_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of users (a table has no children)."""
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text per column, and the UserInfo under ``RowRole``."""
        if not index.isValid():
            return None
        user = self._users[index.row()]
        if role == self.RowRole:
            return user
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(user, self.Column(index.column()))
        return None

    def _text(self, user: UserInfo, column: Column) -> str:
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Login name"), self.tr("Full name"), self.tr("Role"),
                  self.tr("Active"), self.tr("Locked until"))
        return titles[section]
