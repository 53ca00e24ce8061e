"""The readings page driven like a clerk: readings typed by keyboard, rollover, review, import."""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import func, select

from app.domain.accounts import Address, MeterDraft
from app.domain.clock import FixedClock
from app.domain.tariff import LateFeeRule, Tariff, TariffKind, Tier
from app.persistence.db import Database
from app.persistence.orm import Bill, Reading
from app.services.account_service import AccountService
from app.services.billing_dto import ReadingDraft
from app.services.dto import Operator
from app.services.reading_import import ReadingImporter
from app.services.reading_service import ReadingService
from app.services.tariff_service import TariffService
from tests.conftest import sample_draft
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.common.task_runner import TaskRunner
from ui.readings.import_dialog import ImportDialog, ImportProgress
from ui.readings.readings_page import ReadingsPage
from ui.readings.review_table_model import ReviewTableModel
from ui.readings.route_sheet_model import FLAG_COLOR, RouteSheetModel

SHOTS = Path(__file__).resolve().parents[2] / "shots"
M3 = 1000
BASELINE_DAY = date(2026, 10, 23)
TODAY = date(2026, 11, 23)  # the conftest clock
Col = RouteSheetModel.Column
RCol = ReviewTableModel.Column

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")

# 东莞 (DOMAIN.md §8.2): 0-370 m³ 3.40, 370-560 m³ 4.08, above 5.10 yuan/m³
DONGGUAN = Tariff(
    id=None, user_type="residential", gas_use="cooking", effective_from=date(2020, 1, 1),
    name="东莞居民", kind=TariffKind.TIERED,
    tiers=(Tier(370 * M3, 34000), Tier(560 * M3, 40800), Tier(None, 51000)),
    late_fee=LateFeeRule(ppm_per_day=3000, grace_days=10),
)
# (name, mobile, room, meter no., baseline m³ or None) in the sheet's (address) order
PEOPLE = (
    ("张三", "13812345678", "101", "JK0000101", 1000),
    ("李四", "13812345679", "102", "JK0000102", 99950),  # near the end of a 5-digit register
    ("王五", "13812345680", "103", "JK0000103", 500),
    ("赵六", "13812345681", "104", "JK0000104", None),  # a new meter: no reading yet
)


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def readings(db: Database, clock: FixedClock) -> ReadingService:
    return ReadingService(db, clock)


@pytest.fixture
def meters(
    db: Database, clock: FixedClock, accounts: AccountService, admin: Operator,
    manager: Operator, clerk: Operator, readings: ReadingService,
) -> dict[str, int]:
    """Route book B01 with four accounts, three of them read a month ago; meter ids by no."""
    TariffService(db, clock).add_version(manager, DONGGUAN)
    found: dict[str, int] = {}
    for name, mobile, room, meter_no, baseline in PEOPLE:
        detail = accounts.create(admin, sample_draft(
            name=name, mobile=mobile, meter=MeterDraft(meter_no),
            address=Address("南城区", "幸福路", "阳光小区", "12", "3", room)))
        found[meter_no] = detail.meters[0].id
        if baseline is not None:
            readings.record(clerk, ReadingDraft(found[meter_no], BASELINE_DAY, baseline * M3))
    return found


@pytest.fixture
def make_page(
    qtbot, db: Database, clock: FixedClock, readings: ReadingService, runner: TaskRunner,
) -> Iterator[Callable[[Operator], ReadingsPage]]:
    """Build the page for a logged-in user, shown at its size in the main window.

    Afterwards the background work still running (reloads after an import …) is finished and
    delivered while the page still exists.
    """

    def make(operator: Operator) -> ReadingsPage:
        page = ReadingsPage(readings, ReadingImporter(db, clock), operator, runner, clock)
        qtbot.addWidget(page)
        page.resize(1060, 640)  # its room in a 1280 x 800 main window
        with qtbot.waitActive(page):
            page.show()
            page.activateWindow()
        qtbot.waitUntil(lambda: page.sheet_view.model.rowCount() == len(PEOPLE))
        return page

    yield make
    for _ in range(3):
        runner.wait_idle()
        qtbot.wait(20)


def cell(page: ReadingsPage, row: int, column: Col) -> str:
    return page.sheet_view.model.index(row, column).data()


def editor_row() -> int:
    """The row of the reading editor that has the keyboard (-1: none)."""
    focus = QApplication.focusWidget()
    return int(focus.property("row")) if isinstance(focus, QLineEdit) else -1


