"""The counter strip's look: the ticket number large, category, status, timer, waiting, buttons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.queue import TicketStatus
from app.services.dto import CounterState, TicketInfo

ERROR_COLOUR = "#c0392b"
INFO_COLOUR = "#1d2733"
_STYLE = """
CounterView { background: #ffffff; border-bottom: 1px solid #c9d1dc; }
QLabel#number { font-size: 32pt; font-weight: bold; color: #1f6fd1; }
QLabel#counter, QLabel#waiting { color: #5b6b7d; }
QLabel#status { font-weight: bold; }
QLabel#timer { font-size: 20pt; }
QLabel#timer[over="true"] { color: #c0392b; font-weight: bold; }
QLabel#alert { color: #c0392b; font-weight: bold; }
QLabel#paused { color: #ffffff; background: #e08e0b; border-radius: 4px; padding: 1px 8px; }
QToolBar { background: transparent; border: none; padding: 0; spacing: 2px; }
QToolButton { padding: 2px 6px; }
QToolButton:disabled { color: #a3adb9; }
"""


class CounterView(QWidget):
    """Lays out the counter strip and shows a ``CounterState``; the panel decides the rest."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CounterView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_STYLE)
        top = QHBoxLayout()
        top.setSpacing(20)
        top.addLayout(self._number_column())
        top.addLayout(self._info_column(), 1)
        top.addWidget(self._timer(), 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self._toolbar(actions), 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(self._message_row())
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # --- building ---------------------------------------------------------------------------

    def _number_column(self) -> QVBoxLayout:
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counter")
        self.number_label = QLabel()
        self.number_label.setObjectName("number")
        self.number_label.setAccessibleName(self.tr("Current ticket"))
        # the style sheet's 32 pt is about twice the base font
        self.number_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("A0000") * 2)
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(self.counter_label)
        column.addWidget(self.number_label)
        return column

    def _info_column(self) -> QVBoxLayout:
        self.category_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.paused_label = QLabel(self.tr("On a break"))
        self.paused_label.setObjectName("paused")
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waiting")
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        status_row.addWidget(self.paused_label)
        status_row.addStretch(1)
        for label in (self.category_label, self.waiting_label):
            _shrinkable(label)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(self.category_label)
        column.addLayout(status_row)
        column.addWidget(self.waiting_label)
        return column

    def _timer(self) -> QLabel:
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        self.timer_label.setAccessibleName(self.tr("Time at the counter"))
        return self.timer_label

    def _toolbar(self, actions: Sequence[QAction]) -> QToolBar:
        """The actions as buttons; on a narrow window the last ones move behind a » button."""
        self.toolbar = QToolBar()
        self.toolbar.setIconSize(QSize(22, 22))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.toolbar.addActions(list(actions))
        for action in actions:
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached by shortcut or menu
        return self.toolbar

    def _message_row(self) -> QHBoxLayout:
        self.alert_label = QLabel()
        self.alert_label.setObjectName("alert")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _shrinkable(self.message)
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(self.alert_label)
        row.addWidget(self.message, 1)
        return row

    # --- showing ----------------------------------------------------------------------------

    def show_state(self, state: CounterState) -> None:
        """Show the counter's current ticket, break and waiting count."""
        ticket = state.current
        self.counter_label.setText(self.tr("Counter {n}").format(n=state.counter_no))
        self.number_label.setText(ticket.number if ticket else "—")
        self.category_label.setText(self._category_text(ticket))
        self.status_label.setText(self._status_text(ticket))
        self.paused_label.setVisible(state.paused)
        self.waiting_label.setText(self.tr("Waiting for this counter: {count}").format(
            count=state.waiting))

    def _category_text(self, ticket: TicketInfo | None) -> str:
        if ticket is None:
            return ""
        if ticket.priority:
            return self.tr("{category} · green channel").format(category=ticket.category)
        return ticket.category

    def _status_text(self, ticket: TicketInfo | None) -> str:
        if ticket is None:
            return self.tr("No customer")
        if ticket.status is TicketStatus.SERVING:
            return self.tr("In service")
        if ticket.recalls:
            return self.tr("Called · recalls: {count}").format(count=ticket.recalls)
        return self.tr("Called")

    def show_time(self, ticket: TicketInfo | None, now: datetime) -> None:
        """The time since the ticket was started (or called); red with an alert past its limit."""
        since = (ticket.started_at or ticket.called_at) if ticket else None
        if ticket is None or since is None:
            self.timer_label.clear()
            self.alert_label.clear()
            self._set_over(False)
            return
        elapsed = max(now - since, timedelta(0))
        self.timer_label.setText(duration_text(elapsed))
        over = elapsed > timedelta(minutes=ticket.time_limit_minutes)
        self._set_over(over)
        self.alert_label.setText(self.tr("Over the {minutes}-minute time limit").format(
            minutes=ticket.time_limit_minutes) if over else "")

    @property
    def over_time(self) -> bool:
        """Whether the timer shows a service past its category's time limit."""
        return bool(self.timer_label.property("over"))

    def _set_over(self, over: bool) -> None:
        if self.over_time != over:
            self.timer_label.setProperty("over", over)
            self.timer_label.style().unpolish(self.timer_label)
            self.timer_label.style().polish(self.timer_label)

    def say(self, text: str, error: bool = False) -> None:
        """Show a line under the strip: the call text, a result, or (in red) a refusal."""
        self.message.setText(text)
        self.message.setToolTip(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR if error else INFO_COLOUR};")


def _shrinkable(label: QLabel) -> None:
    """A label that gives up width to the buttons on a narrow window."""
    label.setMinimumWidth(1)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


def duration_text(elapsed: timedelta) -> str:
    """``mm:ss``, or ``h:mm:ss`` from an hour on."""
    seconds = int(elapsed.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
