"""The ``gashall`` command line: demo data, seeding, migrations, backups, audit check, users."""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc, make_url, select

from app.config import LocalSettings, database_url, user_paths
from app.domain.clock import SystemClock
from app.domain.errors import DomainError, StorageUnavailable
from app.domain.users import Role, check_username
from app.persistence.db import Database, open_database
from app.persistence.migrate import MigrationResult, current_revision, prepare_database
from app.services.dto import Operator

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
CLI_ACTOR = "cli"  # the audit log's actor for users added from the command line
_ENGLISH = {
    "setup.already_done": "the database already has users; demo data goes only into an empty "
                          "database",
    "setup.first_user_administrator": "the first user of a new database must be an administrator",
    "storage.not_initialised": "there is no GasHall database here yet (run `gashall db upgrade`)",
    "storage.unreachable": "the database cannot be reached",
    "storage.failed": "the database refused the operation",
    "storage.folder_unusable": "the database folder cannot be created or written",
    "storage.bad_url": "the database URL is not valid",
    "storage.busy": "the database is busy; try again in a moment",
    "storage.database_too_new": "the database was written by a newer GasHall; it was not changed",
    "storage.backup_missing": "the backup file does not exist",
    "storage.backup_invalid": "the file is not a GasHall backup or it is damaged",
    "storage.backup_failed": "the backup tool failed",
    "storage.pg_tool_missing": "a PostgreSQL tool is not installed",
    "storage.network_share": "the database file is on a network share; use PostgreSQL instead",
    "storage.conflict": "this would duplicate an existing record; nothing was saved",
    "user.name_taken": "that user name is taken",
    "user.name_format": "a user name has 3-32 letters, digits, dots or underscores",
    "password.too_short": "the password is too short",
    "password.too_simple": "a password must contain letters and digits",
    "password.mismatch": "the two passwords differ",
    "hall.not_found": "there is no hall with that code",
}


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; return the process exit code (0 done, 1 check failed, 2 error)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as done:  # --help, or a usage error already printed by argparse
        return done.code if isinstance(done.code, int) else EXIT_ERROR
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        print("gashall: interrupted", file=sys.stderr)
        return 130
    except (DomainError, StorageUnavailable, CommandError, exc.SQLAlchemyError, OSError) as error:
        print(f"gashall: error: {_error_line(error)}", file=sys.stderr)
        return EXIT_ERROR
    return code


def _error_line(error: Exception) -> str:
    """One line for what went wrong; anything not caught in ``main`` is a bug (traceback)."""
    if isinstance(error, exc.ArgumentError):
        return describe(CommandError("storage.bad_url", str(error)))
    if isinstance(error, exc.SQLAlchemyError):  # raised outside the services' error mapping
        cause = str(getattr(error, "orig", None) or error).strip()
        lost = isinstance(error, exc.OperationalError | exc.InterfaceError)
        key = "storage.unreachable" if lost else "storage.failed"
        return describe(StorageUnavailable(key, cause.splitlines()[0] if cause else ""))
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
    assert isinstance(error, DomainError | StorageUnavailable | CommandError)
    return describe(error)


class CommandError(Exception):
    """A problem of the command line's own, never shown by the windows: a key and a detail."""

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail


def describe(error: DomainError | StorageUnavailable | CommandError) -> str:
    """One line for an error: message key, English text, and the details."""
    if isinstance(error, StorageUnavailable | CommandError):
        return _line(error.key, {"detail": error.detail} if error.detail else {})
    return "; ".join(_line(p.key, p.params) for p in error.problems)


def _line(key: str, params: Mapping[str, object]) -> str:
    text = f"{key}: {_ENGLISH[key]}" if key in _ENGLISH else key
    extra = ", ".join(f"{k}={v}" for k, v in params.items() if k != "detail")
    detail = str(params.get("detail", "")).strip()
    return text + (f" ({extra})" if extra else "") + (f" — {detail}" if detail else "")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gashall", description="GasHall (燃气营业厅) command line: works without a screen. "
        "The database is the one the program uses (GASHALL_DB_URL, GASHALL_HOME, settings.json).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _demo_commands(commands)
    _database_commands(commands)
    _user_commands(commands)
    _readings_commands(commands)
    return parser


_Commands = argparse._SubParsersAction  # argparse's type for a group of subcommands


