"""A small dialog base: run one service call in the background, show refusals in the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from app.domain.errors import DomainError, StorageUnavailable
from ui.common.form_errors import FormErrors
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner


class ServiceDialog(QDialog):
    """A form whose OK button runs one service call through the TaskRunner.

    While the call runs the buttons are disabled and the dialog cannot be cancelled; a
    DomainError is shown under its fields (``errors``), a storage fault in the general line,
    and everything typed stays.
    """

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.busy = False
        self.general = QLabel()
        self.errors = FormErrors(self.general)

    def _buttons(self, ok_text: str) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = QPushButton(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        if self.busy:
            return
        self.errors.clear()
        self._set_busy(True)
        self._runner.run(job, lambda result: self._done(on_done, result), self._failed)

    def _done(self, on_done: Callable[[Any], None], result: Any) -> None:
        self._set_busy(False)
        on_done(result)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, DomainError):
            self.refused(error)
        elif isinstance(error, StorageUnavailable):
            self.show_message(error_text(error))
        else:
            raise error  # a bug: the exception hook reports it

    def refused(self, error: DomainError) -> None:
        """A rule was broken: show it (subclasses may handle some keys themselves)."""
        self.errors.show(error)

    def show_message(self, text: str) -> None:
        """A text in the general line above the buttons."""
        self.errors.clear()
        self.general.setText(text)
        self.general.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        """Close, except while the call is on its way."""
        if not self.busy:
            super().reject()
