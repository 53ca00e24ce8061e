"""The very first start on an empty database: load the demo hall, or set up an empty one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from ui.admin.form_feedback import show_refusal
from ui.admin.password_fields import PasswordPair
from ui.common.form_errors import FormErrors
from ui.common.task_runner import TaskRunner

if TYPE_CHECKING:
    from app.services.auth_service import AuthService


class FirstStartDialog(QDialog):
    """Two ways to begin; demo data loads in the background, the window stays responsive.

    ``load_demo`` is called on a worker thread. After ``accept`` the ``demo`` attribute tells
    which way was taken.
    """

    def __init__(
        self, auth: AuthService, load_demo: Callable[[], object], runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._load_demo = load_demo
        self._runner = runner
        self.demo = True
        self.setWindowTitle(self.tr("Welcome to GasHall"))
        self.general = QLabel()
        self.errors = FormErrors(self.general)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        intro = QLabel(self.tr("The database is empty. How do you want to start?"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._choices())
        layout.addWidget(self._empty_form())
        self.progress = QLabel()
        self.progress.setObjectName("hint")
        self.progress.hide()
        layout.addWidget(self.general)
        layout.addWidget(self.progress)
        layout.addWidget(self._buttons())
        self.setMinimumWidth(600)
        self._choice_changed()

    def _choices(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.demo_choice = QRadioButton(self.tr("Load demo data"))
        self.demo_choice.setChecked(True)
        demo_hint = QLabel(self.tr(
            "A sample hall with customer accounts and three users to try GasHall out: "
            "admin / admin123, manager / manager123, clerk / clerk123."))
        demo_hint.setObjectName("hint")
        demo_hint.setWordWrap(True)
        demo_hint.setIndent(28)
        self.empty_choice = QRadioButton(self.tr("Start empty"))
        group = QButtonGroup(self)
        group.addButton(self.demo_choice)
        group.addButton(self.empty_choice)
        group.buttonToggled.connect(self._choice_changed)
        for widget in (self.demo_choice, demo_hint, self.empty_choice):
            layout.addWidget(widget)
        return box

    def _empty_form(self) -> QWidget:
        self.empty_box = QWidget()
        self.hall_name = QLineEdit()
        self.hall_name.setMaxLength(80)
        self.pair = PasswordPair(self)
        hall_error = QLabel()
        self.errors.register("hall_name", hall_error, self.hall_name)
        self.errors.register("password", self.pair.new_error, self.pair.new)
        self.errors.register("repeat", self.pair.repeat_error, self.pair.repeat)
        form = QFormLayout(self.empty_box)
        form.setContentsMargins(28, 0, 0, 0)
        form.addRow(self.tr("Hall name"), self.hall_name)
        form.addRow("", hall_error)
        form.addRow(self.tr("Password of admin"), self.pair.new)
        form.addRow("", self.pair.new_error)
        form.addRow(self.tr("Repeat the password"), self.pair.repeat)
        form.addRow("", self.pair.repeat_error)
        hint = QLabel(self.tr('The administrator logs in as "admin" and adds the staff.'))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return self.empty_box

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("Start"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("Quit"),
                                             QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _choice_changed(self) -> None:
        self.empty_box.setEnabled(self.empty_choice.isChecked())
        self.errors.clear()

    def accept(self) -> None:
        """Load the demo hall (in the background) or create the empty hall and its admin."""
        self.errors.clear()
        self.demo = self.demo_choice.isChecked()
        if self.demo:
            self._start_demo()
            return
        if not self.pair.check_same():
            return
        try:
            self._auth.first_setup(self.hall_name.text(), self.pair.password())
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.errors, self.general, error)
            return
        super().accept()

    def _start_demo(self) -> None:
        self.progress.setText(self.tr("Loading demo data... this takes a moment."))
        self._set_busy(True)
        self._runner.run(self._load_demo, self._demo_loaded, self._demo_failed)

    def _demo_loaded(self, _result: object) -> None:
        self._set_busy(False)
        super().accept()

    def _demo_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook logs it and shows the crash dialog
        show_refusal(self.errors, self.general, error)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.start_button, self.quit_button, self.demo_choice,
                       self.empty_choice):
            widget.setEnabled(not busy)
        self.empty_box.setEnabled(not busy and self.empty_choice.isChecked())

    def reject(self) -> None:
        """Quit, unless the demo data is still loading."""
        if self.quit_button.isEnabled():
            super().reject()
