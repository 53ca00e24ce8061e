"""Cash sessions: one per clerk and counter, cash in/out, the blind close and its approval."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.cashier import CLOSE_TOLERANCE_FEN, counted_total, split_into_denominations
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.persistence.db import Database
from app.persistence.orm import AuditEntry, CashSession
from tests.app.cashier_setup import MANAGER_PASSWORD, Desk, make_desk


@pytest.fixture
def desk(any_db: Database, clock: FixedClock) -> Desk:
    return make_desk(any_db, clock)


def test_one_open_session_per_clerk_and_per_counter(desk: Desk) -> None:
    assert desk.cash.current(desk.clerk, 1) is None
    session_id = desk.open(counter_no=1, float_fen=50000)
    view = desk.cash.current(desk.clerk, 1)
    assert view is not None
    assert (view.id, view.float_fen, view.state, view.payments) == (session_id, 50000, "open", 0)
    with pytest.raises(DomainError, match="cash.clerk_has_session"):
        desk.open(counter_no=2)
    with pytest.raises(DomainError, match="cash.counter_in_use"):
        desk.open(desk.clerk2, counter_no=1)
    with pytest.raises(DomainError, match="cash.bad_float"):
        desk.open(desk.clerk2, counter_no=2, float_fen=-1)
    other = desk.open(desk.clerk2, counter_no=2)
    assert other != session_id


def test_cash_in_and_out_need_a_reason_and_cannot_empty_more_than_the_drawer(desk: Desk) -> None:
    session_id = desk.open(float_fen=20000)
    with pytest.raises(DomainError, match="cash.reason_required"):
        desk.cash.move_cash(desk.clerk, session_id, 5000, "  ")
    with pytest.raises(DomainError, match="cash.amount_zero"):
        desk.cash.move_cash(desk.clerk, session_id, 0, "top up")
    desk.cash.move_cash(desk.clerk, session_id, 5000, "补充备用金")
    with pytest.raises(DomainError, match="cash.out_exceeds_drawer"):
        desk.cash.move_cash(desk.clerk, session_id, -25010, "上缴")
    desk.cash.move_cash(desk.clerk, session_id, -25000, "上缴")
    with pytest.raises(DomainError, match="cash.session_not_yours"):
        desk.cash.move_cash(desk.clerk2, session_id, 100, "mine")
    result = desk.cash.close_session(desk.clerk, session_id, {})
    assert (result.counted_fen, result.expected_fen, result.difference_fen) == (0, 0, 0)


def test_blind_close_reveals_the_difference_and_needs_a_manager_beyond_tolerance(
        desk: Desk) -> None:
    account = desk.billed_account("M1", 30)
    session_id = desk.open(float_fen=50000)
    desk.pay_cash(session_id, account, 10200, 20000)  # 102.00 kept: expect 602.00
    expected = 60200
    short = expected - CLOSE_TOLERANCE_FEN - 100  # 11.00 short
    counts = split_into_denominations(short)
    assert counted_total(counts) == short
    with pytest.raises(DomainError) as error:
        desk.cash.close_session(desk.clerk, session_id, counts)
    assert error.value.key == "cash.approval_required"
    assert error.value.problems[0].params == {"difference": -(CLOSE_TOLERANCE_FEN + 100)}
    with pytest.raises(DomainError, match="cash.reason_required"):
        desk.cash.close_session(desk.clerk, session_id, counts, "manager1", MANAGER_PASSWORD)
    with pytest.raises(DomainError, match="auth.bad_credentials_left"):
        desk.cash.close_session(desk.clerk, session_id, counts, "manager1", "nope1234",
                                "counted twice")
    with pytest.raises(DomainError, match="cash.approver_is_clerk"):
        desk.cash.close_session(desk.clerk, session_id, counts, "clerk1", "clerk123", "me")
    with pytest.raises(DomainError, match="cash.bad_denomination"):
        desk.cash.close_session(desk.clerk, session_id, {3000: 1})
    assert desk.cash.session(session_id).state == "open"

    result = desk.cash.close_session(desk.clerk, session_id, counts, "manager1",
                                     MANAGER_PASSWORD, "a 10 note missing")
    assert (result.counted_fen, result.expected_fen, result.difference_fen) == (
        short, expected, -(CLOSE_TOLERANCE_FEN + 100))
    assert (result.approved_by, result.reason) == ("manager1", "a 10 note missing")
    with desk.db.reading() as session:
        row = session.get_one(CashSession, session_id)
        actions = session.scalars(select(AuditEntry.action).where(
            AuditEntry.action.like("cash.%")).order_by(AuditEntry.seq)).all()
    assert (row.state, row.counted_fen, row.approved_by) == ("closed", short, "manager1")
    assert actions == ["cash.session_opened", "cash.session_closed"]
    with pytest.raises(DomainError, match="cash.session_closed"):
        desk.cash.close_session(desk.clerk, session_id, counts)
    assert desk.cash.current(desk.clerk, 1) is None
    desk.open()  # the clerk may open a new one


def test_a_difference_within_tolerance_closes_without_approval(desk: Desk) -> None:
    session_id = desk.open(float_fen=50000)
    result = desk.cash.close_session(
        desk.clerk, session_id, split_into_denominations(50000 + CLOSE_TOLERANCE_FEN))
    assert (result.difference_fen, result.approved_by) == (CLOSE_TOLERANCE_FEN, "")