def _demo_commands(commands: _Commands[argparse.ArgumentParser]) -> None:
    demo = commands.add_parser("demo", help="load the demo hall, its users and accounts into an "
                               "empty database")
    demo.add_argument("--accounts", type=_count, default=5000, metavar="N",
                      help="how many demo accounts (default 5000)")
    demo.set_defaults(handler=_demo)
    seed = commands.add_parser("seed", help="append N synthetic accounts fast (benchmarks)")
    seed.add_argument("--accounts", type=_count, required=True, metavar="N",
                      help="how many accounts to append")
    seed.add_argument("--batch", type=_count, default=20000, metavar="B",
                      help="rows per insert batch (default 20000)")
    seed.set_defaults(handler=_seed)


def _database_commands(commands: _Commands[argparse.ArgumentParser]) -> None:
    db = commands.add_parser("db", help="database schema")
    db_actions = db.add_subparsers(dest="action", required=True, metavar="ACTION")
    upgrade = db_actions.add_parser("upgrade", help="create or migrate the database to this "
                                    "program's schema (backed up first)")
    upgrade.set_defaults(handler=_db_upgrade)
    backup = commands.add_parser("backup", help="write a consistent backup of the database to FILE")
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser("restore", help="replace the database with the backup in FILE")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=_restore)
    audit = commands.add_parser("audit", help="audit log")
    audit_actions = audit.add_subparsers(dest="action", required=True, metavar="ACTION")
    verify = audit_actions.add_parser("verify", help="recompute the hash chains of the audit log "
                                      "and the ledger; exit code 1 if one is broken")
    verify.set_defaults(handler=_audit_verify)


def _user_commands(commands: _Commands[argparse.ArgumentParser]) -> None:
    user = commands.add_parser("user", help="staff users")
    user_actions = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = user_actions.add_parser("add", help="add a user (on a new database: the first "
                                  "administrator and the hall)")
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", help="full name (default: the user name)")
    add.add_argument("--password", help="password (default: asked for without echo)")
    add.add_argument("--hall", metavar="CODE", help="code of the user's hall (default: the first)")
    add.add_argument("--hall-name", default="燃气营业厅",
                     help="name of the hall created with the first user of a new database")
    add.set_defaults(handler=_user_add)


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


@contextmanager
def _database(migrate: bool = False, existing: bool = False) -> Iterator[Database]:
    """The database this desktop uses: migrated if asked, or required to exist already."""
    paths = user_paths()
    url = database_url(paths, LocalSettings.load(paths.settings_file))
    parsed = make_url(url)
    if existing and parsed.get_backend_name() == "sqlite":
        if not Path(parsed.database or "").is_file():  # do not leave an empty file behind
            raise CommandError("storage.not_initialised", parsed.database or "")
    db = open_database(url)
    try:
        if migrate:
            _migrate(db)
        elif existing and current_revision(db) is None:
            raise CommandError("storage.not_initialised", db.describe())
        yield db
    finally:
        db.dispose()


def _migrate(db: Database) -> MigrationResult:
    return prepare_database(db, user_paths().backups, SystemClock().now())


def _demo(args: argparse.Namespace) -> int:
    from app.services.demo_service import DEMO_HALL, DEMO_USERS, DemoService

    with _database(migrate=True) as db:
        DemoService(db, SystemClock()).load_demo(args.accounts)
        print(f"Demo hall {DEMO_HALL['code']} {DEMO_HALL['name']} loaded into {db.describe()} "
              f"with {args.accounts} accounts.")
    for username, password, role, _ in DEMO_USERS:
        print(f"  user {username:8} password {password:11} ({role.value})")
    return EXIT_OK


def _seed(args: argparse.Namespace) -> int:
    from app.services.demo_service import DemoService

    with _database(migrate=True) as db:
        started = time.perf_counter()
        rate = DemoService(db, SystemClock()).seed(args.accounts, args.batch)
        seconds = time.perf_counter() - started
        print(f"Seeded {args.accounts} accounts into {db.describe()} in {seconds:.1f} s "
              f"({rate:,.0f} accounts/s).")
    return EXIT_OK


