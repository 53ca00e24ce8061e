"""The ticket kiosk as a customer and the staff use it: press, see the number, get the PDF."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.persistence.db import open_database
from app.services.pdf.ticket_pdf import TicketLabels
from app.services.queue_service import QueueService
from tests.ui.queue_hall import QueueHall, hall, runner  # noqa: F401 - fixtures
from tests.ui.theming import themed  # noqa: F401 - a fixture
from tools.update_translations import lrelease
from ui.common.task_runner import TaskRunner
from ui.windows.kiosk_window import KioskWindow
from ui.windows.ticket_output import LABEL_SOURCES, TicketOutput, ticket_labels

SHOTS = Path(__file__).resolve().parents[2] / "shots"
UNREACHABLE = "postgresql+psycopg://gashall@127.0.0.1:9/nowhere"  # nothing listens on port 9

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")

MakeKiosk = Callable[..., KioskWindow]


@pytest.fixture
def make_kiosk(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path  # noqa: F811 - the fixture above
) -> Iterator[MakeKiosk]:
    made: list[KioskWindow] = []

    def make(queue: QueueService, hall_id: int, printer: str = "") -> KioskWindow:
        window = KioskWindow(queue, hall_id, runner, printer)
        window.ticket_folder = tmp_path / "tickets"
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    runner.wait_idle()


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk, hall: QueueHall, qtbot: QtBot) -> KioskWindow:  # noqa: F811
    window = make_kiosk(hall.queue, hall.hall_id)
    qtbot.waitUntil(lambda: len(window.buttons) == 2)
    return window


def press(qtbot: QtBot, kiosk: KioskWindow, category: int) -> TicketOutput:
    with qtbot.waitSignal(kiosk.ticket_written, timeout=10000) as written:
        qtbot.mouseClick(kiosk.buttons[category], Qt.MouseButton.LeftButton)
    output = written.args[0]
    assert isinstance(output, TicketOutput)
    return output


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_one_button_per_active_category_with_waiting_counts(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot  # noqa: F811
) -> None:
    assert set(kiosk.buttons) == {hall.a, hall.b}  # C is inactive
    assert kiosk.hall_name.text() == "东城营业厅"
    assert kiosk.buttons[hall.a].text_shown() == "A 缴费 0 waiting"
    hall.issue(hall.a)
    hall.issue(hall.a)
    kiosk.refresh()
    qtbot.waitUntil(lambda: "2 waiting" in kiosk.buttons[hall.a].text_shown())
    assert "0 waiting" in kiosk.buttons[hall.b].text_shown()


def test_pressing_a_category_shows_the_number_and_writes_its_pdf(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot, themed: QApplication  # noqa: F811
) -> None:
    hall.issue(hall.a)
    output = press(qtbot, kiosk, hall.a)
    assert kiosk.stack.currentIndex() == 1
    assert kiosk.number.text() == "A002"
    assert kiosk.category.text() == "缴费"
    assert kiosk.ahead.text().startswith("1 ahead of you")
    assert kiosk.priority_mark.isHidden()
    assert output.path.parent == kiosk.ticket_folder and output.path.is_file()
    assert not output.printed  # no printer configured
    text = pdf_text(output.path)
    assert "A002" in text and "东城营业厅" in text and "缴费" in text
    assert "1 ahead of you" in text  # the ticket's labels follow the UI's language
    SHOTS.mkdir(exist_ok=True)
    kiosk.grab().save(str(SHOTS / "kiosk_ticket.png"))
    kiosk.back_button.click()
    assert kiosk.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: "2 waiting" in kiosk.buttons[hall.a].text_shown())


def test_each_press_issues_the_next_number(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot  # noqa: F811
) -> None:
    numbers = []
    for category in (hall.a, hall.b, hall.a):
        press(qtbot, kiosk, category)
        numbers.append(kiosk.number.text())
    assert numbers == ["A001", "B001", "A002"]
    assert sorted(p.name.split("-")[1] for p in kiosk.ticket_folder.glob("*.pdf")) == [
        "A001", "A002", "B001"]


def test_a_closed_category_gives_a_message_not_a_ticket(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot  # noqa: F811
) -> None:
    hall.close_category(hall.a)  # the manager closes it while the button is still on screen
    qtbot.mouseClick(kiosk.buttons[hall.a], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.message_text() != "")
    assert kiosk.message_text() == "This category is closed or no longer exists."
    assert kiosk.stack.currentIndex() == 0 and kiosk.last_slip is None
    qtbot.waitUntil(lambda: set(kiosk.buttons) == {hall.b})  # the refresh drops the button
    assert kiosk.message_text() != ""  # the customer still sees why
    press(qtbot, kiosk, hall.b)
    assert kiosk.message_text() == ""


def test_green_channel_gives_a_priority_ticket_once(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot  # noqa: F811
) -> None:
    hall.issue(hall.a)
    hall.issue(hall.a)
    kiosk.green_channel.click()
    qtbot.keyClicks(kiosk.account_no, "1000234567")
    output = press(qtbot, kiosk, hall.a)
    slip = kiosk.last_slip
    assert slip is not None and slip.priority and slip.account_no == "1000234567"
    assert not kiosk.priority_mark.isHidden()
    assert kiosk.ahead.text() == "Nobody ahead of you"  # green channel goes first
    text = pdf_text(output.path)
    assert "Green channel" in text and "1000234567" in text
    assert not kiosk.green_channel.isChecked() and kiosk.account_no.text() == ""
    assert hall.call(1) == slip.number
    press(qtbot, kiosk, hall.a)
    assert kiosk.last_slip is not None and not kiosk.last_slip.priority


def test_a_missing_printer_is_said_and_the_pdf_kept(
    make_kiosk: MakeKiosk, hall: QueueHall, qtbot: QtBot  # noqa: F811
) -> None:
    window = make_kiosk(hall.queue, hall.hall_id, printer="No Such Printer")
    qtbot.waitUntil(lambda: len(window.buttons) == 2)
    output = press(qtbot, window, hall.a)
    assert not output.printed and output.path.is_file()
    assert "could not be printed" in window.hint.text()
    assert window.number.text() == "A001"


def test_database_down_is_shown_in_the_window(
    make_kiosk: MakeKiosk, clock: FixedClock, qtbot: QtBot
) -> None:
    db = open_database(UNREACHABLE)
    try:
        window = make_kiosk(QueueService(db, clock), 1)
        qtbot.waitUntil(lambda: window.message_text() != "", timeout=10000)
        assert window.message_text().startswith("The database cannot be reached.")
        assert window.buttons == {}
    finally:
        window.close()
        db.dispose()


def test_screenshot_of_the_kiosk(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot, themed: QApplication  # noqa: F811
) -> None:
    hall.setup.save_category(hall.admin, None, "D", "发票与证明", 10, True, [3])
    for category in (hall.a, hall.a, hall.b):
        hall.issue(category)
    kiosk.refresh()
    qtbot.waitUntil(lambda: len(kiosk.buttons) == 3)
    qtbot.waitUntil(lambda: "2 waiting" in kiosk.buttons[hall.a].text_shown())
    SHOTS.mkdir(exist_ok=True)
    kiosk.grab().save(str(SHOTS / "kiosk.png"))


@pytest.fixture
def chinese_ticket_words(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """A translator with the ticket's words only, built like the real one (lrelease)."""
    defaults = TicketLabels()
    pairs = [(source, getattr(defaults, field)) for field, source in LABEL_SOURCES.items()]
    messages = "".join(f"<message><source>{escape(s)}</source>"
                       f"<translation>{escape(t)}</translation></message>" for s, t in pairs)
    ts = tmp_path / "words.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" '
                  f'language="zh_CN"><context><name>TicketLabels</name>{messages}</context></TS>',
                  encoding="utf-8")
    lrelease(ts, tmp_path / "words.qm")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "words.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_the_ticket_is_printed_in_the_users_language(
    kiosk: KioskWindow, hall: QueueHall, qtbot: QtBot, chinese_ticket_words: None  # noqa: F811
) -> None:
    assert ticket_labels() == TicketLabels()  # every word found under its context
    hall.issue(hall.a)
    text = pdf_text(press(qtbot, kiosk, hall.a).path)
    assert "前方等待 1 人" in text and "请留意叫号屏幕和语音提示" in text
