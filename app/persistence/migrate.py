"""Bring a database to the program's schema: refuse a newer one, back up before an upgrade."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from app.domain.errors import StorageUnavailable
from app.persistence.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

HEAD_REVISION = "0004"  # the newest migration; a test checks it against the scripts
_SCRIPTS = Path(__file__).with_name("migrations")
# Left out of schema comparisons: what the migrations make by hand and the models do not describe
# (full-text search), and indexes with a DESC column, which SQLite's reflection cannot compare.
_HAND_MADE = ("account_address_fts", "ix_accounts_address_trgm", "ix_tickets_queue")


@dataclass(frozen=True)
class MigrationResult:
    """What preparing the database did."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def current_revision(db: Database) -> str | None:
    """The database's schema revision, or None for an empty database."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def prepare_database(db: Database, backup_dir: Path, now: datetime) -> MigrationResult:
    """Migrate the database to this program's schema.

    A database already at the head costs one small query. A database stamped with a revision this
    program does not know was written by a newer program and is refused, untouched. Any other
    non-empty database is backed up into ``backup_dir`` before it is upgraded.
    """
    current = current_revision(db)
    if current == HEAD_REVISION:
        return MigrationResult(current, current, None)
    if current is not None and current not in known_revisions():
        raise StorageUnavailable("storage.database_too_new", current)
    backup = None
    if current is not None:
        from app.persistence.backup import backup_database

        backup = backup_dir / f"before-upgrade-{current}-{now:%Y%m%d-%H%M%S}.backup"
        backup_database(db, backup)
    upgrade(db)
    log.info("database upgraded from %s to %s", current, HEAD_REVISION)
    return MigrationResult(current, HEAD_REVISION, backup)


def upgrade(db: Database, revision: str = "head") -> None:
    """Run Alembic's upgrade on the database."""
    from alembic import command

    with db.engine.begin() as conn:
        command.upgrade(_config(conn), revision)


def known_revisions() -> set[str]:
    """Every revision among this program's migration scripts."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config(None))
    return {script.revision for script in scripts.walk_revisions()}


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave the full-text search tables and trigram index out of schema comparisons."""
    return not (name or "").startswith(_HAND_MADE)


def _config(connection: object) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    config.attributes["connection"] = connection
    return config
