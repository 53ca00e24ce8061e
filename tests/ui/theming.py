"""A fixture that gives one test the real counter theme (for screenshots), then takes it back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.common.theme import apply_theme


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """Apply ``apply_theme``; restore style, font, palette and style sheet afterwards."""
    style, font, palette = qapp.style().name(), qapp.font(), qapp.palette()
    sheet = qapp.styleSheet()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setFont(font)
    qapp.setPalette(palette)
