"""The customer's rating pad: one rating per finished service, thanks, countdown and timeout."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.domain.queue import Rating
from app.persistence.db import Database
from app.services.dto import Operator, QueueFigures, TicketInfo
from app.services.queue_admin_service import QueueAdminService
from app.services.queue_service import QueueService
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.common.task_runner import TaskRunner
from ui.windows.rating_pad import RatingPad

SHOTS = Path(__file__).resolve().parents[2] / "shots"
TODAY = date(2026, 11, 23)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")

MakePad = Callable[..., RatingPad]


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()
    qapp.processEvents()


@pytest.fixture
def queue(db: Database, clock: FixedClock) -> QueueService:
    return QueueService(db, clock)


@pytest.fixture
def setup(db: Database, clock: FixedClock) -> QueueAdminService:
    return QueueAdminService(db, clock)


@pytest.fixture
def finished(queue: QueueService, setup: QueueAdminService, admin: Operator) -> TicketInfo:
    """A001 of A 缴费, served at counter 3 and finished."""
    category = setup.save_category(admin, None, "A", "缴费", 5, True, [3]).id
    queue.issue(admin.hall_id, category)
    queue.call_next(admin, 3)
    return queue.finish(admin, 3)


@pytest.fixture
def make_pad(
    qtbot: QtBot, queue: QueueService, runner: TaskRunner, finished: TicketInfo
) -> Iterator[MakePad]:
    pads: list[RatingPad] = []

    def make(timeout_ms: int = 30_000, ticket: TicketInfo = finished) -> RatingPad:
        pad = RatingPad(queue, runner, ticket, timeout_ms, thanks_ms=100)
        pads.append(pad)
        pad.show()
        qtbot.waitExposed(pad)
        return pad

    yield make
    runner.wait_idle()
    for pad in pads:
        pad.close()
        pad.deleteLater()


def figures(setup: QueueAdminService, admin: Operator) -> QueueFigures:
    by_category, _by_counter = setup.statistics(admin, TODAY, TODAY)
    return by_category[0]


def ratings(setup: QueueAdminService, admin: Operator) -> tuple[int, int, int]:
    found = figures(setup, admin)
    return found.satisfied, found.fairly_satisfied, found.dissatisfied


def test_a_press_records_the_rating_thanks_and_closes(
    qtbot: QtBot, make_pad: MakePad, setup: QueueAdminService, admin: Operator,
    finished: TicketInfo,
) -> None:
    pad = make_pad()
    assert [b.text() for b in pad.buttons.values()] == [
        "Satisfied", "Fairly satisfied", "Dissatisfied"]
    with qtbot.waitSignal(pad.rating_recorded) as recorded:
        qtbot.mouseClick(pad.buttons[Rating.DISSATISFIED], Qt.MouseButton.LeftButton)
    assert recorded.args == [finished.id, Rating.DISSATISFIED]
    assert pad.feedback.text() == "Thank you for your rating!"
    with qtbot.waitSignal(pad.closed, timeout=3000):
        pass
    assert not pad.isVisible()
    assert ratings(setup, admin) == (0, 0, 1)
    notes = setup.notes(admin)
    assert [(n.kind, n.ticket_number) for n in notes] == [("dissatisfied", "A001")]


def test_a_second_press_is_ignored(
    qtbot: QtBot, make_pad: MakePad, setup: QueueAdminService, admin: Operator
) -> None:
    pad = make_pad()
    with qtbot.waitSignal(pad.rating_recorded):
        qtbot.mouseClick(pad.buttons[Rating.SATISFIED], Qt.MouseButton.LeftButton)
        assert not pad.buttons[Rating.FAIRLY_SATISFIED].isEnabled()
        pad.press(Rating.FAIRLY_SATISFIED)
    assert ratings(setup, admin) == (1, 0, 0)


def test_the_service_refuses_a_second_rating_of_the_ticket(
    qtbot: QtBot, make_pad: MakePad, setup: QueueAdminService, admin: Operator
) -> None:
    first = make_pad()
    with qtbot.waitSignal(first.rating_recorded):
        first.press(Rating.SATISFIED)
    second = make_pad()
    with qtbot.assertNotEmitted(second.rating_recorded), qtbot.waitSignal(second.closed):
        qtbot.mouseClick(second.buttons[Rating.DISSATISFIED], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: second.feedback.text() == "This service has already been rated.")
    assert ratings(setup, admin) == (1, 0, 0)


def test_the_pad_closes_by_itself_when_nobody_rates(
    qtbot: QtBot, make_pad: MakePad, setup: QueueAdminService, admin: Operator
) -> None:
    pad = make_pad(timeout_ms=400)
    assert pad.countdown.text() == "This window closes in 1 s"
    with qtbot.waitSignal(pad.closed, timeout=3000):
        pass
    assert not pad.isVisible()
    pad.press(Rating.SATISFIED)  # too late: nothing is recorded
    assert ratings(setup, admin) == (0, 0, 0)


def test_the_countdown_shows_the_seconds_left(make_pad: MakePad) -> None:
    pad = make_pad(timeout_ms=30_000)
    assert pad.countdown.text() == "This window closes in 30 s"
    assert pad.seconds_left in (29, 30)


def test_the_pad_is_its_own_window_and_never_takes_the_keyboard(
    make_pad: MakePad,
) -> None:
    pad = make_pad()
    assert pad.parent() is None and pad.isWindow()
    assert pad.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert pad.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in pad.buttons.values())


@pytest.mark.usefixtures("themed")
def test_screenshot_of_the_rating_pad(qtbot: QtBot, make_pad: MakePad) -> None:
    pad = make_pad()
    qtbot.wait(50)
    pad.grab().save(str(SHOTS / "rating_pad.png"))
    with qtbot.waitSignal(pad.rating_recorded):
        pad.press(Rating.SATISFIED)
    pad.grab().save(str(SHOTS / "rating_pad_thanks.png"))
