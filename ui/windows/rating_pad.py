"""The customer's rating pad (服务评价器): one rating per finished service, then it closes."""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QElapsedTimer, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.domain.errors import DomainError, StorageUnavailable
from app.domain.queue import Rating
from app.services.dto import TicketInfo
from app.services.queue_service import QueueService
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

DEFAULT_TIMEOUT_MS = 30_000
THANKS_MS = 2_000  # how long the thank-you stays before the pad closes
_COUNTDOWN_STEP_MS = 250

_COLOURS = {
    Rating.SATISFIED: ("#2e9e5b", "#27874e"),
    Rating.FAIRLY_SATISFIED: ("#e0a526", "#c38f1f"),
    Rating.DISSATISFIED: ("#d64541", "#b93a36"),
}
_ICONS = {
    Rating.SATISFIED: Icon.SATISFIED,
    Rating.FAIRLY_SATISFIED: Icon.FAIRLY_SATISFIED,
    Rating.DISSATISFIED: Icon.DISSATISFIED,
}
_STYLE = """
RatingPad { background: #ffffff; }
QLabel#title { font-size: 30pt; font-weight: bold; color: #1d2733; }
QLabel#ticket { font-size: 16pt; color: #5b6b7d; }
QLabel#feedback { font-size: 20pt; font-weight: bold; color: #1f6fd1; }
QLabel#countdown { font-size: 13pt; color: #7b8794; }
"""
_BUTTON_STYLE = """
QToolButton {{ background: {face}; border: 2px solid {edge}; border-radius: 14px; color: #ffffff;
  font-size: 22pt; font-weight: bold; padding: 16px 20px; }}
QToolButton:pressed, QToolButton[chosen="true"] {{ background: {edge}; border: 4px solid #1d2733; }}
QToolButton:disabled {{ background: #d8dde4; border-color: #c9d0d9; color: #ffffff; }}
"""


class RatingPad(QWidget):
    """A top-level window for the customer: 满意 / 基本满意 / 不满意 and a countdown.

    Only the customer's press is recorded (the clerk has no way to rate here). The first press
    is sent to ``QueueService.rate``; later presses are ignored, and the service itself refuses
    a second rating of the same ticket. The pad thanks the customer and closes, or closes when
    ``timeout_ms`` runs out. It never takes the keyboard from the clerk's window.
    """

    rating_recorded = Signal(int, object)  # ticket id, the Rating the service recorded
    closed = Signal()  # the pad closed (rated, refused or timed out)

    def __init__(
        self, queue: QueueService, runner: TaskRunner, ticket: TicketInfo,
        timeout_ms: int = DEFAULT_TIMEOUT_MS, thanks_ms: int = THANKS_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _window_flags())
        self._queue = queue
        self._runner = runner
        self.ticket = ticket
        self._timeout_ms = timeout_ms
        self._thanks_ms = thanks_ms
        self._pressed: Rating | None = None
        self._ended = False
        self.setObjectName("RatingPad")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("Service rating"))
        self.setStyleSheet(_STYLE)
        self._build()
        self._start_timers()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        title = QLabel(self.tr("Please rate our service"))
        title.setObjectName("title")
        ticket = QLabel(self.tr("Ticket {number} · {category}").format(
            number=self.ticket.number, category=self.ticket.category))
        ticket.setObjectName("ticket")
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 24)
        layout.setSpacing(16)
        for label in (title, ticket):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addSpacing(12)
        layout.addLayout(self._build_buttons())
        for label in (self.feedback, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)

    def _build_buttons(self) -> QHBoxLayout:
        texts = {
            Rating.SATISFIED: self.tr("Satisfied"),
            Rating.FAIRLY_SATISFIED: self.tr("Fairly satisfied"),
            Rating.DISSATISFIED: self.tr("Dissatisfied"),
        }
        self.buttons: dict[Rating, QToolButton] = {}
        row = QHBoxLayout()
        row.setSpacing(24)
        for rating, text in texts.items():
            button = QToolButton()
            button.setIcon(icon(_ICONS[rating], "#ffffff"))
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            face, edge = _COLOURS[rating]
            button.setStyleSheet(_BUTTON_STYLE.format(face=face, edge=edge))
            button.setIconSize(QSize(80, 80))
            button.setMinimumSize(250, 190)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays with the clerk
            button.clicked.connect(partial(self.press, rating))
            self.buttons[rating] = button
            row.addWidget(button)
        return row

    def _start_timers(self) -> None:
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._countdown_timer = QTimer(self)
        self._countdown_timer.setInterval(_COUNTDOWN_STEP_MS)
        self._countdown_timer.timeout.connect(self._count_down)
        self._countdown_timer.start()
        self._close_timer = QTimer(self)
        self._close_timer.setSingleShot(True)
        self._close_timer.timeout.connect(self.close)
        self._close_timer.start(self._timeout_ms)
        self._count_down()

    # --- behaviour --------------------------------------------------------------------------

    @property
    def seconds_left(self) -> int:
        """Whole seconds until the pad closes by itself."""
        left = self._timeout_ms - self._elapsed.elapsed()
        return max(math.ceil(left / 1000), 0)

    def press(self, rating: Rating) -> None:
        """The customer pressed a rating; only the first press counts."""
        if self._pressed is not None or self._ended:
            return
        self._pressed = rating
        self._show_choice(rating)
        self._runner.run(partial(self._queue.rate, self.ticket.id, rating),
                         lambda _none: self._rated(rating), self._refused)

    def _rated(self, rating: Rating) -> None:
        self.rating_recorded.emit(self.ticket.id, rating)  # recorded, even if the pad timed out
        if not self._ended:
            self.feedback.setText(self.tr("Thank you for your rating!"))
            self._close_soon()

    def _refused(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook reports it
        if self._ended:
            return
        self.feedback.setText(error_text(error))
        if isinstance(error, StorageUnavailable):  # not recorded: the customer may press again
            self._pressed = None
            self._show_choice(None)
            return
        self._close_soon()

    def _close_soon(self) -> None:
        self._countdown_timer.stop()
        self.countdown.clear()
        self._close_timer.start(self._thanks_ms)

    def _count_down(self) -> None:
        self.countdown.setText(self.tr("This window closes in {seconds} s").format(
            seconds=self.seconds_left))

    def _show_choice(self, rating: Rating | None) -> None:
        """Light the pressed button and grey the others; None: all can be pressed again."""
        for choice, button in self.buttons.items():
            button.setProperty("chosen", choice is rating)
            button.setEnabled(rating is None or choice is rating)
            button.style().unpolish(button)  # the style sheet looks at the property again
            button.style().polish(button)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Stop counting; tell the counter panel that the pad is gone."""
        if not self._ended:
            self._ended = True
            self._countdown_timer.stop()
            self._close_timer.stop()
            self.closed.emit()
        super().closeEvent(event)


def _window_flags() -> Qt.WindowType:
    """Its own window (movable to the customer's screen), on top, never taking the keyboard."""
    return (Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus)
