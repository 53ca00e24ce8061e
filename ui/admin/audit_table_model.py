"""The audit log lines (审计日志) as the manager's table shows them."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from app.services.dto import AuditRecord
from ui.common.row_table_model import RowTableModel

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
    "tariff.version_added": QT_TRANSLATE_NOOP("AuditActions", "Tariff version added"),
    "reading_rules.changed": QT_TRANSLATE_NOOP("AuditActions", "Reading checks changed"),
    "reading.accepted": QT_TRANSLATE_NOOP("AuditActions", "Flagged reading accepted"),
    "reading.corrected": QT_TRANSLATE_NOOP("AuditActions", "Reading corrected"),
    "reading.estimated": QT_TRANSLATE_NOOP("AuditActions", "Reading estimated"),
    "readings.imported": QT_TRANSLATE_NOOP("AuditActions", "Readings imported"),
    "bill.reversed": QT_TRANSLATE_NOOP("AuditActions", "Bill reversed"),
    "ic.card_written": QT_TRANSLATE_NOOP("AuditActions", "IC card written"),
    "ic.card_write_failed": QT_TRANSLATE_NOOP("AuditActions", "IC card write failed"),
    "cash.session_opened": QT_TRANSLATE_NOOP("AuditActions", "Cash session opened"),
    "cash.moved": QT_TRANSLATE_NOOP("AuditActions", "Cash put in or taken out"),
    "cash.session_closed": QT_TRANSLATE_NOOP("AuditActions", "Cash session closed"),
    "payment.voided": QT_TRANSLATE_NOOP("AuditActions", "Receipt voided"),
    "payment.corrected": QT_TRANSLATE_NOOP("AuditActions",
                                           "Receipt corrected after the daily close"),
    "receipt.reprinted": QT_TRANSLATE_NOOP("AuditActions", "Receipt reprinted"),
    "day_close": QT_TRANSLATE_NOOP("AuditActions", "Day closed"),
}


def action_text(action: str) -> str:
    """The translated name of an audit action; unknown actions show their key."""
    source = _ACTIONS.get(action)
    return QCoreApplication.translate(_CONTEXT, source) if source else action


class AuditTableModel(RowTableModel):
    """One row per ``AuditRecord``, newest first as the service returns them."""

    class Column(IntEnum):
        """The table's columns."""

        SEQ = 0
        AT = 1
        ACTOR = 2
        ACTION = 3
        SUBJECT = 4
        DETAIL = 5

    def set_records(self, records: list[AuditRecord]) -> None:
        """Replace every row."""
        self.set_rows(records)

    def titles(self) -> tuple[str, ...]:
        """Column titles."""
        return (self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"),
                self.tr("Subject"), self.tr("Details"))

    def raw(self, record: AuditRecord, column: Column) -> object:
        """The field behind a cell."""
        values = (record.seq, record.at, record.actor, record.action, record.subject,
                  record.detail)
        return values[column]

    def text(self, record: AuditRecord, column: Column) -> str:
        """Time to the second, translated action names, no empty "{}" details."""
        if column is self.Column.AT:
            return f"{record.at:%Y-%m-%d %H:%M:%S}"
        if column is self.Column.ACTION:
            return action_text(record.action)
        if column is self.Column.DETAIL:
            return "" if record.detail in ("", "{}") else record.detail
        return str(self.raw(record, column))

    def cell_role(self, record: AuditRecord, column: Column, role: int) -> Any:
        """The whole detail as a tooltip."""
        if role == Qt.ItemDataRole.ToolTipRole and column is self.Column.DETAIL:
            return record.detail
        return None
