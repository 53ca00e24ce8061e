"""Account search results as a lazy table: ordered ids, rows fetched page by page on demand."""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.domain.errors import StorageUnavailable
from app.services.account_service import AccountService
from app.services.dto import AccountRow
from ui.accounts.labels import label
from ui.common.messages import error_text

log = logging.getLogger(__name__)

PAGE_SIZE = 200
_Index = QModelIndex | QPersistentModelIndex
_HEADERS = (
    QT_TRANSLATE_NOOP("AccountTableModel", "Account no."),
    QT_TRANSLATE_NOOP("AccountTableModel", "Name"),
    QT_TRANSLATE_NOOP("AccountTableModel", "Phone"),
    QT_TRANSLATE_NOOP("AccountTableModel", "Address"),
    QT_TRANSLATE_NOOP("AccountTableModel", "Status"),
    QT_TRANSLATE_NOOP("AccountTableModel", "Meter no."),
)


class AccountTableModel(QAbstractTableModel):
    """Search results; holds the ordered account ids and caches AccountRow DTOs by page.

    Only the ids come from the search; a row's contents are fetched with
    ``AccountService.rows`` (one page of ``PAGE_SIZE`` ids at a time) the first time a view
    asks for it, so a result of thousands of accounts opens at once (Anki's browser table).
    """

    class Column(IntEnum):
        """The table's columns, left to right."""

        ACCOUNT_NO = 0
        NAME = 1
        PHONE = 2
        ADDRESS = 3
        STATUS = 4
        METER_NO = 5

    SortRole = Qt.ItemDataRole.UserRole  # raw value for the sort proxy
    RowRole = Qt.ItemDataRole.UserRole + 1  # the AccountRow DTO itself

    fetch_failed = Signal(str)  # translated message: rows could not be read

    def __init__(self, accounts: AccountService, parent: Any = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._ids: tuple[int, ...] = ()
        self._rows: dict[int, AccountRow | None] = {}  # by account id; None = no longer exists

    def set_ids(self, ids: tuple[int, ...] | list[int]) -> None:
        """Show a new result: the ids in display order; the cache starts empty."""
        self.beginResetModel()
        self._ids = tuple(ids)
        self._rows.clear()
        self.endResetModel()

    def account_id(self, row: int) -> int:
        """The account id shown in a row."""
        return self._ids[row]

    def row_of(self, account_id: int) -> int:
        """The row showing an account, or -1 if it is not in the result."""
        try:
            return self._ids.index(account_id)
        except ValueError:
            return -1

    def refresh_account(self, account_id: int) -> None:
        """Forget an account's cached row (it was saved) and repaint it from the service."""
        row = self.row_of(account_id)
        if row < 0:
            return
        self._rows.pop(account_id, None)
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of accounts found (no children: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Number of columns."""
        return 0 if parent.isValid() else len(self.Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Translated column titles; rows are numbered from 1."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(_HEADERS):
                return QCoreApplication.translate("AccountTableModel", _HEADERS[section])
            return None
        return str(section + 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the raw sort value, or the whole row DTO."""
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        self.SortRole, self.RowRole):
            return None
        row = self._row_at(index.row())
        if row is None:
            return None
        if role == self.RowRole:
            return row
        return _cell(row, self.Column(index.column()), display=role != self.SortRole)

    def _row_at(self, row: int) -> AccountRow | None:
        account_id = self._ids[row]
        if account_id not in self._rows:
            self._fetch_page(row)
        return self._rows.get(account_id)

    def _fetch_page(self, row: int) -> None:
        """Fetch the page of rows around ``row``; ids the service no longer knows stay blank."""
        start = row - row % PAGE_SIZE
        wanted = [i for i in self._ids[start:start + PAGE_SIZE] if i not in self._rows]
        try:
            fetched = self._accounts.rows(wanted)
        except StorageUnavailable as error:
            log.warning("account rows could not be read: %s", error)
            self._rows.update(dict.fromkeys(wanted))  # blank rather than retry on every paint
            self.fetch_failed.emit(error_text(error))
            return
        self._rows.update(dict.fromkeys(wanted))
        self._rows.update((r.id, r) for r in fetched)


def _cell(row: AccountRow, column: AccountTableModel.Column, display: bool) -> str:
    col = AccountTableModel.Column
    if column == col.ACCOUNT_NO:
        return row.account_no
    if column == col.NAME:
        return row.name
    if column == col.PHONE:
        return row.mobile
    if column == col.ADDRESS:
        return row.address
    if column == col.STATUS:
        return label(row.status) if display else row.status.value
    return row.meter_no
