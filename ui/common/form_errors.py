"""Show a DomainError's problems next to the form fields they belong to."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.errors import DomainError
from ui.common.messages import problem_text

_ERROR_STYLE = "color: #c0392b;"


class FormErrors:
    """Error labels keyed by field name, plus one label for problems tied to no field.

    ``register("id_number", label)`` ties a field to the label under it; ``show(error)`` fills
    the labels of the fields named in the error and marks the first such widget for focus.
    """

    def __init__(self, general: QLabel) -> None:
        self._general = general
        self._labels: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        self._prepare(general)

    def register(self, field: str, label: QLabel, widget: QWidget | None = None) -> None:
        """Tie a field name to its error label (and the input widget to focus)."""
        self._prepare(label)
        self._labels[field] = label
        if widget is not None:
            self._widgets[field] = widget

    def clear(self) -> None:
        """Hide every error text."""
        for label in (self._general, *self._labels.values()):
            label.clear()
            label.hide()

    def show(self, error: DomainError) -> None:
        """Show each problem under its field, or in the general label; focus the first field."""
        self.clear()
        general: list[str] = []
        first: QWidget | None = None
        for problem in error.problems:
            label = self._labels.get(problem.field or "")
            if label is None:
                general.append(problem_text(problem))
                continue
            label.setText(problem_text(problem))
            label.show()
            first = first or self._widgets.get(problem.field or "")
        if general:
            self._general.setText("\n".join(general))
            self._general.show()
        if first is not None:
            first.setFocus()

    def text_of(self, field: str) -> str:
        """The error shown for a field ("" when none); used by tests and accessibility."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    @staticmethod
    def _prepare(label: QLabel) -> None:
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
