"""The audit log lines (审计日志) as the manager's table shows them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.dto import AuditRecord

_Index = QModelIndex | QPersistentModelIndex
_CONTEXT = "AuditActions"
_ACTIONS: dict[str, str] = {
    "setup": QT_TRANSLATE_NOOP("AuditActions", "First setup"),
    "login": QT_TRANSLATE_NOOP("AuditActions", "Logged in"),
    "login.failed": QT_TRANSLATE_NOOP("AuditActions", "Failed login"),
    "login.locked": QT_TRANSLATE_NOOP("AuditActions", "Locked after failed logins"),
    "logout": QT_TRANSLATE_NOOP("AuditActions", "Logged out"),
    "unlock": QT_TRANSLATE_NOOP("AuditActions", "Unlocked the idle screen"),
    "demo.loaded": QT_TRANSLATE_NOOP("AuditActions", "Demo data loaded"),
    "demo.seeded": QT_TRANSLATE_NOOP("AuditActions", "Synthetic accounts added"),
    "password.changed": QT_TRANSLATE_NOOP("AuditActions", "Changed own password"),
    "user.created": QT_TRANSLATE_NOOP("AuditActions", "User added"),
    "user.changed": QT_TRANSLATE_NOOP("AuditActions", "User changed"),
    "user.password_reset": QT_TRANSLATE_NOOP("AuditActions", "Password reset"),
    "settings.changed": QT_TRANSLATE_NOOP("AuditActions", "Hall settings changed"),
    "account.created": QT_TRANSLATE_NOOP("AuditActions", "Account opened"),
    "account.changed": QT_TRANSLATE_NOOP("AuditActions", "Account changed"),
    "queue.category_saved": QT_TRANSLATE_NOOP("AuditActions", "Queue category saved"),
    "queue.settings_saved": QT_TRANSLATE_NOOP("AuditActions", "Queue settings saved"),
    "personal_data.viewed": QT_TRANSLATE_NOOP("AuditActions", "Personal data viewed"),
}


def action_text(action: str) -> str:
    """The translated name of an audit action; unknown actions show their key."""
    source = _ACTIONS.get(action)
    return QCoreApplication.translate(_CONTEXT, source) if source else action


class AuditTableModel(QAbstractTableModel):
    """One row per ``AuditRecord``, newest first as the service returns them."""

    class Column(IntEnum):
        """The table's columns."""

        SEQ = 0
        AT = 1
        ACTOR = 2
        ACTION = 3
        SUBJECT = 4
        DETAIL = 5

    SortRole = Qt.ItemDataRole.UserRole  # raw value for a sort proxy
    RowRole = Qt.ItemDataRole.UserRole + 1  # the AuditRecord itself

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRecord] = []

    def set_records(self, records: list[AuditRecord]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of lines (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the raw value for sorting, and the record under ``RowRole``."""
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.Column(index.column())
        if role == self.RowRole:
            return record
        if role == self.SortRole:
            return _raw(record, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole and column is self.Column.DETAIL:
            return record.detail
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"),
                  self.tr("Subject"), self.tr("Details"))
        return titles[section]


def _raw(record: AuditRecord, column: AuditTableModel.Column) -> object:
    values = (record.seq, record.at, record.actor, record.action, record.subject, record.detail)
    return values[column]


def _text(record: AuditRecord, column: AuditTableModel.Column) -> str:
    if column is AuditTableModel.Column.SEQ:
        return str(record.seq)
    if column is AuditTableModel.Column.AT:
        return f"{record.at:%Y-%m-%d %H:%M:%S}"
    if column is AuditTableModel.Column.ACTION:
        return action_text(record.action)
    if column is AuditTableModel.Column.DETAIL:
        return "" if record.detail in ("", "{}") else record.detail
    return str(_raw(record, column))
