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
    "billing.already_reversed": QT_TRANSLATE_NOOP(
        "Messages", "This bill has already been reversed."
    ),
    "billing.bill_not_found": QT_TRANSLATE_NOOP("Messages", "The bill no longer exists."),
    "billing.no_tariff": QT_TRANSLATE_NOOP(
        "Messages",
        "No tariff is in force for this customer type and gas use on the reading's dates. Ask "
        "a manager to add one.",
    ),
    "billing.reason_required": QT_TRANSLATE_NOOP("Messages", "Give a reason for the reversal."),
    "billing.reversal_not_reversible": QT_TRANSLATE_NOOP(
        "Messages", "A reversal cannot be reversed."
    ),
    "cash.amount_zero": QT_TRANSLATE_NOOP("Messages", "Enter an amount other than 0."),
    "cash.approval_required": QT_TRANSLATE_NOOP(
        "Messages",
        "The count differs from what the drawer should hold by more than the tolerance: a "
        "manager must approve it with a reason.",
    ),
    "cash.approver_is_clerk": QT_TRANSLATE_NOOP(
        "Messages", "The approving manager must be someone other than the clerk of the session."
    ),
    "cash.bad_amount": QT_TRANSLATE_NOOP("Messages", "Enter an amount in yuan, at most {max} fen."),
    "cash.bad_count": QT_TRANSLATE_NOOP(
        "Messages", "A count must be a whole number of notes or coins, not negative ({value})."
    ),
    "cash.bad_counter": QT_TRANSLATE_NOOP(
        "Messages", "This desktop has no counter number; set it under Settings → This desktop."
    ),
    "cash.bad_denomination": QT_TRANSLATE_NOOP(
        "Messages", "There is no such note or coin: {value}."
    ),
    "cash.bad_float": QT_TRANSLATE_NOOP(
        "Messages", "Enter the float in yuan, not negative and at most {max} fen."
    ),
    "cash.clerk_has_session": QT_TRANSLATE_NOOP(
        "Messages", "You already have an open cash session at counter {counter_no}; close it first."
    ),
    "cash.counter_in_use": QT_TRANSLATE_NOOP(
        "Messages", "Counter {counter_no} already has an open cash session of another clerk."
    ),
    "cash.not_countable": QT_TRANSLATE_NOOP(
        "Messages", "This amount cannot be made of notes and coins."
    ),
    "cash.out_exceeds_drawer": QT_TRANSLATE_NOOP(
        "Messages", "You cannot take out more cash than the drawer should hold."
    ),
    "cash.reason_required": QT_TRANSLATE_NOOP("Messages", "Give a reason."),
    "cash.session_closed": QT_TRANSLATE_NOOP("Messages", "This cash session is closed."),
    "cash.session_not_found": QT_TRANSLATE_NOOP("Messages", "The cash session no longer exists."),
    "cash.session_not_yours": QT_TRANSLATE_NOOP(
        "Messages", "This cash session belongs to another clerk."
    ),
    "day_close.already_closed": QT_TRANSLATE_NOOP(
        "Messages", "This day ({day}) has already been closed."
    ),
    "day_close.sessions_open": QT_TRANSLATE_NOOP(
        "Messages", "The day cannot be closed: cash sessions are still open ({sessions})."
    ),
    "gas_use.not_residential": QT_TRANSLATE_NOOP(
        "Messages", "A residential account must use gas for cooking or heating."
    ),
    "hall.cash_tender_required": QT_TRANSLATE_NOOP(
        "Messages", "Cash must stay among the tenders offered."
    ),
    "hall.idle_range": QT_TRANSLATE_NOOP(
        "Messages", "The idle lock must be between 1 and {max} minutes."
    ),
    "hall.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the hall's name."),
    "hall.unknown_tender": QT_TRANSLATE_NOOP(
        "Messages", "“{tender}” is not a way of paying this program knows."
    ),
    "household.size_range": QT_TRANSLATE_NOOP(
        "Messages", "Household size must be between 1 and {max}."
    ),
    "ic.amount_too_small": QT_TRANSLATE_NOOP("Messages", "The amount does not buy 1 m³."),
    "ic.no_tariff": QT_TRANSLATE_NOOP(
        "Messages",
        "No tariff is in force today for this customer type and gas use. Ask a manager to add "
        "one.",
    ),
    "ic.not_ic_meter": QT_TRANSLATE_NOOP("Messages", "This account has no IC-card meter."),
    "ic.not_latest_purchase": QT_TRANSLATE_NOOP(
        "Messages", "Only the meter's latest purchase (No. {count}) can be written to the card."
    ),
    "ic.nothing_to_pay": QT_TRANSLATE_NOOP(
        "Messages", "The account's credit pays for all of it; take no money."
    ),
    "ic.price_changed": QT_TRANSLATE_NOOP(
        "Messages", "The price changed since it was called out; quote again."
    ),
    "ic.purchase_not_found": QT_TRANSLATE_NOOP("Messages", "The purchase no longer exists."),
    "ic.purchase_voided": QT_TRANSLATE_NOOP(
        "Messages", "This purchase was voided; its card cannot be written."
    ),
    "ic.volume_not_positive": QT_TRANSLATE_NOOP("Messages", "Enter how many whole m³ to buy."),
    "ic.volume_too_large": QT_TRANSLATE_NOOP("Messages", "At most {max} m³ can be bought at once."),
    "id_number.birth_date": QT_TRANSLATE_NOOP(
        "Messages", "The ID number contains an impossible date of birth."
    ),
    "id_number.check_digit": QT_TRANSLATE_NOOP(
        "Messages", "The ID number's check digit is wrong; please check each digit."
    ),
    "id_number.format": QT_TRANSLATE_NOOP(
        "Messages", "An ID number has 18 characters: 17 digits and a digit or X."
    ),
    "import.already_recorded": QT_TRANSLATE_NOOP(
        "Messages", "This meter already has a reading on this date."
    ),
    "import.bad_date": QT_TRANSLATE_NOOP("Messages", "Not a date; write it as YYYY-MM-DD."),
    "import.bad_encoding": QT_TRANSLATE_NOOP(
        "Messages", "The text is neither UTF-8 nor GBK; save the file again as CSV UTF-8."
    ),
    "import.bad_file": QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be read as CSV or as an Excel workbook."
    ),
    "import.cancelled": QT_TRANSLATE_NOOP(
        "Messages", "The import was cancelled; nothing was imported."
    ),
    "import.date_in_future": QT_TRANSLATE_NOOP("Messages", "The reading date is after today."),
    "import.date_missing": QT_TRANSLATE_NOOP("Messages", "The reading date is empty."),
    "import.duplicate_column": QT_TRANSLATE_NOOP("Messages", "This column appears twice."),
    "import.duplicate_in_file": QT_TRANSLATE_NOOP(
        "Messages", "This meter has another reading for this date in the file."
    ),
    "import.empty_file": QT_TRANSLATE_NOOP("Messages", "The file has no readings."),
    "import.later_reading_recorded": QT_TRANSLATE_NOOP(
        "Messages", "This meter already has a later reading."
    ),
    "import.meter_missing": QT_TRANSLATE_NOOP("Messages", "The meter number is empty."),
    "import.missing_column": QT_TRANSLATE_NOOP("Messages", "A required column is missing."),
    "import.rejected": QT_TRANSLATE_NOOP(
        "Messages", "The file was not imported: some rows are wrong. Nothing was saved."
    ),
    "import.text_too_long": QT_TRANSLATE_NOOP(
        "Messages", "Too long (reader: 40 characters, note: 200)."
    ),
    "import.unknown_meter": QT_TRANSLATE_NOOP("Messages", "No meter of this hall has this number."),
    "import.unsupported_format": QT_TRANSLATE_NOOP(
        "Messages", "Only .csv and .xlsx files can be imported."
    ),
    "import.value_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The reading is empty; only sources 04-09 (locked, refused…) may leave it empty.",
    ),
    "import.value_negative": QT_TRANSLATE_NOOP("Messages", "The reading is negative."),
    "import.value_not_number": QT_TRANSLATE_NOOP("Messages", "The reading is not a number."),
    "import.value_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The reading does not fit the meter's register."
    ),
    "import.value_too_precise": QT_TRANSLATE_NOOP(
        "Messages", "The reading has more than 3 decimals."
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
    "payment.account_closed": QT_TRANSLATE_NOOP(
        "Messages", "This account is closed; it cannot pay."
    ),
    "payment.account_not_found": QT_TRANSLATE_NOOP("Messages", "The account no longer exists."),
    "payment.already_corrected": QT_TRANSLATE_NOOP(
        "Messages", "This receipt has already been corrected."
    ),
    "payment.already_voided": QT_TRANSLATE_NOOP(
        "Messages", "This receipt has already been voided."
    ),
    "payment.amount_not_positive": QT_TRANSLATE_NOOP("Messages", "Enter an amount above 0."),
    "payment.amount_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The amount is too large for one payment."
    ),
    "payment.authoriser_is_clerk": QT_TRANSLATE_NOOP(
        "Messages", "The authorising manager must be someone other than the clerk."
    ),
    "payment.bad_tender": QT_TRANSLATE_NOOP(
        "Messages", "Unknown or inactive way of paying: {tender}."
    ),
    "payment.bill_not_of_account": QT_TRANSLATE_NOOP(
        "Messages", "Bill {bill_id} is not a bill of this account."
    ),
    "payment.bill_paid": QT_TRANSLATE_NOOP("Messages", "Bill {bill_id} has already been paid."),
    "payment.bill_reversed": QT_TRANSLATE_NOOP(
        "Messages", "Bill {bill_id} has been reversed; it cannot be paid."
    ),
    "payment.cash_short": QT_TRANSLATE_NOOP(
        "Messages", "The cash handed over is less than what is left to pay."
    ),
    "payment.correct_reversal": QT_TRANSLATE_NOOP(
        "Messages", "A void or a correction cannot be corrected."
    ),
    "payment.correct_use_void": QT_TRANSLATE_NOOP(
        "Messages", "The day of this receipt ({day}) is not closed yet: void it instead."
    ),
    "payment.day_closed": QT_TRANSLATE_NOOP(
        "Messages", "The day {day} has been closed; no more payments or voids on it."
    ),
    "payment.less_than_bills": QT_TRANSLATE_NOOP(
        "Messages", "The amount is less than the chosen bills."
    ),
    "payment.no_open_session": QT_TRANSLATE_NOOP(
        "Messages", "Open a cash session (count the float) before taking money."
    ),
    "payment.no_tender": QT_TRANSLATE_NOOP("Messages", "Enter how the customer pays."),
    "payment.not_called_out": QT_TRANSLATE_NOOP(
        "Messages",
        "Call out the amounts to the customer and confirm (F12) before the payment is saved.",
    ),
    "payment.not_found": QT_TRANSLATE_NOOP("Messages", "The payment no longer exists."),
    "payment.not_voidable": QT_TRANSLATE_NOOP("Messages", "This receipt cannot be voided."),
    "payment.overpaid_card": QT_TRANSLATE_NOOP(
        "Messages",
        "Card, app and transfer payments cannot exceed what is due; only cash gives change.",
    ),
    "payment.pay_oldest_first": QT_TRANSLATE_NOOP("Messages", "Pay the oldest bill first."),
    "payment.reason_required": QT_TRANSLATE_NOOP("Messages", "Give a reason."),
    "payment.receipt_not_found": QT_TRANSLATE_NOOP(
        "Messages", "There is no receipt {receipt_no} in this hall."
    ),
    "payment.session_of_other_day": QT_TRANSLATE_NOOP(
        "Messages", "This cash session was opened on {day}; close it and open a new one."
    ),
    "payment.tender_not_positive": QT_TRANSLATE_NOOP(
        "Messages", "Each way of paying needs an amount above 0."
    ),
    "payment.too_many_tenders": QT_TRANSLATE_NOOP(
        "Messages", "At most {max} ways of paying in one payment."
    ),
    "payment.underpaid": QT_TRANSLATE_NOOP(
        "Messages", "The amounts entered are less than the amount due."
    ),
    "payment.void_of_void": QT_TRANSLATE_NOOP("Messages", "A void cannot be voided."),
    "payment.void_other_day": QT_TRANSLATE_NOOP(
        "Messages", "Only a receipt of today can be voided; ask a manager for a correction."
    ),
    "payment.void_other_session": QT_TRANSLATE_NOOP(
        "Messages", "Only the cash session that took the payment can void it."
    ),
    "payment.void_session_closed": QT_TRANSLATE_NOOP(
        "Messages", "The cash session of this receipt is closed; ask a manager for a correction."
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
    "reading.already_recorded": QT_TRANSLATE_NOOP(
        "Messages", "This meter already has a reading on {date}."
    ),
    "reading.high_litres_positive": QT_TRANSLATE_NOOP(
        "Messages", "The 'too high' limit must be above 0 m³."
    ),
    "reading.kind_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown reading type: {value}."),
    "reading.lower_than_previous": QT_TRANSLATE_NOOP(
        "Messages",
        "The reading is lower than the previous one. Confirm that the meter rolled over, or "
        "correct it.",
    ),
    "reading.meter_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown meter."),
    "reading.no_history_for_estimate": QT_TRANSLATE_NOOP(
        "Messages", "This meter has no billed periods yet, so no estimate can be made."
    ),
    "reading.no_previous": QT_TRANSLATE_NOOP(
        "Messages", "There is no earlier reading to measure this one from."
    ),
    "reading.not_found": QT_TRANSLATE_NOOP("Messages", "The reading no longer exists."),
    "reading.not_in_review": QT_TRANSLATE_NOOP(
        "Messages", "This reading is not waiting in review."
    ),
    "reading.not_latest": QT_TRANSLATE_NOOP(
        "Messages", "This meter already has a later reading (on {last})."
    ),
    "reading.percent_range": QT_TRANSLATE_NOOP(
        "Messages", "The percentage must be between {min} and {max}."
    ),
    "reading.previous_in_review": QT_TRANSLATE_NOOP(
        "Messages", "The meter's previous reading is still in review; settle it first."
    ),
    "reading.reason_required": QT_TRANSLATE_NOOP("Messages", "Give a reason."),
    "reading.source_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown reading source: {value}."),
    "reading.value_range": QT_TRANSLATE_NOOP(
        "Messages", "This meter's register shows 0 to {max}.999 m³; check the reading."
    ),
    "reading.value_required": QT_TRANSLATE_NOOP(
        "Messages",
        "Enter the reading; only a no-reading source (locked, refused…) may leave it empty.",
    ),
    "reading.volume_format": QT_TRANSLATE_NOOP(
        "Messages", "Enter a volume in m³ with at most three decimals, e.g. 123.45."
    ),
    "receipt.reason_required": QT_TRANSLATE_NOOP("Messages", "Give a reason for the reprint."),
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
    "tariff.cycle_date": QT_TRANSLATE_NOOP(
        "Messages",
        "The cycle cannot start on {month}-{day}: choose a date that exists every year (not "
        "29 February).",
    ),
    "tariff.flat_one_tier": QT_TRANSLATE_NOOP("Messages", "A flat tariff has exactly one price."),
    "tariff.gas_use_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown gas use: {value}."),
    "tariff.heating_count": QT_TRANSLATE_NOOP(
        "Messages", "Heating households need {count} thresholds, one for each tier but the last."
    ),
    "tariff.heating_increasing": QT_TRANSLATE_NOOP(
        "Messages", "Heating thresholds must be above 0 m³ and increase from tier to tier."
    ),
    "tariff.household_negative": QT_TRANSLATE_NOOP(
        "Messages", "The household-size numbers cannot be negative."
    ),
    "tariff.last_tier_open": QT_TRANSLATE_NOOP(
        "Messages", "The last tier has no upper limit; leave its threshold empty."
    ),
    "tariff.late_fee_format": QT_TRANSLATE_NOOP(
        "Messages", "Enter the late fee as a percentage per day, e.g. 0.3."
    ),
    "tariff.late_fee_negative": QT_TRANSLATE_NOOP(
        "Messages", "The late-fee rate and grace days cannot be negative."
    ),
    "tariff.late_fee_too_high": QT_TRANSLATE_NOOP(
        "Messages", "The late-fee rate may be at most {max} per day."
    ),
    "tariff.name_required": QT_TRANSLATE_NOOP("Messages", "Enter the tariff's name."),
    "tariff.name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The tariff name may have at most {max} characters."
    ),
    "tariff.no_tiers": QT_TRANSLATE_NOOP("Messages", "A tariff needs at least one price."),
    "tariff.price_format": QT_TRANSLATE_NOOP(
        "Messages", "Enter a price in yuan per m³ with at most four decimals, e.g. 3.40."
    ),
    "tariff.price_range": QT_TRANSLATE_NOOP(
        "Messages", "The price of tier {tier} must be above 0 and at most {max} yuan/m³."
    ),
    "tariff.threshold_required": QT_TRANSLATE_NOOP(
        "Messages", "Every tier except the last needs an upper threshold."
    ),
    "tariff.thresholds_increasing": QT_TRANSLATE_NOOP(
        "Messages", "Tier thresholds must be above 0 m³ and increase from tier to tier."
    ),
    "tariff.user_type_unknown": QT_TRANSLATE_NOOP("Messages", "Unknown customer type: {value}."),
    "tariff.version_exists": QT_TRANSLATE_NOOP(
        "Messages", "A version of this tariff already starts on that date."
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


class _Values(dict[str, object]):
    """A problem's values; a placeholder without a value stays visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problem_text(problem: Problem) -> str:
    """The translated text of one problem, with its values filled in."""
    source = _TEXTS.get(problem.key)
    if source is None:  # a key without text is a bug; show the key rather than nothing
        return problem.key
    return QCoreApplication.translate(_CONTEXT, source).format_map(_Values(problem.params))


def error_text(error: DomainError | StorageUnavailable) -> str:
    """All problems of an error as one translated paragraph."""
    if isinstance(error, StorageUnavailable):
        return problem_text(Problem(error.key, None, {"detail": error.detail}))
    return "\n".join(problem_text(p) for p in error.problems)


def known_keys() -> set[str]:
    """Every key that has a text; a test checks app/ raises no key outside this set."""
    return set(_TEXTS)
