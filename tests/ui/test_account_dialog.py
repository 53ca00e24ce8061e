"""The account dialog on its own: field values, combos, errors under fields, storage failures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.accounts import (
    AccountStatus,
    Address,
    GasUse,
    IdType,
    MeterDraft,
    MeterKind,
    MeterStatus,
    UserType,
)
from app.domain.errors import StorageUnavailable
from app.persistence.db import Database
from tests.conftest import sample_draft
from tests.ui.test_accounts_page import type_into
from ui.accounts.account_dialog import AccountDialog, EditedAccount
from ui.common.task_runner import TaskRunner

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def runner(qapp: QApplication, db: Database) -> Iterator[TaskRunner]:
    """The task runner; drained before the database closes."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle()


@pytest.fixture
def open_dialog(qtbot, accounts, runner):
    """Open the dialog (create mode unless ``edited`` is given) as the active window."""

    def make(operator, edited: EditedAccount | None = None) -> AccountDialog:
        dialog = AccountDialog(accounts, operator, runner, edited)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return make


def test_combos_offer_every_code_value_translated(open_dialog, clerk):
    dialog = open_dialog(clerk)  # kept: qtbot holds widgets only weakly
    form = dialog.form
    status = [form.status.itemText(i) for i in range(form.status.count())]
    assert status == ["Not started", "Normal", "Suspended", "Long-term non-use", "Removed",
                      "Closed"]
    assert form.status.currentText() == "Not started"  # gas is turned on later
    assert form.id_type.count() == len(IdType) and form.gas_use.count() == len(GasUse)
    assert form.meter_kind.itemText(1) == "IC card, volume"
    assert not form.installed_on.isVisibleTo(form)  # no date until "installed" is ticked


def test_form_gives_back_what_it_was_given(open_dialog, clerk):
    dialog = open_dialog(clerk)
    form = dialog.form
    draft = sample_draft(
        id_type=IdType.PASSPORT, id_number="E12345678", phone="0769-22123456",
        address=Address("东城区", "人民路", "金色家园", "8", "2", "1203"),
        user_type=UserType.NON_RESIDENTIAL, gas_use=GasUse.COMMERCIAL, household_size=6,
        heating=True, low_income=True, status=AccountStatus.SUSPENDED, route_book="C07",
        meter=MeterDraft("IC0001", MeterKind.IC_MONEY, 7, date(2024, 5, 6), MeterStatus.SLOW),
    )
    form.set_draft(draft)
    assert form.installed_on.isVisibleTo(form)
    assert form.draft() == draft


def test_new_account_without_meter_number_has_no_meter(qtbot, open_dialog, clerk, accounts):
    dialog = open_dialog(clerk)
    form = dialog.form
    type_into(qtbot, form.name, "周八")
    qtbot.keyClicks(form.mobile, "13800001234")
    type_into(qtbot, form._address["street"], "解放路")
    with qtbot.waitSignal(dialog.account_saved) as saved:
        qtbot.keyClick(form.name, Qt.Key.Key_Return)
    detail = accounts.detail(saved.args[0])
    assert detail.meters == () and detail.name == "周八"
    assert not dialog.isVisible()


def test_every_problem_under_its_own_field(qtbot, open_dialog, clerk, accounts):
    dialog = open_dialog(clerk)
    form = dialog.form
    qtbot.keyClicks(form.mobile, "12345")
    qtbot.keyClicks(form.meter_no, "JK-1")
    qtbot.keyClick(form.mobile, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors.text_of("name") != "")
    assert form.errors.text_of("name") == "Enter the customer's name."
    assert form.errors.text_of("mobile").startswith("Enter an 11-digit mobile number")
    assert form.errors.text_of("street") == "Enter the street of the address."
    assert form.errors.text_of("meter_no") == "A meter number has up to 32 letters and digits."
    assert form.errors.text_of("id_number") == ""
    assert form.name.hasFocus()  # the first field with a problem
    assert dialog.isVisible() and form.meter_no.text() == "JK-1"
    assert accounts.search("12345").ids == ()


def test_residential_gas_use_and_taken_meter_number(
    qtbot, open_dialog, clerk, admin, accounts
):
    accounts.create(admin, sample_draft(meter=MeterDraft("JK0000001")))
    dialog = open_dialog(clerk)
    form = dialog.form
    form.set_draft(sample_draft(gas_use=GasUse.INDUSTRY, meter=MeterDraft("JK0000002")))
    dialog.save()
    qtbot.waitUntil(lambda: form.errors.text_of("gas_use") != "")
    assert form.errors.text_of("gas_use") == (
        "A residential account must use gas for cooking or heating.")
    form.gas_use.setCurrentIndex(form.gas_use.findData(GasUse.COOKING.value))
    form.meter_no.setText("JK0000001")
    dialog.save()
    qtbot.waitUntil(lambda: form.errors.text_of("meter_no") != "")
    assert form.errors.text_of("meter_no") == "This meter number belongs to another account."
    assert form.errors.text_of("gas_use") == ""


def test_storage_unavailable_keeps_the_dialog_open(qtbot, open_dialog, clerk, accounts,
                                                   monkeypatch):
    def busy(*_args):
        raise StorageUnavailable("storage.busy", "database is locked")

    monkeypatch.setattr(accounts, "create", busy)
    dialog = open_dialog(clerk)
    dialog.form.set_draft(sample_draft(name="吴九"))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.form.general_error.isHidden())
    assert dialog.form.general_error.text().startswith("The database is busy.")
    assert dialog.isVisible() and dialog.form.name.text() == "吴九"
    assert dialog.save_button.isEnabled()


def test_edit_refused_when_someone_saved_meanwhile(qtbot, open_dialog, clerk, admin, accounts):
    detail = accounts.create(admin, sample_draft())
    edited = EditedAccount(detail.id, detail.account_no, detail.version,
                           accounts.draft_of(detail.id))
    accounts.update(admin, detail.id, detail.version, replace(edited.draft, route_book="B02"))
    dialog = open_dialog(clerk, edited)
    assert dialog.windowTitle() == f"Edit account {detail.account_no}"
    dialog.form.route_book.setText("B03")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.form.general_error.isHidden())
    assert dialog.form.general_error.text().startswith("Someone else changed this record")
    assert accounts.detail(detail.id).route_book == "B02"
