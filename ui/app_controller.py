"""The program's course: login window, database, first start, main window, logout, again."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.config import LocalSettings, Paths, database_url
from app.domain.clock import SystemClock
from app.domain.errors import DomainError, StorageUnavailable
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner
from ui.login_dialog import LoginDialog

if TYPE_CHECKING:  # the services load after the login window is shown
    from app.persistence.db import Database
    from app.services.auth_service import AuthService
    from app.services.dto import Operator
    from ui.first_start_dialog import FirstStartDialog
    from ui.main_window import MainWindow, Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Opened:
    db: Database
    auth: AuthService
    has_users: bool


def open_storage(url: str, paths: Paths, clock: SystemClock) -> _Opened:
    """Open and migrate the database and check for users (runs on a worker thread)."""
    from app.persistence.db import open_database
    from app.persistence.migrate import prepare_database
    from app.services.auth_service import AuthService

    db = open_database(url)
    try:
        prepare_database(db, paths.backups, clock.now())
        auth = AuthService(db, clock)
        return _Opened(db, auth, auth.has_users())
    except BaseException:
        db.dispose()
        raise


class AppController(QObject):
    """Shows the login window first, then opens the database behind it.

    The composition root: after a login it builds the services and the main window, and gives
    each page only the services it uses.
    """

    def __init__(self, paths: Paths, settings: LocalSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._paths = paths
        self._settings = settings
        self._clock = SystemClock()
        self._runner = TaskRunner(self)
        self._storage: _Opened | None = None
        self.window: MainWindow | None = None
        self.first_start: FirstStartDialog | None = None  # the dialogs that are open, for tests
        self.error_box: QMessageBox | None = None
        self.login = LoginDialog()
        self.login.logged_in.connect(self._logged_in)
        self.login.rejected.connect(self._quit)

    def start(self) -> None:
        """Show the login window; the database opens as soon as it is on screen."""
        self.login.show()
        QTimer.singleShot(0, self.open_database)

    def open_database(self) -> None:
        """Open (and migrate) the database in the background."""
        if self._storage is not None:  # opening again: let go of the old one first
            self._storage.db.dispose()
            self._storage = None
        self.login.set_waiting(self.tr("Opening the database..."))
        url = database_url(self._paths, self._settings)
        self._runner.run(lambda: open_storage(url, self._paths, self._clock),
                         self._opened, self._open_failed)

    def _opened(self, storage: _Opened) -> None:
        self._storage = storage
        log.info("database open: %s", storage.db.describe())
        if storage.has_users:
            self.login.set_ready(storage.auth)
        else:
            self._show_first_start(storage)

    def _open_failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook logs it and shows the crash dialog
        log.warning("database not opened: %s", error)
        self.login.set_waiting(error_text(error))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("GasHall - database"),
                          error_text(error), QMessageBox.StandardButton.Retry
                          | QMessageBox.StandardButton.Close, self.login)
        box.setDefaultButton(QMessageBox.StandardButton.Retry)
        box.finished.connect(lambda _result: self._error_answered(box))
        self.error_box = box
        box.open()

    def _error_answered(self, box: QMessageBox) -> None:
        self.error_box = None
        box.deleteLater()
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Retry):
            self.open_database()
        else:
            self._quit()

    def _show_first_start(self, storage: _Opened) -> None:
        from ui.first_start_dialog import FirstStartDialog

        self.login.set_waiting(self.tr("Set up GasHall first."))
        dialog = FirstStartDialog(storage.auth, self._demo_loader(storage.db), self._runner,
                                  self.login)
        dialog.accepted.connect(self._set_up)
        dialog.rejected.connect(self._quit)
        self.first_start = dialog
        dialog.open()

    def _demo_loader(self, db: Database) -> Callable[[], object]:
        clock = self._clock

        def load() -> object:
            from app.services.demo_service import DemoService

            DemoService(db, clock).load_demo()
            return None

        return load

    def _set_up(self) -> None:
        self.first_start = None
        if not self.login.username.text():
            self.login.username.setText("admin")
        if self._storage is not None:
            self.login.set_ready(self._storage.auth)

    def _logged_in(self, operator: Operator) -> None:
        from ui.events import AppEvents
        from ui.main_window import Desktop, MainWindow

        assert self._storage is not None  # logging in needs the open database
        events = AppEvents()  # one per session; the window owns it from here on
        window = MainWindow(operator, self._services(self._storage), Desktop(
            self._settings, self._paths.settings_file, self._storage.db.describe()),
            self._clock, self._runner, events=events)
        events.setParent(window)
        window.logged_out.connect(self._logged_out)
        window.closed.connect(self._quit)
        self.window = window
        window.show()
        self.login.hide()

    def _services(self, storage: _Opened) -> Services:
        from ui.main_window import Services

        return Services.on(storage.db, self._clock, storage.auth)

    def _logged_out(self) -> None:
        self.login.reset()
        self.login.show()
        window, self.window = self.window, None
        if window is not None:
            window.close()
            window.deleteLater()

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Wait for background work, then close the database."""
        self._runner.wait_idle()
        if self._storage is not None:
            self._storage.db.dispose()