def type_reading(qtbot, text: str, enter: bool = True) -> None:
    """Type into the open reading cell like a clerk, then press Enter."""
    qtbot.waitUntil(lambda: editor_row() >= 0)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, text)
    if enter:
        qtbot.keyClick(editor, Qt.Key.Key_Return)


def count(db: Database, table: type) -> int:
    with db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_readings_typed_by_keyboard_show_consumption_and_are_billed(
    qtbot, make_page, clerk, meters
):
    page = make_page(clerk)
    view = page.sheet_view
    assert view.book_combo.currentText() == "B01"
    assert view.read_on == TODAY
    assert [cell(page, r, Col.PREVIOUS) for r in range(4)] == ["1000", "99950", "500", ""]
    assert cell(page, 0, Col.PREVIOUS_ON) == "10-23"  # the year is the reading's
    assert cell(page, 0, Col.SOURCE) == "01"
    tip = Qt.ItemDataRole.ToolTipRole
    assert view.model.index(0, Col.SOURCE).data(tip) == "01 Read on site"
    assert view.model.index(0, Col.PREVIOUS_ON).data(tip) == "2026-10-23"
    assert editor_row() == 0  # the cursor waits in the first reading cell

    type_reading(qtbot, "1100.5", enter=False)  # shown while typing, before Enter
    qtbot.waitUntil(lambda: cell(page, 0, Col.CONSUMPTION) == "100.5")
    assert cell(page, 0, Col.STATE) == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.entry(0).state == "billed")
    assert cell(page, 0, Col.READING) == "1100.5"
    assert cell(page, 0, Col.STATE) == "Billed · ¥341.70"  # 100.5 m³ × 3.40
    assert editor_row() == 1  # Enter moved down
    assert view.count_label.text() == "1 of 4 meters read"
    # a recorded row is read-only
    assert not view.model.flags(view.model.index(0, Col.READING)) & Qt.ItemFlag.ItemIsEditable


def test_typing_errors_stay_in_the_row_and_nothing_is_recorded(qtbot, make_page, clerk, meters,
                                                               db):
    page = make_page(clerk)
    view = page.sheet_view
    type_reading(qtbot, "1o5")
    qtbot.waitUntil(lambda: view.model.entry(0).error != "")
    assert editor_row() == 0  # stays for the correction
    assert view.model.entry(0).text == "1o5"  # nothing lost
    assert cell(page, 0, Col.STATE) == view.model.entry(0).error
    assert "1o5" in view.message_label.text() or view.message_label.text()
    assert view.model.index(0, Col.STATE).data(Qt.ItemDataRole.ForegroundRole) is not None
    type_reading(qtbot, "1001.2345")  # four decimals: refused as well
    qtbot.waitUntil(lambda: view.model.entry(0).text == "1001.2345"
                    and view.model.entry(0).error != "")
    assert count(db, Reading) == 3
    QApplication.focusWidget().selectAll()
    type_reading(qtbot, "1001")
    qtbot.waitUntil(lambda: view.model.entry(0).state == "billed")


def test_lower_value_asks_about_a_rollover(qtbot, make_page, clerk, meters, db):
    page = make_page(clerk)
    view = page.sheet_view
    questions: list[str] = []
    answers = [False, True]
    view.ask = lambda title, text: questions.append(f"{title}|{text}") or answers.pop(0)
    view.edit_row(1)
    type_reading(qtbot, "20", enter=False)
    qtbot.waitUntil(lambda: cell(page, 1, Col.STATE) == "Lower than previous")
    assert view.model.index(1, Col.STATE).data(Qt.ItemDataRole.ForegroundRole).color() == \
        FLAG_COLOR
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: len(questions) == 1)  # "no": kept for correction, nothing stored
    assert questions[0].startswith("Meter rolled over?|")
    assert "lower than the previous reading 99950 m³" in questions[0]
    assert "consumption of 70 m³" in questions[0]  # 100000 − 99950 + 20
    qtbot.waitUntil(lambda: editor_row() == 1)
    assert view.model.entry(1).text == "20"
    assert "Not recorded" in cell(page, 1, Col.STATE)
    assert count(db, Reading) == 3

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # "yes" this time
    qtbot.waitUntil(lambda: view.model.entry(1).state == "billed")
    assert len(questions) == 2
    assert cell(page, 1, Col.CONSUMPTION) == "70"
    assert cell(page, 1, Col.STATE).startswith("Billed · Rollover · ")
    with db.reading() as session:
        stored = session.scalar(select(Reading).where(Reading.id == view.model.entry(1)
                                                      .reading_id))
        assert (stored.rollover, stored.consumption_litres) == (True, 70 * M3)


