"""The ticket kiosk (取号机): a customer-facing window that issues, shows and prints tickets."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.services.dto import BoardState, TicketSlip, WaitingLine
from app.services.queue_service import QueueService
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner
from ui.windows.category_button import CategoryButton
from ui.windows.full_screen import add_full_screen_keys
from ui.windows.ticket_output import (
    TicketOutput,
    default_ticket_folder,
    remove_old_tickets,
    ticket_labels,
    write_and_print,
)

log = logging.getLogger(__name__)

REFRESH_MS = 5000
TICKET_SHOWN_MS = 8000
COLUMNS = 2
_STYLE = """
KioskWindow { background: #eef3f9; }
QLabel#hallName { font-size: 34px; font-weight: bold; color: #123a6b; }
QLabel#prompt { font-size: 26px; color: #1d2733; }
QLabel#notice { font-size: 22px; color: #7a4b00; background: #fff3cd; padding: 8px 14px; }
QLabel#message { font-size: 24px; color: #ffffff; background: #c0392b; padding: 10px 14px; }
QPushButton#categoryButton { background: #1f6fd1; border: 2px solid #1f6fd1; border-radius: 14px;
    min-height: 170px; padding: 0; }
QPushButton#categoryButton:hover { background: #2b7be0; border-color: #2b7be0; }
QPushButton#categoryButton:focus { border: 2px solid #0c3d7a; padding: 0; }
QPushButton#categoryButton:pressed { background: #1656a3; }
QPushButton#categoryButton:disabled { background: #8fa9c9; }
QLabel#categoryLetter { font-size: 64px; font-weight: bold; color: #ffffff;
    background: #12498d; border-radius: 12px; }
QLabel#categoryName { font-size: 36px; font-weight: bold; color: #ffffff; }
QLabel#categoryWaiting { font-size: 22px; color: #dce8f8; }
QLabel#yourNumber { font-size: 28px; color: #1d2733; }
QLabel#ticketNumber { font-size: 150px; font-weight: bold; color: #12498d; }
QLabel#ticketCategory { font-size: 36px; font-weight: bold; color: #1d2733; }
QLabel#ticketAhead { font-size: 30px; color: #1d2733; }
QLabel#ticketHint { font-size: 22px; color: #4a5868; }
QLabel#priorityMark { font-size: 26px; font-weight: bold; color: #ffffff; background: #1e8e3e;
    padding: 6px 18px; border-radius: 8px; }
