"""The dialog that opens a new account or edits one (开户 / 修改档案)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from app.domain.accounts import AccountDraft
from app.domain.errors import DomainError, StorageUnavailable
from app.services.account_service import AccountService
from app.services.dto import AccountDetail, Operator
from ui.accounts.account_form import AccountForm
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner


@dataclass(frozen=True)
class EditedAccount:
    """The account an edit starts from: its id, the version read, and its form values."""

    account_id: int
    account_no: str
    version: int
    draft: AccountDraft


class AccountDialog(QDialog):
    """Create an account (``edited`` is None) or edit one; saving goes through the service.

    A DomainError puts each problem under its field and keeps everything typed; so does a
    StorageUnavailable, shown above the buttons. The dialog closes only after a save.
    """

    account_saved = Signal(int)  # id of the account just created or changed

    def __init__(
        self, accounts: AccountService, operator: Operator, runner: TaskRunner,
        edited: EditedAccount | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._operator = operator
        self._runner = runner
        self._edited = edited
        self._busy = False
        self._focus_before: QWidget | None = None
        self.saved: AccountDetail | None = None
        self.form = AccountForm(self)
        if edited is None:
            self.setWindowTitle(self.tr("New account"))
        else:
            self.setWindowTitle(self.tr("Edit account {number}").format(number=edited.account_no))
            self.form.set_draft(edited.draft, masked=True)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.sizeHint().width())
        self.form.name.setFocus()

    def save(self) -> None:
        """Send the form to the service in the background; ignored while a save is running."""
        if self._busy:
            return
        self.form.errors.clear()
        draft = self.form.draft()
        if self._edited is None:
            job = partial(self._accounts.create, self._operator, draft)
        else:
            e = self._edited
            job = partial(self._accounts.update, self._operator, e.account_id, e.version, draft)
        self._set_busy(True)
        self._runner.run(job, self._saved, self._failed)

    def reject(self) -> None:
        """Close without saving, except while a save is on its way."""
        if not self._busy:
            super().reject()

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setIcon(icon(Icon.SAVE))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S or Enter)"))
        self.save_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_action = QAction(self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.triggered.connect(self.save)
        self.addAction(save_action)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self._focus_before = self.focusWidget()
        self._busy = busy
        self.buttons.setEnabled(not busy)
        self.form.setEnabled(not busy)
        if not busy and self._focus_before is not None:
            self._focus_before.setFocus()  # disabling the form took the focus away

    def _saved(self, detail: AccountDetail) -> None:
        self._set_busy(False)
        self.saved = detail
        self.account_saved.emit(detail.id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError):
            self.form.errors.show(error)
        elif isinstance(error, StorageUnavailable):
            self.form.errors.clear()
            self.form.general_error.setText(error_text(error))
            self.form.general_error.show()
        else:
            raise error  # a bug: let the application's exception hook report it