def test_first_reading_and_no_value_sources(qtbot, make_page, clerk, meters):
    page = make_page(clerk)
    view = page.sheet_view
    view.edit_row(3)
    type_reading(qtbot, "12")
    qtbot.waitUntil(lambda: view.model.entry(3).state == "not_billed")  # the baseline
    assert cell(page, 3, Col.STATE) == "Not billed"
    # 门锁 (locked out): no value, recorded but not billed
    view.model.setData(view.model.index(2, Col.SOURCE), "04")
    assert cell(page, 2, Col.SOURCE) == "04"
    view.edit_row(2)
    type_reading(qtbot, "")
    qtbot.waitUntil(lambda: view.model.entry(2).state == "not_billed")


def test_a_flagged_reading_is_reviewed_and_accepted(qtbot, make_page, manager, meters, db):
    page = make_page(manager)
    view = page.sheet_view
    view.edit_row(2)
    type_reading(qtbot, "900")  # 400 m³ over the 150 m³ limit
    qtbot.waitUntil(lambda: view.model.entry(2).state == "review")
    assert cell(page, 2, Col.STATE) == "In review · Too high"
    assert view.model.index(2, Col.CONSUMPTION).data(Qt.ItemDataRole.ForegroundRole).color() \
        == FLAG_COLOR
    assert "waits for review" in view.message_label.text()
    assert count(db, Bill) == 0

    review = page.review_view
    assert review is not None
    page.tabs.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1)
    model = review.model
    assert [model.index(0, c).data() for c in (RCol.ACCOUNT_NO, RCol.PREVIOUS, RCol.VALUE,
                                               RCol.CONSUMPTION, RCol.ESTIMATE, RCol.FLAGS)] == [
        view.model.sheet_row(2).account_no, "500", "900", "400", "—", "Too high"]
    assert review.count_label.text() == "1 reading(s) waiting"
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 0 and review.result_label.text() != "")
    assert review.result_label.text() == f"{view.model.sheet_row(2).account_no}: Billed, " \
        "1,380.40 yuan"  # 370 × 3.40 + 30 × 4.08
    assert count(db, Bill) == 1
    qtbot.waitUntil(lambda: view.model.entry(2).state == "billed")  # the grid follows


def test_correct_dialog_needs_a_reason_and_bills_the_corrected_value(
    qtbot, make_page, manager, meters, readings, db
):
    readings.record(manager, ReadingDraft(meters["JK0000103"], TODAY, 900 * M3))
    page = make_page(manager)
    review = page.review_view
    qtbot.waitUntil(lambda: review.model.rowCount() == 1)
    review.open_dialog(False)
    dialog = review.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.value_edit, "550")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.errors.text_of("reason") != "")
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.reason_edit, "re-read on site")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: review.model.rowCount() == 0)
    assert review.result_label.text().endswith("Billed, 170.00 yuan")  # 50 m³ × 3.40


def test_models_pass_qt_model_tester(qtmodeltester, readings, meters, clerk):
    model = RouteSheetModel()
    model.set_rows(readings.route_sheet(clerk.hall_id, "B01", TODAY), TODAY)
    qtmodeltester.check(model)
    review = ReviewTableModel()
    readings.record(clerk, ReadingDraft(meters["JK0000103"], TODAY, 900 * M3))
    review.set_rows(readings.review_list(clerk.hall_id))
    qtmodeltester.check(review)


def test_clerk_has_no_review_tab(qtbot, make_page, clerk, meters):
    page = make_page(clerk)
    assert page.review_view is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Route-book entry", "Import"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([["表号", "抄表日期", "读数"], *rows])
    return path


def test_an_import_with_one_bad_row_lists_it_and_imports_nothing(
    qtbot, make_page, clerk, meters, db, tmp_path
):
    page = make_page(clerk)
    dialog = page.open_import()
    qtbot.waitUntil(dialog.isVisible)
    path = write_csv(tmp_path / "handheld.csv", [
        ["JK0000101", "2026-11-20", "1050"],
        ["JK9999999", "2026-11-20", "10"],  # unknown meter
        ["JK0000103", "2026-11-20", "560"],
    ])
    dialog.import_file(path)
    qtbot.waitUntil(lambda: dialog.error_model.rowCount() == 1 and not dialog.running)
    model = dialog.error_model
    assert [model.index(0, c).data() for c in range(3)] == ["3", "表号", "JK9999999"]
    assert model.index(0, 3).data() != ""
    assert dialog.error_table.isVisibleTo(dialog)
    assert "nothing was imported" in dialog.message_label.text()
    assert count(db, Reading) == 3  # the three baselines only

    saved = tmp_path / "errors.csv"
    dialog.save_errors_to(saved)
    lines = saved.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Row,Column,Value,Reason"
    assert lines[1].startswith("3,表号,JK9999999,")


