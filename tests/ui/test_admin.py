"""Administration pages as a manager or administrator uses them: users, audit log, hall."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.domain.clock import FixedClock
from app.domain.users import Role
from app.persistence.db import Database
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.dto import Operator
from app.services.settings_service import SettingsService
from tests.ui.theming import themed  # noqa: F401 - a fixture
from ui.admin.audit_page import AuditPage
from ui.admin.hall_settings_page import HallSettingsPage
from ui.admin.reset_password_dialog import ResetPasswordDialog
from ui.admin.user_dialog import UserDialog
from ui.admin.users_page import UsersPage
from ui.common.task_runner import TaskRunner

SHOTS = Path(__file__).resolve().parents[2] / "shots"

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)")


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


# --- users ----------------------------------------------------------------------------------


@pytest.fixture
def users_page(
    qtbot: QtBot, auth: AuthService, admin: Operator, clock: FixedClock
) -> UsersPage:
    page = UsersPage(auth, admin, clock)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def open_user_dialog(page: UsersPage) -> UserDialog:
    page.add_button.click()
    assert isinstance(page.dialog, UserDialog) and page.dialog.isVisible()
    return page.dialog


def test_users_page_lists_the_users(users_page: UsersPage, clerk: Operator) -> None:
    users_page.refresh()
    assert rows(users_page.model) == [
        ["admin", "Administrator", "Administrator", "Yes", ""],
        ["clerk1", "王小燕", "Clerk", "Yes", ""],
    ]


@pytest.mark.usefixtures("themed")
def test_add_a_user(qtbot: QtBot, users_page: UsersPage, auth: AuthService) -> None:
    dialog = open_user_dialog(users_page)
    qtbot.keyClicks(dialog.username, "zhaoli")
    dialog.full_name.setText("赵丽")  # keyClicks types ASCII only
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MANAGER))
    qtbot.keyClicks(dialog.pair.new, "welcome2026")
    qtbot.keyClicks(dialog.pair.repeat, "welcome2026")
    qtbot.keyClick(dialog.pair.repeat, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert ["zhaoli", "赵丽", "Manager", "Yes", ""] in rows(users_page.model)
    assert users_page.selected() is not None and users_page.selected().username == "zhaoli"
    assert auth.login("zhaoli", "welcome2026").role is Role.MANAGER
    users_page.grab().save(str(SHOTS / "admin_users.png"))


@pytest.mark.usefixtures("themed")
def test_a_bad_login_name_is_shown_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, users_page: UsersPage
) -> None:
    dialog = open_user_dialog(users_page)
    qtbot.keyClicks(dialog.username, "a b")
    qtbot.keyClicks(dialog.full_name, "Someone")
    qtbot.keyClicks(dialog.pair.new, "welcome2026")
    qtbot.keyClicks(dialog.pair.repeat, "welcome2026")
    qtbot.keyClick(dialog.pair.repeat, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors.text_of("username") == (
        "A login name has 3 to 32 letters, digits, dots or underscores.")
    dialog.grab().save(str(SHOTS / "admin_user_dialog_error.png"))
    dialog.reject()
    assert [r[0] for r in rows(users_page.model)] == ["admin"]


def test_a_taken_login_name_is_refused(
    qtbot: QtBot, users_page: UsersPage, clerk: Operator
) -> None:
    dialog = open_user_dialog(users_page)
    for field, value in ((dialog.username, "clerk1"), (dialog.full_name, "Other"),
                         (dialog.pair.new, "welcome2026"), (dialog.pair.repeat, "welcome2026")):
        qtbot.keyClicks(field, value)
    dialog.accept()
    assert dialog.errors.text_of("username") == "This login name is already taken."


def test_edit_a_users_role_and_disable_them(
    qtbot: QtBot, users_page: UsersPage, clerk: Operator, auth: AuthService
) -> None:
    users_page.refresh()
    users_page.table.selectRow(1)
    users_page.edit_button.click()
    dialog = users_page.dialog
    assert isinstance(dialog, UserDialog)
    assert dialog.username.text() == "clerk1" and not dialog.username.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MANAGER))
    dialog.active.setChecked(False)
    dialog.accept()
    assert rows(users_page.model)[1] == ["clerk1", "王小燕", "Manager", "No", ""]


def test_one_cannot_demote_oneself(qtbot: QtBot, users_page: UsersPage) -> None:
    users_page.table.selectRow(0)
    users_page.edit_button.click()
    dialog = users_page.dialog
    assert isinstance(dialog, UserDialog)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.CLERK))
    dialog.accept()
    assert dialog.errors.text_of("role") == "You cannot change your own role or disable yourself."
    assert dialog.isVisible()


def test_reset_password_lifts_a_lockout(
    qtbot: QtBot, users_page: UsersPage, clerk: Operator, auth: AuthService
) -> None:
    for _ in range(5):
        with pytest.raises(Exception):  # noqa: B017 - DomainError; the lockout is the point
            auth.login("clerk1", "wrong-password1")
    users_page.refresh()
    assert rows(users_page.model)[1][4] == "2026-11-23 08:45"
    users_page.table.selectRow(1)
    users_page.reset_button.click()
    dialog = users_page.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    dialog.pair.new.setText("fresh2026x")
    dialog.pair.repeat.setText("fresh2026x")
    dialog.accept()
    assert not dialog.isVisible()
    assert rows(users_page.model)[1][4] == ""
    assert auth.login("clerk1", "fresh2026x").username == "clerk1"


# --- audit log ------------------------------------------------------------------------------


@pytest.fixture
def audit_page(
    qtbot: QtBot, db: Database, manager: Operator, runner: TaskRunner, clock: FixedClock
) -> AuditPage:
    page = AuditPage(AuditService(db), manager, runner, clock)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def test_audit_page_lists_the_newest_entries_first(audit_page: AuditPage) -> None:
    shown = rows(audit_page.model)
    assert [r[0] for r in shown] == [str(n) for n in range(len(shown), 0, -1)]
    assert [r[2:4] for r in shown[:2]] == [["manager1", "Logged in"], ["admin", "User added"]]
    assert shown[1][4] == "user:manager1"
    assert shown[-1][3] == "First setup"
    assert audit_page.count.text() == f"{len(shown)} entries"


def test_audit_filter_text(qtbot: QtBot, audit_page: AuditPage) -> None:
    qtbot.keyClicks(audit_page.text, "manager1")
    qtbot.keyClick(audit_page.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: audit_page.model.rowCount() == 2)
    assert {r[3] for r in rows(audit_page.model)} == {"Logged in", "User added"}


def test_audit_date_range_excludes_other_days(qtbot: QtBot, audit_page: AuditPage) -> None:
    audit_page.until.setDate(audit_page.until.date().addDays(-1))
    audit_page.search_button.click()
    qtbot.waitUntil(lambda: audit_page.model.rowCount() == 0)
    assert audit_page.count.text() == "0 entries"


@pytest.mark.usefixtures("themed")
def test_verify_reports_an_intact_chain(qtbot: QtBot, audit_page: AuditPage) -> None:
    count = audit_page.model.rowCount()
    audit_page.verify_button.click()
    qtbot.waitUntil(lambda: "intact" in audit_page.result.text())
    assert audit_page.result.text() == f"The audit log is intact: {count} entries checked."
    audit_page.grab().save(str(SHOTS / "admin_audit.png"))


def test_verify_names_the_first_tampered_entry(
    qtbot: QtBot, audit_page: AuditPage, db: Database
) -> None:
    tamperer = sqlite3.connect(str(db.engine.url.database), isolation_level=None)
    tamperer.execute("DROP TRIGGER audit_log_no_update")  # the append-only guard goes first
    tamperer.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")
    tamperer.close()
    audit_page.verify_button.click()
    qtbot.waitUntil(lambda: "tampered" in audit_page.result.text())
    assert audit_page.result.text() == (
        "The audit log has been tampered with: entry 2 is broken (its content was changed).")


# --- hall settings --------------------------------------------------------------------------


@pytest.fixture
def hall_page(
    qtbot: QtBot, db: Database, clock: FixedClock, manager: Operator
) -> HallSettingsPage:
    page = HallSettingsPage(SettingsService(db, clock), manager)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def test_hall_settings_are_saved(
    qtbot: QtBot, hall_page: HallSettingsPage, db: Database, clock: FixedClock
) -> None:
    assert hall_page.name.text() == "东城营业厅"
    assert hall_page.idle_minutes.value() == 10
    qtbot.keyClicks(hall_page.hotline, "0769-96888")
    hall_page.opening_hours.setText("Mon-Sun 8:30-17:30")
    hall_page.idle_minutes.setValue(15)
    with qtbot.waitSignal(hall_page.hall_saved):
        hall_page.save_button.click()
    assert hall_page.saved_note.text() == "Saved."
    stored = SettingsService(db, clock).hall(1)
    assert (stored.hotline, stored.opening_hours, stored.idle_lock_minutes) == (
        "0769-96888", "Mon-Sun 8:30-17:30", 15)


@pytest.mark.usefixtures("themed")
def test_idle_minutes_zero_is_refused_and_nothing_saved(
    qtbot: QtBot, hall_page: HallSettingsPage, db: Database, clock: FixedClock
) -> None:
    hall_page.hotline.setText("0769-96888")
    hall_page.idle_minutes.setValue(0)
    with qtbot.assertNotEmitted(hall_page.hall_saved):
        hall_page.save_button.click()
    assert hall_page.errors.text_of("idle_lock_minutes") == (
        "The idle lock must be between 1 and 240 minutes.")
    assert hall_page.saved_note.text() == ""
    stored = SettingsService(db, clock).hall(1)
    assert (stored.hotline, stored.idle_lock_minutes) == ("", 10)
    hall_page.grab().save(str(SHOTS / "admin_hall_error.png"))


def test_an_empty_hall_name_is_refused(hall_page: HallSettingsPage) -> None:
    hall_page.name.clear()
    hall_page.save_button.click()
    assert hall_page.errors.text_of("hall_name") == "Enter the hall's name."


def test_the_tenders_offered_are_ticked_and_saved(
    qtbot: QtBot, hall_page: HallSettingsPage, db: Database, clock: FixedClock
) -> None:
    boxes = hall_page.tender_boxes
    assert list(boxes) == ["cash", "pos", "wechat", "alipay", "transfer", "cheque"]
    assert all(box.isChecked() for box in boxes.values())
    assert boxes["pos"].text() == "Bank card (POS)"
    for code in ("pos", "transfer", "cheque"):
        boxes[code].setChecked(False)
    with qtbot.waitSignal(hall_page.hall_saved) as saved:
        hall_page.save_button.click()
    assert saved.args[0].tenders == ("cash", "wechat", "alipay")
    assert SettingsService(db, clock).hall(1).tenders == ("cash", "wechat", "alipay")
    assert not boxes["pos"].isChecked() and boxes["alipay"].isChecked()


def test_cash_cannot_be_left_out_of_the_tenders(
    qtbot: QtBot, hall_page: HallSettingsPage, db: Database, clock: FixedClock
) -> None:
    hall_page.tender_boxes["cash"].setChecked(False)
    with qtbot.assertNotEmitted(hall_page.hall_saved):
        hall_page.save_button.click()
    assert hall_page.errors.text_of("tenders") != ""
    assert hall_page.saved_note.text() == ""
    assert "cash" in SettingsService(db, clock).hall(1).tenders


def test_the_table_models_pass_qts_model_tester(
    qtmodeltester: ModelTester, users_page: UsersPage, audit_page: AuditPage, clerk: Operator
) -> None:
    users_page.refresh()
    qtmodeltester.check(users_page.model)
    qtmodeltester.check(audit_page.model)
