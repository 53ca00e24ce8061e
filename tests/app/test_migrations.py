"""Migrations give exactly the models' schema, refuse a newer database and back up first."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from app.domain.errors import StorageUnavailable
from app.persistence.db import Database
from app.persistence.migrate import (
    HEAD_REVISION,
    current_revision,
    include_object,
    known_revisions,
    prepare_database,
)
from app.persistence.orm import Base
from tests.conftest import START


def test_head_constant_matches_the_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "app/persistence/migrations")
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION
    assert HEAD_REVISION in known_revisions()


def test_upgrade_gives_exactly_the_models_schema(any_db: Database) -> None:
    with any_db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_database_from_a_newer_program_is_refused_untouched(db: Database, tmp_path: Path) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StorageUnavailable) as caught:
        prepare_database(db, tmp_path / "b", START)
    assert caught.value.key == "storage.database_too_new"
    assert current_revision(db) == "9999"
    assert not (tmp_path / "b").exists()


NEXT = f"{int(HEAD_REVISION) + 1:04d}"
NEXT_REVISION = f"""
import sqlalchemy as sa
from alembic import op

revision = "{NEXT}"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("halls") as batch:
        batch.add_column(sa.Column("fax", sa.String(32), nullable=True))
"""


def test_upgrade_backs_up_first_then_migrates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program one revision newer finds this database older: backup, then real upgrade."""
    import shutil

    from app.persistence import migrate
    from app.persistence.db import open_database

    db = open_database(f"sqlite:///{tmp_path / 'old.db'}")
    prepare_database(db, tmp_path / "backups", START)
    scripts = tmp_path / "migrations"
    shutil.copytree(Path(migrate.__file__).with_name("migrations"), scripts)
    (scripts / "versions" / f"{NEXT}_fax.py").write_text(NEXT_REVISION, encoding="utf-8")
    monkeypatch.setattr(migrate, "_SCRIPTS", scripts)
    monkeypatch.setattr(migrate, "HEAD_REVISION", NEXT)

    result = prepare_database(db, tmp_path / "backups", START)

    assert (result.from_revision, result.to_revision) == (HEAD_REVISION, NEXT)
    assert result.backup is not None and result.backup.stat().st_size > 0
    assert current_revision(db) == NEXT
    import sqlite3

    backup = sqlite3.connect(result.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
    backup.close()
    db.dispose()


def test_empty_database_is_created_without_backup(tmp_path: Path) -> None:
    from app.persistence.db import open_database

    db = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    result = prepare_database(db, tmp_path / "backups", START)
    assert (result.from_revision, result.to_revision, result.backup) == (None, HEAD_REVISION, None)
    db.dispose()
