"""The display board (叫号屏) for a second screen: current call, recent calls, waiting, notices."""

from __future__ import annotations

import logging
from string import Template

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.errors import StorageUnavailable
from app.services.dto import BoardCall, BoardState, WaitingLine
from app.services.queue_service import QueueService
from ui.common.announcer import Announcer, call_text
from ui.common.task_runner import TaskRunner
from ui.windows.full_screen import add_full_screen_keys

log = logging.getLogger(__name__)

DEFAULT_REPEATS = 2  # until the first poll brings the hall's "voice_repeats" setting
RECENT_ROWS = 8
FRESH_MS = 6000  # a new call stays highlighted this long
_STYLE = Template("""
DisplayBoardWindow { background: #0b1f3a; }
QLabel { color: #ffffff; background: transparent; }
QLabel#hallName { font-size: ${title}px; font-weight: bold; }
QLabel#clock { font-size: ${title}px; color: #b9cbe4; }
QLabel#notice { font-size: ${banner}px; color: #1d1d1d; background: #ffc845; padding: 8px 18px; }
QLabel#fault { font-size: ${banner}px; font-weight: bold; background: #d32f2f;
    padding: 8px 18px; }
QFrame#currentPanel, QFrame#recentPanel, QFrame#waitingTile { background: #13305a;
    border-radius: 14px; }
QLabel#caption { font-size: ${caption}px; color: #9fb6d6; }
QLabel#currentCall { font-size: ${huge}px; font-weight: bold; color: #ffffff; }
QLabel#currentCall[fresh="true"] { color: #ffd54a; }
QLabel#recentNumber { font-size: ${row}px; font-weight: bold; color: #ffd54a; }
QLabel#recentCounter { font-size: ${row}px; }
QLabel#tileName { font-size: ${tile}px; font-weight: bold; }
QLabel#tileWaiting { font-size: ${tile}px; color: #ffd54a; }
QLabel#tileEstimate { font-size: ${small}px; color: #b9cbe4; }
""")
_SIZES = {"title": 48, "banner": 40, "caption": 32, "huge": 150, "row": 52, "tile": 36,
          "small": 28}  # pixels on a 1080-line screen; scaled with the window's height


