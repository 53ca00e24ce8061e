"""Shared fixtures: offscreen Qt, a fresh migrated database per test, services and users."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import gc
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from app.domain.accounts import (
    AccountDraft,
    AccountStatus,
    Address,
    GasUse,
    IdType,
    MeterDraft,
    UserType,
)
from app.domain.clock import FixedClock
from app.domain.users import Role
from app.persistence.db import Database, open_database
from app.persistence.migrate import prepare_database
from app.services.account_service import AccountService
from app.services.auth_service import AuthService
from app.services.dto import Operator

PG_URL = os.environ.get("GASHALL_TEST_PG_URL", "")
ADMIN_PASSWORD = "admin123"
START = datetime(2026, 11, 23, 8, 30)


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread() -> Iterator[None]:
    """As the program does (ui/common/gc_guard.py): no collection in task-runner threads.

    A cycle holding a Qt object, collected by a worker thread, crashes PySide; so automatic
    collection is off and each test's garbage is collected here, on the main thread.
    """
    gc.disable()
    yield
    gc.collect()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL database of this test run's own, so that parallel runs never collide."""
    if not PG_URL:
        pytest.skip("GASHALL_TEST_PG_URL is not set")
    server = make_url(PG_URL)
    name = f"gashall_test_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def reset_postgresql(url: str) -> None:
    """Empty the test database's public schema so that migrations start from nothing."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def make_database(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    """A new, migrated database of the given kind ("sqlite" or "postgresql")."""
    if kind == "postgresql":
        url = request.getfixturevalue("pg_url")
        reset_postgresql(url)
        db = open_database(url)
    else:
        db = open_database(f"sqlite:///{tmp_path / 'gashall.db'}")
    prepare_database(db, tmp_path / "backups", START)
    return db


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on a SQLite file and on the PostgreSQL server."""
    db = make_database(request.param, tmp_path, request)
    yield db
    db.dispose()


@pytest.fixture
def db(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh migrated SQLite file."""
    database = make_database("sqlite", tmp_path, request)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FixedClock:
    """The hall's clock, standing at 08:30 on a working day."""
    return FixedClock(START)


@pytest.fixture
def auth(db: Database, clock: FixedClock) -> AuthService:
    """The auth service on a database with its hall and ``admin`` set up."""
    service = AuthService(db, clock)
    service.first_setup("东城营业厅", ADMIN_PASSWORD)
    return service


@pytest.fixture
def admin(auth: AuthService) -> Operator:
    """The administrator, logged in."""
    return auth.login("admin", ADMIN_PASSWORD)


@pytest.fixture
def clerk(auth: AuthService, admin: Operator) -> Operator:
    """A counter clerk, logged in."""
    auth.create_user(admin, "clerk1", "王小燕", Role.CLERK, "clerk123")
    return auth.login("clerk1", "clerk123")


@pytest.fixture
def manager(auth: AuthService, admin: Operator) -> Operator:
    """A hall manager, logged in."""
    auth.create_user(admin, "manager1", "李建国", Role.MANAGER, "manager123")
    return auth.login("manager1", "manager123")


@pytest.fixture
def accounts(db: Database, clock: FixedClock) -> AccountService:
    """The account service on the test database."""
    return AccountService(db, clock)


def sample_draft(**changes: object) -> AccountDraft:
    """A valid residential account form; keyword arguments replace fields."""
    draft = AccountDraft(
        name="张三", id_type=IdType.RESIDENT_ID, id_number="11010519491231002X",
        mobile="13812345678", phone="",
        address=Address("南城区", "幸福路", "阳光小区", "12", "3", "502"),
        user_type=UserType.RESIDENTIAL, gas_use=GasUse.COOKING, household_size=3, heating=False,
        low_income=False, status=AccountStatus.NORMAL, route_book="B01",
        meter=MeterDraft("JK1234567"),
    )
    from dataclasses import replace

    return replace(draft, **changes)  # type: ignore[arg-type]
