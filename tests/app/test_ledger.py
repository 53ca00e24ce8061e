"""The ledger is append-only (triggers) and hash-chained: `gashall audit verify` finds tampering."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import exc, text

from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.persistence.db import Database
from app.services.audit_service import AuditService
from tests.app.test_reading_service import Hall, make_hall


@pytest.fixture
def hall(any_db: Database, clock: FixedClock) -> Hall:
    return make_hall(any_db, clock)


@pytest.fixture
def sqlite_hall(db: Database, clock: FixedClock) -> Hall:
    return make_hall(db, clock)


def bill_a_few(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    hall.read(meter, date(2026, 2, 1), 30)
    hall.read(meter, date(2026, 3, 1), 58)
    hall.read(meter, date(2026, 4, 1), 90)


def test_ledger_chain_verifies(hall: Hall) -> None:
    bill_a_few(hall)
    check = AuditService(hall.db).verify_ledger()
    assert check.intact and check.checked == 3


@pytest.mark.parametrize("table", ["bills", "bill_lines", "ledger_entries"])
def test_money_tables_refuse_update_and_delete(hall: Hall, table: str) -> None:
    bill_a_few(hall)
    column = "amount_fen" if table != "bills" else "total_fen"
    # SQLite's RAISE(ABORT) maps to DomainError; PostgreSQL's RAISE EXCEPTION is not mapped
    # by app/persistence/db.py yet (a ProgrammingError): either way the database refuses
    refused = (DomainError, exc.DBAPIError)
    with pytest.raises(refused, match="append-only|storage"), hall.db.writing() as session:
        session.execute(text(f"UPDATE {table} SET {column} = 1"))
    with pytest.raises(refused, match="append-only|storage"), hall.db.writing() as session:
        session.execute(text(f"DELETE FROM {table}"))
    assert AuditService(hall.db).verify_ledger().intact


def tamperer(db: Database) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db.engine.url.database), isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS ledger_entries_no_update")
    conn.execute("DROP TRIGGER IF EXISTS ledger_entries_no_delete")
    return conn


def test_changed_amount_is_found(sqlite_hall: Hall) -> None:
    bill_a_few(sqlite_hall)
    conn = tamperer(sqlite_hall.db)
    conn.execute("UPDATE ledger_entries SET amount_fen = 1 WHERE seq = 2")
    conn.close()
    check = AuditService(sqlite_hall.db).verify_ledger()
    assert (check.first_broken, check.reason) == (2, "content_changed")


def test_removed_entries_are_found(sqlite_hall: Hall) -> None:
    bill_a_few(sqlite_hall)
    conn = tamperer(sqlite_hall.db)
    conn.execute("DELETE FROM ledger_entries WHERE seq = 2")
    conn.close()
    check = AuditService(sqlite_hall.db).verify_ledger()
    assert (check.first_broken, check.reason) == (3, "missing_entry")
    conn = tamperer(sqlite_hall.db)
    conn.execute("DELETE FROM ledger_entries WHERE seq >= 2")
    conn.close()
    assert AuditService(sqlite_hall.db).verify_ledger().reason == "missing_entries_at_end"


def test_cli_audit_verify_reports_the_ledger(
    sqlite_hall: Hall, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from contextlib import contextmanager

    from app import cli

    bill_a_few(sqlite_hall)

    @contextmanager
    def this_database(**_: object):  # type: ignore[no-untyped-def]
        yield sqlite_hall.db

    monkeypatch.setattr(cli, "_database", this_database)
    assert cli.main(["audit", "verify"]) == 0
    assert "ledger intact: 3 entries" in capsys.readouterr().out
    conn = tamperer(sqlite_hall.db)
    conn.execute("UPDATE ledger_entries SET operator = 'x' WHERE seq = 3")
    conn.close()
    assert cli.main(["audit", "verify"]) == 1
    assert "ledger broken at entry 3: content_changed" in capsys.readouterr().out
