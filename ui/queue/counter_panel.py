"""This counter's queue strip (叫号面板): current ticket, timer, waiting count, counter actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.queue import OPEN_AT_COUNTER, TicketStatus
from app.services.dto import CategoryInfo, CounterState, Operator, TicketInfo
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from ui.common.announcer import call_text
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner
from ui.events import AppEvents
from ui.queue.counter_view import CounterView
from ui.queue.transfer_dialog import TransferDialog
from ui.windows.rating_pad import DEFAULT_TIMEOUT_MS, RatingPad

POLL_MS = 5_000  # the waiting count and the current ticket are reloaded this often
TICK_MS = 1_000


class CounterPanel(QWidget):
    """The queue strip of one counter, docked in the main window for every role.

    Every action runs through ``QueueService`` on the TaskRunner, so the window never waits
    for the database; a refusal or a storage fault is shown in the strip's message line. The
    current ticket is loaded at start (a counter that crashed mid-service finds it again) and
    reloaded every ``poll_ms``. The served ticket is published as ``AppEvents.current_visit``;
    after Finish the customer's rating pad opens when the hall's rating is on.
    """

    state_shown = Signal(object)  # CounterState now on screen (after loading or an action)

    def __init__(
        self, queue: QueueService, queue_admin: QueueAdminService, operator: Operator,
        counter_no: int, runner: TaskRunner, clock: Clock, events: AppEvents, *,
        poll_ms: int = POLL_MS, rating_timeout_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self._admin = queue_admin
        self._operator = operator
        self.counter_no = counter_no
        self._runner = runner
        self._clock = clock
        self._events = events
        self.rating_timeout_ms = rating_timeout_ms  # replaces the hall's rating seconds (tests)
        self.state = CounterState(counter_no, None, False, 0)
        self.pad: RatingPad | None = None
        self.pad_geometry = QByteArray()  # where the customer's screen had the last pad
        self.transfer_dialog: TransferDialog | None = None
        self._busy = False
        self._seq = 0
        self._ended = False
        self._storage_message = False
        self.loaded = False  # the counter's state has been read at least once
        self._build_actions()
        self.view = CounterView(self.actions_for_menu())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.show_state(self.state)
        self._update_actions()
        self._start_timers(poll_ms)
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.call_action = self._action(Icon.CALL_NEXT, self.tr("Call next"), "F5",
                                        self.call_next)
        self.recall_action = self._action(Icon.RECALL, self.tr("Recall"), "F6", self.recall)
        self.start_action = self._action(Icon.START, self.tr("Start"), "F7", self.start)
        self.finish_action = self._action(Icon.FINISH, self.tr("Finish"), "F8", self.finish)
        self.no_show_action = self._action(Icon.NO_SHOW, self.tr("No-show"), "",
                                           self.no_show)
        self.transfer_action = self._action(Icon.TRANSFER, self.tr("Transfer..."), "",
                                            self.transfer)
        self.pause_action = self._action(Icon.PAUSE, self.tr("Pause counter"), "",
                                         self.toggle_pause)

    def _action(self, name: Icon, text: str, keys: str, slot: Callable[[], None]) -> QAction:
        action = QAction(icon(name), text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # anywhere in the window
            action.setIconText(f"{_short(text)} ({keys})")
            action.setToolTip(f"{text} ({keys})")
        else:
            action.setIconText(_short(text))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def actions_for_menu(self) -> list[QAction]:
        """The counter's actions in menu order (the main window's Counter menu)."""
        return [self.call_action, self.recall_action, self.start_action, self.finish_action,
                self.no_show_action, self.transfer_action, self.pause_action]

    def in_dock(self, title: str) -> QDockWidget:
        """The panel in a dock for the top of the main window: no title bar, cannot be closed."""
        dock = QDockWidget(title)
        dock.setObjectName("counterDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setAllowedAreas(Qt.DockWidgetArea.TopDockWidgetArea)
        dock.setTitleBarWidget(QWidget())  # an empty bar: nothing to drag, close or float
        dock.setWidget(self)
        return dock

    def _start_timers(self, poll_ms: int) -> None:
        self._tick_timer = QTimer(self)
        self._tick_timer.timeout.connect(self.tick)
        self._tick_timer.start(TICK_MS)
        self._poll_timer = QTimer(self)
        self._poll_timer.timeout.connect(self.refresh)
        if poll_ms > 0:
            self._poll_timer.start(poll_ms)

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload this counter's state in the background (skipped while an action runs)."""
        if self._busy or self._ended:
            return
        self._seq += 1
        job = partial(self._queue.counter_state, self._operator.hall_id, self.counter_no)
        self._runner.run(job, partial(self._loaded, self._seq), partial(self._load_failed,
                                                                         self._seq))

    def set_counter(self, counter_no: int) -> None:
        """This desktop became another counter (its settings changed): show that one."""
        if counter_no != self.counter_no:
            self.counter_no = counter_no
            self.state = CounterState(counter_no, None, False, 0)
            self._say("")
            self._show_state()
            self._seq += 1  # an older load is for the old counter
            self.refresh()

    def _loaded(self, seq: int, state: CounterState) -> None:
        if self._ended or seq != self._seq or self._busy:
            return  # a newer load or an action made this one stale
        self.state = state
        self.loaded = True
        if self._storage_message:
            self._say("")  # the database is back
        self._show_state()

    def _load_failed(self, seq: int, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook reports it
        if not self._ended and seq == self._seq:
            self._say(error_text(error), error=True, storage=True)

    # --- actions ----------------------------------------------------------------------------

    def call_next(self) -> None:
        """F5: call the oldest waiting ticket this counter serves, priority first."""
        self._act(partial(self._queue.call_next, self._operator, self.counter_no), self._called)

    def recall(self) -> None:
        """F6: call the current ticket again."""
        self._act(partial(self._queue.recall, self._operator, self.counter_no), self._called)

    def start(self) -> None:
        """F7: the customer is at the counter; service time starts."""
        self._act(partial(self._queue.start, self._operator, self.counter_no), self._started)

    def finish(self) -> None:
        """F8: the service is done; the rating pad opens for the customer."""
        self._act(partial(self._queue.finish, self._operator, self.counter_no), self._finished)

    def no_show(self) -> None:
        """The called customer did not come (过号)."""
        self._act(partial(self._queue.no_show, self._operator, self.counter_no), self._gone)

    def toggle_pause(self) -> None:
        """Put the counter on a break, or back to work."""
        paused = not self.state.paused
        job = partial(self._queue.set_paused, self._operator, self.counter_no, paused)
        self._act(job, lambda _none: self._pause_set(paused))

    def transfer(self) -> None:
        """Open the transfer dialog for the current ticket (categories load first)."""
        ticket = self.state.current
        if ticket is None or self._busy:
            return
        self._act(partial(self._admin.categories, self._operator.hall_id),
                  partial(self._open_transfer, ticket), refresh=False)

    def _act(
        self, job: Callable[[], Any], on_done: Callable[[Any], None], refresh: bool = True
    ) -> None:
        if self._busy or self._ended:
            return  # one action at a time: a second F5 while the first runs is dropped
        self._busy = True
        self._seq += 1  # a load already on its way would show the state before this action
        self._update_actions()
        self._runner.run(job, partial(self._acted, on_done, refresh), self._refused)

    def _acted(self, on_done: Callable[[Any], None], refresh: bool, result: Any) -> None:
        self._busy = False
        if self._ended:
            return
        self._say("")
        on_done(result)
        self._show_state()
        if refresh:
            self.refresh()  # the waiting count has changed too

    def _refused(self, error: Exception) -> None:
        self._busy = False
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the exception hook reports it
        if self._ended:
            return
        self._say(error_text(error), error=True)
        self._update_actions()
        self.refresh()  # another counter or desktop may have changed the ticket meanwhile

    def _called(self, ticket: TicketInfo) -> None:
        self._set_current(ticket)
        self._say(call_text(ticket.number, self.counter_no))

    def _started(self, ticket: TicketInfo) -> None:
        self._set_current(ticket)

    def _finished(self, ticket: TicketInfo) -> None:
        self._set_current(None)
        self._events.finish_visit(ticket)
        self._say(self.tr("{number} finished.").format(number=ticket.number))
        self._ask_rating(ticket)

    def _gone(self, ticket: TicketInfo) -> None:
        self._set_current(None)
        self._say(self.tr("{number} marked as no-show.").format(number=ticket.number))

    def _transferred(self, ticket: TicketInfo) -> None:
        if self._ended:
            return
        self._set_current(None)
        self._say(self.tr("{number} transferred.").format(number=ticket.number))
        self._show_state()
        self.refresh()

    def _pause_set(self, paused: bool) -> None:
        self.state = replace(self.state, paused=paused)

    def _set_current(self, ticket: TicketInfo | None) -> None:
        open_ticket = ticket if ticket is not None and ticket.status in OPEN_AT_COUNTER else None
        self.state = replace(self.state, current=open_ticket)

    def _open_transfer(self, ticket: TicketInfo, categories: list[CategoryInfo]) -> None:
        if self.transfer_dialog is not None:
            self.transfer_dialog.deleteLater()
        dialog = TransferDialog(self._queue, self._operator, self.counter_no, self._runner,
                                ticket, categories, self)
        dialog.transferred.connect(self._transferred)
        self.transfer_dialog = dialog
        dialog.open()

    # --- rating pad -------------------------------------------------------------------------

    def _ask_rating(self, ticket: TicketInfo) -> None:
        def seconds() -> int:
            return self._admin.settings(self._operator.hall_id).rating_seconds

        def unknown(error: Exception) -> None:
            if not isinstance(error, DomainError | StorageUnavailable):
                raise error
            self._open_pad(ticket, DEFAULT_TIMEOUT_MS // 1000)  # the default: rating is on

        self._runner.run(seconds, partial(self._open_pad, ticket), unknown)

    def _open_pad(self, ticket: TicketInfo, seconds: int) -> None:
        if self._ended or seconds <= 0:
            return
        self.close_pad()
        timeout = self.rating_timeout_ms or seconds * 1000
        pad = RatingPad(self._queue, self._runner, ticket, timeout)
        pad.rating_recorded.connect(self._events.record_rating)
        pad.closed.connect(partial(self._pad_closed, pad))
        self._place_pad(pad)
        self.pad = pad
        pad.show()

    def _place_pad(self, pad: RatingPad) -> None:
        """Where the last pad was, else on the customer's screen, else out of the clerk's way.

        Without a second screen the pad goes to the bottom right corner of the clerk's one.
        """
        if not self.pad_geometry.isEmpty() and pad.restoreGeometry(self.pad_geometry):
            return
        here = self.screen()
        others = [s for s in QGuiApplication.screens() if s is not here]
        pad.adjustSize()
        frame = pad.frameGeometry()
        if others:
            frame.moveCenter(others[0].availableGeometry().center())
        else:
            frame.moveBottomRight(here.availableGeometry().bottomRight())
        pad.move(frame.topLeft())

    def _pad_closed(self, pad: RatingPad) -> None:
        self.pad_geometry = pad.saveGeometry()
        if self.pad is pad:
            self.pad = None
        pad.deleteLater()

    def close_pad(self) -> None:
        """Close the rating pad if one is open."""
        if self.pad is not None:
            self.pad.close()

    # --- showing ----------------------------------------------------------------------------

    def _show_state(self) -> None:
        self.view.show_state(self.state)
        self._events.set_visit(self.state.current)
        self.tick()
        self._update_actions()
        self.state_shown.emit(self.state)

    def tick(self) -> None:
        """Move the timer on; it turns red with an alert past the category's time limit."""
        self.view.show_time(self.state.current, self._clock.now())

    def _update_actions(self) -> None:
        idle = not self._busy and not self._ended
        status = self.state.current.status if self.state.current else None
        called = status is TicketStatus.CALLED
        at_counter = status in OPEN_AT_COUNTER
        self.call_action.setEnabled(idle and status is None)
        for action in (self.recall_action, self.start_action, self.no_show_action):
            action.setEnabled(idle and called)
        for action in (self.finish_action, self.transfer_action):
            action.setEnabled(idle and at_counter)
        self.pause_action.setEnabled(idle)
        paused = self.state.paused
        self.pause_action.setText(self.tr("Resume counter") if paused else self.tr(
            "Pause counter"))
        self.pause_action.setIconText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_action.setIcon(icon(Icon.RESUME if paused else Icon.PAUSE))

    def _say(self, text: str, error: bool = False, storage: bool = False) -> None:
        self.view.say(text, error)
        self._storage_message = storage and bool(text)

    @property
    def message_text(self) -> str:
        """The message line as the clerk reads it (the call, a refusal, a fault)."""
        return self.view.message.text()

    # --- ending -----------------------------------------------------------------------------

    def shut_down(self) -> None:
        """The session ends: stop the timers, close the pad; late results are ignored."""
        self._ended = True
        self._tick_timer.stop()
        self._poll_timer.stop()
        self.close_pad()
        if self.transfer_dialog is not None:
            self.transfer_dialog.close()


def _short(text: str) -> str:
    """A menu text without its trailing ellipsis, for a toolbar button."""
    return text.removesuffix("...").removesuffix("…")