class DisplayBoardWindow(QWidget):
    """Polls the hall's board every ``poll_ms`` and announces each new call once.

    Calls from every counter show within a second, also from other desktops sharing the
    database. While the database cannot be reached a fault banner shows and polling goes on,
    so the board recovers by itself.
    """

    board_shown = Signal(object)  # the BoardState just shown
    fault_changed = Signal(bool)  # True while the board cannot read the database

    def __init__(
        self, queue: QueueService, hall_id: int, runner: TaskRunner, announcer: Announcer,
        poll_ms: int = 300, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._queue = queue
        self._hall_id = hall_id
        self._runner = runner
        self.announcer = announcer
        self.voice_repeats = DEFAULT_REPEATS
        self.state: BoardState | None = None
        self.fault = False
        self.skipped_polls = 0
        self._polling = False
        self._seen: set[int] | None = None  # call ids shown; None until the first poll
        self.setObjectName("DisplayBoardWindow")
        self.setWindowTitle(self.tr("Display board"))
        self.resize(1280, 720)
        self._build()
        self._timers(poll_ms)
        add_full_screen_keys(self)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.hall_name = _label("hallName")
        self.clock = _label("clock", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.notice = _label("notice", Qt.AlignmentFlag.AlignCenter)
        self.fault_banner = _label("fault", Qt.AlignmentFlag.AlignCenter)
        self.fault_banner.setText(self.tr("System fault, please wait"))
        header = QHBoxLayout()
        header.addWidget(self.hall_name, 1)
        header.addWidget(self.clock)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self._current_panel(), 3)
        body.addWidget(self._recent_panel(), 2)
        self.tiles = QHBoxLayout()
        self.tiles.setSpacing(18)
        self._tiles: list[WaitingTile] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 24)
        layout.setSpacing(18)
        layout.addLayout(header)
        layout.addWidget(self.fault_banner)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        layout.addLayout(self.tiles)
        self.notice.hide()
        self.fault_banner.hide()
        self._apply_style()

    def _current_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("currentPanel")
        caption = _label("caption", Qt.AlignmentFlag.AlignCenter)
        caption.setText(self.tr("Now calling"))
        self.current_call = _label("currentCall", Qt.AlignmentFlag.AlignCenter)
        self.current_call.setProperty("fresh", False)
        layout = QVBoxLayout(panel)
        layout.addWidget(caption)
        layout.addWidget(self.current_call, 1)
        return panel

    def _recent_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("recentPanel")
        caption = _label("caption", Qt.AlignmentFlag.AlignCenter)
        caption.setText(self.tr("Latest call at each counter"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(30)
        self.recent_rows: list[tuple[QLabel, QLabel]] = []
        for row in range(RECENT_ROWS):
            number, counter = _label("recentNumber"), _label("recentCounter")
            grid.addWidget(number, row, 0)
            grid.addWidget(counter, row, 1)
            self.recent_rows.append((number, counter))
        layout = QVBoxLayout(panel)
        layout.addWidget(caption)
        layout.addLayout(grid)
        layout.addStretch(1)
        return panel

    def _timers(self, poll_ms: int) -> None:
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(poll_ms)
        self._poll_timer.timeout.connect(self.poll)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self._tick)
        self._fresh_timer = QTimer(self)
        self._fresh_timer.setSingleShot(True)
        self._fresh_timer.setInterval(FRESH_MS)
        self._fresh_timer.timeout.connect(lambda: self._mark_fresh(False))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Poll and tick while the board is on screen."""
        super().showEvent(event)
        self._tick()
        self._poll_timer.start()
        self._clock_timer.start()
        self.poll()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        """A closed board stops asking the database."""
        super().hideEvent(event)
        self._poll_timer.stop()
        self._clock_timer.stop()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Type grows with the screen: readable from across the hall on any size."""
        super().resizeEvent(event)
        self._apply_style()

    def _apply_style(self) -> None:
        scale = max(0.45, min(self.height() / 1080, self.width() / 1920 * 1.2))
        self.setStyleSheet(_STYLE.substitute({k: round(v * scale) for k, v in _SIZES.items()}))

    # --- polling ---------------------------------------------------------------------------

    def poll(self) -> None:
        """Ask for the board's state off the GUI thread; skipped while the last ask runs."""
        if self._polling:
            self.skipped_polls += 1
            return
        self._polling = True
        hall_id = self._hall_id
        self._runner.run(lambda: self._queue.board(hall_id), self._polled, self._poll_failed)

    def _polled(self, state: BoardState) -> None:
        self._polling = False
        self._set_fault(False)
        self.voice_repeats = state.voice_repeats
        self._announce_new(state.calls)
        self.state = state
        self._show(state)
        self.board_shown.emit(state)

    def _poll_failed(self, error: Exception) -> None:
        self._polling = False
        if not isinstance(error, StorageUnavailable):
            log.error("display board poll failed", exc_info=error)
        elif not self.fault:
            log.warning("display board cannot read the database: %s", error)
        self._set_fault(True)

    def _set_fault(self, fault: bool) -> None:
        if fault != self.fault:
            self.fault = fault
            self.fault_banner.setVisible(fault)
            self.fault_changed.emit(fault)
            if not fault:
                log.info("display board reads the database again")

    def _announce_new(self, calls: tuple[BoardCall, ...]) -> None:
        """Announce calls not seen before, oldest first; a recall is a call of its own."""
        ids = {call.call_id for call in calls}
        if self._seen is not None:
            fresh = [call for call in reversed(calls) if call.call_id not in self._seen]
            for call in fresh:
                self.announcer.announce(call_text(call.number, call.counter_no),
                                        self.voice_repeats)
            if fresh:
                self._mark_fresh(True)
                self._fresh_timer.start()
        self._seen = ids  # the board opened mid-day: calls already made are not announced

    # --- showing ---------------------------------------------------------------------------

    def _show(self, state: BoardState) -> None:
        self.hall_name.setText(state.hall_name)
        self.notice.setText(state.notice)
        self.notice.setVisible(bool(state.notice))
        self.current_call.setText(self._call_text(state.calls[0]) if state.calls else "")
        latest = _latest_per_counter(state.calls)
        for row, (number, counter) in enumerate(self.recent_rows):
            call = latest[row] if row < len(latest) else None
            number.setText(call.number if call else "")
            counter.setText(self._counter_text(call.counter_no) if call else "")
        self._show_lines(state.lines)

    def _show_lines(self, lines: tuple[WaitingLine, ...]) -> None:
        while len(self._tiles) > len(lines):
            tile = self._tiles.pop()
            self.tiles.removeWidget(tile)
            tile.deleteLater()
        while len(self._tiles) < len(lines):
            self._tiles.append(WaitingTile())
            self.tiles.addWidget(self._tiles[-1])
        for tile, line in zip(self._tiles, lines, strict=True):
            tile.show_line(line)

    def _call_text(self, call: BoardCall) -> str:
        return self.tr("{number} → Counter {counter}").format(
            number=call.number, counter=call.counter_no)

    def _counter_text(self, counter: int) -> str:
        return self.tr("Counter {counter}").format(counter=counter)

    def _mark_fresh(self, fresh: bool) -> None:
        self.current_call.setProperty("fresh", fresh)
        self.current_call.style().unpolish(self.current_call)
        self.current_call.style().polish(self.current_call)

    def _tick(self) -> None:
        self.clock.setText(QLocale().toString(QDateTime.currentDateTime(),
                                              "yyyy-MM-dd dddd HH:mm:ss"))

    # --- for tests and the status bar ------------------------------------------------------

    def current_text(self) -> str:
        """The current call as shown ("" when nobody was called today)."""
        return self.current_call.text()

    def recent_texts(self) -> list[str]:
        """The recent-calls rows as shown: "A001 Counter 3", newest first."""
        return [f"{n.text()} {c.text()}" for n, c in self.recent_rows if n.text()]

    def waiting_texts(self) -> list[str]:
        """Each category tile's texts joined: "A 缴费 3 waiting about 9 min"."""
        return [tile.text_shown() for tile in self._tiles]

    def notice_text(self) -> str:
        """The manager's notice, "" when none is shown."""
        return self.notice.text() if not self.notice.isHidden() else ""


class WaitingTile(QFrame):
    """One category at the bottom of the board: letter and name, waiting count, estimate."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("waitingTile")
        self.name = _label("tileName", Qt.AlignmentFlag.AlignCenter)
        self.waiting = _label("tileWaiting", Qt.AlignmentFlag.AlignCenter)
        self.estimate = _label("tileEstimate", Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        for label in (self.name, self.waiting, self.estimate):
            layout.addWidget(label)

    def show_line(self, line: WaitingLine) -> None:
        """Show the category's waiting count, and the estimate when someone waits."""
        self.name.setText(f"{line.prefix} {line.name}")
        self.waiting.setText(self.tr("{count} waiting").format(count=line.waiting))
        self.estimate.setText(self.tr("about {minutes} min").format(minutes=line.wait_minutes)
                              if line.waiting and line.wait_minutes else "")

    def text_shown(self) -> str:
        """The tile's texts joined by spaces."""
        return " ".join(t for t in (self.name.text(), self.waiting.text(),
                                    self.estimate.text()) if t)


def _latest_per_counter(calls: tuple[BoardCall, ...]) -> list[BoardCall]:
    """The newest call of each counter, newest first (``calls`` come newest first)."""
    latest: dict[int, BoardCall] = {}
    for call in calls:
        latest.setdefault(call.counter_no, call)
    return list(latest.values())


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _label(name: str, align: Qt.AlignmentFlag = _LEFT) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(align)
    label.setWordWrap(True)
    return label
