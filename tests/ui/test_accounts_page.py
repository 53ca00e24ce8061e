"""The accounts page driven like a clerk would: keyboard search, open, create, edit, reveal."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.accounts import Address, MeterDraft
from app.domain.clock import FixedClock
from app.persistence.db import Database
from app.services.account_service import AccountService
from app.services.audit_service import AuditService
from app.services.billing_service import BillingService
from app.services.dto import AccountDetail, Operator
from tests.conftest import sample_draft
from ui.accounts.account_dialog import AccountDialog
from ui.accounts.account_table_model import AccountTableModel
from ui.accounts.accounts_page import AccountsPage
from ui.common.task_runner import TaskRunner
from ui.common.theme import apply_theme

SHOTS = Path(__file__).resolve().parents[2] / "shots"
VALID_ID = "11010519491231002X"
Col = AccountTableModel.Column

# Qt's offscreen platform says this whenever a window is shown; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def people(accounts: AccountService, admin: Operator) -> dict[str, AccountDetail]:
    """Five accounts with different names, phones, addresses and meters."""
    drafts = {
        "zhang": sample_draft(),
        "zhangfeng": sample_draft(
            name="张三丰", mobile="13900001111",
            address=Address("南城区", "建设路", "翠苑小区", "5", "1", "101"),
            meter=MeterDraft("JK7654321"),
        ),
        "li": sample_draft(
            name="李四", mobile="", phone="0769-22123456",
            address=Address("东城区", "人民路", "金色家园", "8", "2", "1203"),
            meter=MeterDraft("20240001"),
        ),
        "wang": sample_draft(
            name="王五", mobile="13600005678",
            address=Address("莞城区", "幸福路", "花园新村", "2", "1", "301"),
            meter=MeterDraft("JK5550001"),
        ),
        "zhao": sample_draft(name="赵六", mobile="13711112222", meter=MeterDraft("JK5550002")),
    }
    return {key: accounts.create(admin, draft) for key, draft in drafts.items()}


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The counter theme (large type) for tests that take screenshots; restored afterwards."""
    saved = qapp.style().name(), qapp.font(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp)
    yield
    qapp.setStyleSheet(saved[3])
    qapp.setStyle(saved[0])
    qapp.setFont(saved[1])
    qapp.setPalette(saved[2])


@pytest.fixture
def make_page(
    qtbot, db: Database, clock: FixedClock, accounts: AccountService, runner: TaskRunner
) -> Callable[[Operator], AccountsPage]:
    """Build the page for a logged-in user, shown at a counter screen's size."""

    def make(operator: Operator) -> AccountsPage:
        page = AccountsPage(accounts, operator, runner, BillingService(db, clock))
        qtbot.addWidget(page)
        page.resize(1060, 690)  # its room in a 1280 x 800 main window
        with qtbot.waitActive(page):  # keyboard shortcuts and focus need the active window
            page.show()
            page.activateWindow()
        return page

    return make


def shown(page: AccountsPage, column: Col = Col.ACCOUNT_NO) -> list[str]:
    """What the results table displays in one column, top to bottom."""
    model = page.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type like a clerk: Latin keys as key presses, Chinese as the input method commits it.

    QTest can only press keys of Latin-1 characters; a Chinese IME delivers its words to the
    widget as an input-method commit, which is what is sent here.
    """
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def type_search(qtbot, page: AccountsPage, text: str) -> None:
    """F2-style: focus the search box, type the text, press Enter."""
    page.focus_search()
    type_into(qtbot, page.search_box, text)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)


def wait_rows(qtbot, page: AccountsPage, expected: list[str]) -> None:
    """Wait until the search finished and the table shows exactly these account numbers."""
    qtbot.waitUntil(lambda: page.count_label.text() != "Searching…" and shown(page) == expected)


def wait_dialog(qtbot, page: AccountsPage) -> AccountDialog:
    """Wait until the page's account dialog is open and has the keyboard."""

    def active() -> bool:
        dialog = page.findChild(AccountDialog)
        return dialog is not None and dialog.isVisible() and dialog.isActiveWindow()

    qtbot.waitUntil(active)
    return page.findChild(AccountDialog)


def test_model_passes_qt_model_tester(qtmodeltester, accounts, people):
    model = AccountTableModel(accounts)
    model.set_ids([d.id for d in people.values()])
    qtmodeltester.check(model)
    assert model.index(2, Col.NAME).data() == "李四"
    assert model.index(2, Col.STATUS).data() == "Normal"
    assert model.index(2, Col.STATUS).data(AccountTableModel.SortRole) == "normal"
    assert model.index(0, Col.PHONE).data() == "138****5678"  # masked
    assert model.index(3, 0).data(AccountTableModel.RowRole).meter_no == "JK5550001"


