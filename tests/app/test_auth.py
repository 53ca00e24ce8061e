"""Login with Argon2id, lockout after five failures for 15 minutes, roles, user administration."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import User
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.dto import Operator
from tests.conftest import ADMIN_PASSWORD


def key_of(call: object) -> str:
    with pytest.raises(DomainError) as caught:
        call()  # type: ignore[operator]
    return caught.value.key


def test_password_is_stored_as_argon2id(auth: AuthService, db: Database) -> None:
    with db.reading() as session:
        stored = session.scalars(select(User.password_hash)).one()
    assert stored.startswith("$argon2id$") and ADMIN_PASSWORD not in stored


def test_wrong_password_counts_down_then_locks_for_15_minutes(
    auth: AuthService, clock: FixedClock
) -> None:
    with pytest.raises(DomainError) as first:
        auth.login("admin", "wrong")
    assert first.value.key == "auth.bad_credentials_left"
    assert first.value.problems[0].params["left"] == 4
    for _ in range(3):
        key_of(lambda: auth.login("admin", "wrong"))
    assert key_of(lambda: auth.login("admin", "wrong")) == "auth.locked"
    # Even the right password is refused while locked.
    assert key_of(lambda: auth.login("admin", ADMIN_PASSWORD)) == "auth.locked"
    clock.advance(minutes=14)
    assert key_of(lambda: auth.login("admin", ADMIN_PASSWORD)) == "auth.locked"
    clock.advance(minutes=1, seconds=1)
    assert auth.login("admin", ADMIN_PASSWORD).username == "admin"


def test_unknown_user_gets_the_same_message(auth: AuthService) -> None:
    assert key_of(lambda: auth.login("nobody", "x")) == "auth.bad_credentials"


def test_roles_are_checked_in_the_services(
    auth: AuthService, clerk: Operator, manager: Operator, db: Database
) -> None:
    assert key_of(lambda: auth.users(clerk)) == "auth.forbidden"
    assert key_of(lambda: auth.users(manager)) == "auth.forbidden"
    assert key_of(lambda: AuditService(db).entries(clerk)) == "auth.forbidden"
    assert AuditService(db).entries(manager)


def test_user_administration_is_audited(auth: AuthService, admin: Operator, db: Database) -> None:
    user = auth.create_user(admin, "clerk9", "赵敏", Role.CLERK, "clerk999")
    auth.update_user(admin, user.id, "赵敏", Role.MANAGER, True)
    auth.reset_password(admin, user.id, "newpass99")
    assert auth.login("clerk9", "newpass99").role is Role.MANAGER
    actions = [e.action for e in AuditService(db).entries(admin)]
    assert {"user.created", "user.changed", "user.password_reset", "login"} <= set(actions)


def test_bad_user_input_is_refused(auth: AuthService, admin: Operator) -> None:
    assert key_of(lambda: auth.create_user(admin, "x", "X", Role.CLERK, "abc12345")) == (
        "user.name_format"
    )
    assert key_of(lambda: auth.create_user(admin, "clerk7", "X", Role.CLERK, "short1")) == (
        "password.too_short"
    )
    assert key_of(lambda: auth.create_user(admin, "admin", "X", Role.CLERK, "abc12345")) == (
        "user.name_taken"
    )
    assert key_of(lambda: auth.update_user(admin, admin.user_id, "A", Role.CLERK, True)) == (
        "user.cannot_change_self"
    )


def test_disabled_user_cannot_log_in(auth: AuthService, admin: Operator) -> None:
    user = auth.create_user(admin, "leaver", "钱多多", Role.CLERK, "leaver123")
    auth.update_user(admin, user.id, "钱多多", Role.CLERK, False)
    assert key_of(lambda: auth.login("leaver", "leaver123")) == "auth.inactive"


def test_change_password_needs_the_old_one(auth: AuthService, clerk: Operator) -> None:
    assert key_of(lambda: auth.change_password(clerk, "nope", "better123")) == (
        "auth.wrong_password"
    )
    auth.change_password(clerk, "clerk123", "better123")
    assert auth.login("clerk1", "better123").username == "clerk1"


def test_unlock_after_idle_counts_failures(auth: AuthService, clerk: Operator) -> None:
    assert key_of(lambda: auth.unlock(clerk, "wrong")) == "auth.bad_credentials_left"
    auth.unlock(clerk, "clerk123")
