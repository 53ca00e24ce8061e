"""Tariffs for managers: every tariff version (阶梯气价), new versions, and the reading checks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import Clock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.readings import ReadingRules
from app.domain.tariff import Tariff
from app.services.dto import Operator
from app.services.tariff_service import TariffService
from ui.billing.reading_rules_view import ReadingRulesView
from ui.billing.tariff_dialog import TariffDialog
from ui.billing.tariff_table_model import TariffTableModel
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner

ROW_HEIGHT = 38


class TariffsPage(QWidget):
    """Two tabs: the tariff versions (table, "New version…") and the reading checks.

    Only for managers (EDIT_TARIFFS); the service checks again. Loading runs through the
    TaskRunner; saving a version or the checks is one short write, done at once.
    """

    loaded = Signal()  # the versions (and, when asked, the checks) of a refresh are shown
    tariff_added = Signal(object)  # Tariff as stored
    rules_saved = Signal(str)  # the gas use whose reading checks were stored

    def __init__(
        self, tariffs: TariffService, operator: Operator, runner: TaskRunner, clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tariffs = tariffs
        self._operator = operator
        self._runner = runner
        self._clock = clock
        self.dialog: TariffDialog | None = None  # the one open, for tests
        self.model = TariffTableModel(self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Tariffs"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._versions_tab(), icon(Icon.TARIFFS), self.tr("Tariff versions"))
        self.rules_view = ReadingRulesView()
        self.rules_view.save_requested.connect(self.save_rules)
        self.tabs.addTab(self.rules_view, icon(Icon.CHECK), self.tr("Reading checks"))
        layout.addWidget(self.tabs, 1)
        self.refresh(with_rules=True)

    # --- building ---------------------------------------------------------------------------

    def _versions_tab(self) -> QWidget:
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addLayout(self._actions())
        column.addWidget(self._table(), 1)
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        column.addWidget(self.detail)
        self.message = QLabel()
        self.message.setObjectName("resultBad")
        self.message.setWordWrap(True)
        self.message.hide()
        column.addWidget(self.message)
        return tab

    def _actions(self) -> QHBoxLayout:
        self.new_button = QPushButton(icon(Icon.ADD), self.tr("New version…"))
        self.new_button.setToolTip(self.tr(
            "A new version starts from the selected one; it takes over on its effective date"))
        self.new_button.clicked.connect(self.new_version)
        self.refresh_button = QPushButton(icon(Icon.REFRESH), self.tr("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        hint = QLabel(self.tr("Versions are never changed: a price change is a new version."))
        hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.refresh_button)
        row.addSpacing(12)
        row.addWidget(hint, 1)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.new_version())
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        return self.table

    # --- versions ---------------------------------------------------------------------------

    def today(self) -> date:
        """The hall's date, for "in force" and the new version's first guess."""
        return self._clock.now().date()

    def refresh(self, select_id: int | None = None, with_rules: bool = False) -> None:
        """Reload the versions (and the reading checks); keep or set the selected version."""
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        tariffs = self._tariffs

        def load() -> tuple[list[Tariff], dict[str, ReadingRules] | None]:
            return tariffs.versions(), tariffs.rules() if with_rules else None

        self._runner.run(load, lambda result: self._loaded(keep, *result), self._failed)

    def _loaded(
        self, keep: int | None, versions: list[Tariff], rules: dict[str, ReadingRules] | None
    ) -> None:
        self.message.hide()
        self.model.set_versions(versions, self.today())
        row = self.model.row_of_id(keep) if keep is not None else -1
        if row < 0:  # else the first version in force, where a price change usually starts
            row = next((i for i, t in enumerate(versions) if self.model.is_current(t)), 0)
        if versions:
            self.table.selectRow(row)
        self._show_detail()
        if rules is not None:
            self.rules_view.set_rules(rules)
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error  # a bug: the application's exception hook reports it
        self.message.setText(error_text(error))
        self.message.show()

    def selected(self) -> Tariff | None:
        """The version of the selected row, if any."""
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.version_at(rows[0].row()) if rows else None

    def _show_detail(self) -> None:
        tariff = self.selected()
        if tariff is None:
            self.detail.setText(self.tr("No tariff yet: add the first version."))
            return
        model = self.model
        self.detail.setText(self.tr(
            "{name} ({status}, from {date}): {tiers}\n{heating} · Household size: {household} · "
            "{low_income} · Late fee: {late_fee} · Cycle starts {cycle}").format(
                name=tariff.name, status=model.status_text(tariff),
                date=tariff.effective_from.isoformat(), tiers=model.tiers_text(tariff),
                heating=model.heating_text(tariff), household=model.household_text(tariff),
                low_income=model.low_income_text(tariff), late_fee=model.late_fee_text(tariff),
                cycle=f"{tariff.cycle_month:02d}-{tariff.cycle_day:02d}"))

    def new_version(self) -> None:
        """Open the form for a new version, prefilled from the selected one."""
        if self.dialog is not None and self.dialog.isVisible():
            return
        dialog = TariffDialog(self._tariffs, self._operator, self.today(), self.selected(), self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: TariffDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if dialog.saved is not None:
            self.refresh(dialog.saved.id)
            self.tariff_added.emit(dialog.saved)
        dialog.deleteLater()

    # --- reading checks ---------------------------------------------------------------------

    def save_rules(self) -> None:
        """Store every changed row; a refused row keeps its values and shows why underneath."""
        view = self.rules_view
        view.general_errors.clear()
        view.saved_note.clear()
        refused = 0
        saved = 0
        for use in view.changed():
            view.show_row_error(use, "")
            try:
                rules = view.rules_of(use)
                self._tariffs.save_rules(self._operator, use, rules)
            except DomainError as error:
                view.show_row_error(use, error_text(error))
                refused += 1
                continue
            except StorageUnavailable as error:
                view.general.setText(error_text(error))
                view.general.show()
                return
            view.mark_saved(use, rules)
            saved += 1
            self.rules_saved.emit(use)
        note = view.saved_note
        note.setObjectName("resultBad" if refused else "resultOk")
        note.style().unpolish(note)  # the style sheet picks up the new name
        note.style().polish(note)
        note.setText(self._saved_text(saved, refused))

    def _saved_text(self, saved: int, refused: int) -> str:
        if refused:
            return self.tr("%n row(s) not saved: see the message under each.", "", refused)
        if saved:
            return self.tr("Saved. New readings are checked this way from now on.")
        return self.tr("Nothing changed.")