def test_model_fetches_rows_page_by_page(accounts, people, monkeypatch):
    asked: list[int] = []
    original = accounts.rows
    monkeypatch.setattr(accounts, "rows", lambda ids: asked.append(len(ids)) or original(ids))
    real = [d.id for d in people.values()]
    model = AccountTableModel(accounts)
    model.set_ids(real + list(range(10_000, 10_445)))  # 450 rows: pages of 200, 200, 50
    assert asked == []  # nothing is read until a row is looked at
    assert model.index(0, Col.NAME).data() == "张三"
    model.index(199, Col.NAME).data()
    assert asked == [200]
    assert model.index(449, Col.NAME).data() is None  # an id the service no longer knows
    model.index(300, Col.NAME).data()
    assert asked == [200, 50, 200]
    model.refresh_account(real[1])
    assert model.index(1, Col.NAME).data() == "张三丰"
    assert asked == [200, 50, 200, 1]  # a saved account is read again, alone


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{zhang}", ["zhang"]),  # account number
        ("JK7654321", ["zhangfeng"]),  # meter number (letters)
        ("20240001", ["li"]),  # meter number (digits)
        ("5678", ["zhang", "wang"]),  # last 4 digits of a mobile
        ("13900001111", ["zhangfeng"]),  # the whole mobile
        ("0769-22123456", ["li"]),  # the whole landline
        ("张三", ["zhang", "zhangfeng"]),  # name prefix
        ("翠苑小", ["zhangfeng"]),  # 3-character address fragment
    ],
)
def test_search_by_each_kind(qtbot, make_page, clerk, people, query, expected):
    page = make_page(clerk)
    type_search(qtbot, page, query.format(zhang=people["zhang"].account_no))
    wait_rows(qtbot, page, [people[key].account_no for key in expected])
    count = "1 account" if len(expected) == 1 else f"{len(expected)} accounts"
    assert page.count_label.text() == count


def test_nothing_found_says_so(qtbot, make_page, clerk, people):
    page = make_page(clerk)
    type_search(qtbot, page, "不存在的名字")
    qtbot.waitUntil(lambda: page.count_label.text() == "No account found")
    assert shown(page) == []


def test_truncated_result_asks_to_refine(qtbot, make_page, clerk, accounts, people, monkeypatch):
    original = accounts.search
    monkeypatch.setattr(accounts, "search", lambda q: original(q, limit=1))
    page = make_page(clerk)
    type_search(qtbot, page, "张三")
    qtbot.waitUntil(lambda: page.count_label.text() == "More than 1 accounts — refine the search")
    assert shown(page) == [people["zhang"].account_no]


def test_single_result_opens_at_once(qtbot, make_page, clerk, people):
    page = make_page(clerk)
    with qtbot.waitSignal(page.account_opened) as opened:
        type_search(qtbot, page, "13900001111")
    assert opened.args == [people["zhangfeng"].id]
    assert page.detail_view.value_text("name") == "张三丰"


def test_open_an_account_with_the_keyboard(qtbot, make_page, clerk, people):
    page = make_page(clerk)
    type_search(qtbot, page, "5678")
    wait_rows(qtbot, page, [people["zhang"].account_no, people["wang"].account_no])
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.account_opened) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [people["wang"].id]
    view = page.detail_view
    assert view.value_text("name") == "王五"
    assert view.value_text("mobile") == "136****5678"
    assert view.value_text("id_number") == "110105********002X"
    assert view.value_text("status") == "Normal"
    assert view.value_text("gas_use") == "Cooking"
    assert view.value_text("address") == "莞城区幸福路花园新村2栋1单元301室"
    assert view.value_text("meters") == (
        "JK5550001: Mechanical, 5 digits\ninstallation date unknown, Normal")
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.search_box.hasFocus()


def test_double_click_opens_a_row(qtbot, make_page, clerk, people):
    page = make_page(clerk)
    type_search(qtbot, page, "张三")
    wait_rows(qtbot, page, [people["zhang"].account_no, people["zhangfeng"].account_no])
    assert page.detail_view.account_id is None  # several found: nothing opens by itself
    cell = page.table.visualRect(page.model.index(1, Col.NAME)).center()
    with qtbot.waitSignal(page.account_opened) as opened:
        # QTest's double-click event alone has no press before it; a real one does.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened.args == [people["zhangfeng"].id]


