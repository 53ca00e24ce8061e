"""Show a refused save in a form: rule problems next to fields, storage problems on top."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.domain.errors import DomainError, StorageUnavailable
from ui.common.form_errors import FormErrors
from ui.common.messages import error_text


def show_refusal(
    errors: FormErrors, general: QLabel, error: DomainError | StorageUnavailable
) -> None:
    """Field problems go under their fields; a storage problem goes to the general label."""
    if isinstance(error, DomainError):
        errors.show(error)
    else:
        errors.clear()
        general.setText(error_text(error))
        general.show()
    fit_dialog(general)


def fit_dialog(widget: QWidget) -> None:
    """Let a dialog grow (or shrink) to show the messages that just appeared or went."""
    window = widget.window()
    if isinstance(window, QDialog):
        window.adjustSize()
