"""The ``gashall`` command line: each subcommand, its output, exit codes and error messages."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.config import user_paths
from app.domain.clock import SystemClock
from app.domain.errors import DomainError
from app.persistence.db import Database, open_database
from app.persistence.migrate import HEAD_REVISION
from app.services.account_service import AccountService
from app.services.auth_service import AuthService
from tests.conftest import sample_draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A GASHALL_HOME of this test's own, on the embedded database."""
    folder = tmp_path / "home"
    monkeypatch.setenv("GASHALL_HOME", str(folder))
    monkeypatch.delenv("GASHALL_DB_URL", raising=False)
    return folder


@pytest.fixture
def database(home: Path) -> Iterator[Database]:
    """The database the command line works on (open it after the commands ran)."""
    db = open_database(f"sqlite:///{user_paths().database}")
    yield db
    db.dispose()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_seed(
    home: Path, capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    code, out, _ = run(capsys, "demo", "--accounts", "300")
    assert code == 0
    assert "300 accounts" in out and "admin123" in out and "manager123" in out

    code, out, _ = run(capsys, "seed", "--accounts", "700", "--batch", "250")
    assert code == 0
    assert "Seeded 700 accounts" in out and "accounts/s" in out

    accounts = AccountService(database, SystemClock())
    assert accounts.search("0100001000").ids == (1000,)
    assert AuthService(database, SystemClock()).login("clerk2", "clerk123").username == "clerk2"


def test_db_upgrade_reports_revisions(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0
    assert "from revision: (empty database)" in out
    assert f"to revision:   {HEAD_REVISION}" in out
    assert "backup:        (none needed)" in out
    assert user_paths().database.is_file()

    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and f"from revision: {HEAD_REVISION}" in out


def test_backup_then_restore_drops_what_came_after(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    run(capsys, "demo", "--accounts", "50")
    backup = tmp_path / "saved" / "hall.backup"
    code, out, _ = run(capsys, "backup", str(backup))
    assert code == 0 and str(backup) in out and backup.is_file()
    clerk = AuthService(database, SystemClock()).login("clerk", "clerk123")
    late = AccountService(database, SystemClock()).create(clerk, sample_draft())
    assert run(capsys, "user", "add", "late_user", "--role", "clerk",
               "--password", "late1234")[0] == 0
    database.dispose()

    code, out, _ = run(capsys, "restore", str(backup), "--yes")

    assert code == 0 and "Restored" in out
    accounts = AccountService(database, SystemClock())
    assert accounts.search(late.account_no).ids == ()
    assert accounts.search("0100000050").ids == (50,)
    with pytest.raises(DomainError):
        AuthService(database, SystemClock()).login("late_user", "late1234")


def test_restore_asks_first(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, database: Database,
) -> None:
    run(capsys, "demo", "--accounts", "5")
    run(capsys, "backup", str(tmp_path / "b.backup"))
    run(capsys, "user", "add", "kept_user", "--role", "clerk", "--password", "kept1234")
    questions: list[str] = []

    def answer(question: str) -> str:
        questions.append(question)
        return "n"

    monkeypatch.setattr("builtins.input", answer)
    code, out, _ = run(capsys, "restore", str(tmp_path / "b.backup"))

    assert code == 1 and "cancelled" in out
    assert "Type 'yes'" in questions[0]
    assert AuthService(database, SystemClock()).login("kept_user", "kept1234")


def test_audit_verify_intact_then_tampered(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "demo", "--accounts", "5")
    run(capsys, "user", "add", "second", "--role", "clerk", "--password", "second12")
    code, out, _ = run(capsys, "audit", "verify")
    assert (code, out.splitlines()[0]) == (0, "audit log intact: 20 entries")  # demo + 1 user

    tamperer = sqlite3.connect(user_paths().database)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        tamperer.execute("UPDATE audit_log SET detail = '{}' WHERE seq = 1")
    tamperer.execute("DROP TRIGGER audit_log_no_update")
    tamperer.execute("""UPDATE audit_log SET detail = '{"accounts": 5000}' WHERE seq = 1""")
    tamperer.commit()
    tamperer.close()

    code, out, _ = run(capsys, "audit", "verify")
    assert (code, out.splitlines()[0]) == (1, "audit log broken at entry 1: content_changed")


def test_user_add_sets_up_a_new_database(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    database: Database,
) -> None:
    code, _, err = run(capsys, "user", "add", "boss", "--role", "clerk", "--password", "boss1234")
    assert code == 2 and "setup.first_user_administrator" in err

    code, out, _ = run(capsys, "user", "add", "boss", "--role", "administrator", "--name",
                       "张主任", "--password", "boss1234", "--hall-name", "南城燃气营业厅")
    assert code == 0 and "boss" in out
    boss = AuthService(database, SystemClock()).login("boss", "boss1234")
    assert (boss.full_name, boss.role.value) == ("张主任", "administrator")

    typed = iter(["clerk777", "clerk777"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    assert run(capsys, "user", "add", "wang", "--role", "clerk", "--name", "王芳")[0] == 0
    assert AuthService(database, SystemClock()).login("wang", "clerk777").full_name == "王芳"

    typed = iter(["clerk777", "clerk778"])
    code, _, err = run(capsys, "user", "add", "li_ming", "--role", "clerk")
    assert code == 2 and "password.mismatch" in err

    code, _, err = run(capsys, "user", "add", "li_ming", "--role", "clerk", "--password",
                       "clerk777", "--hall", "99")
    assert code == 2 and err.startswith("gashall: error: hall.not_found")


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["audit", "verify"], "storage.not_initialised"),
        (["backup", "x.backup"], "storage.not_initialised"),
        (["restore", "missing.backup", "--yes"], "storage.backup_missing"),
        (["user", "add", "x", "--role", "clerk", "--password", "abc12345"], "user.name_format"),
        (["user", "add", "shorty", "--role", "administrator", "--password", "abc"],
         "password.too_short"),
    ],
)
def test_errors_give_exit_code_2_and_one_line(
    home: Path, capsys: pytest.CaptureFixture[str], args: list[str], key: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert err.startswith(f"gashall: error: {key}: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_demo_twice_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "demo", "--accounts", "5")[0] == 0
    code, _, err = run(capsys, "demo", "--accounts", "5")
    assert code == 2 and "setup.already_done" in err


def test_unreachable_server_is_an_error_not_a_traceback(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GASHALL_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none")
    code, _, err = run(capsys, "audit", "verify")
    assert code == 2 and err.startswith("gashall: error: storage.unreachable")

    monkeypatch.setenv("GASHALL_DB_URL", "nonsense://")
    code, _, err = run(capsys, "db", "upgrade")
    assert code == 2 and err.startswith("gashall: error: storage.bad_url")


def test_usage_errors_return_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "seed")[0] == 2
    assert run(capsys, "seed", "--accounts", "-3")[0] == 2
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "audit" in out and "restore" in out


def run_module(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GASHALL_HOME=str(home))
    env.pop("GASHALL_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_runs_as_a_program(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = run_module(home, "demo", "--accounts", "20")
    assert done.returncode == 0, done.stderr
    assert "clerk2" in done.stdout

    done = run_module(home, "audit", "verify")
    assert done.returncode == 0
    assert re.fullmatch(r"audit log intact: \d+ entries\nledger intact: \d+ entries",
                        done.stdout.strip())

    done = run_module(home, "demo")
    assert done.returncode == 2
    assert done.stderr.startswith("gashall: error: setup.already_done")
    assert "Traceback" not in done.stderr
