"""Cash sessions (钱箱/班次): open with a counted float, cash in and out, the blind close."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.cashier import CLOSE_TOLERANCE_FEN, counted_total
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.users import Permission, may, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import CashMovement, CashSession, Hall
from app.persistence.repositories.cashier_queries import (
    drawer_figures,
    open_session_of,
    receipts_in_session,
)
from app.services.auth_service import AuthService
from app.services.cashier_dto import CloseResult, SessionView
from app.services.dto import Operator

MAX_FLOAT_FEN = 10_000_000  # 100,000 yuan: more is a typing mistake
MAX_COUNTER_NO = 999


class CashService:
    """What a clerk does with the drawer; the expected amount is shown only after the close."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def open_session(self, operator: Operator, counter_no: int, float_fen: int) -> SessionView:
        """Open the clerk's session at a counter with the counted float (备用金).

        One open session per clerk and one per counter (DomainError ``cash.clerk_has_session``,
        ``cash.counter_in_use``).
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        if not 1 <= counter_no <= MAX_COUNTER_NO:
            raise DomainError.of("cash.bad_counter", "counter_no")
        if not 0 <= float_fen <= MAX_FLOAT_FEN:
            raise DomainError.of("cash.bad_float", "float", max=MAX_FLOAT_FEN)
        now = self._clock.now()
        with self._db.writing() as session:
            # the hall's row orders concurrent opens (PostgreSQL; SQLite writers queue anyway)
            session.scalars(select(Hall.id).where(Hall.id == operator.hall_id)
                            .with_for_update()).one()
            mine = open_session_of(session, operator.hall_id, user_id=operator.user_id)
            if mine is not None:
                raise DomainError.of("cash.clerk_has_session", counter_no=mine.counter_no)
            if open_session_of(session, operator.hall_id, counter_no=counter_no) is not None:
                raise DomainError.of("cash.counter_in_use", "counter_no", counter_no=counter_no)
            row = CashSession(hall_id=operator.hall_id, counter_no=counter_no,
                              user_id=operator.user_id, username=operator.username,
                              day=now.date(), opened_at=now, float_fen=float_fen, state="open",
                              approved_by="", approval_reason="")
            session.add(row)
            session.flush()
            append_audit(session, now, operator.username, "cash.session_opened",
                         f"cash_session:{row.id}",
                         {"counter_no": counter_no, "float_fen": float_fen}, operator.hall_id)
            return _view(row, 0)

    def current(self, operator: Operator, counter_no: int) -> SessionView | None:
        """The clerk's open session at this counter, if any."""
        with self._db.reading() as session:
            row = open_session_of(session, operator.hall_id, user_id=operator.user_id,
                                  counter_no=counter_no)
            if row is None:
                return None
            return _view(row, receipts_in_session(session, row.id))

    def session(self, session_id: int) -> SessionView:
        """A session by id (open or closed)."""
        with self._db.reading() as session:
            row = session.get(CashSession, session_id)
            if row is None:
                raise DomainError.of("cash.session_not_found")
            return _view(row, receipts_in_session(session, row.id))

    def move_cash(
        self, operator: Operator, session_id: int, amount_fen: int, reason: str
    ) -> SessionView:
        """Cash put in (+) or taken out (−) of the drawer, with a reason (补充备用金, 上缴 …).

        Taking out more than the drawer should hold is refused (``cash.out_exceeds_drawer``).
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        reason = reason.strip()
        if amount_fen == 0:
            raise DomainError.of("cash.amount_zero", "amount")
        if abs(amount_fen) > MAX_FLOAT_FEN:
            raise DomainError.of("cash.bad_amount", "amount", max=MAX_FLOAT_FEN)
        if not reason:
            raise DomainError.of("cash.reason_required", "reason")
        now = self._clock.now()
        with self._db.writing() as session:
            row = _own_open_session(session, operator, session_id)
            if amount_fen < 0 and drawer_figures(session, row).expected_fen + amount_fen < 0:
                raise DomainError.of("cash.out_exceeds_drawer", "amount")
            session.add(CashMovement(session_id=row.id, at=now, amount_fen=amount_fen,
                                     reason=reason[:200], operator=operator.username))
            append_audit(session, now, operator.username, "cash.moved", f"cash_session:{row.id}",
                         {"amount_fen": amount_fen, "reason": reason}, operator.hall_id)
            session.flush()
            return _view(row, receipts_in_session(session, row.id))

    def close_session(
        self, operator: Operator, session_id: int, counts: dict[int, int],
        manager_username: str = "", manager_password: str = "", reason: str = "",
    ) -> CloseResult:
        """Close with a blind count by denomination; the expected amount comes back only now.

        A difference beyond ``CLOSE_TOLERANCE_FEN`` raises ``cash.approval_required`` (with the
        difference) until a manager's name and password and a reason are given.
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        counted = counted_total(counts)
        reason = reason.strip()
        with self._db.reading() as session:
            row = _closable_session(session, operator, session_id)
            difference = counted - drawer_figures(session, row).expected_fen
        approver = ""
        if abs(difference) > CLOSE_TOLERANCE_FEN:
            approver = self._approval(operator, difference, manager_username, manager_password,
                                      reason)
        now = self._clock.now()
        with self._db.writing() as session:
            row = _closable_session(session, operator, session_id, lock=True)
            expected = drawer_figures(session, row).expected_fen
            difference = counted - expected
            if abs(difference) > CLOSE_TOLERANCE_FEN and not approver:
                raise DomainError.of("cash.approval_required", difference=difference)
            row.state, row.closed_at = "closed", now
            row.counted = {str(k): v for k, v in sorted(counts.items(), reverse=True) if v}
            row.counted_fen, row.expected_fen, row.difference_fen = counted, expected, difference
            row.approved_by, row.approval_reason = approver, reason[:200] if approver else ""
            append_audit(session, now, operator.username, "cash.session_closed",
                         f"cash_session:{row.id}", {
                             "counted_fen": counted, "expected_fen": expected,
                             "difference_fen": difference, "approved_by": approver,
                             "reason": row.approval_reason}, operator.hall_id)
            return CloseResult(row.id, counted, expected, difference, approver,
                               row.approval_reason)

    def _approval(
        self, operator: Operator, difference: int, username: str, password: str, reason: str
    ) -> str:
        if not username.strip():
            raise DomainError.of("cash.approval_required", difference=difference)
        if not reason:
            raise DomainError.of("cash.reason_required", "reason")
        if username.strip() == operator.username:
            raise DomainError.of("cash.approver_is_clerk", "manager")
        manager = AuthService(self._db, self._clock).authorise(
            username, password, Permission.AUTHORISE_VOIDS)
        return manager.username