def test_a_good_import_is_billed_and_summarised(qtbot, make_page, manager, meters, db, tmp_path):
    page = make_page(manager)
    dialog = page.open_import()
    path = write_csv(tmp_path / "good.csv", [
        ["JK0000101", "2026-11-20", "1050"],
        ["JK0000103", "2026-11-20", "900"],  # too high: waits for review
    ])
    dialog.import_file(path)
    qtbot.waitUntil(lambda: dialog.summary is not None)
    assert dialog.result_label.text() == (
        "2 readings imported: 1 billed (170.00 yuan), 1 waiting for review, 0 not billed.")
    assert dialog.progress_bar.value() == 100
    qtbot.waitUntil(lambda: page.review_view.model.rowCount() == 1)


def test_cancelled_import_leaves_nothing_behind(
    qtbot, make_page, clerk, meters, db, tmp_path, monkeypatch
):
    page = make_page(clerk)
    dialog = page.open_import()
    importer = dialog._importer
    real = importer.import_file
    gate = threading.Event()

    def slow(operator, path, progress):
        gate.wait(10)  # the clerk presses Cancel before the first progress report
        return real(operator, path, progress)

    monkeypatch.setattr(importer, "import_file", slow)
    dialog.import_file(write_csv(tmp_path / "good.csv", [["JK0000101", "2026-11-20", "1050"]]))
    assert dialog.running and dialog.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.message_label.text() == "Import cancelled; nothing was imported."
    assert count(db, Reading) == 3


def test_progress_callback_stops_after_cancel(qtbot):
    progress = ImportProgress()
    seen: list[tuple[int, int]] = []
    progress.reported.connect(lambda done, total: seen.append((done, total)))
    assert progress(10, 100) is True
    progress.cancel()
    assert progress(20, 100) is False
    assert seen == [(10, 100), (20, 100)]


def test_template_is_written(qtbot, make_page, clerk, meters, tmp_path):
    page = make_page(clerk)
    dialog: ImportDialog = page.open_import()
    dialog.save_template(tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").startswith("表号,抄表日期,读数")
    assert "Template saved" in dialog.result_label.text()


def test_screenshots(qtbot, themed, make_page, manager, meters, tmp_path):  # noqa: F811
    SHOTS.mkdir(exist_ok=True)
    page = make_page(manager)
    view = page.sheet_view
    view.ask = lambda title, text: True
    for row, text in ((0, "1100.5"), (1, "20"), (2, "900")):
        view.edit_row(row)
        type_reading(qtbot, text)
        qtbot.waitUntil(lambda r=row: view.model.entry(r).reading_id is not None)
    view.edit_row(3)
    type_reading(qtbot, "abc")
    qtbot.waitUntil(lambda: view.model.entry(3).error != "")
    page.grab().save(str(SHOTS / "u2_route_sheet.png"))

    page.tabs.setCurrentWidget(page.review_view)
    qtbot.waitUntil(lambda: page.review_view.model.rowCount() == 1)
    page.grab().save(str(SHOTS / "u2_review.png"))
    page.review_view.open_dialog(False)
    correct = page.review_view.dialog
    qtbot.waitUntil(correct.isVisible)
    correct.value_edit.setText("560")
    correct.submit()
    qtbot.waitUntil(lambda: correct.errors.text_of("reason") != "")
    correct.grab().save(str(SHOTS / "u2_correct_dialog.png"))
    correct.reject()

    dialog = page.open_import()
    dialog.import_file(write_csv(tmp_path / "bad.csv", [
        ["JK0000101", "2026-11-31", "1050"],
        ["JK9999999", "2026-11-20", "10"],
        ["JK0000103", "2026-11-20", "12,5"],
    ]))
    qtbot.waitUntil(lambda: dialog.error_model.rowCount() >= 3 and not dialog.running)
    dialog.grab().save(str(SHOTS / "u2_import_errors.png"))
