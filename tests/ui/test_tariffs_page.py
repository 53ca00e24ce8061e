"""The tariffs page as a manager uses it: versions, a new version, reading checks; real SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.domain.errors import Problem
from app.domain.readings import ReadingRules
from app.domain.tariff import HouseholdRule, LateFeeRule, Tariff, TariffKind, Tier
from app.persistence.db import Database
from app.services.dto import Operator
from app.services.tariff_service import TariffService
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.billing.tariff_dialog import TariffDialog, parse_percent_ppm
from ui.billing.tariff_table_model import TariffTableModel, percent_text
from ui.billing.tariffs_page import TariffsPage
from ui.common.messages import problem_text
from ui.common.task_runner import TaskRunner

SHOTS = Path(__file__).resolve().parents[2] / "shots"
PAGE_SIZE = (1048, 558)  # the page area of a 1280 x 800 main window

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")

RESIDENTIAL_2025 = Tariff(
    None, "residential", "cooking", date(2025, 1, 1), "居民阶梯气价", TariffKind.TIERED,
    (Tier(370_000, 34_000), Tier(560_000, 40_800), Tier(None, 51_000)),
    heating_thresholds=(1_000_000, 1_500_000), household=HouseholdRule(4, 50_000, 150_000),
    late_fee=LateFeeRule(500, 15))
RESIDENTIAL_2027 = Tariff(
    None, "residential", "cooking", date(2027, 1, 1), "居民阶梯气价 2027", TariffKind.TIERED,
    (Tier(370_000, 35_000), Tier(560_000, 42_000), Tier(None, 52_500)))
COMMERCIAL = Tariff(
    None, "non_residential", "commercial", date(2024, 7, 1), "商业用气", TariffKind.FLAT,
    (Tier(None, 41_250),))


def shoot(widget: QWidget, name: str) -> None:
    """Save a screenshot once pending layout changes are done."""
    QApplication.processEvents()
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def rows(model: QAbstractItemModel) -> list[list[str]]:
    """Every cell's display text, row by row: what the table shows."""
    return [
        [model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def tariffs(db: Database, clock: FixedClock) -> TariffService:
    return TariffService(db, clock)


@pytest.fixture
def versions(tariffs: TariffService, manager: Operator) -> list[Tariff]:
    """A residential tariff in force (2025), its planned successor (2027), a flat commercial."""
    return [tariffs.add_version(manager, t)
            for t in (RESIDENTIAL_2025, RESIDENTIAL_2027, COMMERCIAL)]


@pytest.fixture
def page(
    qtbot: QtBot, tariffs: TariffService, manager: Operator, runner: TaskRunner,
    clock: FixedClock,
) -> TariffsPage:
    tariffs_page = TariffsPage(tariffs, manager, runner, clock)
    qtbot.addWidget(tariffs_page)
    tariffs_page.resize(*PAGE_SIZE)
    with qtbot.waitSignal(tariffs_page.loaded):
        tariffs_page.show()
    qtbot.waitExposed(tariffs_page)
    return tariffs_page


def open_dialog(qtbot: QtBot, page: TariffsPage) -> TariffDialog:
    page.new_button.click()
    assert isinstance(page.dialog, TariffDialog) and page.dialog.isVisible()
    dialog = page.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return page.dialog


def retype(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(widget, text)


@pytest.mark.usefixtures("versions")
def test_every_version_is_listed_and_the_one_in_force_is_marked(
    qtmodeltester: ModelTester, page: TariffsPage
) -> None:
    qtmodeltester.check(page.model)
    assert rows(page.model) == [
        ["Non-residential", "Commercial", "2024-07-01", "In force", "4.125 for any volume",
         "商业用气", "Flat", "01-01", "No adjustment", "None"],
        ["Residential", "Cooking", "2025-01-01", "In force",
         "0–370 m³ 3.40 · 370–560 m³ 4.08 · >560 m³ 5.10", "居民阶梯气价", "Tiered", "01-01",
         ">4 people: +50 m³ each, at most 150 m³", "0.05 %/day after 15 days"],
        ["Residential", "Cooking", "2027-01-01", "Planned",
         "0–370 m³ 3.50 · 370–560 m³ 4.20 · >560 m³ 5.25", "居民阶梯气价 2027", "Tiered", "01-01",
         "No adjustment", "None"],
    ]
    bold = page.model.index(1, 0).data(Qt.ItemDataRole.FontRole)
    assert bold is not None and bold.bold()
    assert page.model.index(2, 0).data(Qt.ItemDataRole.FontRole) is None
    assert page.selected() is not None and page.selected().name == "商业用气"  # first in force
    assert "1000 / 1500 m³" in page.model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert page.detail.text().startswith("商业用气 (In force, from 2024-07-01): 4.125")


@pytest.mark.usefixtures("themed", "versions")
def test_a_price_change_through_the_dialog(
    qtbot: QtBot, page: TariffsPage, tariffs: TariffService,
) -> None:
    page.table.selectRow(1)
    dialog = open_dialog(qtbot, page)
    # prefilled from the selected version; the date is the first of next month
    assert dialog.name.text() == "居民阶梯气价"
    assert dialog.tiers.texts() == [("370", "3.40"), ("560", "4.08"), ("", "5.10")]
    assert dialog.heating.text() == "1000, 1500"
    assert dialog.household_on.isChecked() and dialog.household_step.text() == "50"
    assert (dialog.late_fee_rate.text(), dialog.grace_days.value()) == ("0.05", 15)
    assert dialog.effective_from.date() == QDate(2026, 12, 1)
    retype(qtbot, dialog.name, "Residential 2026-12")
    for (_, _, price), typed in zip(dialog.tiers.rows, ("3.45", "4.14", "5.175"), strict=True):
        retype(qtbot, price, typed)
    dialog.tiers.add_tier()  # a fourth tier above 900 m³
    assert dialog.tiers.rows[2][1].hasFocus()
    qtbot.keyClicks(dialog.tiers.rows[2][1], "900")
    qtbot.keyClick(dialog.tiers.rows[2][1], Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.tiers.rows[2][2], Qt.Key.Key_Tab)
    assert dialog.tiers.rows[3][2].hasFocus()  # Tab goes through the tiers in order
    qtbot.keyClicks(dialog.tiers.rows[3][2], "6.20")
    retype(qtbot, dialog.heating, "1000, 1500, 2000")
    shoot(dialog, "u1_tariff_dialog.png")
    with qtbot.waitSignal(page.tariff_added), qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None  # closed
    added = rows(page.model)[2]
    assert added[:4] == ["Residential", "Cooking", "2026-12-01", "Planned"]
    assert added[4] == "0–370 m³ 3.45 · 370–560 m³ 4.14 · 560–900 m³ 5.175 · >900 m³ 6.20"
    assert added[5:7] == ["Residential 2026-12", "Tiered"]
    assert page.selected() is not None and page.selected().name == "Residential 2026-12"
    stored = next(t for t in tariffs.versions() if t.effective_from == date(2026, 12, 1))
    assert stored.tiers == (Tier(370_000, 34_500), Tier(560_000, 41_400), Tier(900_000, 51_750),
                            Tier(None, 62_000))
    assert stored.heating_thresholds == (1_000_000, 1_500_000, 2_000_000)
    assert stored.household == HouseholdRule(4, 50_000, 150_000)
    assert stored.late_fee == LateFeeRule(500, 15)
    shoot(page, "u1_tariffs_page.png")


@pytest.mark.usefixtures("themed", "versions")
def test_thresholds_out_of_order_are_shown_under_the_tiers_and_nothing_is_lost(
    qtbot: QtBot, page: TariffsPage, tariffs: TariffService,
) -> None:
    page.table.selectRow(1)
    dialog = open_dialog(qtbot, page)
    retype(qtbot, dialog.tiers.rows[0][1], "600")  # above the second tier's 560
    retype(qtbot, dialog.late_fee_rate, "0.5x")  # unreadable: told at the same time
    qtbot.keyClick(dialog.late_fee_rate, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.text_of("tiers") == problem_text(
        Problem("tariff.thresholds_increasing", "tiers"))
    assert dialog.errors.text_of("late_fee") == problem_text(
        Problem("tariff.late_fee_format", "late_fee", {"value": "0.5x"}))
    assert dialog.errors.text_of("name") == ""
    assert dialog.tiers.texts() == [("600", "3.40"), ("560", "4.08"), ("", "5.10")]
    assert dialog.late_fee_rate.text() == "0.5x"
    shoot(dialog, "u1_tariff_dialog_refused.png")
    assert len(tariffs.versions()) == 3
    # corrected, it goes through
    retype(qtbot, dialog.tiers.rows[0][1], "400")
    retype(qtbot, dialog.late_fee_rate, "0.5")
    with qtbot.waitSignal(page.tariff_added):
        qtbot.keyClick(dialog.late_fee_rate, Qt.Key.Key_Return)
    assert len(tariffs.versions()) == 4


@pytest.mark.usefixtures("versions")
def test_a_second_version_on_the_same_date_is_refused_under_the_date(
    qtbot: QtBot, page: TariffsPage,
) -> None:
    page.table.selectRow(2)
    dialog = open_dialog(qtbot, page)
    dialog.effective_from.setDate(QDate(2027, 1, 1))
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.text_of("effective_from") == problem_text(
        Problem("tariff.version_exists", "effective_from"))


def test_the_first_version_from_a_blank_form(
    qtbot: QtBot, page: TariffsPage, tariffs: TariffService,
) -> None:
    assert page.model.rowCount() == 0 and page.selected() is None
    dialog = open_dialog(qtbot, page)
    assert dialog.tiers.texts() == [("", ""), ("", ""), ("", "")]
    dialog.gas_use.setCurrentIndex(dialog.gas_use.findData("heating"))
    retype(qtbot, dialog.name, "Heating")
    dialog.kind.setCurrentIndex(dialog.kind.findData(TariffKind.FLAT))
    assert not dialog.tiers.add_button.isEnabled()
    dialog.tiers.remove_tier()
    dialog.tiers.remove_tier()
    qtbot.keyClicks(dialog.tiers.rows[0][2], "2.95")
    with qtbot.waitSignal(page.loaded):
        dialog.accept()
    assert rows(page.model)[0][1:7] == ["Heating", "2026-12-01", "Planned",
                                        "2.95 for any volume", "Heating", "Flat"]
    assert tariffs.versions()[0].household is None


@pytest.mark.usefixtures("themed")
def test_reading_checks_are_saved_and_read_back(
    qtbot: QtBot, page: TariffsPage, tariffs: TariffService,
) -> None:
    page.tabs.setCurrentIndex(1)
    view = page.rules_view
    cooking, commercial = view.rows["cooking"], view.rows["commercial"]
    assert cooking.high.isChecked() and cooking.high_limit.text() == "150"
    qtbot.mouseClick(cooking.zero, Qt.MouseButton.LeftButton)  # off
    retype(qtbot, cooking.high_limit, "90.5")
    qtbot.mouseClick(commercial.year_drop, Qt.MouseButton.LeftButton)  # on
    assert commercial.year_drop_percent.isEnabled()
    retype(qtbot, commercial.year_drop_percent.lineEdit(), "55")
    retype(qtbot, view.rows["boiler"].high_limit, "0")  # refused: a limit above zero
    with qtbot.waitSignals([page.rules_saved, page.rules_saved]):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = tariffs.rules()
    assert stored["cooking"] == ReadingRules(check_zero=False, high_litres=90_500)
    assert stored["commercial"] == ReadingRules(check_year_drop=True, year_drop_percent=55)
    assert stored["boiler"] == ReadingRules()
    assert view.rows["boiler"].error.text() == problem_text(
        Problem("reading.high_litres_positive", "high_litres"))
    assert view.rows["boiler"].high_limit.text() == "0"  # kept for correcting
    assert view.changed() == ["boiler"]
    shoot(page, "u1_reading_checks.png")


def test_texts_of_rates() -> None:
    assert [percent_text(p) for p in (0, 500, 3000, 10_000, 12_345)] == [
        "0", "0.05", "0.3", "1", "1.2345"]
    assert [parse_percent_ppm(t, "late_fee") for t in ("", "0.05", "0.3", "1")] == [
        0, 500, 3000, 10_000]
    assert TariffTableModel.Column.TIERS == 4
