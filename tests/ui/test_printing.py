"""Printing a PDF: each page at its own size, and a clear False when there is no printer."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ui.common.printing import paint_pdf, print_pdf


def two_page_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=(80 * mm, 100 * mm))
    canvas.drawString(10, 10, "page one")
    canvas.showPage()
    canvas.setPageSize((148 * mm, 210 * mm))  # A5
    canvas.drawString(10, 10, "page two")
    canvas.showPage()
    canvas.save()
    return path


def test_every_page_is_printed_at_its_own_size(qapp: QApplication, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(two_page_pdf(tmp_path / "two.pdf"), printer)
    pages = PdfReader(tmp_path / "printed.pdf").pages
    sizes = [(round(float(p.mediabox.width) / mm), round(float(p.mediabox.height) / mm))
             for p in pages]
    assert sizes == [(80, 100), (148, 210)]


def test_no_such_printer_returns_false_and_logs(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="ui.common.printing")
    path = two_page_pdf(tmp_path / "ticket.pdf")
    assert not print_pdf(path, "No Such Printer 42")
    assert not print_pdf(path, "")
    assert "No Such Printer 42" in caplog.text
    assert path.is_file()  # kept, to be shown instead


def test_a_file_that_is_no_pdf_is_not_printed(qapp: QApplication, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf", encoding="utf-8")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert not paint_pdf(bad, printer)
