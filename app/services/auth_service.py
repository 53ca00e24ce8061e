"""Login, lockout, idle unlock, passwords and the administrator's user management."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.users import (
    LOCKOUT,
    MAX_FAILED_LOGINS,
    Permission,
    Role,
    check_new_password,
    check_username,
    require,
)
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import Hall, User
from app.services.dto import Operator, UserInfo

_HASHER = PasswordHasher()  # Argon2id with the library's recommended parameters
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    """Argon2id hash of a password, for storing."""
    return _HASHER.hash(password)


class AuthService:
    """Who may log in, and the users an administrator manages."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def has_users(self) -> bool:
        """False on a brand-new database: the first start must set one up."""
        with self._db.reading() as session:
            return bool(session.scalar(select(func.count()).select_from(User)))

    def login(self, username: str, password: str, action: str = "login") -> Operator:
        """Check the password; five failures lock the user for 15 minutes. Audited either way."""
        outcome: Operator | DomainError
        with self._db.writing() as session:
            user = session.scalars(select(User).where(User.username == username.strip())).first()
            outcome = self._attempt(session, user, username.strip(), password, action)
        if isinstance(outcome, DomainError):
            raise outcome
        return outcome

    def authorise(self, username: str, password: str, permission: Permission) -> Operator:
        """A manager's password typed on a clerk's screen (a void, a close over tolerance).

        The same checks and lockout as a login, and a failure is audited like one; success
        writes no login line (the authorised action is recorded with the manager's name).
        Raises DomainError ``auth.forbidden`` if the user's role does not grant ``permission``.
        """
        outcome: Operator | DomainError
        with self._db.writing() as session:
            user = session.scalars(select(User).where(User.username == username.strip())).first()
            outcome = self._attempt(session, user, username.strip(), password, None)
        if isinstance(outcome, DomainError):
            raise outcome
        require(outcome.role, permission)
        return outcome

    def unlock(self, operator: Operator, password: str) -> None:
        """Unlock an idle-locked screen: the same checks and lockout as a login."""
        self.login(operator.username, password, action="unlock")

    def _attempt(
        self, session: Session, user: User | None, username: str, password: str,
        action: str | None,
    ) -> Operator | DomainError:
        now = self._clock.now()
        if user is None:
            _verify(_DUMMY_HASH, password)  # same work as a real check: no timing hint
            append_audit(session, now, username[:32], "login.failed", "unknown user")
            return DomainError.of("auth.bad_credentials")
        if user.locked_until is not None and user.locked_until > now:
            minutes = int((user.locked_until - now).total_seconds() // 60) + 1
            return DomainError.of("auth.locked", minutes=minutes)
        if not _verify(user.password_hash, password):
            return self._failed(session, user)
        if not user.active:
            return DomainError.of("auth.inactive")
        user.failed_logins, user.locked_until = 0, None
        if _HASHER.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        if action is not None:
            append_audit(session, now, user.username, action, hall_id=user.hall_id)
        return _operator(user)

    def _failed(self, session: Session, user: User) -> DomainError:
        now = self._clock.now()
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.failed_logins, user.locked_until = 0, now + LOCKOUT
            append_audit(session, now, user.username, "login.locked", hall_id=user.hall_id)
            return DomainError.of("auth.locked", minutes=int(LOCKOUT.total_seconds() // 60))
        append_audit(session, now, user.username, "login.failed", hall_id=user.hall_id,
                     detail={"failures": user.failed_logins})
        return DomainError.of(
            "auth.bad_credentials_left", left=MAX_FAILED_LOGINS - user.failed_logins
        )

    def logout(self, operator: Operator) -> None:
        """Record the end of a session at this desktop."""
        with self._db.writing() as session:
            append_audit(session, self._clock.now(), operator.username, "logout",
                         hall_id=operator.hall_id)

    def change_password(self, operator: Operator, old: str, new: str) -> None:
        """Change one's own password after checking the old one."""
        check_new_password(new)
        with self._db.writing() as session:
            user = session.get_one(User, operator.user_id)
            if not _verify(user.password_hash, old):
                raise DomainError.of("auth.wrong_password", "old_password")
            user.password_hash = hash_password(new)
            append_audit(session, self._clock.now(), operator.username, "password.changed",
                         f"user:{user.username}", hall_id=operator.hall_id)

    # --- administration ---------------------------------------------------------------------

    def users(self, operator: Operator) -> list[UserInfo]:
        """All users, by login name."""
        require(operator.role, Permission.MANAGE_USERS)
        with self._db.reading() as session:
            rows = session.scalars(select(User).order_by(User.username)).all()
            return [_user_info(u) for u in rows]

    def create_user(
        self, operator: Operator, username: str, full_name: str, role: Role, password: str
    ) -> UserInfo:
        """Add a user to the operator's hall."""
        require(operator.role, Permission.MANAGE_USERS)
        username, full_name = username.strip(), full_name.strip()
        check_username(username)
        if not full_name:
            raise DomainError.of("user.full_name_required", "full_name")
        check_new_password(password)
        with self._db.writing() as session:
            if session.scalar(select(User.id).where(User.username == username)):
                raise DomainError.of("user.name_taken", "username")
            user = User(hall_id=operator.hall_id, username=username, full_name=full_name,
                        role=role.value, password_hash=hash_password(password), active=True,
                        failed_logins=0, created_on=self._clock.now().date())
            session.add(user)
            session.flush()
            append_audit(session, self._clock.now(), operator.username, "user.created",
                         f"user:{username}", {"role": role.value}, operator.hall_id)
            return _user_info(user)

    def update_user(
        self, operator: Operator, user_id: int, full_name: str, role: Role, active: bool
    ) -> UserInfo:
        """Change a user's name, role or active flag; one cannot demote or disable oneself."""
        require(operator.role, Permission.MANAGE_USERS)
        if user_id == operator.user_id and (role is not operator.role or not active):
            raise DomainError.of("user.cannot_change_self", "role")
        if not full_name.strip():
            raise DomainError.of("user.full_name_required", "full_name")
        with self._db.writing() as session:
            user = _get_user(session, user_id)
            changes = {
                k: [old, new]
                for k, old, new in (
                    ("full_name", user.full_name, full_name.strip()),
                    ("role", user.role, role.value),
                    ("active", user.active, active),
                )
                if old != new
            }
            user.full_name, user.role, user.active = full_name.strip(), role.value, active
            append_audit(session, self._clock.now(), operator.username, "user.changed",
                         f"user:{user.username}", changes, operator.hall_id)
            return _user_info(user)

    def reset_password(self, operator: Operator, user_id: int, password: str) -> None:
        """Set a new password for a user and lift any lockout."""
        require(operator.role, Permission.MANAGE_USERS)
        check_new_password(password)
        with self._db.writing() as session:
            user = _get_user(session, user_id)
            user.password_hash = hash_password(password)
            user.failed_logins, user.locked_until = 0, None
            append_audit(session, self._clock.now(), operator.username, "user.password_reset",
                         f"user:{user.username}", hall_id=operator.hall_id)

    def first_setup(
        self, hall_name: str, admin_password: str, username: str = "admin",
        full_name: str = "Administrator",
    ) -> None:
        """Create the hall and the first administrator (``admin``) on a brand-new database."""
        check_username(username)
        check_new_password(admin_password)
        if not hall_name.strip():
            raise DomainError.of("hall.name_required", "hall_name")
        with self._db.writing() as session:
            if session.scalar(select(func.count()).select_from(User)):
                raise DomainError.of("setup.already_done")
            hall = session.scalars(select(Hall).order_by(Hall.id)).first()
            if hall is None:
                hall = Hall(code="01", name=hall_name.strip(), hotline="", address="",
                            opening_hours="", idle_lock_minutes=10)
                session.add(hall)
                session.flush()
            session.add(User(hall_id=hall.id, username=username, full_name=full_name,
                             role=Role.ADMINISTRATOR.value, active=True, failed_logins=0,
                             password_hash=hash_password(admin_password),
                             created_on=self._clock.now().date()))
            append_audit(session, self._clock.now(), username, "setup", f"hall:{hall.code}",
                         hall_id=hall.id)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise DomainError.of("user.not_found")
    return user


def _operator(user: User) -> Operator:
    return Operator(user.id, user.username, user.full_name, Role(user.role), user.hall_id)


def _user_info(user: User) -> UserInfo:
    return UserInfo(user.id, user.username, user.full_name, Role(user.role), user.active,
                    user.locked_until)
