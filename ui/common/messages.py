"""The user's-language text for every message key that app/ raises (DomainError, storage)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.errors import DomainError, Problem, StorageUnavailable

_CONTEXT = "Messages"

# Source texts in English; lupdate collects them for the zh_CN translation.
_TEXTS: dict[str, str] = {
    "account.not_found": QT_TRANSLATE_NOOP("Messages", "The account no longer exists."),
    "address.street_required": QT_TRANSLATE_NOOP("Messages", "Enter the street of the address."),
    "auth.bad_credentials": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    "auth.bad_credentials_left": QT_TRANSLATE_NOOP(
        "Messages", "Wrong user name or password. {left} attempts left before the user is locked."
    ),
    "auth.forbidden": QT_TRANSLATE_NOOP("Messages", "Your role does not allow this."),
    "auth.inactive": QT_TRANSLATE_NOOP(
        "Messages", "This user has been disabled. Ask an administrator."
    ),
    "auth.locked": QT_TRANSLATE_NOOP(
        "Messages", "Too many failed attempts. The user is locked for {minutes} minutes."
    ),
    "auth.wrong_password": QT_TRANSLATE_NOOP("Messages", "The current password is wrong."),
    "gas_use.not_residential": QT_TRANSLATE_NOOP(
        "Messages", "A residential account must use gas for cooking or heating."
    ),
    "hall.idle_range": QT_TRANSLATE_NOOP(
        "Messages", "The idle lock must be between 1 and {max} minutes."
    ),
    "hall.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the hall's name."),
    "household.size_range": QT_TRANSLATE_NOOP(
        "Messages", "Household size must be between 1 and {max}."
    ),
    "id_number.birth_date": QT_TRANSLATE_NOOP(
        "Messages", "The ID number contains an impossible date of birth."
    ),
    "id_number.check_digit": QT_TRANSLATE_NOOP(
        "Messages", "The ID number's check digit is wrong; please check each digit."
    ),
    "id_number.format": QT_TRANSLATE_NOOP(
        "Messages", "An ID number has 18 characters: 17 digits and a digit or X."
    ),
    "meter.digits_range": QT_TRANSLATE_NOOP("Messages", "Register digits must be between 3 and 9."),
    "meter.number_format": QT_TRANSLATE_NOOP(
        "Messages", "A meter number has up to 32 letters and digits."
    ),
    "meter.number_required": QT_TRANSLATE_NOOP("Messages", "Enter the meter number."),
    "meter.number_taken": QT_TRANSLATE_NOOP(
        "Messages", "This meter number belongs to another account."
    ),
    "money.format": QT_TRANSLATE_NOOP(
        "Messages", "Enter an amount in yuan with at most two decimals, e.g. 125.50."
    ),
    "name.required": QT_TRANSLATE_NOOP("Messages", "Enter the customer's name."),
    "name.too_long": QT_TRANSLATE_NOOP("Messages", "The name may have at most {max} characters."),
    "password.too_short": QT_TRANSLATE_NOOP(
        "Messages", "A password needs at least {min} characters."
    ),
    "password.too_simple": QT_TRANSLATE_NOOP(
        "Messages", "A password must contain both letters and digits."
    ),
    "pdf.no_cjk_font": QT_TRANSLATE_NOOP(
        "Messages",
        "No Chinese font for printing was found. Install Microsoft YaHei, SimSun or WenQuanYi, "
        "or choose a font file in the settings.",
    ),
    "phone.format": QT_TRANSLATE_NOOP(
        "Messages", "Enter an 11-digit mobile number or a landline such as 0769-22123456."
    ),
    "phone.required": QT_TRANSLATE_NOOP("Messages", "Enter at least one phone number."),
    "queue.already_rated": QT_TRANSLATE_NOOP("Messages", "This service has already been rated."),
    "queue.category_closed": QT_TRANSLATE_NOOP(
        "Messages", "This category is closed or no longer exists."
    ),
    "queue.category_name_required": QT_TRANSLATE_NOOP("Messages", "Enter the category's name."),
    "queue.counter_paused": QT_TRANSLATE_NOOP(
        "Messages", "This counter is on a break. Resume it before calling."
    ),
    "queue.counter_range": QT_TRANSLATE_NOOP(
        "Messages", "Counter numbers go from 1 to {max}."
    ),
    "queue.counters_format": QT_TRANSLATE_NOOP(
        "Messages", "Write the counters as numbers separated by commas, e.g. 1, 2, 4 or 1-3."
    ),
    "queue.finish_current_first": QT_TRANSLATE_NOOP(
        "Messages", "Finish, transfer or mark the current ticket as no-show first."
    ),
    "queue.no_current_ticket": QT_TRANSLATE_NOOP(
        "Messages", "This counter has no ticket called or in service."
    ),
    "queue.note_not_found": QT_TRANSLATE_NOOP("Messages", "The note no longer exists."),
    "queue.nothing_waiting": QT_TRANSLATE_NOOP(
        "Messages", "Nobody is waiting for this counter."
    ),
    "queue.prefix_format": QT_TRANSLATE_NOOP(
        "Messages", "The ticket letter is one or two capital letters, e.g. A."
    ),
    "queue.prefix_taken": QT_TRANSLATE_NOOP(
        "Messages", "Another category already uses this letter."
    ),
    "queue.rating_not_open": QT_TRANSLATE_NOOP(
        "Messages", "Only a finished service can be rated."
    ),
    "queue.rating_seconds_range": QT_TRANSLATE_NOOP(
        "Messages", "The rating pad stays open between {min} and {max} seconds."
    ),
    "queue.recall_limit": QT_TRANSLATE_NOOP(
        "Messages", "This number has already been recalled {max} times; mark it as no-show."
    ),
    "queue.recalls_range": QT_TRANSLATE_NOOP(
        "Messages", "Recalls must be between 0 and {max}."
    ),
    "queue.time_limit_range": QT_TRANSLATE_NOOP(
        "Messages", "The service time limit must be between 1 and {max} minutes."
    ),
    "queue.transfer_reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Say why the ticket is transferred."
    ),
    "queue.transfer_same_counter": QT_TRANSLATE_NOOP(
        "Messages", "Choose a counter other than this one."
    ),
    "queue.transfer_target_required": QT_TRANSLATE_NOOP(
        "Messages", "Choose either a category or a counter to transfer to."
    ),
    "queue.voice_repeats_range": QT_TRANSLATE_NOOP(
        "Messages", "A call is spoken 1 to {max} times."
    ),
    "queue.wrong_state": QT_TRANSLATE_NOOP(
        "Messages", "This cannot be done with the ticket in its current state."
    ),
    "setup.already_done": QT_TRANSLATE_NOOP("Messages", "This database is already set up."),
    "storage.backup_failed": QT_TRANSLATE_NOOP("Messages", "The backup could not be made."),
    "storage.backup_invalid": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a GasHall backup or it is damaged."
    ),
    "storage.backup_missing": QT_TRANSLATE_NOOP("Messages", "The backup file does not exist."),
    "storage.busy": QT_TRANSLATE_NOOP(
        "Messages", "The database is busy. Wait a moment and try again; nothing was lost."
    ),
    "storage.changed_meanwhile": QT_TRANSLATE_NOOP(
        "Messages", "Someone else changed this record meanwhile. Reopen it and try again."
    ),
    "storage.conflict": QT_TRANSLATE_NOOP(
        "Messages", "This would duplicate an existing record; nothing was saved."
    ),
    "storage.database_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "The database was written by a newer version of GasHall. Install that version; "
        "the database was not changed.",
    ),
    "storage.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Free some space, then try again; nothing was lost."
    ),
    "storage.folder_unusable": QT_TRANSLATE_NOOP(
        "Messages", "The database folder cannot be created or written: {detail}"
    ),
    "storage.network_share": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file is on a network share. Several desktops share one database through "
        "PostgreSQL, never through a shared file.",
    ),
    "storage.pg_tool_missing": QT_TRANSLATE_NOOP(
        "Messages", "The PostgreSQL tool {detail} is not installed on this computer."
    ),
    "storage.read_only": QT_TRANSLATE_NOOP(
        "Messages", "The database cannot be written to. Check the folder's permissions."
    ),
    "storage.sqlite_old_version": QT_TRANSLATE_NOOP(
        "Messages", "This computer's SQLite library is old; please update GasHall."
    ),
    "storage.sqlite_too_old": QT_TRANSLATE_NOOP(
        "Messages", "This computer's SQLite library is too old for GasHall."
    ),
    "storage.sqlite_no_fts5": QT_TRANSLATE_NOOP(
        "Messages", "This computer's SQLite library lacks full-text search (FTS5)."
    ),
    "storage.unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "The database cannot be reached. Check the network or the server; what you typed "
        "is kept, try again in a moment.",
    ),
    "user.cannot_change_self": QT_TRANSLATE_NOOP(
        "Messages", "You cannot change your own role or disable yourself."
    ),
    "user.full_name_required": QT_TRANSLATE_NOOP("Messages", "Enter the person's full name."),
    "user.name_format": QT_TRANSLATE_NOOP(
        "Messages", "A login name has 3 to 32 letters, digits, dots or underscores."
    ),
    "user.name_taken": QT_TRANSLATE_NOOP("Messages", "This login name is already taken."),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "The user no longer exists."),
}


def problem_text(problem: Problem) -> str:
    """The translated text of one problem, with its values filled in."""
    source = _TEXTS.get(problem.key)
    if source is None:  # a key without text is a bug; show the key rather than nothing
        return problem.key
    return QCoreApplication.translate(_CONTEXT, source).format(**problem.params)


def error_text(error: DomainError | StorageUnavailable) -> str:
    """All problems of an error as one translated paragraph."""
    if isinstance(error, StorageUnavailable):
        return problem_text(Problem(error.key, None, {"detail": error.detail}))
    return "\n".join(problem_text(p) for p in error.problems)


def known_keys() -> set[str]:
    """Every key that has a text; a test checks app/ raises no key outside this set."""
    return set(_TEXTS)
