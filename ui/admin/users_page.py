"""The administrator's list of staff users: add, edit, reset password."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.services.auth_service import AuthService
from app.services.dto import Operator, UserInfo
from ui.admin.reset_password_dialog import ResetPasswordDialog
from ui.admin.user_dialog import UserDialog
from ui.admin.user_table_model import UserTableModel
from ui.common.icons import Icon, icon
from ui.common.messages import error_text


class UsersPage(QWidget):
    """Table of users with the administrator's actions; dialogs open window-modal."""

    def __init__(
        self, auth: AuthService, operator: Operator, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._operator = operator
        self._clock = clock
        self.dialog: UserDialog | ResetPasswordDialog | None = None  # the one open, for tests
        self.model = UserTableModel(self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Users"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addLayout(self._actions())
        layout.addWidget(self._table(), 1)
        self.message = QLabel()
        self.message.setObjectName("resultBad")
        self.message.hide()
        layout.addWidget(self.message)
        self.refresh()

    def _actions(self) -> QHBoxLayout:
        self.add_button = QPushButton(icon(Icon.ADD), self.tr("Add user..."))
        self.edit_button = QPushButton(icon(Icon.EDIT), self.tr("Edit..."))
        self.reset_button = QPushButton(icon(Icon.PASSWORD), self.tr("Reset password..."))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        return self.table

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the users from the database; keep or set the selected one."""
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        try:
            users = self._auth.users(self._operator)
        except (DomainError, StorageUnavailable) as error:
            self._say(error_text(error))
            return
        self.message.hide()
        self.model.set_users(users, self._clock.now())
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(max(row, 0))

    def selected(self) -> UserInfo | None:
        """The user of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        index: QModelIndex | None = rows[0] if rows else None
        return self.model.user_at(index.row()) if index is not None else None

    def add_user(self) -> None:
        """Open the form for a new user."""
        self._open(UserDialog(self._auth, self._operator, None, self))

    def edit_user(self) -> None:
        """Open the selected user's form."""
        user = self.selected()
        if user is not None:
            self._open(UserDialog(self._auth, self._operator, user, self))

    def reset_password(self) -> None:
        """Set a new password for the selected user."""
        user = self.selected()
        if user is not None:
            self._open(ResetPasswordDialog(self._auth, self._operator, user, self))

    def _open(self, dialog: UserDialog | ResetPasswordDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._closed(dialog, True))
        dialog.rejected.connect(lambda: self._closed(dialog, False))
        dialog.open()

    def _closed(self, dialog: UserDialog | ResetPasswordDialog, saved: bool) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if saved:
            user = getattr(dialog, "saved", None)
            self.refresh(user.id if user is not None else None)
        dialog.deleteLater()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