def _db_upgrade(args: argparse.Namespace) -> int:
    with _database() as db:
        result = _migrate(db)
        print(f"Database: {db.describe()}")
    print(f"from revision: {result.from_revision or '(empty database)'}")
    print(f"to revision:   {result.to_revision}")
    print(f"backup:        {result.backup or '(none needed)'}")
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from app.persistence.backup import backup_database

    with _database(existing=True) as db, _file_errors():
        target = backup_database(db, args.file.resolve())
        print(f"Backup of {db.describe()} written to {target} ({target.stat().st_size:,} bytes).")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from app.persistence.backup import restore_database

    with _database() as db:
        question = (f"Replace the database {db.describe()} with the backup {args.file}? "
                    "Everything written since that backup is lost. Type 'yes' to go on: ")
        if not (args.yes or _confirmed(question)):
            print("Restore cancelled; nothing was changed.")
            return EXIT_FAILED
        with _file_errors():
            restore_database(db, args.file)
        result = _migrate(db)  # an older backup is brought up to this program's schema
        print(f"Restored {db.describe()} from {args.file} (schema revision {result.to_revision}).")
    return EXIT_OK


@contextmanager
def _file_errors() -> Iterator[None]:
    """SQLite's backup API reports an unwritable or unreadable file as its own error."""
    try:
        yield
    except sqlite3.Error as error:
        raise StorageUnavailable("storage.backup_failed", str(error)) from error


def _confirmed(question: str) -> bool:
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _audit_verify(args: argparse.Namespace) -> int:
    from app.services.audit_service import AuditService

    with _database(existing=True) as db:
        check = AuditService(db).verify()
        ledger = AuditService(db).verify_ledger()
        receipts = AuditService(db).verify_receipts()
    if check.intact:
        print(f"audit log intact: {check.checked} entries")
    else:
        print(f"audit log broken at entry {check.first_broken}: {check.reason}")
    if not ledger.intact:
        print(f"ledger broken at entry {ledger.first_broken}: {ledger.reason}")
    elif ledger.checked:  # a database without bills says nothing about the ledger
        print(f"ledger intact: {ledger.checked} entries")
    if not receipts.intact:
        print(f"receipt {receipts.first_broken} does not match the ledger: {receipts.reason}")
    elif receipts.checked:
        print(f"receipts intact: {receipts.checked} receipts")
    return EXIT_OK if check.intact and ledger.intact and receipts.intact else EXIT_FAILED


def _user_add(args: argparse.Namespace) -> int:
    from app.services.auth_service import AuthService

    role, full_name = Role(args.role), (args.name or args.username).strip()
    check_username(args.username)
    password = args.password if args.password is not None else _ask_password(args.username)
    with _database(migrate=True) as db:
        auth = AuthService(db, SystemClock())
        if not auth.has_users():
            if role is not Role.ADMINISTRATOR:
                raise CommandError("setup.first_user_administrator", args.role)
            auth.first_setup(args.hall_name, password, args.username, full_name)
        else:
            auth.create_user(_cli_operator(db, args.hall), args.username, full_name, role,
                             password)
    print(f"User {args.username} ({role.value}, {full_name}) added.")
    return EXIT_OK


def _ask_password(username: str) -> str:
    password = getpass.getpass(f"Password for {username}: ")
    if getpass.getpass("Repeat the password: ") != password:
        raise CommandError("password.mismatch")
    return password


def _cli_operator(db: Database, hall_code: str | None) -> Operator:
    """Whoever may run this command may write the database anyway; the log names the CLI."""
    from app.persistence.orm import Hall

    query = select(Hall.id).order_by(Hall.id)
    if hall_code is not None:
        query = query.where(Hall.code == hall_code)
    with db.reading() as session:
        hall_id = session.scalars(query).first()
    if hall_id is None:
        raise CommandError("hall.not_found", hall_code or "")
    return Operator(0, CLI_ACTOR, "command line", Role.ADMINISTRATOR, hall_id)


# --- readings import (抄表数据导入) -----------------------------------------------------------

