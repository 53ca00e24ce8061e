"""The one registry of icons (qtawesome names), so every screen uses the same pictures."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QIcon


class Icon(StrEnum):
    """Icon names by what they stand for."""

    ACCOUNTS = "fa5s.address-book"
    USERS = "fa5s.users-cog"
    AUDIT = "fa5s.clipboard-list"
    SETTINGS = "fa5s.cog"
    SEARCH = "fa5s.search"
    ADD = "fa5s.plus"
    EDIT = "fa5s.edit"
    SAVE = "fa5s.save"
    REVEAL = "fa5s.eye"
    LOCK = "fa5s.lock"
    LOGOUT = "fa5s.sign-out-alt"
    PASSWORD = "fa5s.key"
    REFRESH = "fa5s.sync"
    CHECK = "fa5s.check-circle"
    WARNING = "fa5s.exclamation-triangle"
    BRAND = "fa5s.fire-alt"
    LOGIN = "fa5s.sign-in-alt"
    UNLOCK = "fa5s.unlock"
    DESKTOP = "fa5s.desktop"
    VERIFY = "fa5s.shield-alt"
    USER = "fa5s.user"
    DATABASE = "fa5s.database"
    CLOCK = "fa5s.clock"
    ABOUT = "fa5s.info-circle"
    QUEUE_SETUP = "fa5s.list-ol"
    QUEUE_STATS = "fa5s.chart-bar"
    CLEAR = "fa5s.eraser"
    CALL_NEXT = "fa5s.bullhorn"
    RECALL = "fa5s.redo"
    START = "fa5s.play"
    FINISH = "fa5s.check"
    NO_SHOW = "fa5s.user-slash"
    TRANSFER = "fa5s.exchange-alt"
    PAUSE = "fa5s.pause"
    RESUME = "fa5s.play-circle"
    KIOSK = "fa5s.ticket-alt"
    BOARD = "fa5s.tv"
    SATISFIED = "fa5s.smile"
    FAIRLY_SATISFIED = "fa5s.meh"
    DISSATISFIED = "fa5s.frown"
    READINGS = "fa5s.tachometer-alt"
    TARIFFS = "fa5s.layer-group"
    IMPORT = "fa5s.file-import"
    TEMPLATE = "fa5s.file-download"
    REVIEW = "fa5s.tasks"
    ACCEPT = "fa5s.check-double"
    ESTIMATE = "fa5s.calculator"
    REVERSE = "fa5s.undo-alt"
    HISTORY = "fa5s.history"
    CASHIER = "fa5s.cash-register"
    DAY_CLOSE = "fa5s.file-invoice-dollar"
    IC_CARD = "fa5s.credit-card"


DISABLED_COLOR = "#b8c2cf"  # a greyed icon that matches the greyed text of a disabled button

_cache: dict[tuple[Icon, str], QIcon] = {}


def icon(name: Icon, color: str = "#2b5797") -> QIcon:
    """The QIcon for a registry entry; qtawesome is imported on first use, not at start-up."""
    key = (name, color)
    if key not in _cache:
        import qtawesome

        _cache[key] = qtawesome.icon(name.value, color=color, color_disabled=DISABLED_COLOR)
    return _cache[key]
