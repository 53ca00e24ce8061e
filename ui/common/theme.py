"""The counter's look: Fusion style, large type, a blue accent and the gashall.qss sheet."""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from app.config import resource_path

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 14
ACCENT = "#1f6fd1"
# The first installed family wins; Chinese fonts first so that Hanzi and Latin share one look.
FONT_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimSun",
)


def apply_theme(app: QApplication) -> None:
    """Give the whole application the counter theme."""
    app.setStyle("Fusion")
    app.setFont(_base_font())
    app.setPalette(_palette(app.palette()))
    app.setStyleSheet(style_sheet())


def style_sheet() -> str:
    """The text of resources/styles/gashall.qss ("" when the file is missing, which is logged).

    ``@STYLES@`` in the sheet becomes the styles folder, so that ``url()`` finds its pictures.
    """
    folder = resource_path("styles")
    try:
        text = (folder / "gashall.qss").read_text(encoding="utf-8")
    except OSError as error:
        log.warning("style sheet in %s unreadable: %s", folder, error)
        return ""
    return text.replace("@STYLES@", folder.as_posix())


def _base_font() -> QFont:
    installed = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in installed]
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSize(BASE_POINT_SIZE)
    return font


def _palette(palette: QPalette) -> QPalette:
    accent = QColor(ACCENT)
    palette.setColor(QPalette.ColorRole.Highlight, accent)
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, accent)
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f2f6fc"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d2733"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d2733"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2733"))
    return palette
