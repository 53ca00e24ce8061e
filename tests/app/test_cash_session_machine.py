"""Property: any run of payments, voids and cash in/out keeps the drawer's expected cash right.

expected = float + cash in − cash out + cash taken (net of change) − cash voided, checked by
closing the session with exactly that count: the difference must be 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.domain.cashier import (
    Tender,
    counted_total,
    expected_cash,
    settle_tenders,
    split_into_denominations,
)
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.persistence.db import Database
from app.services.cashier_dto import PaymentDraft, TenderDraft
from tests.app.cashier_setup import MANAGER_PASSWORD, Desk, make_desk

JIAO = st.integers(min_value=1, max_value=5000).map(lambda n: n * 10)  # countable amounts


@dataclass
class Paid:
    payment_id: int
    cash_fen: int  # what stayed in the drawer
    voided: bool = False


class CashSessionMachine(RuleBasedStateMachine):
    desk: Desk  # set by the test before running

    def __init__(self) -> None:
        super().__init__()
        self.session_id = 0
        self.float_fen = self.cash_in = self.cash_out = self.taken = self.voided = 0
        self.paid: list[Paid] = []

    @property
    def expected(self) -> int:
        return expected_cash(self.float_fen, self.cash_in, self.cash_out, self.taken,
                             self.voided)

    @initialize(float_fen=st.integers(min_value=0, max_value=2000).map(lambda n: n * 100))
    def open_session(self, float_fen: int) -> None:
        self.float_fen = float_fen
        self.session_id = self.desk.open(float_fen=float_fen)
        self.account = self.desk.hall.account(f"P{self.session_id}")[0]

    def _pay(self, amount: int, *tenders: tuple[str, int]) -> None:
        draft = PaymentDraft(self.account, self.session_id, amount,
                             tuple(TenderDraft(t, a) for t, a in tenders), True)
        receipt = self.desk.payments.pay(self.desk.clerk, draft)
        cash = sum(a for t, a in receipt.tenders if t == Tender.CASH.value)
        self.taken += cash
        self.paid.append(Paid(receipt.payment_id, cash))

    @rule(amount=JIAO, extra=st.integers(min_value=0, max_value=1000).map(lambda n: n * 10))
    def pay_cash_with_change(self, amount: int, extra: int) -> None:
        self._pay(amount, (Tender.CASH.value, amount + extra))

    @rule(amount=JIAO)
    def pay_by_card(self, amount: int) -> None:
        self._pay(amount, (Tender.POS.value, amount))

    @rule(amount=JIAO, share=st.floats(min_value=0, max_value=1), extra=JIAO)
    def pay_card_and_cash(self, amount: int, share: float, extra: int) -> None:
        card = max(10, int(amount * share) // 10 * 10)
        if card >= amount:
            self._pay(amount, (Tender.WECHAT.value, amount))
        else:
            self._pay(amount, (Tender.WECHAT.value, card), (Tender.CASH.value,
                                                            amount - card + extra))

    @rule(amount=JIAO)
    def cash_in(self, amount: int) -> None:
        self.desk.cash.move_cash(self.desk.clerk, self.session_id, amount, "补充备用金")
        self.cash_in += amount

    @rule(amount=JIAO)
    def cash_out(self, amount: int) -> None:
        if amount > self.expected:
            try:
                self.desk.cash.move_cash(self.desk.clerk, self.session_id, -amount, "上缴")
            except DomainError as error:
                assert error.key == "cash.out_exceeds_drawer"
            else:
                raise AssertionError("took out more than the drawer holds")
            return
        self.desk.cash.move_cash(self.desk.clerk, self.session_id, -amount, "上缴")
        self.cash_out += amount

    @precondition(lambda self: any(not p.voided for p in self.paid))
    @rule(data=st.data())
    def void(self, data: st.DataObject) -> None:
        target = data.draw(st.sampled_from([p for p in self.paid if not p.voided]))
        self.desk.payments.void(self.desk.clerk, target.payment_id, "keyed wrong", "manager1",
                                MANAGER_PASSWORD)
        target.voided = True
        self.voided += target.cash_fen

    @invariant()
    def receipts_counted(self) -> None:
        if self.session_id:
            view = self.desk.cash.session(self.session_id)
            assert view.payments == len(self.paid) + sum(p.voided for p in self.paid)

    def teardown(self) -> None:
        if not self.session_id:
            return
        expected = self.expected
        assert expected >= 0
        counts = split_into_denominations(expected)
        try:
            result = self.desk.cash.close_session(self.desk.clerk, self.session_id, counts)
        except DomainError:
            # leave the clerk free for the next example, then report the real problem
            self.desk.cash.close_session(self.desk.clerk, self.session_id, counts, "manager1",
                                         MANAGER_PASSWORD, "test cleanup")
            raise
        assert (result.expected_fen, result.difference_fen) == (expected, 0)


def test_expected_cash_of_any_session(db: Database, clock: FixedClock) -> None:
    CashSessionMachine.desk = make_desk(db, clock)
    run_state_machine_as_test(CashSessionMachine, settings=settings(
        max_examples=25, stateful_step_count=12, deadline=None,
        suppress_health_check=[HealthCheck.too_slow]))


@dataclass(frozen=True)
class Given:
    tender: str
    amount_fen: int


@given(due=st.integers(min_value=1, max_value=10**7),
       tenders=st.lists(st.tuples(st.sampled_from([t.value for t in Tender]),
                                  st.integers(min_value=1, max_value=10**7)),
                        min_size=1, max_size=4))
def test_settle_tenders_gives_change_only_from_cash(due: int,
                                                    tenders: list[tuple[str, int]]) -> None:
    cash = sum(a for t, a in tenders if t == Tender.CASH.value)
    other = sum(a for t, a in tenders if t != Tender.CASH.value)
    try:
        amount, change = settle_tenders(due, [Given(t, a) for t, a in tenders])
    except DomainError as error:
        assert (error.key == "payment.overpaid_card") == (other > due)
        assert other > due or cash + other < due
        return
    assert amount == due and 0 <= change <= cash
    assert cash + other - change == due


@given(st.integers(min_value=0, max_value=10**8).map(lambda n: n * 10))
def test_a_split_count_adds_up(amount: int) -> None:
    assert counted_total(split_into_denominations(amount)) == amount
