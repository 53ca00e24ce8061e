"""Queue setup for managers: categories and counters, the board notice, recalls, rating, voice."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, StorageUnavailable
from app.services.dto import CategoryInfo, Operator, QueueSettingsInfo
from app.services.queue_admin_service import QueueAdminService
from ui.admin.form_feedback import show_refusal
from ui.common.form_errors import FormErrors
from ui.common.icons import Icon, icon
from ui.common.messages import error_text
from ui.queue.category_dialog import CategoryDialog
from ui.queue.category_table_model import CategoryTableModel

MAX_SPIN = 999  # the service decides the allowed ranges and says so
NOTICE_LENGTH = 200
SETTINGS_WIDTH = 420


class QueueSetupPage(QWidget):
    """The hall's queue categories (add, edit) and its queue settings (save, clear notice)."""

    category_saved = Signal(object)  # CategoryInfo as stored
    queue_settings_saved = Signal(object)  # QueueSettingsInfo as stored

    def __init__(
        self, admin: QueueAdminService, operator: Operator, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._admin = admin
        self._operator = operator
        self.dialog: CategoryDialog | None = None  # the one open, for tests
        self.model = CategoryTableModel(self)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Queue setup"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        areas = QHBoxLayout()
        areas.addWidget(self._categories_box(), 1)
        areas.addWidget(self._settings_box())
        layout.addLayout(areas, 1)
        self.refresh()
        self.reload_settings()

    # --- building ---------------------------------------------------------------------------

    def _categories_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Categories"))
        column = QVBoxLayout(box)
        column.addLayout(self._category_actions())
        column.addWidget(self._table(), 1)
        hint = QLabel(self.tr("Call next takes the oldest waiting ticket of the categories a "
                              "counter serves, green channel first."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.message = QLabel()
        self.message.setObjectName("resultBad")
        self.message.setWordWrap(True)
        self.message.hide()
        column.addWidget(self.message)
        return box

    def _category_actions(self) -> QHBoxLayout:
        self.add_button = QPushButton(icon(Icon.ADD), self.tr("Add category..."))
        self.edit_button = QPushButton(icon(Icon.EDIT), self.tr("Edit..."))
        self.add_button.clicked.connect(self.add_category)
        self.edit_button.clicked.connect(self.edit_category)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (CategoryTableModel.Column.NAME, CategoryTableModel.Column.COUNTERS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_category())
        return self.table

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Board, calls and rating"))
        box.setFixedWidth(SETTINGS_WIDTH)
        self.settings_general = QLabel()
        self.settings_errors = FormErrors(self.settings_general)
        column = QVBoxLayout(box)
        column.addLayout(self._notice_area())
        column.addSpacing(8)
        column.addLayout(self._settings_form())
        column.addStretch(1)
        column.addWidget(self.settings_general)
        column.addLayout(self._settings_buttons())
        return box

    def _notice_area(self) -> QVBoxLayout:
        self.notice = QLineEdit()
        self.notice.setMaxLength(NOTICE_LENGTH)
        self.notice.setPlaceholderText(self.tr("No notice: the board shows none"))
        self.notice.setClearButtonEnabled(True)
        self.notice.returnPressed.connect(self.save_settings)
        self.clear_notice_button = QPushButton(icon(Icon.CLEAR), self.tr("Clear notice"))
        self.clear_notice_button.setToolTip(self.tr("Take the notice off the board at once"))
        self.clear_notice_button.clicked.connect(self.clear_notice)
        label = QLabel(self.tr("Notice on the board"))
        label.setBuddy(self.notice)
        error = QLabel()
        self.settings_errors.register("notice", error, self.notice)
        head = QHBoxLayout()
        head.addWidget(label, 1)
        head.addWidget(self.clear_notice_button)
        area = QVBoxLayout()
        area.addLayout(head)
        area.addWidget(self.notice)
        area.addWidget(error)
        return area

    def _settings_form(self) -> QFormLayout:
        self.max_recalls = _spin("")
        self.rating_seconds = _spin(self.tr(" s"))
        self.voice_repeats = _spin("")
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        rows = (
            (self.tr("Recalls before no-show"), self.max_recalls, "max_recalls"),
            (self.tr("Rating pad open for"), self.rating_seconds, "rating_seconds"),
            (self.tr("Times each call is spoken"), self.voice_repeats, "voice_repeats"),
        )
        for text, spin, field in rows:
            form.addRow(text, spin)
            error = QLabel()
            self.settings_errors.register(field, error, spin)
            form.addRow(error)
        return form

    def _settings_buttons(self) -> QVBoxLayout:
        self.save_button = QPushButton(icon(Icon.SAVE, "#ffffff"), self.tr("Save settings"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_settings)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("resultOk")
        self.saved_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        area = QVBoxLayout()
        area.addWidget(self.saved_note)
        area.addLayout(row)
        return area

    # --- categories -------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the categories; keep or set the selected one."""
        keep = select_id if select_id is not None else getattr(self.selected(), "id", None)
        try:
            categories = self._admin.categories(self._operator.hall_id)
        except (DomainError, StorageUnavailable) as error:
            self._say(error_text(error))
            return
        self.message.hide()
        self.model.set_categories(categories)
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(max(row, 0))
        self.edit_button.setEnabled(self.model.rowCount() > 0)

    def selected(self) -> CategoryInfo | None:
        """The category of the selected row, if any."""
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.model.category_at(rows[0].row()) if rows else None

    def add_category(self) -> None:
        """Open the form for a new category."""
        self._open(CategoryDialog(self._admin, self._operator, None, self))

    def edit_category(self) -> None:
        """Open the selected category's form."""
        category = self.selected()
        if category is not None:
            self._open(CategoryDialog(self._admin, self._operator, category, self))

    def _open(self, dialog: CategoryDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: CategoryDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if dialog.saved is not None:
            self.refresh(dialog.saved.id)
            self.category_saved.emit(dialog.saved)
        dialog.deleteLater()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # --- settings ---------------------------------------------------------------------------

    def reload_settings(self) -> None:
        """Fill the settings form from the database."""
        try:
            stored = self._admin.settings(self._operator.hall_id)
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.settings_errors, self.settings_general, error)
            return
        self._fill(stored)

    def _fill(self, stored: QueueSettingsInfo) -> None:
        self.notice.setText(stored.notice)
        self.max_recalls.setValue(stored.max_recalls)
        self.rating_seconds.setValue(stored.rating_seconds)
        self.voice_repeats.setValue(stored.voice_repeats)

    def save_settings(self) -> None:
        """Store the form; problems appear next to their fields and nothing is saved."""
        for spin in (self.max_recalls, self.rating_seconds, self.voice_repeats):
            spin.interpretText()
        self._store(QueueSettingsInfo(self.notice.text(), self.max_recalls.value(),
                                      self.rating_seconds.value(), self.voice_repeats.value()),
                    self.tr("Saved. The board shows the change within a second."))

    def clear_notice(self) -> None:
        """Take the notice off the board at once; other unsaved changes stay in the form."""
        try:
            stored = self._admin.settings(self._operator.hall_id)
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.settings_errors, self.settings_general, error)
            return
        if self._store(replace(stored, notice=""), self.tr("The notice is off the board.")):
            self.notice.clear()

    def _store(self, new: QueueSettingsInfo, done: str) -> bool:
        self.settings_errors.clear()
        self.saved_note.clear()
        try:
            stored = self._admin.save_settings(self._operator, new)
        except (DomainError, StorageUnavailable) as error:
            show_refusal(self.settings_errors, self.settings_general, error)
            return False
        self.saved_note.setText(done)
        self.queue_settings_saved.emit(stored)
        return True


def _spin(suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_SPIN)
    spin.setSuffix(suffix)
    spin.setFixedWidth(150)
    return spin
