"""A hall ready for the cash desk: real staff users, billed accounts, the cashier's services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from app.domain.cashier import Tender
from app.domain.clock import FixedClock
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import LedgerEntry
from app.services.auth_service import AuthService
from app.services.cash_service import CashService
from app.services.cashier_dto import PaymentDraft, ReceiptView, TenderDraft
from app.services.dto import Operator
from app.services.payment_service import PaymentService
from tests.app.test_reading_service import Hall, make_hall

CLERK_PASSWORD = "clerk123"
MANAGER_PASSWORD = "manager123"
DAY = datetime(2026, 11, 23, 9, 0)


@dataclass
class Desk:
    """A hall with two clerks and a manager who can log in, and the cashier's services."""

    hall: Hall
    clerk: Operator
    clerk2: Operator
    manager: Operator

    @property
    def db(self) -> Database:
        return self.hall.db

    @property
    def clock(self) -> FixedClock:
        return self.hall.clock

    @property
    def cash(self) -> CashService:
        return CashService(self.db, self.clock)

    @property
    def payments(self) -> PaymentService:
        return PaymentService(self.db, self.clock)

    def billed_account(self, meter_no: str, *m3: float, **changes: object) -> int:
        """An account with a baseline reading on 1 Jan 2026 and one bill per further reading.

        The readings are two months apart; the clock is back at ``DAY`` afterwards.
        """
        account_id, meter = self.hall.account(meter_no, **changes)
        self.hall.read(meter, date(2026, 1, 1), 0)
        for n, value in enumerate(m3, start=1):
            self.hall.read(meter, date(2026, 1 + 2 * n, 1), value)
        self.clock.at = DAY
        return account_id

    def open(self, operator: Operator | None = None, counter_no: int = 1,
             float_fen: int = 50000) -> int:
        return self.cash.open_session(operator or self.clerk, counter_no, float_fen).id

    def pay_cash(self, session_id: int, account_id: int, amount: int, handed: int,
                 bill_ids: tuple[int, ...] | None = None,
                 operator: Operator | None = None) -> ReceiptView:
        draft = PaymentDraft(account_id, session_id, amount,
                             (TenderDraft(Tender.CASH.value, handed),), True, bill_ids)
        return self.payments.pay(operator or self.clerk, draft)

    def ledger_sum(self, account_id: int) -> int:
        with self.db.reading() as session:
            return int(session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount_fen), 0))
                                      .where(LedgerEntry.account_id == account_id)) or 0)


def make_desk(db: Database, clock: FixedClock) -> Desk:
    """The reading tests' hall (tariffs, admin) plus two clerks and a manager."""
    clock.at = DAY
    hall = make_hall(db, clock)
    auth = AuthService(db, clock)
    auth.create_user(hall.admin, "clerk1", "王小燕", Role.CLERK, CLERK_PASSWORD)
    auth.create_user(hall.admin, "clerk2", "赵敏", Role.CLERK, CLERK_PASSWORD)
    auth.create_user(hall.admin, "manager1", "李建国", Role.MANAGER, MANAGER_PASSWORD)
    clerk = auth.login("clerk1", CLERK_PASSWORD)
    clerk2 = auth.login("clerk2", CLERK_PASSWORD)
    manager = auth.login("manager1", MANAGER_PASSWORD)
    hall.clerk, hall.manager = clerk, manager
    return Desk(hall, clerk, clerk2, manager)