def test_create_an_account_through_the_dialog(qtbot, make_page, clerk, accounts, people):
    page = make_page(clerk)
    page.focus_search()
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, page)
    form = dialog.form
    assert form.name.hasFocus()
    type_into(qtbot, form.name, "孙七")
    qtbot.keyClicks(form.id_number, VALID_ID)
    qtbot.keyClicks(form.mobile, "13655556666")
    type_into(qtbot, form._address["street"], "光明路")
    type_into(qtbot, form._address["community"], "东湖花园")
    qtbot.keyClicks(form.meter_no, "JK8880001")
    with qtbot.waitSignal(page.account_opened) as opened:
        qtbot.keyClick(form.meter_no, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    detail = accounts.detail(opened.args[0])
    assert (detail.name, detail.address.text(), detail.meters[0].meter_no) == (
        "孙七", "光明路东湖花园", "JK8880001")
    assert detail.status.value == "not_started"  # a new account waits for gas turn-on
    wait_rows(qtbot, page, [detail.account_no])
    assert page.detail_view.value_text("name") == "孙七"


def test_edit_with_bad_id_number_then_fix_it(
    qtbot, themed, make_page, clerk, admin, db, accounts, people
):
    page = make_page(clerk)
    li = people["li"]
    type_search(qtbot, page, li.account_no)
    qtbot.waitUntil(lambda: page.detail_view.account_id == li.id)
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, page)
    form = dialog.form
    assert form.id_number.text() == "110105********002X"  # starts masked
    assert form.phone.text() == "076******3456"
    form.name.selectAll()
    type_into(qtbot, form.name, "李四海")
    form.id_number.selectAll()
    qtbot.keyClicks(form.id_number, "110105194912310021")  # wrong check digit
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: form.errors.text_of("id_number") != "")
    assert "check digit" in form.errors.text_of("id_number")
    assert form.errors.text_of("name") == ""
    assert dialog.isVisible() and form.name.text() == "李四海"  # all typed text kept
    assert form.id_number.hasFocus()
    assert accounts.detail(li.id).name == "李四"  # nothing saved
    assert accounts.reveal(admin, li.id).id_number == VALID_ID
    _save_screenshot(dialog, "account_dialog_error")

    form.id_number.selectAll()
    qtbot.keyClicks(form.id_number, "110105194912310021"[:-1] + "X")
    with qtbot.waitSignal(page.account_opened):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.detail_view.value_text("name") == "李四海"
    qtbot.waitUntil(lambda: shown(page, Col.NAME) == ["李四海"])
    changed = [e for e in AuditService(db).entries(admin) if e.action == "account.changed"]
    assert len(changed) == 1 and changed[0].subject == f"account:{li.account_no}"
    assert "李四海" in changed[0].detail and "id_number" not in changed[0].detail
    assert accounts.reveal(admin, li.id).phone == "0769-22123456"  # masked phone kept


def test_clerk_sees_no_show_in_full(qtbot, make_page, clerk, people):
    page = make_page(clerk)
    with qtbot.waitSignal(page.account_opened):
        type_search(qtbot, page, people["zhang"].account_no)
    assert not page.detail_view.reveal_button.isVisible()
    assert page.detail_view.value_text("id_number") == "110105********002X"


def test_manager_shows_in_full_and_it_is_audited(
    qtbot, themed, make_page, manager, admin, db, people
):
    page = make_page(manager)
    with qtbot.waitSignal(page.account_opened):
        type_search(qtbot, page, people["zhang"].account_no)
    view = page.detail_view
    assert view.reveal_button.isVisible() and view.reveal_button.isEnabled()
    qtbot.mouseClick(view.reveal_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.value_text("id_number") == VALID_ID)
    assert view.value_text("mobile") == "13812345678"
    viewed = [e for e in AuditService(db).entries(admin) if e.action == "personal_data.viewed"]
    assert [(e.actor, e.subject) for e in viewed] == [
        ("manager1", f"account:{people['zhang'].account_no}")]
    _save_screenshot(page, "accounts_page")
    with qtbot.waitSignal(page.account_opened):
        page.open_account(people["li"].id)
    assert view.value_text("id_number") == "110105********002X"  # masked again


def test_results_and_detail_screenshot(qtbot, themed, make_page, clerk, people):
    page = make_page(clerk)
    type_search(qtbot, page, "幸福路")
    wait_rows(qtbot, page, [people["zhang"].account_no, people["wang"].account_no,
                            people["zhao"].account_no])
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.account_opened):
        qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    _save_screenshot(page, "accounts_page_clerk")


def _save_screenshot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))
