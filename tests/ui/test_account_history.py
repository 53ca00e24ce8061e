"""The account's readings and bills on the accounts page: tables, tier lines, chart, reversal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.accounts import MeterDraft
from app.domain.clock import FixedClock
from app.domain.readings import ReadingRules
from app.domain.tariff import LateFeeRule, Tariff, TariffKind, Tier
from app.persistence.db import Database
from app.services.account_service import AccountService
from app.services.billing_dto import ReadingDraft
from app.services.billing_service import BillingService
from app.services.dto import Operator
from app.services.reading_service import ReadingService
from app.services.tariff_service import TariffService
from tests.conftest import START, sample_draft
from ui.accounts.accounts_page import AccountsPage
from ui.accounts.bill_table_model import BillLineTableModel, BillTableModel
from ui.accounts.consumption_chart import cumulative_by_month
from ui.accounts.reading_table_model import ReadingTableModel
from ui.accounts.reverse_bill_dialog import ReverseBillDialog
from ui.common.task_runner import TaskRunner
from ui.common.theme import apply_theme
from ui.readings.labels import state_label

SHOTS = Path(__file__).resolve().parents[2] / "shots"
M3 = 1000
BillCol = BillTableModel.Column
LineCol = BillLineTableModel.Column
ReadingCol = ReadingTableModel.Column

# 东莞 residential: 0-370 m³ 3.40, 370-560 m³ 4.08, above 5.10 yuan/m³, cycle from 1 January
DONGGUAN = Tariff(
    id=None, user_type="residential", gas_use="cooking", effective_from=date(2020, 1, 1),
    name="东莞居民", kind=TariffKind.TIERED,
    tiers=(Tier(370 * M3, 34000), Tier(560 * M3, 40800), Tier(None, 51000)),
    late_fee=LateFeeRule(ppm_per_day=3000, grace_days=10),
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def month_starts(first: date, count: int) -> list[date]:
    """The first day of ``count`` months from ``first``'s month on."""
    return [date(first.year + (first.month - 1 + k) // 12, (first.month - 1 + k) % 12 + 1, 1)
            for k in range(count)]


@dataclass
class Household:
    """An account read on the first day of every month, 40 m³ a month, never paid."""

    account_id: int
    meter_id: int
    read_on: list[date]


def read_monthly(db: Database, clock: FixedClock, clerk: Operator, meter_id: int,
                 days: list[date], litres_per_month: int) -> None:
    """Record one reading per day, the clock standing on that day; then back to START."""
    readings = ReadingService(db, clock)
    for n, day in enumerate(days):
        clock.at = datetime.combine(day, datetime.min.time()).replace(hour=9)
        readings.record(clerk, ReadingDraft(meter_id, day, n * litres_per_month))
    clock.at = START


@pytest.fixture
def household(db: Database, clock: FixedClock, admin: Operator, manager: Operator,
              clerk: Operator, accounts: AccountService) -> Household:
    """Readings from 1 Dec 2024 (the baseline) to 1 Nov 2026: 23 bills of 40 m³.

    A reading counts the gas used before its day, so the 1 January reading closes the old
    cycle and no bill is split: 1 January to 1 November 2026 is 10 × 40 = 400 m³, tier 2 with
    160 m³ left before 560 m³. The 1 November bill crosses 370 m³: 10 m³ × 3.40 = 34.00 and
    30 m³ × 4.08 = 122.40.
    """
    TariffService(db, clock).add_version(manager, DONGGUAN)
    TariffService(db, clock).save_rules(manager, "cooking", ReadingRules(high_litres=500 * M3))
    detail = accounts.create(admin, sample_draft(meter=MeterDraft("JK9000001")))
    days = month_starts(date(2024, 12, 1), 24)
    read_monthly(db, clock, clerk, detail.meters[0].id, days, 40 * M3)
    return Household(detail.id, detail.meters[0].id, days)


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The counter theme (large type), as the program runs; restored afterwards."""
    saved = qapp.style().name(), qapp.font(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield
    qapp.setStyleSheet(saved[3])
    qapp.setStyle(saved[0])
    qapp.setFont(saved[1])
    qapp.setPalette(saved[2])


@pytest.fixture
def make_page(qtbot, db: Database, clock: FixedClock, accounts: AccountService,
              runner: TaskRunner) -> Callable[[Operator], AccountsPage]:
    """The accounts page for a logged-in user, at its size in a 1280 x 800 main window."""

    def make(operator: Operator) -> AccountsPage:
        page = AccountsPage(accounts, operator, runner, BillingService(db, clock))
        qtbot.addWidget(page)
        page.resize(1060, 690)
        page.show()
        return page

    return make


def open_history(qtbot, page: AccountsPage, account_id: int) -> None:
    """Open the account with the "Readings and bills" tab in front; wait until it is shown."""
    page.show_history_tab()
    with qtbot.waitSignal(page.history_shown, timeout=10000):
        page.open_account(account_id)


def save_shot(qtbot, widget: QWidget, name: str) -> None:
    """Let the layouts settle, then save what the widget shows to shots/NAME.png."""
    qtbot.wait(50)
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def column(model: BillTableModel | BillLineTableModel | ReadingTableModel, col: int) -> list[str]:
    """What a table displays in one column, top to bottom."""
    return [model.index(row, col).data() for row in range(model.rowCount())]


def test_history_shows_bills_tier_lines_readings_and_the_summary(
    qtbot, make_page: Callable[[Operator], AccountsPage], clerk: Operator, household: Household,
    themed: None,
) -> None:
    page = make_page(clerk)
    open_history(qtbot, page, household.account_id)
    view = page.history_view

    bills = view.bills_model
    assert bills.rowCount() == 23
    assert column(bills, BillCol.PERIOD)[0] == "2026-10-01 – 2026-11-01"
    assert column(bills, BillCol.PERIOD)[-1] == "2024-12-01 – 2025-01-01"
    assert set(column(bills, BillCol.VOLUME)) == {"40"}
    assert set(column(bills, BillCol.KIND)) == {"Bill"}
    # the newest bill is selected and its lines shown: the tier crossing, then late fees
    lines = view.lines_model
    assert view.selected_bill() == bills.row_at(0)
    tier_columns = (LineCol.ITEM, LineCol.DAYS, LineCol.VOLUME, LineCol.PRICE, LineCol.AMOUNT)
    assert [[lines.index(r, c).data() for c in tier_columns] for r in range(2)] == [
        ["Tier 1", "2026-10-01 – 2026-11-01", "10", "3.40", "34.00"],
        ["Tier 2", "2026-10-01 – 2026-11-01", "30", "4.08", "122.40"]]
    late = column(lines, LineCol.ITEM)[2:]
    assert len(late) == 22  # one per earlier bill, all unpaid and overdue
    assert all(text.startswith("Late fee on No. ") and text.endswith(" days") for text in late)
    # fees since the last fee (1 Oct: 31 days), or since the due date for the bill of 1 Oct
    # (due 11 Oct after 10 grace days: 21 days)
    assert sorted(late) == sorted([f"Late fee on No. {bills.row_at(1).id}, 21 days"] + [
        f"Late fee on No. {bills.row_at(n).id}, 31 days" for n in range(2, 23)])
    assert column(lines, LineCol.VOLUME)[2:] == [""] * 22
    total = bills.row_at(0).total_fen
    assert column(bills, BillCol.AMOUNT)[0] == f"{total // 100:,}.{total % 100:02d}"
    assert total == 34_00 + 122_40 + sum(line.amount_fen for line in bills.row_at(0).lines[2:])

    save_shot(qtbot, page, "u3_history_page")

    # selecting a bill of the first cycle shows one tier line at the tier-1 price
    view.bills_table.setCurrentIndex(bills.index(22, 0))
    assert [lines.index(0, c).data() for c in tier_columns] == [
        "Tier 1", "2024-12-01 – 2025-01-01", "40", "3.40", "136.00"]
    assert lines.rowCount() == 1  # the first bill has no earlier bill to be late on

    readings = view.readings_model
    assert readings.rowCount() == 24
    assert column(readings, ReadingCol.DATE)[:2] == ["2026-11-01", "2026-10-01"]
    assert column(readings, ReadingCol.VALUE)[:2] == ["920", "880"]
    assert column(readings, ReadingCol.CONSUMPTION)[0] == "40"
    assert column(readings, ReadingCol.CONSUMPTION)[-1] == ""  # the baseline
    assert column(readings, ReadingCol.STATE)[:1] == [state_label("billed")]
    assert column(readings, ReadingCol.SOURCE)[0].startswith("01 ")

    summary = view.summary_text()
    assert "This cycle: 400 m³" in summary
    assert "Tier 2: 160 m³ left" in summary
    assert "Owed: " in summary and "Overdue: " in summary
    view.tabs.setCurrentWidget(view.readings_table)
    save_shot(qtbot, page, "u3_history_readings")


def test_chart_has_24_bars_the_cumulative_and_the_thresholds(
    qtbot, make_page: Callable[[Operator], AccountsPage], clerk: Operator, household: Household,
    themed: None,
) -> None:
    page = make_page(clerk)
    page.resize(1260, 800)
    open_history(qtbot, page, household.account_id)
    chart = page.history_view.chart

    assert chart.bar_set is not None and chart.bar_set.count() == 24
    # months Dec 2024 .. Nov 2026 (by the bill's last reading): the baseline, then 40 m³ each
    assert [chart.bar_set.at(i) for i in range(24)] == [0.0] + [40.0] * 23
    assert chart.month_axis.categories()[0] == "2024-12"
    assert chart.month_axis.categories()[-1] == "2026-11"
    assert [s.name() for s in chart.threshold_series] == [
        "Tier 2 from 370 m³", "Tier 3 from 560 m³"]
    assert [s.at(0).y() for s in chart.threshold_series] == [370.0, 560.0]
    assert [item.text() for item in chart.threshold_labels] == [
        "Tier 2 from 370 m³", "Tier 3 from 560 m³"]
    assert all(item.isVisible() for item in chart.threshold_labels)
    cumulative = chart.cumulative_series
    assert cumulative is not None
    # the 1 Jan 2025 bill closes the 2024 cycle; 12 bills of 2025 end on 1 Jan 2026
    assert [cumulative.at(i).y() for i in (0, 1, 2, 13, 14, 23)] == [
        0.0, 40.0, 40.0, 480.0, 40.0, 400.0]
    page.history_view.tabs.setCurrentWidget(chart)
    save_shot(qtbot, page, "u3_history_chart")


def test_cumulative_carries_over_months_without_a_bill_and_ends_at_today() -> None:
    from app.services.billing_dto import BillView, MonthPoint

    def bill(bill_id: int, period_to: date, cumulative: int) -> BillView:
        return BillView(bill_id, "bill", period_to, period_to, 0, cumulative, 1, None, 0,
                        period_to, datetime(2026, 1, 1), "", None, "", (), 0)

    months = [MonthPoint(date(2026, m, 1), 0) for m in range(1, 5)]
    bills = [bill(3, date(2026, 3, 5), 90), bill(2, date(2026, 1, 20), 30),
             bill(1, date(2025, 12, 20), 500)]  # newest first
    assert cumulative_by_month(months, bills, 0) == [30, 30, 90, 0]
    assert cumulative_by_month(months, bills[2:], 7) == [500, 500, 500, 7]


def test_manager_reverses_a_bill_with_a_reason_and_sees_the_reversal(
    qtbot, make_page: Callable[[Operator], AccountsPage], manager: Operator,
    household: Household, themed: None,
) -> None:
    page = make_page(manager)
    open_history(qtbot, page, household.account_id)
    view = page.history_view
    assert view.reverse_button.isVisible()
    bill = view.selected_bill()
    assert bill is not None and view.reverse_button.isEnabled()

    view.reverse_button.click()
    dialog = page.findChild(ReverseBillDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.reverse_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "reading typed wrong")
    assert dialog.reverse_button.isEnabled()
    save_shot(qtbot, dialog, "u3_reverse_dialog")
    with qtbot.waitSignal(page.history_shown, timeout=10000):
        dialog.reverse_button.click()
    assert not dialog.isVisible()

    bills = view.bills_model
    assert bills.rowCount() == 24
    reversal = bills.row_at(0)
    assert reversal.reverses_id == bill.id
    assert column(bills, BillCol.KIND)[:2] == [
        f"Reversal of {bill.id}", f"Reversed by {reversal.id}"]
    assert column(bills, BillCol.AMOUNT)[0].startswith("-")
    assert column(bills, BillCol.VOLUME)[0] == "-40"
    assert column(view.lines_model, LineCol.VOLUME)[:2] == ["-10", "-30"]
    assert not view.reverse_button.isEnabled()  # a reversal cannot be reversed
    view.bills_table.setCurrentIndex(bills.index(1, 0))
    assert not view.reverse_button.isEnabled()  # nor a bill already reversed
    view.bills_table.setCurrentIndex(bills.index(2, 0))
    assert view.reverse_button.isEnabled()
    # the reading is back in review, and the cycle is back to before the October bill
    assert column(view.readings_model, ReadingCol.STATE)[0] == state_label("review")
    assert "This cycle: 360 m³" in view.summary_text()
    assert "Tier 1: 10 m³ left" in view.summary_text()
    save_shot(qtbot, page, "u3_history_reversed")


def test_a_clerk_has_no_reverse_button(
    qtbot, make_page: Callable[[Operator], AccountsPage], clerk: Operator, household: Household,
) -> None:
    page = make_page(clerk)
    open_history(qtbot, page, household.account_id)
    assert not page.history_view.reverse_button.isVisible()
    assert not page.history_view.reverse_button.isEnabled()


def test_history_loads_when_its_tab_is_shown_and_follows_the_opened_account(
    qtbot, make_page: Callable[[Operator], AccountsPage], clerk: Operator, household: Household,
    accounts: AccountService, admin: Operator,
) -> None:
    other = accounts.create(admin, sample_draft(meter=MeterDraft("JK9000002")))
    page = make_page(clerk)
    with qtbot.waitSignal(page.account_opened, timeout=10000):
        page.open_account(household.account_id)
    assert page.history_view.account_id is None  # not loaded while its tab is behind
    with qtbot.waitSignal(page.history_shown, timeout=10000) as shown:
        page.show_history_tab()
    assert shown.args == [household.account_id]
    assert page.history_view.bills_model.rowCount() == 23

    with qtbot.waitSignal(page.history_shown, timeout=10000) as shown:
        page.open_account(other.id)  # the tab is in front: loads at once
    assert shown.args == [other.id]
    view = page.history_view
    assert (view.bills_model.rowCount(), view.readings_model.rowCount()) == (0, 0)
    assert "This cycle: 0 m³" in view.summary_text()
    assert "Tier 1: 370 m³ left" in view.summary_text()
    assert view.chart.bar_set is not None and view.chart.bar_set.count() == 24


def test_the_models_pass_qt_model_tester(
    qtbot, qtmodeltester, make_page: Callable[[Operator], AccountsPage], clerk: Operator,
    household: Household,
) -> None:
    page = make_page(clerk)
    open_history(qtbot, page, household.account_id)
    view = page.history_view
    for model in (view.bills_model, view.lines_model, view.readings_model):
        qtmodeltester.check(model, force_py=True)