QPushButton#backButton { font-size: 24px; padding: 10px 40px; }
QPushButton#greenChannel { font-size: 16px; padding: 6px 14px; }
QPushButton#greenChannel:checked { background: #1e8e3e; color: #ffffff; }
QLineEdit#accountNo { font-size: 20px; min-width: 320px; }
"""


class KioskWindow(QWidget):
    """Customers press a category and get a numbered ticket, shown large and printed.

    Staff switch on the green channel (绿色通道: elderly, disabled, pregnant) for the next ticket
    only; the account number is optional. The buttons' waiting counts refresh every few seconds.
    """

    ticket_issued = Signal(object)  # the TicketSlip just issued
    ticket_written = Signal(object)  # the TicketOutput: PDF path and whether it printed

    def __init__(
        self, queue: QueueService, hall_id: int, runner: TaskRunner, printer_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._queue = queue
        self._hall_id = hall_id
        self._runner = runner
        self.printer_name = printer_name
        self.ticket_folder = default_ticket_folder()
        self.ticket_width_mm = 80
        self.font_path: str | None = None
        self.buttons: dict[int, CategoryButton] = {}
        self.last_slip: TicketSlip | None = None
        self.last_output: TicketOutput | None = None
        self._issuing = False
        self._refreshing = False
        self._load_failed = False  # the message shows a failed refresh: clear it when one works
        self.setObjectName("KioskWindow")
        self.setWindowTitle(self.tr("Take a ticket"))
        self.setStyleSheet(_STYLE)
        self.resize(1024, 768)
        self._build()
        self._timers()
        add_full_screen_keys(self)
        remove_old_tickets(self.ticket_folder)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.hall_name = _label("hallName", Qt.AlignmentFlag.AlignCenter)
        self.notice = _label("notice", Qt.AlignmentFlag.AlignCenter)
        self.message = _label("message", Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._choice_page())
        self.stack.addWidget(self._ticket_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(16)
        layout.addWidget(self.hall_name)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._staff_row())
        self.notice.hide()
        self.message.hide()

    def _choice_page(self) -> QWidget:
        page = QWidget()
        prompt = _label("prompt", Qt.AlignmentFlag.AlignCenter)
        prompt.setText(self.tr("Please choose your business"))
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        layout = QVBoxLayout(page)
        layout.addWidget(prompt)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        return page

    def _ticket_page(self) -> QWidget:
        page = QWidget()
        your = _label("yourNumber", Qt.AlignmentFlag.AlignCenter)
        your.setText(self.tr("Your number"))
        self.number = _label("ticketNumber", Qt.AlignmentFlag.AlignCenter)
        self.category = _label("ticketCategory", Qt.AlignmentFlag.AlignCenter)
        self.priority_mark = _label("priorityMark", Qt.AlignmentFlag.AlignCenter)
        self.priority_mark.setText(self.tr("Green channel"))
        self.ahead = _label("ticketAhead", Qt.AlignmentFlag.AlignCenter)
        self.hint = _label("ticketHint", Qt.AlignmentFlag.AlignCenter)
        self.back_button = QPushButton(self.tr("Done"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.show_choice)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for widget in (your, self.number, self.category):
            layout.addWidget(widget)
        layout.addWidget(self.priority_mark, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.ahead, self.hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def _staff_row(self) -> QHBoxLayout:
        self.green_channel = QPushButton(self.tr("Green channel (staff)"))
        self.green_channel.setObjectName("greenChannel")
        self.green_channel.setCheckable(True)
        self.green_channel.setToolTip(self.tr(
            "Staff only: the next ticket goes first (elderly, disabled, pregnant). Ctrl+G"))
        QShortcut(QKeySequence("Ctrl+G"), self, self.green_channel.toggle)
        self.account_no = QLineEdit()
        self.account_no.setObjectName("accountNo")
        self.account_no.setPlaceholderText(self.tr("Account number (optional)"))
        self.account_no.setMaxLength(20)
        pattern = QRegularExpression(r"[0-9A-Za-z\-]{0,20}")
        self.account_no.setValidator(QRegularExpressionValidator(pattern, self.account_no))
        row = QHBoxLayout()
        row.addWidget(self.green_channel)
        row.addStretch(1)
        row.addWidget(self.account_no)
        return row

    def _timers(self) -> None:
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.setInterval(TICKET_SHOWN_MS)
        self._back_timer.timeout.connect(self.show_choice)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Start refreshing the waiting counts while the kiosk is on screen."""
        super().showEvent(event)
        self._refresh_timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """A closed kiosk stops asking the database."""
        super().hideEvent(event)
        self._refresh_timer.stop()

    # --- waiting counts --------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the categories and their waiting counts (skipped while one load is running)."""
        if self._refreshing:
            return
        self._refreshing = True
        hall_id = self._hall_id
        self._runner.run(lambda: self._queue.board(hall_id, calls=0), self._refreshed,
                         self._refresh_failed)

    def _refreshed(self, state: BoardState) -> None:
        self._refreshing = False
        self.hall_name.setText(state.hall_name)
        self.notice.setText(state.notice)
        self.notice.setVisible(bool(state.notice))
        self._show_lines(state.lines)
        if self._load_failed:
            self._show_message("")

    def _refresh_failed(self, error: Exception) -> None:
        self._refreshing = False
        self._show_error(error)
        self._load_failed = True

    def _show_lines(self, lines: tuple[WaitingLine, ...]) -> None:
        if [line.category_id for line in lines] != list(self.buttons):
            self._rebuild_buttons(lines)
        for line in lines:
            self.buttons[line.category_id].show_line(line)

    def _rebuild_buttons(self, lines: tuple[WaitingLine, ...]) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for index, line in enumerate(lines):
            button = CategoryButton(line)
            button.setEnabled(not self._issuing)
            button.clicked.connect(lambda _=False, c=line.category_id: self.issue(c))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[line.category_id] = button

    # --- issuing ---------------------------------------------------------------------------

    def issue(self, category_id: int) -> None:
        """Issue a ticket of the category (green channel and account number as chosen)."""
        if self._issuing:
            return
        self._set_issuing(True)
        self._show_message("")
        hall_id, priority = self._hall_id, self.green_channel.isChecked()
        account = self.account_no.text().strip()
        self._runner.run(lambda: self._queue.issue(hall_id, category_id, priority, account),
                         self._issued, self._issue_failed)

    def _issued(self, slip: TicketSlip) -> None:
        self._set_issuing(False)
        self.green_channel.setChecked(False)
        self.account_no.clear()
        self.last_slip = slip
        self._show_ticket(slip)
        self.ticket_issued.emit(slip)
        self.refresh()
        labels, folder = ticket_labels(), self.ticket_folder
        printer, width, font = self.printer_name, self.ticket_width_mm, self.font_path
        self._runner.run(lambda: write_and_print(slip, labels, folder, printer, width, font),
                         self._written, self._write_failed)

    def _issue_failed(self, error: Exception) -> None:
        self._set_issuing(False)
        self._show_error(error)
        self.refresh()

    def _show_ticket(self, slip: TicketSlip) -> None:
        self.number.setText(slip.number)
        self.category.setText(slip.category)
        self.priority_mark.setVisible(slip.priority)
        if slip.ahead == 0:
            self.ahead.setText(self.tr("Nobody ahead of you"))
        elif slip.wait_minutes:
            self.ahead.setText(self.tr("{ahead} ahead of you, about {minutes} minutes").format(
                ahead=slip.ahead, minutes=slip.wait_minutes))
        else:
            self.ahead.setText(self.tr("{ahead} ahead of you").format(ahead=slip.ahead))
        self.hint.setText(self.tr("Please take your ticket and watch the display board"))
        self.stack.setCurrentIndex(1)
        self._back_timer.start()

    def show_choice(self) -> None:
        """Back to the category buttons."""
        self._back_timer.stop()
        self.stack.setCurrentIndex(0)

    def _written(self, output: TicketOutput) -> None:
        self.last_output = output
        if self.printer_name and not output.printed:
            self.hint.setText(self.tr("The ticket could not be printed; please remember your "
                                      "number or ask the staff"))
        self.ticket_written.emit(output)

    def _write_failed(self, error: Exception) -> None:
        if isinstance(error, DomainError | StorageUnavailable):
            self.hint.setText(error_text(error))
        else:
            log.error("ticket PDF failed", exc_info=error)
            self.hint.setText(self.tr("The ticket could not be printed; please remember your "
                                      "number or ask the staff"))

    # --- messages --------------------------------------------------------------------------

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, DomainError | StorageUnavailable):
            self._show_message(error_text(error))
            return
        log.error("kiosk failed", exc_info=error)
        self._show_message(self.tr("Sorry, something went wrong. Please ask the staff."))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._load_failed = False

    def _set_issuing(self, issuing: bool) -> None:
        self._issuing = issuing
        for button in self.buttons.values():
            button.setEnabled(not issuing)

    def message_text(self) -> str:
        """The error or fault shown to the customer ("" when none)."""
        return self.message.text() if not self.message.isHidden() else ""


def _label(name: str, align: Qt.AlignmentFlag) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(align)
    label.setWordWrap(True)
    return label

