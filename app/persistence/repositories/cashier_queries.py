"""Reads behind the cash desk: a drawer's cash figures, open sessions, receipts to print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from app.domain.cashier import PaymentKind, Tender, expected_cash
from app.persistence.orm import (
    CashMovement,
    CashSession,
    DayClose,
    Payment,
    PaymentTender,
    ReceiptPrint,
)

# Payments rows that hand money back: voids (作废) and corrections after a close (更正)
REVERSAL_KINDS = (PaymentKind.VOID.value, PaymentKind.CORRECTION.value)


@dataclass(frozen=True)
class DrawerFigures:
    """The sums behind a drawer's expected cash (all non-negative)."""

    float_fen: int
    cash_in_fen: int
    cash_out_fen: int
    cash_taken_fen: int  # cash of payments, net of change
    cash_voided_fen: int  # cash handed back by voids and corrections

    @property
    def expected_fen(self) -> int:
        """What the drawer should hold."""
        return expected_cash(self.float_fen, self.cash_in_fen, self.cash_out_fen,
                             self.cash_taken_fen, self.cash_voided_fen)


def drawer_figures(session: Session, cash_session: CashSession) -> DrawerFigures:
    """Float, cash in and out, cash taken and voided of one session.

    A correction (更正, after a day's close) hands cash back out of the session that wrote it,
    exactly as a void does.
    """
    moved = session.execute(
        select(func.coalesce(func.sum(case((CashMovement.amount_fen > 0,
                                            CashMovement.amount_fen), else_=0)), 0),
               func.coalesce(func.sum(case((CashMovement.amount_fen < 0,
                                            -CashMovement.amount_fen), else_=0)), 0))
        .where(CashMovement.session_id == cash_session.id)
    ).one()
    voided = Payment.kind.in_(REVERSAL_KINDS)
    cash = session.execute(
        select(func.coalesce(func.sum(case((voided, 0), else_=PaymentTender.amount_fen)), 0),
               func.coalesce(func.sum(case((voided, -PaymentTender.amount_fen), else_=0)), 0))
        .join(Payment, Payment.id == PaymentTender.payment_id)
        .where(Payment.session_id == cash_session.id, PaymentTender.tender == Tender.CASH.value)
    ).one()
    return DrawerFigures(cash_session.float_fen, int(moved[0]), int(moved[1]), int(cash[0]),
                         int(cash[1]))


def receipts_in_session(session: Session, session_id: int) -> int:
    """How many receipts (payments, voids, corrections) a session has issued."""
    return int(session.scalar(select(func.count()).select_from(Payment)
                              .where(Payment.session_id == session_id)) or 0)


def open_session_of(
    session: Session, hall_id: int, *, user_id: int | None = None, counter_no: int | None = None
) -> CashSession | None:
    """The open session of a clerk, or at a counter, in a hall."""
    query = select(CashSession).where(CashSession.hall_id == hall_id,
                                      CashSession.state == "open")
    if user_id is not None:
        query = query.where(CashSession.user_id == user_id)
    if counter_no is not None:
        query = query.where(CashSession.counter_no == counter_no)
    return session.scalars(query.order_by(CashSession.id)).first()


def day_closed(session: Session, hall_id: int, day: date) -> bool:
    """Whether the hall's business day has been closed (日结)."""
    return session.scalar(select(DayClose.id).where(DayClose.hall_id == hall_id,
                                                    DayClose.day == day)) is not None


def unprinted_ids(session: Session, hall_id: int) -> list[int]:
    """Payments of the hall never sent to the printer, oldest first."""
    printed = exists().where(ReceiptPrint.payment_id == Payment.id)
    return [int(i) for i in session.scalars(
        select(Payment.id).where(Payment.hall_id == hall_id, ~printed).order_by(Payment.id))]


def last_copy_no(session: Session, payment_id: int) -> int | None:
    """The highest copy number printed of a receipt; None if never printed."""
    value = session.scalar(select(func.max(ReceiptPrint.copy_no))
                           .where(ReceiptPrint.payment_id == payment_id))
    return None if value is None else int(value)


def voided_by(session: Session, payment_ids: list[int]) -> dict[int, str]:
    """Receipt numbers of the voids of these payments, by the voided payment's id."""
    if not payment_ids:
        return {}
    rows = session.execute(select(Payment.voids_id, Payment.receipt_no)
                           .where(Payment.voids_id.in_(payment_ids)))
    return {int(v): str(n) for v, n in rows if v is not None}


def payment_id_of(session: Session, hall_id: int, receipt_no: str) -> int | None:
    """The payment with this receipt number in the hall; None if there is none."""
    found = session.scalar(select(Payment.id).where(Payment.hall_id == hall_id,
                                                    Payment.receipt_no == receipt_no))
    return None if found is None else int(found)


def reversal_kind(session: Session, payment_id: int) -> str | None:
    """The kind ("void" or "correction") of the row reversing a payment; None if none does."""
    found = session.scalar(select(Payment.kind).where(Payment.voids_id == payment_id).limit(1))
    return None if found is None else str(found)
