"""Readings: recorded, checked per gas use, billed at once or sent to review; review; import."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.domain.accounts import AccountStatus, GasUse, MeterDraft, UserType
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.readings import ReadingRules
from app.domain.tariff import LateFeeRule, Tariff, TariffKind, Tier
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import Bill, BillLine, LedgerEntry, Reading, ReadingBatch
from app.services.account_service import AccountService
from app.services.auth_service import AuthService
from app.services.billing_dto import ImportRow, ReadingDraft
from app.services.billing_service import BillingService
from app.services.dto import Operator
from app.services.reading_service import ReadingService
from app.services.tariff_service import TariffService
from tests.conftest import sample_draft

M3 = 1000

# 东莞 (DOMAIN.md §8.2): 0-370 m³ 3.40, 370-560 m³ 4.08, above 5.10 yuan/m³, cycle from 1 January
DONGGUAN = Tariff(
    id=None, user_type="residential", gas_use="cooking", effective_from=date(2020, 1, 1),
    name="东莞居民", kind=TariffKind.TIERED,
    tiers=(Tier(370 * M3, 34000), Tier(560 * M3, 40800), Tier(None, 51000)),
    late_fee=LateFeeRule(ppm_per_day=3000, grace_days=10),
)
NO_FEE = replace(DONGGUAN, late_fee=LateFeeRule())


@dataclass
class Hall:
    """A hall with its staff, services and a clock that the test moves."""

    db: Database
    clock: FixedClock
    hall_id: int
    admin: Operator
    manager: Operator
    clerk: Operator

    @property
    def readings(self) -> ReadingService:
        return ReadingService(self.db, self.clock)

    @property
    def billing(self) -> BillingService:
        return BillingService(self.db, self.clock)

    @property
    def tariffs(self) -> TariffService:
        return TariffService(self.db, self.clock)

    def account(self, meter_no: str, **changes: object) -> tuple[int, int]:
        """Open an account with one meter; return (account id, meter id)."""
        draft = sample_draft(meter=MeterDraft(meter_no), **changes)
        detail = AccountService(self.db, self.clock).create(self.admin, draft)
        return detail.id, detail.meters[0].id

    def read(self, meter_id: int, on: date, m3: float | None, **changes: object) -> object:
        """Record a reading typed in m³ on the given day (the clock moves to that day)."""
        self.clock.at = datetime.combine(on, datetime.min.time()).replace(hour=9)
        litres = None if m3 is None else round(m3 * M3)
        draft = replace(ReadingDraft(meter_id, on, litres), **changes)  # type: ignore[arg-type]
        return self.readings.record(self.clerk, draft)

    def count(self, table: type) -> int:
        with self.db.reading() as session:
            return int(session.scalar(select(func.count()).select_from(table)) or 0)


def make_hall(db: Database, clock: FixedClock) -> Hall:
    AuthService(db, clock).first_setup("东城营业厅", "admin123")
    admin = AuthService(db, clock).login("admin", "admin123")

    def staff(user_id: int, name: str, role: Role) -> Operator:
        return Operator(user_id, name, name, role, admin.hall_id)

    hall = Hall(db, clock, admin.hall_id, admin, staff(90, "manager1", Role.MANAGER),
                staff(91, "clerk1", Role.CLERK))
    hall.tariffs.add_version(hall.manager, NO_FEE)
    # a tiered tariff with late fees, for the late-fee tests
    hall.tariffs.add_version(hall.manager, replace(
        DONGGUAN, user_type="non_residential", gas_use="commercial"))
    return hall


@pytest.fixture
def hall(any_db: Database, clock: FixedClock) -> Iterator[Hall]:
    yield make_hall(any_db, clock)


@pytest.fixture
def sqlite_hall(db: Database, clock: FixedClock) -> Iterator[Hall]:
    yield make_hall(db, clock)


def test_first_reading_is_the_baseline_then_readings_are_billed_at_once(hall: Hall) -> None:
    hall.tariffs.save_rules(hall.manager, "commercial", ReadingRules(high_litres=1000 * M3))
    account_id, meter = hall.account("M1", user_type=UserType.NON_RESIDENTIAL,
                                     gas_use=GasUse.COMMERCIAL)
    first = hall.read(meter, date(2026, 1, 1), 1000)
    assert (first.state, first.bill_id, first.consumption_litres) == ("not_billed", None, None)

    second = hall.read(meter, date(2026, 3, 1), 1100)  # 100 m³ × 3.40
    assert (second.state, second.flags, second.consumption_litres) == ("billed", (), 100 * M3)
    assert second.total_fen == 34000
    third = hall.read(meter, date(2026, 5, 1), 1370)  # 270 m³ more: 270 × 3.40 = 918.00
    fourth = hall.read(meter, date(2026, 7, 1), 1470)  # 100 m³, all in tier 2
    # bill 1 (340.00, due 11 March after 10 grace days) is 51 days late on 1 May:
    # 34000 fen × 0.3 % × 51 = 5202 fen of late fee, its own line
    assert third.total_fen == 91800 + 5202
    # cumulative 370 → 470: all 100 m³ in tier 2 at 4.08 = 408.00; late fees since the last
    # fee (bill 1: 1 May + 61 days) and since its due date (bill 2: 11 May + 51 days), bill 2's
    # on its gas charges only (918.00, not its 52.02 of late fee): 91800 × 0.3 % × 51 = 14045.4
    assert fourth.total_fen == 40800 + 34000 * 3 * 61 // 1000 + 14045

    history = hall.billing.history(account_id)
    newest = history.bills[0]
    assert (newest.cumulative_litres, newest.tier_no, newest.tier_left_litres) == (
        470 * M3, 2, 90 * M3)
    assert [line.tier_no for line in newest.lines][0] == 2
    assert [(line.kind, line.late_bill_id, line.days) for line in newest.lines[1:]] == [
        ("late_fee", history.bills[2].id, 61), ("late_fee", history.bills[1].id, 51)]
    assert history.balance_fen == -(34000 + 97002 + fourth.total_fen)
    assert history.arrears_fen == 34000 + 97002  # the newest bill is not due yet


def test_a_bill_crossing_a_tier_has_one_line_per_tier(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    hall.read(meter, date(2026, 3, 1), 100)
    hall.read(meter, date(2026, 5, 1), 200)
    hall.read(meter, date(2026, 7, 1), 300)  # cumulative 300 m³
    outcome = hall.read(meter, date(2026, 9, 1), 400)  # 70 m³ at 3.40, 30 m³ at 4.08
    assert outcome.state == "billed"
    with hall.db.reading() as session:
        lines = session.execute(
            select(BillLine.kind, BillLine.tier_no, BillLine.litres, BillLine.amount_fen)
            .where(BillLine.bill_id == outcome.bill_id).order_by(BillLine.seq)).all()
    tiers = [tuple(line[1:]) for line in lines if line.kind == "tier"]
    assert tiers == [(1, 70 * M3, 23800), (2, 30 * M3, 12240)]
    assert outcome.total_fen == sum(line.amount_fen for line in lines)
    assert len(lines) == 2


def test_lower_value_asks_for_a_rollover_and_a_confirmed_one_is_billed(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 99950)
    with pytest.raises(DomainError) as error:
        hall.read(meter, date(2026, 2, 1), 20)
    assert (error.value.key, error.value.problems[0].field) == ("reading.lower_than_previous",
                                                                "value")
    assert hall.count(Reading) == 1
    outcome = hall.read(meter, date(2026, 2, 1), 20, rollover_confirmed=True)
    # 5 digits: 100000 − 99950 + 20 = 70 m³
    assert (outcome.state, outcome.rollover, outcome.consumption_litres) == ("billed", True,
                                                                             70 * M3)


def test_flagged_readings_wait_in_review_and_are_not_billed(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 100)
    zero = hall.read(meter, date(2026, 2, 1), 100)
    assert (zero.state, zero.flags, zero.bill_id) == ("review", ("zero",), None)
    assert hall.count(Bill) == 0
    items = hall.readings.review_list(hall.hall_id)
    assert [(i.reading_id, i.flags, i.account_no != "") for i in items] == [
        (zero.reading_id, ("zero",), True)]
    # the next reading waits for the one before it
    after = hall.read(meter, date(2026, 3, 1), 130)
    assert (after.state, after.flags) == ("review", ("previous_in_review",))
    with pytest.raises(DomainError, match="reading.previous_in_review"):
        hall.readings.accept(hall.manager, after.reading_id)

    accepted = hall.readings.accept(hall.manager, zero.reading_id, "meter checked")
    assert (accepted.state, accepted.total_fen) == ("billed", 0)
    accepted_after = hall.readings.accept(hall.manager, after.reading_id)
    assert (accepted_after.state, accepted_after.total_fen) == ("billed", 30 * 340)
    assert hall.readings.review_list(hall.hall_id) == []


def test_too_high_uses_the_gas_use_rules_and_defaults(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    assert hall.read(meter, date(2026, 2, 1), 151).flags == ("high",)  # default 150 m³
    _, meter2 = hall.account("M2", mobile="13912345678")
    hall.tariffs.save_rules(hall.manager, "cooking", ReadingRules(high_litres=300 * M3))
    assert hall.tariffs.rules()["cooking"].high_litres == 300 * M3
    assert hall.tariffs.rules()["boiler"] == ReadingRules()
    hall.read(meter2, date(2026, 1, 1), 0)
    assert hall.read(meter2, date(2026, 2, 1), 151).state == "billed"


def test_drop_against_the_last_three_periods_and_inactive_accounts(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    hall.read(meter, date(2026, 2, 1), 31)  # 1 m³/day
    drop = hall.read(meter, date(2026, 3, 1), 36.6)  # 0.2 m³/day: down 80 %
    assert drop.flags == ("drop",)
    _, closed = hall.account("M2", mobile="13912345678", status=AccountStatus.SUSPENDED)
    hall.read(closed, date(2026, 1, 1), 0)
    assert hall.read(closed, date(2026, 2, 1), 5).flags == ("inactive",)


def test_correct_and_estimate_need_a_reason_and_are_audited(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    hall.read(meter, date(2026, 2, 1), 31)
    hall.read(meter, date(2026, 3, 1), 59)
    hall.read(meter, date(2026, 4, 1), 90)
    high = hall.read(meter, date(2026, 5, 1), 900)
    assert high.flags == ("high",)
    with pytest.raises(DomainError, match="reading.reason_required"):
        hall.readings.correct(hall.manager, high.reading_id, 120 * M3, " ")
    with pytest.raises(DomainError, match="auth.forbidden"):
        hall.readings.correct(hall.clerk, high.reading_id, 120 * M3, "typo")
    items = hall.readings.review_list(hall.hall_id)
    # 90 m³ over 90 days = 1 m³/day; April has 30 days
    assert items[0].estimate_litres == 30 * M3
    estimated = hall.readings.estimate(hall.manager, high.reading_id, "meter unreadable")
    assert (estimated.consumption_litres, estimated.total_fen) == (30 * M3, 30 * 340)
    with hall.db.reading() as session:
        row = session.get_one(Reading, high.reading_id)
        assert (row.value_litres, row.source, row.estimated, row.review_note) == (
            120 * M3, "03", True, "meter unreadable")
        actions = session.scalars(select(func.count()).where(
            LedgerEntry.kind == "BLL")).one()
    assert actions == 4

    hall.read(meter, date(2026, 6, 1), 130)
    wrong = hall.read(meter, date(2026, 7, 1), 1130)
    corrected = hall.readings.correct(hall.manager, wrong.reading_id, 160 * M3, "typo: 1130")
    assert (corrected.consumption_litres, corrected.total_fen) == (30 * M3, 30 * 340)


def test_check_and_no_value_readings_are_never_billed(hall: Hall) -> None:
    _, meter = hall.account("M1")
    hall.read(meter, date(2026, 1, 1), 0)
    check = hall.read(meter, date(2026, 1, 15), 10, kind="Z")
    locked = hall.read(meter, date(2026, 2, 1), None, source="04")
    assert (check.state, locked.state) == ("not_billed", "not_billed")
    with pytest.raises(DomainError, match="reading.value_required"):
        hall.read(meter, date(2026, 2, 2), None, source="01")
    # the next real reading is measured from the last one that is not a check reading
    outcome = hall.read(meter, date(2026, 3, 1), 20)
    assert (outcome.consumption_litres, outcome.state) == (20 * M3, "billed")
    with pytest.raises(DomainError, match="reading.not_latest"):
        hall.read(meter, date(2026, 2, 20), 15)
    with pytest.raises(DomainError, match="reading.already_recorded"):
        hall.read(meter, date(2026, 3, 1), 25)


def test_route_sheet_shows_previous_and_todays_readings(hall: Hall) -> None:
    _, meter = hall.account("M1")
    _, meter2 = hall.account("M2", mobile="13912345678", route_book="B02")
    hall.read(meter, date(2026, 1, 1), 10)
    hall.read(meter, date(2026, 2, 1), 30)
    assert hall.readings.route_books(hall.hall_id) == ["B01", "B02"]
    sheet = hall.readings.route_sheet(hall.hall_id, "B01", date(2026, 2, 1))
    assert [(r.meter_no, r.previous_value, r.previous_on, r.value, r.consumption, r.state)
            for r in sheet] == [("M1", 10 * M3, date(2026, 1, 1), 30 * M3, 20 * M3, "billed")]
    check = hall.readings.check(ReadingDraft(meter, date(2026, 3, 1), 30 * M3))
    assert check is not None and check.flags == ("zero", "drop")
    assert hall.readings.check(ReadingDraft(meter2, date(2026, 3, 1), 30 * M3)) is None


def rows_for(numbers: list[str], on: date, m3: list[float]) -> list[ImportRow]:
    pairs = enumerate(zip(numbers, m3, strict=True))
    return [ImportRow(k + 2, n, on, round(v * M3)) for k, (n, v) in pairs]


def test_import_stores_checks_and_bills_in_one_transaction(hall: Hall) -> None:
    meters = [hall.account(f"M{k}", mobile=f"1391234567{k}")[1] for k in range(3)]
    del meters
    numbers = ["M0", "M1", "M2"]
    first = hall.readings.import_rows(hall.clerk, hall.hall_id, "jan.csv",
                                      rows_for(numbers, date(2026, 1, 1), [0, 0, 0]))
    assert (first.rows, first.billed, first.not_billed) == (3, 0, 3)
    second = hall.readings.import_rows(hall.clerk, hall.hall_id, "feb.csv",
                                       rows_for(numbers, date(2026, 2, 1), [10, 0, 20]))
    assert (second.billed, second.in_review, second.total_fen) == (2, 1, 30 * 340)
    with hall.db.reading() as session:
        batch = session.get_one(ReadingBatch, second.batch_id)
        assert (batch.file_name, batch.rows) == ("feb.csv", 3)


def test_import_refuses_unknown_meters_and_cancel_leaves_nothing(hall: Hall) -> None:
    hall.account("M1")
    with pytest.raises(DomainError) as error:
        hall.readings.import_rows(hall.clerk, hall.hall_id, "x.csv",
                                  rows_for(["M1", "NOPE"], date(2026, 1, 1), [1, 2]))
    assert error.value.key == "import.unknown_meter"
    assert error.value.problems[0].params["line"] == 3
    hall.readings.import_rows(hall.clerk, hall.hall_id, "a.csv",
                              rows_for(["M1"], date(2026, 1, 1), [1]))
    before = [hall.count(t) for t in (Reading, Bill, BillLine, LedgerEntry, ReadingBatch)]
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    collector = gc.get_threshold()
    gc.enable()  # the test fixture keeps it off; the import pauses it and must switch it back on
    try:
        with pytest.raises(DomainError, match="import.cancelled"):
            hall.readings.import_rows(hall.clerk, hall.hall_id, "b.csv",
                                      rows_for(["M1"], date(2026, 2, 1), [20]), cancel)
        assert (gc.isenabled(), gc.get_threshold()) == (True, collector)
    finally:
        gc.disable()
    assert calls == [(1, 1)]
    assert [hall.count(t) for t in (Reading, Bill, BillLine, LedgerEntry, ReadingBatch)] == before