def _own_open_session(session: Session, operator: Operator, session_id: int) -> CashSession:
    row = session.get(CashSession, session_id)
    if row is None or row.hall_id != operator.hall_id:
        raise DomainError.of("cash.session_not_found")
    if row.state != "open":
        raise DomainError.of("cash.session_closed")
    if row.user_id != operator.user_id:
        raise DomainError.of("cash.session_not_yours")
    return row


def _closable_session(
    session: Session, operator: Operator, session_id: int, lock: bool = False
) -> CashSession:
    """The session to close: the clerk's own, or anyone's for a manager (an abandoned drawer)."""
    query = select(CashSession).where(CashSession.id == session_id)
    row = session.scalars(query.with_for_update() if lock else query).one_or_none()
    if row is None or row.hall_id != operator.hall_id:
        raise DomainError.of("cash.session_not_found")
    if row.state != "open":
        raise DomainError.of("cash.session_closed")
    if row.user_id != operator.user_id and not may(operator.role, Permission.CLOSE_DAY):
        raise DomainError.of("cash.session_not_yours")
    return row


def _view(row: CashSession, receipts: int) -> SessionView:
    return SessionView(row.id, row.hall_id, row.counter_no, row.username, row.day,
                       row.opened_at, row.float_fen, row.state, receipts)
