"""Receipts committed but never printed (crash, printer off), offered for printing at start."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.services.cashier_dto import ReceiptView
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from ui.cashier.receipt_output import ReceiptPrinter, print_and_record
from ui.cashier.receipt_table_model import ReceiptTableModel
from ui.common.messages import error_text
from ui.common.task_runner import TaskRunner


class UnprintedDialog(QDialog):
    """The hall's unprinted receipts, oldest first; Print sends the selected one, Print all all.

    A printed receipt leaves the list (its first print is recorded); one that failed stays.
    """

    def __init__(
        self, payments: PaymentService, operator: Operator, runner: TaskRunner,
        printer: ReceiptPrinter, receipts: list[ReceiptView], parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._payments = payments
        self._operator = operator
        self._runner = runner
        self._printer = printer
        self._busy = False
        self.setWindowTitle(self.tr("Receipts not printed"))
        self.model = ReceiptTableModel(self)
        self.model.set_rows(receipts)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "These receipts were recorded but never printed (the program stopped or the printer "
            "was off). Print them now for the customers or the records."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # numbers in full
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addLayout(self._build_buttons())
        self.table.selectRow(0)
        self.resize(980, 420)
        if not printer.configured:
            self.message.setText(self.tr("This computer has no printer (Settings › This "
                                         "desktop); the receipts stay in this list."))

    def _build_buttons(self) -> QHBoxLayout:
        self.print_button = QPushButton(self.tr("Print"))
        self.print_all_button = QPushButton(self.tr("Print all"))
        self.close_button = QPushButton(self.tr("Later"))
        self.print_button.clicked.connect(self.print_selected)
        self.print_all_button.clicked.connect(self.print_all)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.print_all_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        self._update_buttons()
        return row

    def receipts(self) -> list[ReceiptView]:
        """The receipts still listed."""
        return [self.model.row_at(i) for i in range(self.model.rowCount())]

    def print_selected(self) -> None:
        """Print the selected receipt."""
        index = self.table.currentIndex()
        if index.isValid():
            self._print([self.model.row_at(index.row())])

    def print_all(self) -> None:
        """Print every listed receipt, oldest first."""
        self._print(self.receipts())

    def _print(self, receipts: list[ReceiptView]) -> None:
        if self._busy or not receipts or not self._printer.configured:
            return
        self._busy = True
        self._update_buttons()

        def job() -> list[int]:
            return [r.payment_id for r in receipts
                    if print_and_record(self._printer, self._payments, self._operator, r)]

        self._runner.run(job, self._printed, self._failed)

    def _printed(self, printed: list[int]) -> None:
        self._busy = False
        left = [r for r in self.receipts() if r.payment_id not in printed]
        self.model.set_rows(left)
        if left:
            self.table.selectRow(0)
            self.message.setText(self.tr("{count} receipts could not be printed; check the "
                                         "printer.").format(count=len(left)))
        else:
            self.message.setText(self.tr("All receipts printed."))
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error
        self.message.setText(error_text(error))
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = not self._busy and self._printer.configured and self.model.rowCount() > 0
        self.print_button.setEnabled(can)
        self.print_all_button.setEnabled(can)
        self.close_button.setEnabled(not self._busy)

    def reject(self) -> None:
        """Close, except while printing."""
        if not self._busy:
            super().reject()


def show_unprinted_if_any(
    parent: QWidget, payments: PaymentService, operator: Operator, runner: TaskRunner,
    printer: ReceiptPrinter, shown: Callable[[UnprintedDialog], None] | None = None,
) -> None:
    """After login: look for unprinted receipts of the hall (background); if any, list them.

    ``shown`` is called with the dialog when it opens (tests; the main window may keep it).
    Faults while looking are logged by the runner's caller and ignored: the list comes back
    at the next start.
    """
    def found(receipts: list[ReceiptView]) -> None:
        if not receipts:
            return
        dialog = UnprintedDialog(payments, operator, runner, printer, receipts, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if shown is not None:
            shown(dialog)

    def failed(error: Exception) -> None:
        if not isinstance(error, DomainError | StorageUnavailable):
            raise error

    runner.run(partial(payments.unprinted, operator.hall_id), found, failed)
