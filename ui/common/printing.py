"""Send a PDF that app/ wrote (ticket, receipt, form) to a printer chosen in the settings."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

log = logging.getLogger(__name__)

MAX_DPI = 300  # a page rendered finer than this only costs memory on roll and office printers


def resolved_printer(printer_name: str) -> str:
    """The printer a setting means: its own name, or "" for the system's default printer."""
    return printer_name or QPrinterInfo.defaultPrinterName()


def print_pdf(path: Path, printer_name: str) -> bool:
    """Print every page of the PDF at ``path`` on the printer named ``printer_name``.

    An empty name means the system's default printer. Returns False (and logs why) when the
    printer does not exist, there is none at all, or the PDF cannot be read; the PDF stays where
    it is and can be shown instead.
    """
    printer_name = resolved_printer(printer_name)
    names = QPrinterInfo.availablePrinterNames()
    if not printer_name or printer_name not in names:
        log.warning("printer %r not found (printers here: %s); %s not printed",
                    printer_name, ", ".join(names) or "none", path)
        return False
    printer = QPrinter(QPrinterInfo.printerInfo(printer_name), QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.name)
    return paint_pdf(path, printer)


def paint_pdf(path: Path, printer: QPrinter) -> bool:
    """Render the PDF page by page onto ``printer``, each page at its own size, without margins."""
    try:
        from PySide6.QtPdf import QPdfDocument  # loaded on first print, not at start-up
    except ImportError:
        log.warning("Qt PDF (package PySide6-Pdf) is not installed; %s not printed", path)
        return False
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
        log.warning("cannot read %s for printing: %s", path, document.status())
        return False
    painter = QPainter()
    for page in range(document.pageCount()):
        _set_page_size(printer, document.pagePointSize(page))
        if page == 0 and not painter.begin(printer):
            log.warning("printer %s refused %s", printer.printerName(), path)
            return False
        if page > 0:
            printer.newPage()
        target = QRect(0, 0, painter.device().width(), painter.device().height())
        dpi = min(printer.resolution(), MAX_DPI)
        points = document.pagePointSize(page)
        image = document.render(page, QSize(round(points.width() * dpi / 72),
                                            round(points.height() * dpi / 72)))
        painter.drawImage(target, image)
    painter.end()
    document.close()
    return True


def _set_page_size(printer: QPrinter, points: QSizeF) -> None:
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
