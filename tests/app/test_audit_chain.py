"""The audit log is append-only and hash-chained: any change, removal or reorder shows."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from app.domain.errors import DomainError
from app.persistence.db import Database
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.dto import Operator


def make_entries(auth: AuthService, admin: Operator) -> None:
    for _ in range(3):
        auth.logout(admin)
        auth.login("admin", "admin123")


def raw(db: Database) -> sqlite3.Connection:
    """A tamperer's own connection, with the append-only triggers dropped."""
    conn = sqlite3.connect(str(db.engine.url.database), isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    return conn


def test_intact_chain_verifies(auth: AuthService, admin: Operator, db: Database) -> None:
    make_entries(auth, admin)
    check = AuditService(db).verify()
    assert check.intact and check.checked == 8  # setup, login, 3 x (logout, login)


def test_updates_and_deletes_are_refused_by_the_database(
    auth: AuthService, admin: Operator, db: Database
) -> None:
    with pytest.raises(DomainError), db.writing() as session:
        session.execute(text("UPDATE audit_log SET actor = 'x' WHERE seq = 1"))
    with pytest.raises(DomainError), db.writing() as session:
        session.execute(text("DELETE FROM audit_log WHERE seq = 1"))
    assert AuditService(db).verify().intact


def test_changed_entry_is_found(auth: AuthService, admin: Operator, db: Database) -> None:
    make_entries(auth, admin)
    conn = raw(db)
    conn.execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 4")
    conn.close()
    check = AuditService(db).verify()
    assert (check.first_broken, check.reason) == (4, "content_changed")


def test_removed_entry_is_found(auth: AuthService, admin: Operator, db: Database) -> None:
    make_entries(auth, admin)
    conn = raw(db)
    conn.execute("DELETE FROM audit_log WHERE seq = 3")
    conn.close()
    check = AuditService(db).verify()
    assert (check.first_broken, check.reason) == (4, "missing_entry")


def test_removed_last_entries_are_found(auth: AuthService, admin: Operator, db: Database) -> None:
    make_entries(auth, admin)
    conn = raw(db)
    conn.execute("DELETE FROM audit_log WHERE seq >= 7")
    conn.close()
    check = AuditService(db).verify()
    assert not check.intact and check.reason == "missing_entries_at_end"


def test_rehashed_forgery_breaks_the_next_link(
    auth: AuthService, admin: Operator, db: Database
) -> None:
    from datetime import datetime

    from app.domain.audit import link_hash

    make_entries(auth, admin)
    conn = raw(db)
    prev, at, action, subject, detail = conn.execute(
        "SELECT prev_hash, at, action, subject, detail FROM audit_log WHERE seq = 2"
    ).fetchone()
    import json

    forged = link_hash(prev, 2, datetime.fromisoformat(at), "someone", action, subject,
                       json.loads(detail))
    conn.execute("UPDATE audit_log SET actor = 'someone', hash = ? WHERE seq = 2", (forged,))
    conn.close()
    check = AuditService(db).verify()
    assert (check.first_broken, check.reason) == (3, "previous_hash_mismatch")
