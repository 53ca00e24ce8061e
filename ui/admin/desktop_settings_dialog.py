"""Settings of this desktop only: counter number, language, printer, receipt paper (本机设置)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from app.config import LocalSettings
from ui.cashier.receipt_output import DEFAULT_PAPER, PAPER_SETTING

MAX_COUNTER = 99


def available_printers() -> list[str]:
    """The printers this computer knows (Qt print support is loaded only when asked)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class DesktopSettingsDialog(QDialog):
    """Edits a copy of the ``LocalSettings``; ``chosen()`` gives the result after accept."""

    def __init__(
        self, settings: LocalSettings, printers: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("This desktop"))
        self.counter = QSpinBox()
        self.counter.setRange(1, MAX_COUNTER)
        self.counter.setValue(min(max(settings.counter, 1), MAX_COUNTER))
        self.language = self._language_box(settings.language)
        known = list(available_printers() if printers is None else printers)
        self.printer = self._printer_box(known, settings.printer)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("80 mm roll"), "80mm")
        self.paper.addItem(self.tr("A5 sheet"), "A5")
        self.paper.setCurrentIndex(max(self.paper.findData(
            settings.extra.get(PAPER_SETTING, DEFAULT_PAPER)), 0))
        self._lay_out()

    def _language_box(self, current: str) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("As the system"), "")
        # Each language under its own name, as people look for it
        box.addItem(QLocale("zh_CN").nativeLanguageName(), "zh_CN")
        box.addItem("English", "en")
        box.setCurrentIndex(max(box.findData(current), 0))
        return box

    def _printer_box(self, printers: list[str], current: str) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("The system's default printer"), "")
        if current and current not in printers:  # keep a setting whose printer is offline now
            printers = [*printers, current]
        for name in printers:
            box.addItem(name, name)
        box.setCurrentIndex(max(box.findData(current), 0))
        return box

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        form.addRow(self.tr("Counter number"), self.counter)
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("A new language shows the next time GasHall starts."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Receipt paper"), self.paper)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> LocalSettings:
        """The settings with this dialog's choices."""
        extra = {**self._settings.extra, PAPER_SETTING: str(self.paper.currentData())}
        return replace(self._settings, counter=self.counter.value(),
                       language=str(self.language.currentData()),
                       printer=str(self.printer.currentData()), extra=extra)
