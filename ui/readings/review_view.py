"""The review list (待审核): flagged readings a reviewer accepts, corrects or estimates."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.domain.money import format_yuan
from app.domain.readings import ReadingState
from app.services.billing_dto import ReadingOutcome, ReviewItem
from app.services.dto import Operator
from app.services.reading_service import ReadingService
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner
from ui.readings.correct_dialog import CorrectDialog
from ui.readings.labels import state_label
from ui.readings.review_table_model import ReviewTableModel
from ui.readings.route_sheet_view import size_columns

Col = ReviewTableModel.Column
_COLUMN_SAMPLES = {Col.READ_ON: "2026-10-23", Col.ACCOUNT_NO: "0100000001", Col.NAME: "欧阳明",
                   Col.METER_NO: "JK00001234", Col.FLAGS: "Consumption too high",
                   Col.PREVIOUS: "99999.9", Col.VALUE: "99999.9", Col.CONSUMPTION: "999.9",
                   Col.ESTIMATE: "999.9"}  # the source column takes the rest


class ReviewView(QWidget):
    """The hall's readings in review; each decision bills the reading and refreshes the list."""

    reading_settled = Signal(object)  # ReadingOutcome of an accepted/corrected/estimated reading

    def __init__(
        self, readings: ReadingService, operator: Operator, runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._readings = readings
        self._operator = operator
        self._runner = runner
        self._seq = 0
        self.dialog: CorrectDialog | None = None  # the one open, for tests
        self.model = ReviewTableModel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_actions())
        layout.addLayout(self._build_status_line())
        layout.addWidget(self._build_table(), 1)
        self._update_actions()

    def _build_actions(self) -> QHBoxLayout:
        self.accept_button = QPushButton(icon(Icon.ACCEPT), self.tr("&Accept"))
        self.correct_button = QPushButton(icon(Icon.EDIT), self.tr("&Correct…"))
        self.estimate_button = QPushButton(icon(Icon.ESTIMATE), self.tr("E&stimate…"))
        self.refresh_button = QPushButton(icon(Icon.REFRESH), self.tr("Reload"))
        self.accept_button.setToolTip(self.tr("The reading is right as it stands: bill it"))
        self.accept_button.clicked.connect(self.accept_current)
        self.correct_button.clicked.connect(partial(self.open_dialog, False))
        self.estimate_button.clicked.connect(partial(self.open_dialog, True))
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        for button in (self.accept_button, self.correct_button, self.estimate_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        return row

    def _build_status_line(self) -> QHBoxLayout:
        self.count_label = QLabel()
        self.result_label = QLabel()
        self.result_label.setObjectName("resultOk")
        self.message_label = QLabel()
        self.message_label.setObjectName("resultBad")
        self.message_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addWidget(self.result_label)
        row.addWidget(self.message_label, 1)
        return row

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        size_columns(self.table, _COLUMN_SAMPLES)
        self.table.activated.connect(partial(self.open_dialog, False))
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        return self.table

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the list (in the background); the selected reading stays selected."""
        self._seq += 1
        self._runner.run(partial(self._readings.review_list, self._operator.hall_id),
                         partial(self._loaded, self._seq), self._failed)

    def _loaded(self, seq: int, items: list[ReviewItem]) -> None:
        if seq != self._seq:
            return
        current = self.current_item()
        self.model.set_rows(items)
        self.count_label.setText(self.tr("%n reading(s) waiting", "", len(items)))
        row = self.model.row_of_id(current.reading_id) if current else -1
        if self.model.rowCount():
            self.table.selectRow(max(row, 0))
        self._update_actions()

    def current_item(self) -> ReviewItem | None:
        """The selected reading, if any."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_actions(self, *_: Any) -> None:
        has_item = self.current_item() is not None
        for button in (self.accept_button, self.correct_button, self.estimate_button):
            button.setEnabled(has_item)

    # --- deciding ---------------------------------------------------------------------------

    def accept_current(self) -> None:
        """Accept the selected reading as it stands and bill it."""
        item = self.current_item()
        if item is None:
            return
        self.message_label.clear()
        self.accept_button.setEnabled(False)
        self._runner.run(partial(self._readings.accept, self._operator, item.reading_id),
                         partial(self._settled, item), self._failed)

    def open_dialog(self, estimate: bool, *_: Any) -> None:
        """Open the correct (or estimate) dialog for the selected reading."""
        item = self.current_item()
        if item is None:
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = CorrectDialog(self._readings, self._operator, self._runner, item,
                                    estimate, self)
        self.dialog.settled.connect(partial(self._settled, item))
        self.dialog.open()

    def _settled(self, item: ReviewItem, outcome: ReadingOutcome) -> None:
        self.message_label.clear()
        text = self.tr("{account}: {state}").format(account=item.account_no,
                                                    state=state_label(outcome.state))
        if outcome.state == ReadingState.BILLED and outcome.total_fen is not None:
            text += self.tr(", {amount} yuan").format(amount=format_yuan(outcome.total_fen))
        self.result_label.setText(text)
        self.reading_settled.emit(outcome)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self._update_actions()
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error
        self.result_label.clear()
        self.message_label.setText(error_text(error))

