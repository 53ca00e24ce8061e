"""Write an issued ticket's PDF in the user's language and print it on the kiosk's printer."""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.dto import TicketSlip
from app.services.pdf.ticket_pdf import TicketLabels, render_ticket
from ui.common.printing import print_pdf, resolved_printer

log = logging.getLogger(__name__)

KEEP_DAYS = 7  # ticket PDFs older than this are removed when a kiosk opens
_CONTEXT = "TicketLabels"
# The printed words by TicketLabels field: English sources that lupdate collects.
LABEL_SOURCES: dict[str, str] = {
    "ahead": QT_TRANSLATE_NOOP("TicketLabels", "{ahead} ahead of you"),
    "wait": QT_TRANSLATE_NOOP("TicketLabels", "About {minutes} minutes"),
    "priority": QT_TRANSLATE_NOOP("TicketLabels", "Green channel"),
    "account": QT_TRANSLATE_NOOP("TicketLabels", "Account: {account}"),
    "issued": QT_TRANSLATE_NOOP("TicketLabels", "Issued: {time}"),
    "notice": QT_TRANSLATE_NOOP(
        "TicketLabels", "Please watch the display board and listen for your number"),
    "hotline": QT_TRANSLATE_NOOP("TicketLabels", "Hotline: {hotline}"),
}


@dataclass(frozen=True)
class TicketOutput:
    """Where a ticket's PDF went and whether it was printed."""

    path: Path
    printed: bool


def default_ticket_folder() -> Path:
    """The folder for ticket PDFs: "gashall-tickets" in the system's temporary folder."""
    return Path(tempfile.gettempdir()) / "gashall-tickets"


def ticket_labels() -> TicketLabels:
    """The printed words of a ticket in the user's language (call on the GUI thread)."""
    texts = {field: QCoreApplication.translate(_CONTEXT, source)
             for field, source in LABEL_SOURCES.items()}
    return TicketLabels(**texts)


def write_and_print(
    slip: TicketSlip, labels: TicketLabels, folder: Path, printer_name: str,
    width_mm: int = 80, font_path: str | None = None,
) -> TicketOutput:
    """Render the ticket into ``folder``; print it when a printer is configured (worker thread)."""
    name = f"{slip.issued_at:%Y%m%d}-{slip.number}-{slip.ticket_id}.pdf"
    path = render_ticket(slip, folder / name, width_mm, font_path, labels)
    printed = bool(resolved_printer(printer_name)) and print_pdf(path, printer_name)
    return TicketOutput(path, printed)


def remove_old_tickets(folder: Path, days: int = KEEP_DAYS) -> int:
    """Delete ticket PDFs older than ``days``; returns how many (unreadable files are skipped)."""
    limit = time.time() - days * 86400
    removed = 0
    for path in folder.glob("*.pdf") if folder.is_dir() else ():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            log.info("old ticket %s could not be removed", path, exc_info=True)
    return removed
