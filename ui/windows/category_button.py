"""One large kiosk button per queue category: its letter, its name and how many are waiting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.dto import WaitingLine


class CategoryButton(QPushButton):
    """A touch-sized button showing "A | 缴费 | 3 waiting, about 9 min"."""

    def __init__(self, line: WaitingLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category_id = line.category_id
        self.setObjectName("categoryButton")
        self.letter = self._label("categoryLetter", Qt.AlignmentFlag.AlignCenter)
        self.letter.setFixedWidth(96)
        self.name = self._label("categoryName", Qt.AlignmentFlag.AlignLeft)
        self.waiting = self._label("categoryWaiting", Qt.AlignmentFlag.AlignLeft)
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self.name)
        texts.addWidget(self.waiting)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(18)
        row.addWidget(self.letter)
        row.addLayout(texts, 1)
        self.show_line(line)

    def show_line(self, line: WaitingLine) -> None:
        """Show the category's current waiting count and estimate."""
        self.letter.setText(line.prefix)
        self.name.setText(line.name)
        if line.waiting and line.wait_minutes:
            text = self.tr("{count} waiting, about {minutes} min").format(
                count=line.waiting, minutes=line.wait_minutes)
        else:
            text = self.tr("{count} waiting").format(count=line.waiting)
        self.waiting.setText(text)
        self.setAccessibleName(f"{line.prefix} {line.name}: {text}")

    def text_shown(self) -> str:
        """Everything the button shows, for tests and screen readers."""
        return f"{self.letter.text()} {self.name.text()} {self.waiting.text()}"

    def _label(self, name: str, align: Qt.AlignmentFlag) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label
