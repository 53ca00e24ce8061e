"""Backup and restore: SQLite's online backup API, pg_dump / pg_restore for PostgreSQL."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from app.domain.errors import StorageUnavailable
from app.persistence.db import Database


def backup_database(db: Database, target: Path) -> Path:
    """Write a consistent copy of the live database to ``target`` and return it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if db.kind == "sqlite":
        _sqlite_copy(db.engine.url.database or "", str(target))
    else:
        _pg_tool("pg_dump", db.engine.url, ["--format=custom", "--file", str(target)])
    return target


def restore_database(db: Database, source: Path) -> None:
    """Replace the database's contents with a backup made by :func:`backup_database`."""
    if not source.is_file():
        raise StorageUnavailable("storage.backup_missing", str(source))
    db.dispose()
    if db.kind == "sqlite":
        _check_sqlite_backup(source)
        _sqlite_copy(str(source), db.engine.url.database or "")
    else:
        _pg_tool("pg_restore", db.engine.url, ["--clean", "--if-exists", "--no-owner",
                                               "--single-transaction", str(source)])


def _sqlite_copy(source: str, target: str) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _check_sqlite_backup(path: Path) -> None:
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = probe.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            has_schema = probe.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise StorageUnavailable("storage.backup_invalid", str(error)) from error
    if not (ok and has_schema):
        raise StorageUnavailable("storage.backup_invalid", str(path))


def _pg_tool(tool: str, url: URL, args: list[str]) -> None:
    exe = shutil.which(tool)
    if exe is None:
        raise StorageUnavailable("storage.pg_tool_missing", tool)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    command = [exe, "--host", url.host or "localhost", "--port", str(url.port or 5432),
               "--username", url.username or "postgres", "--dbname", url.database or "", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StorageUnavailable("storage.backup_failed", done.stderr.strip()[-500:])