_ENGLISH.update({
    "user.not_found": "there is no active user with that name",
    "import.rejected": "the file was not imported: some rows are wrong",
    "import.cancelled": "the import was cancelled; nothing was imported",
    "import.bad_encoding": "the text is neither UTF-8 nor GBK; save the file again as CSV UTF-8",
    "import.bad_file": "the file cannot be read as CSV or as an Excel workbook",
    "import.unsupported_format": "only .csv and .xlsx files can be imported",
    "import.empty_file": "the file has no readings",
    "import.missing_column": "a required column is missing",
    "import.duplicate_column": "this column appears twice",
    "import.meter_missing": "the meter number is empty",
    "import.unknown_meter": "no meter of this hall has this number",
    "import.date_missing": "the reading date is empty",
    "import.bad_date": "not a date; write YYYY-MM-DD",
    "import.date_in_future": "the reading date is after today",
    "import.value_not_number": "the reading is not a number",
    "import.value_negative": "the reading is negative",
    "import.value_too_precise": "the reading has more than 3 decimals",
    "import.value_too_large": "the reading does not fit the meter's register",
    "import.value_missing": "the reading is empty; only sources 04-09 may leave it empty",
    "import.unknown_source": "unknown data source (code or name)",
    "import.unknown_kind": "unknown reading type; use P, S, T or Z",
    "import.text_too_long": "too long (reader: 40 characters, note: 200)",
    "import.duplicate_in_file": "this meter has another reading for this date in the file",
    "import.already_recorded": "this meter already has a reading on this date",
    "import.later_reading_recorded": "this meter already has a later reading",
})
_ERRORS_SHOWN = 50


def _readings_commands(commands: _Commands[argparse.ArgumentParser]) -> None:
    readings = commands.add_parser("readings", help="meter readings")
    actions = readings.add_subparsers(dest="action", required=True, metavar="ACTION")
    load = actions.add_parser("import", help="check a handheld file (CSV or .xlsx) whole, then "
                              "import, validate and bill it; nothing is imported if a row is wrong "
                              "(exit code 1, the rows listed)")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--user", metavar="NAME",
                      help="the user the import is recorded under (default: the command line)")
    load.add_argument("--errors", type=Path, metavar="CSV",
                      help="if the file is refused, save the full error list to this CSV file")
    load.set_defaults(handler=_readings_import)
    template = actions.add_parser("template", help="write an import file to fill in (.csv or "
                                  ".xlsx): the header row and two example rows")
    template.add_argument("file", type=Path, metavar="FILE")
    template.set_defaults(handler=_readings_template)


def _readings_import(args: argparse.Namespace) -> int:
    from app.domain.money import format_yuan
    from app.services.reading_import import ImportRejected, ReadingImporter

    with _database(existing=True) as db:
        operator = _named_operator(db, args.user) if args.user else _cli_operator(db, None)
        try:
            done = ReadingImporter(db, SystemClock()).import_file(operator, args.file,
                                                                 _progress_line())
        except ImportRejected as rejected:
            _print_rejection(args, rejected)
            return EXIT_FAILED
    print(f"Imported {done.rows} readings from {args.file.name} (batch {done.batch_id}): "
          f"{done.billed} billed, {done.in_review} in review, {done.not_billed} not billed; "
          f"bills total {format_yuan(done.total_fen)} yuan.")
    return EXIT_OK


def _print_rejection(args: argparse.Namespace, rejected: Exception) -> None:
    from app.services.reading_import import ImportRejected, save_errors

    assert isinstance(rejected, ImportRejected)
    errors = rejected.errors
    print(f"{args.file.name} was not imported: {len(errors)} problem(s); nothing was written.")
    for e in errors[:_ERRORS_SHOWN]:
        place = f"row {e.row}" + (f", {e.column}" if e.column else "")
        print(f"  {place} {e.value!r}: {_line(e.reason, {})}")
    if args.errors:
        save_errors(args.errors, errors, lambda e: _line(e.reason, {}))
        print(f"All {len(errors)} problems saved to {args.errors}.")
    elif len(errors) > _ERRORS_SHOWN:
        print(f"  … and {len(errors) - _ERRORS_SHOWN} more (save them all with --errors FILE).")


def _progress_line() -> Callable[[int, int], bool] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> bool:
        print(f"\rchecking and importing … {100 * done // max(total, 1):3d} %", end="",
              file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)
        return True

    return show


def _readings_template(args: argparse.Namespace) -> int:
    from app.services.reading_import import write_template

    print(f"Import template written to {write_template(args.file)}.")
    return EXIT_OK


def _named_operator(db: Database, username: str) -> Operator:
    from app.persistence.orm import User

    with db.reading() as session:
        user = session.scalars(select(User).where(User.username == username,
                                                  User.active.is_(True))).first()
        if user is None:
            raise CommandError("user.not_found", username)
        return Operator(user.id, user.username, user.full_name, Role(user.role), user.hall_id)


if __name__ == "__main__":
    sys.exit(main())
