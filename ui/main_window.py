"""The main window: module navigation on the left, the pages, session actions, status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import __version__
from app.config import LocalSettings
from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.users import DEFAULT_IDLE_LOCK_MINUTES, Permission, may
from app.persistence.db import Database
from app.services.account_service import AccountService
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.billing_service import BillingService
from app.services.cash_service import CashService
from app.services.day_close_service import DayCloseService
from app.services.dto import HallSettings, Operator
from app.services.ic_service import IcService
from app.services.payment_service import PaymentService
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from app.services.reading_import import ReadingImporter
from app.services.reading_service import ReadingService
from app.services.settings_service import SettingsService
from app.services.tariff_service import TariffService
from ui.accounts.accounts_page import AccountsPage
from ui.admin.audit_page import AuditPage
from ui.admin.change_password_dialog import ChangePasswordDialog
from ui.admin.desktop_settings_dialog import DesktopSettingsDialog
from ui.admin.hall_settings_page import HallSettingsPage
from ui.admin.role_names import role_text
from ui.admin.users_page import UsersPage
from ui.billing.tariffs_page import TariffsPage
from ui.cashier.cashier_page import CashierPage
from ui.cashier.day_close_page import DayClosePage
from ui.common.icons import Icon, icon
from ui.common.task_runner import TaskRunner
from ui.customer_windows import CustomerWindows
from ui.events import AppEvents
from ui.idle_lock import MINUTE_MS, IdleLock
from ui.queue.counter_panel import CounterPanel
from ui.queue.queue_setup_page import QueueSetupPage
from ui.queue.queue_stats_page import QueueStatsPage
from ui.readings.readings_page import ReadingsPage

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1280, 800)
NAV_ROW_HEIGHT = 52
PAD_GEOMETRY = "rating_pad_geometry"  # LocalSettings.extra: where the customer's pad was


@dataclass(frozen=True)
class Services:
    """The services of one logged-in session; the window hands each page only what it uses."""

    accounts: AccountService
    auth: AuthService
    audit: AuditService
    settings: SettingsService
    queue: QueueService
    queue_admin: QueueAdminService
    billing: BillingService
    readings: ReadingService
    importer: ReadingImporter
    tariffs: TariffService
    cash: CashService
    payments: PaymentService
    day_close: DayCloseService
    ic: IcService

    @classmethod
    def on(cls, db: Database, clock: Clock, auth: AuthService) -> Services:
        """Every service on one database (the login's AuthService is shared)."""
        return cls(AccountService(db, clock), auth, AuditService(db), SettingsService(db, clock),
                   QueueService(db, clock), QueueAdminService(db, clock),
                   BillingService(db, clock), ReadingService(db, clock),
                   ReadingImporter(db, clock), TariffService(db, clock), CashService(db, clock),
                   PaymentService(db, clock), DayCloseService(db, clock), IcService(db, clock))


@dataclass(frozen=True)
class Desktop:
    """This desktop's settings, the file they are kept in, and the database shown in the bar."""

    settings: LocalSettings
    settings_file: Path
    database: str  # Database.describe(), e.g. "SQLite gashall.db"


@dataclass(frozen=True)
class _Module:
    key: str
    title: str
    icon: Icon
    permission: Permission | None
    build: Callable[[], QWidget]


class MainWindow(QMainWindow):
    """One logged-in session at a counter.

    Pages are built the first time they are shown; the counter's queue strip is docked on top
    for every role. ``idle_timeout_ms`` replaces the hall's idle lock minutes (tests use a few
    hundred milliseconds). ``events`` are the session's app-wide events (the composition root
    creates them; a window of its own is made when none are given).
    """

    logged_out = Signal()  # the person logged out; the login window comes back
    closed = Signal()  # the window was closed: the program ends

    def __init__(
        self, operator: Operator, services: Services, desktop: Desktop, clock: Clock,
        runner: TaskRunner, idle_timeout_ms: int | None = None,
        events: AppEvents | None = None,
    ) -> None:
        super().__init__()
        self.events = events or AppEvents(self)
        self.operator = operator
        self._services = services
        self._desktop = desktop
        self._clock = clock
        self._runner = runner
        self._ended = False
        self._pages: dict[str, QWidget] = {}
        self.cashier_page: CashierPage | None = None
        self.customer_windows = CustomerWindows(services.queue, operator.hall_id, runner,
                                                desktop.settings, self)
        hall = self._hall()
        self.setWindowTitle(self.tr("GasHall - {hall}").format(hall=hall.name))
        self._modules = [m for m in self._all_modules() if self._allowed(m)]
        self.setCentralWidget(self._body())
        self._build_counter_panel()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        minutes_ms = hall.idle_lock_minutes * MINUTE_MS
        self._fixed_idle = idle_timeout_ms is not None
        self.idle_lock = IdleLock(self, services.auth, operator, idle_timeout_ms or minutes_ms)
        self.idle_lock.logout_requested.connect(self.log_out)
        self._restore_geometry()
        self.navigation.setCurrentRow(0)

    # --- building ---------------------------------------------------------------------------

    def _hall(self) -> HallSettings:
        try:
            return self._services.settings.hall(self.operator.hall_id)
        except (DomainError, StorageUnavailable):
            log.warning("hall settings unreadable; using defaults", exc_info=True)
            return HallSettings("", "", "", "", "", DEFAULT_IDLE_LOCK_MINUTES)

    def _all_modules(self) -> list[_Module]:
        s, op = self._services, self.operator
        return [
            _Module("accounts", self.tr("Accounts"), Icon.ACCOUNTS, None,
                    lambda: AccountsPage(s.accounts, op, self._runner, s.billing)),
            _Module("cashier", self.tr("Cash desk"), Icon.CASHIER, Permission.TAKE_PAYMENTS,
                    self._build_cashier_page),
            _Module("readings", self.tr("Meter readings"), Icon.READINGS,
                    Permission.ENTER_READINGS,
                    lambda: ReadingsPage(s.readings, s.importer, op, self._runner, self._clock)),
            _Module("tariffs", self.tr("Tariffs"), Icon.TARIFFS, Permission.EDIT_TARIFFS,
                    lambda: TariffsPage(s.tariffs, op, self._runner, self._clock)),
            _Module("day_close", self.tr("Daily close"), Icon.DAY_CLOSE, Permission.CLOSE_DAY,
                    lambda: DayClosePage(s.day_close, op, self._runner, self._clock,
                                         self._desktop.settings)),
            _Module("users", self.tr("Users"), Icon.USERS, Permission.MANAGE_USERS,
                    lambda: UsersPage(s.auth, op, self._clock)),
            _Module("audit", self.tr("Audit log"), Icon.AUDIT, Permission.VIEW_AUDIT_LOG,
                    lambda: AuditPage(s.audit, op, self._runner, self._clock)),
            _Module("hall", self.tr("Hall settings"), Icon.SETTINGS,
                    Permission.EDIT_HALL_SETTINGS, self._build_hall_page),
            _Module("queue_setup", self.tr("Queue setup"), Icon.QUEUE_SETUP,
                    Permission.EDIT_HALL_SETTINGS, lambda: QueueSetupPage(s.queue_admin, op)),
            _Module("queue_stats", self.tr("Queue statistics"), Icon.QUEUE_STATS,
                    Permission.VIEW_REPORTS,
                    lambda: QueueStatsPage(s.queue_admin, op, self._runner, self._clock)),
        ]

    def _allowed(self, module: _Module) -> bool:
        return module.permission is None or may(self.operator.role, module.permission)

    def _build_cashier_page(self) -> QWidget:
        from ui.common.announcer import make_announcer

        factory = self.customer_windows.announcer_factory or make_announcer
        announcer = factory(self._desktop.settings.language or QLocale().name())
        s = self._services
        page = CashierPage(s.cash, s.payments, s.accounts, self.operator, self._runner,
                           self._clock, self.events, self._desktop.settings, announcer,
                           finish_visit=self.counter_panel.finish, ic=s.ic)
        announcer.setParent(page)
        self.cashier_page = page
        return page

    def _build_hall_page(self) -> QWidget:
        page = HallSettingsPage(self._services.settings, self.operator)
        page.hall_saved.connect(self._hall_saved)
        return page

    def _body(self) -> QWidget:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(230)
        for module in self._modules:
            item = QListWidgetItem(icon(module.icon, "#e8eef7"), module.title)
            item.setData(Qt.ItemDataRole.UserRole, module.key)
            item.setSizeHint(QSize(0, NAV_ROW_HEIGHT))
            self.navigation.addItem(item)
        self.stack = QStackedWidget()
        self.navigation.currentRowChanged.connect(self._show_row)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        page_area = QWidget()
        inner = QHBoxLayout(page_area)
        inner.setContentsMargins(16, 12, 16, 8)
        inner.addWidget(self.stack)
        layout.addWidget(page_area, 1)
        return body

    def _build_counter_panel(self) -> None:
        """The queue strip of this desktop's counter, on top of the pages, always reachable."""
        s = self._services
        self.counter_panel = CounterPanel(s.queue, s.queue_admin, self.operator,
                                          self._desktop.settings.counter, self._runner,
                                          self._clock, self.events)
        saved = self._desktop.settings.extra.get(PAD_GEOMETRY, "")
        self.counter_panel.pad_geometry = QByteArray.fromHex(saved.encode("ascii", "ignore"))
        self.counter_dock = self.counter_panel.in_dock(self.tr("Counter"))
        self.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, self.counter_dock)

    def _build_actions(self) -> None:
        self.find_action = self._action(Icon.SEARCH, self.tr("Find account"), "F2",
                                        self.show_accounts)
        self.password_action = self._action(Icon.PASSWORD, self.tr("Change password..."), "",
                                            self.change_password)
        self.lock_action = self._action(Icon.LOCK, self.tr("Lock screen"), "Ctrl+L",
                                        self.lock_screen)
        self.logout_action = self._action(Icon.LOGOUT, self.tr("Log out"), "", self.log_out)
        self.desktop_action = self._action(Icon.DESKTOP, self.tr("This desktop..."), "",
                                           self.edit_desktop_settings)
        self.exit_action = self._action(None, self.tr("Exit"), "", self.close)
        self.about_action = self._action(Icon.ABOUT, self.tr("About GasHall"), "", self._about)
        self.kiosk_action = self._action(Icon.KIOSK, self.tr("Ticket kiosk"), "",
                                         self.open_kiosk)
        self.board_action = self._action(Icon.BOARD, self.tr("Display board"), "",
                                         self.open_board)

    def _action(
        self, name: Icon | None, text: str, keys: str, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if name is not None:
            action.setIcon(icon(name))
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"{text} ({keys})")
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus_and_toolbar(self) -> None:
        session = self.menuBar().addMenu(self.tr("&Session"))
        session.addActions([self.find_action, self.password_action, self.lock_action,
                            self.logout_action])
        session.addSeparator()
        session.addAction(self.exit_action)
        self.menuBar().addMenu(self.tr("&Counter")).addActions(
            self.counter_panel.actions_for_menu())
        windows = self.menuBar().addMenu(self.tr("&Windows"))
        windows.addActions([self.kiosk_action, self.board_action])
        settings = self.menuBar().addMenu(self.tr("S&ettings"))
        settings.addAction(self.desktop_action)
        self.menuBar().addMenu(self.tr("&Help")).addAction(self.about_action)
        toolbar = QToolBar(self.tr("Session"))
        toolbar.setObjectName("sessionToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.find_action, self.lock_action, self.logout_action])
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        op = self.operator
        self.user_label = QLabel(f"{op.full_name} · {role_text(op.role)}")
        self.counter_label = QLabel()
        self.database_label = QLabel(self._desktop.database)
        self.clock_label = QLabel()
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.user_label)
        for label in (self.counter_label, self.database_label, self.clock_label):
            bar.addPermanentWidget(label)
        self._show_counter()
        self._tick()
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start(1000)

    def _show_counter(self) -> None:
        counter = self.tr("Counter {n}").format(n=self._desktop.settings.counter)
        self.counter_label.setText(counter)

    def _tick(self) -> None:
        self.clock_label.setText(f"{self._clock.now():%Y-%m-%d %H:%M:%S}")

    # --- pages ------------------------------------------------------------------------------

    def module_keys(self) -> list[str]:
        """The keys of the modules in the navigation, top to bottom."""
        return [m.key for m in self._modules]

    def page(self, key: str) -> QWidget:
        """The page of a module, built on first use."""
        if key not in self._pages:
            module = next(m for m in self._modules if m.key == key)
            page = module.build()
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        """Select a module in the navigation and show its page."""
        self.navigation.setCurrentRow(self.module_keys().index(key))
        return self.page(key)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self.page(self._modules[row].key))

    def show_accounts(self) -> None:
        """F2: the accounts page with the cursor in its search box."""
        page = self.show_page("accounts")
        if isinstance(page, AccountsPage):
            page.focus_search()

    # --- session ----------------------------------------------------------------------------

    def change_password(self) -> None:
        """Open the change-password dialog."""
        dialog = ChangePasswordDialog(self._services.auth, self.operator, self)
        dialog.accepted.connect(
            lambda: self.statusBar().showMessage(self.tr("Password changed."), 5000))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def lock_screen(self) -> None:
        """Ctrl+L: cover the window until the password is given."""
        self.idle_lock.lock()

    def edit_desktop_settings(self) -> None:
        """Open this desktop's settings; saved to the settings file on OK."""
        dialog = DesktopSettingsDialog(self._desktop.settings, parent=self)
        dialog.accepted.connect(lambda: self._desktop_chosen(dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _desktop_chosen(self, chosen: LocalSettings) -> None:
        current = self._desktop.settings
        current.counter, current.language = chosen.counter, chosen.language
        current.printer = chosen.printer
        self._save_settings()
        self._show_counter()
        self.counter_panel.set_counter(current.counter)

    def _hall_saved(self, hall: HallSettings) -> None:
        self.setWindowTitle(self.tr("GasHall - {hall}").format(hall=hall.name))
        if not self._fixed_idle:
            self.idle_lock.set_timeout(hall.idle_lock_minutes * MINUTE_MS)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About GasHall"), self.tr(
            "GasHall {version}\nThe desktop program of a gas utility's service hall."
        ).format(version=__version__))

    def open_kiosk(self) -> None:
        """Windows menu: the ticket kiosk, as its own window for the customers' screen."""
        self._opened(self.customer_windows.open_kiosk())

    def open_board(self) -> None:
        """Windows menu: the display board, as its own window; it speaks the calls."""
        self._opened(self.customer_windows.open_board())

    def _opened(self, window: QWidget | None) -> None:
        if window is None:
            self.statusBar().showMessage(self.tr("This window is not available."), 5000)

    def log_out(self) -> None:
        """End the session; the login window comes back."""
        if self._ended:
            return
        self._end_session()
        self.logged_out.emit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Closing the window ends the session and the program."""
        if not self._ended:
            self._end_session()
            self.closed.emit()
        super().closeEvent(event)

    def _end_session(self) -> None:
        self._ended = True
        self.idle_lock.stop()
        self._clock_timer.stop()
        self.counter_panel.shut_down()
        if self.cashier_page is not None:
            self.cashier_page.shut_down()
        self.customer_windows.close_all()
        self._save_geometry()
        try:
            self._services.auth.logout(self.operator)
        except (DomainError, StorageUnavailable):
            log.warning("logout of %s not recorded", self.operator.username, exc_info=True)

    # --- geometry ---------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self._desktop.settings.window_geometry
        geometry = QByteArray.fromHex(saved.encode("ascii", "ignore"))
        if not (saved and self.restoreGeometry(geometry)):
            self.resize(self.default_size())

    def default_size(self) -> QSize:
        """The first-start size: 1280 x 800, or the screen's free area if that is smaller."""
        return DEFAULT_SIZE.boundedTo(self.screen().availableGeometry().size())

    def _save_geometry(self) -> None:
        settings = self._desktop.settings
        settings.window_geometry = _hex(self.saveGeometry())
        if not self.counter_panel.pad_geometry.isEmpty():
            settings.extra[PAD_GEOMETRY] = _hex(self.counter_panel.pad_geometry)
        self._save_settings()

    def _save_settings(self) -> None:
        try:
            self._desktop.settings.save(self._desktop.settings_file)
        except OSError:
            log.warning("settings not saved to %s", self._desktop.settings_file, exc_info=True)


def _hex(data: QByteArray) -> str:
    return bytes(data.toHex().data()).decode()
