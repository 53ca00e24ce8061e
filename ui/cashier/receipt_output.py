"""Render a receipt's PDF and send it to this desktop's printer (on a worker thread)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.config import LocalSettings
from app.services.cashier_dto import ReceiptView
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from app.services.pdf.receipt_pdf import PAPERS, ReceiptLabels, render_receipt
from ui.common.printing import print_pdf, resolved_printer

log = logging.getLogger(__name__)

PAPER_SETTING = "receipt_paper"  # LocalSettings.extra: "80mm" (roll) or "A5"
DEFAULT_PAPER = "80mm"

PrintFn = Callable[[Path, str], bool]  # (PDF file, printer name) -> printed


def default_receipt_folder() -> Path:
    """The folder for receipt PDFs on their way to the printer."""
    return Path(tempfile.gettempdir()) / "gashall-receipts"


@dataclass(frozen=True)
class ReceiptPrinter:
    """Where and how this desktop prints receipts.

    ``printer`` is the printer's name ("" for the system's default; with no printer at all
    nothing is rendered or printed, and the receipt stays in the unprinted list); ``print_fn``
    sends a PDF file to a printer (tests give one that keeps the file).
    """

    printer: str
    paper: str = DEFAULT_PAPER
    folder: Path = default_receipt_folder()
    print_fn: PrintFn = print_pdf
    labels: ReceiptLabels = ReceiptLabels()  # a receipt is printed in Chinese

    @classmethod
    def from_settings(
        cls, settings: LocalSettings, print_fn: PrintFn = print_pdf,
        folder: Path | None = None,
    ) -> ReceiptPrinter:
        """This desktop's printer and paper (``extra["receipt_paper"]``, 80mm by default)."""
        paper = settings.extra.get(PAPER_SETTING, DEFAULT_PAPER)
        return cls(settings.printer, paper if paper in PAPERS else DEFAULT_PAPER,
                   folder or default_receipt_folder(), print_fn)

    @property
    def configured(self) -> bool:
        """Whether this desktop has a printer: its own setting, or the system's default."""
        return bool(resolved_printer(self.printer))

    def print_receipt(self, receipt: ReceiptView) -> bool:
        """Render and print one receipt (or a reprint, or a void); True when it was printed.

        Raises DomainError ``pdf.no_cjk_font`` when no Chinese font is found.
        """
        if not self.configured:
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        suffix = f"-copy{receipt.copy_no}" if receipt.copy_no else ""
        path = self.folder / f"{receipt.receipt_no}{suffix}.pdf"
        path.write_bytes(render_receipt(receipt, self.labels, self.paper))
        printed = self.print_fn(path, self.printer)
        if not printed:
            log.warning("receipt %s not printed on %r", receipt.receipt_no, self.printer)
        return printed


def print_and_record(
    printer: ReceiptPrinter, payments: PaymentService, operator: Operator, receipt: ReceiptView
) -> bool:
    """Print an original (payment or void) and record copy 0 only if it went to the printer.

    Runs on a worker thread. A receipt that did not print stays in ``PaymentService.unprinted``
    and is offered again at the next start.
    """
    printed = printer.print_receipt(receipt)
    if printed:
        payments.record_printed(operator, receipt.payment_id)
    return printed
