"""Demo data and bulk seeding: believable rows, working logins and search, consistent indexes."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Sequence
from datetime import date

import pytest
from sqlalchemy import func, select, text

from app.domain.accounts import Address, MeterDraft
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.identity import id_number_problem, phone_problem
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import Account, AuditEntry, BillLine, Customer, Hall, Meter, Reading
from app.persistence.orm import Counter as CounterRow
from app.services.account_service import AccountService
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.billing_service import BillingService
from app.services.demo_data import (
    DemoPeople,
    meter_number,
    meter_numbers,
    numbered,
    org_check_char,
    uscc_check_char,
)
from app.services.demo_service import DemoService
from app.services.queue_admin_service import QueueAdminService
from tests.conftest import sample_draft

# The passwords the README documents for the demo users.
README_USERS = {
    "admin": ("admin123", Role.ADMINISTRATOR),
    "manager": ("manager123", Role.MANAGER),
    "clerk": ("clerk123", Role.CLERK),
    "clerk2": ("clerk123", Role.CLERK),
}


def account_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Account)) or 0


def series_value(db: Database) -> int:
    """The account number counter (gapless series "account")."""
    with db.reading() as session:
        return session.scalar(select(CounterRow.value).where(CounterRow.name == "account")) or 0


def sqlite_schema(db: Database) -> set[tuple[str, str]]:
    with db.reading() as session:
        rows = session.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
            "AND sql IS NOT NULL"
        )).all()
    return {(name, sql) for name, sql in rows}


def assert_address_index_consistent(db: Database) -> None:
    """FTS5's own check, comparing the trigram index with the accounts table (rank 1)."""
    if db.kind != "sqlite":
        return
    path = db.engine.url.database or ""
    conn = sqlite3.connect(path)
    try:
        conn.execute("INSERT INTO account_address_fts(account_address_fts, rank) "
                     "VALUES ('integrity-check', 1)")
        indexed = conn.execute("SELECT count(*) FROM account_address_fts").fetchone()[0]
        assert indexed == conn.execute("SELECT count(*) FROM accounts").fetchone()[0]
    finally:
        conn.close()


def test_demo_loads_a_believable_hall(any_db: Database, clock: FixedClock) -> None:
    DemoService(any_db, clock).load_demo(5000)

    assert account_count(any_db) == 5000
    assert series_value(any_db) == 5000
    with any_db.reading() as session:
        hall = session.scalars(select(Hall)).one()
        customers = session.scalars(select(Customer)).all()
        accounts = session.scalars(select(Account).order_by(Account.id)).all()
        meters = session.scalars(select(Meter)).all()
        assert (hall.code, hall.name, hall.hotline, hall.idle_lock_minutes) == (
            "01", "东城燃气营业厅", "0769-22221234", 10)
        assert hall.opening_hours == "周一至周五 8:30-17:00，周末 8:30-16:30"
        assert_customers_believable(customers)
        assert_accounts_believable(accounts)
        assert len({m.meter_no for m in meters}) == 5000
        assert all(re.fullmatch(r"JK\d{9}", m.meter_no) and m.digits == 5 for m in meters)
        assert Counter(m.kind for m in meters).most_common(1)[0][0] == "mechanical"
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions[0] == "demo.loaded"
    assert Counter(actions[1:]) == {"tariff.version_added": 10, "reading_rules.changed": 7,
                                    "readings.imported": 1}
    assert AuditService(any_db).verify().intact
    assert [(c.prefix, c.name, c.counters, c.time_limit_minutes, c.active)
            for c in QueueAdminService(any_db, clock).categories(hall.id)] == [
        ("A", "缴费", (1, 2, 3), 5, True), ("B", "业务办理", (2, 3, 4), 15, True),
        ("C", "报装维修", (4,), 20, True), ("D", "咨询投诉", (1, 2, 3, 4), 10, True)]


def assert_customers_believable(customers: Sequence[Customer]) -> None:
    people = [c for c in customers if c.id_type == "resident_id"]
    companies = [c for c in customers if c.id_type == "business_licence"]
    assert all(id_number_problem(c.id_number) is None for c in people)
    assert all(uscc_check_char(c.id_number[:17]) == c.id_number[17] for c in companies)
    assert 0.03 < len(companies) / len(customers) < 0.07
    assert all(2 <= len(c.name) <= 4 for c in people)
    surnames = Counter(c.name[0] for c in people)
    assert {s for s, _ in surnames.most_common(4)} & {"陈", "李", "黄", "张"}
    for c in customers:
        assert c.mobile or c.phone
        if c.mobile:
            assert re.fullmatch(r"1[3-9]\d{9}", c.mobile) and not phone_problem(c.mobile)
        assert not c.phone or re.fullmatch(r"0769-2\d{7}", c.phone)
        assert c.mobile_rev == c.mobile[::-1]
        assert c.phone_rev == c.phone.replace("-", "")[::-1]
    assert any(c.phone for c in people) and any(c.mobile and c.phone for c in people)


def assert_accounts_believable(accounts: Sequence[Account]) -> None:
    assert [a.account_no for a in accounts[:2]] == ["0100000001", "0100000002"]
    for a in accounts:
        address = Address(a.district, a.street, a.community, a.building, a.unit, a.room)
        assert a.address_text == address.text()
        assert re.fullmatch(r"[A-Z]{2}-\d{3}", a.route_book)
        assert 1 <= a.household_size <= 7
    statuses = Counter(a.status for a in accounts)
    assert statuses["normal"] > 0.85 * len(accounts) and len(statuses) >= 4
    uses = {a.gas_use for a in accounts if a.user_type == "non_residential"}
    assert uses == {"commercial", "industry", "public", "boiler"}
    assert any(a.heating for a in accounts) and any(a.low_income for a in accounts)
    assert {a.district for a in accounts} >= {"东城区", "南城区", "莞城区", "万江区", "寮步镇"}


def test_demo_users_log_in_with_the_readme_passwords(db: Database, clock: FixedClock) -> None:
    DemoService(db, clock).load_demo(10)
    auth = AuthService(db, clock)
    for username, (password, role) in README_USERS.items():
        operator = auth.login(username, password)
        assert operator.role is role
    assert auth.login("manager", "manager123").full_name == "李建国"
    assert auth.login("admin", "admin123").full_name == "系统管理员"


def test_demo_accounts_have_two_years_of_bills(db: Database, clock: FixedClock) -> None:
    DemoService(db, clock).load_demo(200)

    with db.reading() as session:
        normal = session.scalars(select(Account.id).where(Account.status == "normal")).all()
        readings = dict(session.execute(
            select(Reading.account_id, func.count()).group_by(Reading.account_id)).all())
        states = Counter(session.scalars(select(Reading.state)).all())
        split = session.scalar(select(func.count(func.distinct(BillLine.bill_id))).where(
            BillLine.tariff_id.is_not(None), BillLine.from_on < date(2025, 1, 1),
            BillLine.to_on > date(2025, 1, 1)))
    assert normal and all(readings[a] == 13 for a in normal)  # baseline + 12 bimonthly
    assert states["billed"] >= 11 * len(normal)
    assert split == 0  # lines stop at the price change …
    history = BillingService(db, clock).history(normal[0])
    assert len(history.months) == 24 and sum(m.litres for m in history.months) > 0
    winter = [b for b in history.bills if b.period_from < date(2025, 1, 1) < b.period_to]
    assert winter and {line.from_on for line in winter[0].lines if line.kind == "tier"} >= {
        date(2025, 1, 1)}  # … and the bill across it has lines on both sides
    balances = [BillingService(db, clock).balance(a) for a in normal]
    assert any(b < 0 for b in balances) and any(b == 0 for b in balances)  # some owe the latest
    assert AuditService(db).verify().intact and AuditService(db).verify_ledger().intact


def test_a_new_account_continues_the_series(any_db: Database, clock: FixedClock) -> None:
    DemoService(any_db, clock).load_demo(300)
    clerk = AuthService(any_db, clock).login("clerk", "clerk123")
    accounts = AccountService(any_db, clock)

    created = accounts.create(clerk, sample_draft())

    assert created.account_no == "0100000301"
    assert series_value(any_db) == 301 == account_count(any_db)
    assert accounts.search("0100000301").ids == (created.id,)
    assert accounts.search("阳光小").ids == (created.id,)


def test_demo_refuses_a_database_with_users(db: Database, clock: FixedClock) -> None:
    AuthService(db, clock).first_setup("东城营业厅", "admin123")

    with pytest.raises(DomainError) as refused:
        DemoService(db, clock).load_demo(10)

    assert refused.value.key == "setup.already_done"
    assert account_count(db) == 0


def test_demo_people_are_reproducible() -> None:
    first = DemoPeople(7, date(2026, 11, 23)).batch(300)
    again = DemoPeople(7, date(2026, 11, 23)).batch(300)
    other = DemoPeople(8, date(2026, 11, 23)).batch(300)

    assert first == again
    assert first.name != other.name
    assert max(first.opened_on) < date(2026, 11, 23)
    assert all(i >= o for i, o in zip(first.meter_installed_on, first.opened_on, strict=True))


def test_every_generated_id_number_is_valid() -> None:
    batch = DemoPeople(11, date(2026, 11, 23)).batch(20000)
    residents = [n for n, t in zip(batch.id_number, batch.id_type, strict=True)
                 if t == "resident_id"]
    assert len(residents) > 18000
    assert [n for n in residents if id_number_problem(n)] == []
    assert all(1940 <= int(n[6:10]) <= 2004 for n in residents)
    assert Counter(n[:6] for n in residents).most_common(1)[0][0] == "441900"
    assert len(set(residents)) > len(residents) - 10  # as if each were drawn on its own


def test_generated_people_vary_as_much_as_drawn_one_by_one() -> None:
    batch = DemoPeople(12, date(2026, 11, 23)).batch(20000)
    names = [n for n, t in zip(batch.name, batch.id_type, strict=True) if t == "resident_id"]
    assert len(set(names)) > 12000  # surnames times given names, not a pool of people
    assert 0.22 < sum(len(n) == 2 for n in names) / len(names) < 0.28  # one given char in four
    assert len(set(batch.address_text)) > 0.97 * len(batch)  # 46 estates x 30 x 4 x 132 rooms
    phones = [p for p in batch.mobile + batch.phone if p]
    assert len({p[-4:] for p in phones}) > 8500  # last four digits, as searched, spread evenly
    for count in Counter(p[-1] for p in phones).values():
        assert 0.09 < count / len(phones) < 0.11


def test_generated_rows_hang_together() -> None:
    batch = DemoPeople(13, date(2026, 11, 23)).batch(5000)
    businesses = 0
    for row in range(len(batch)):
        assert batch.address_text[row] == batch.address(row).text()
        assert batch.opened_on[row] <= batch.meter_installed_on[row] < date(2026, 11, 23)
        if batch.status[row] in ("removed", "closed"):
            assert batch.meter_status[row] == "removed"
        if batch.user_type[row] == "residential":
            assert batch.id_type[row] == "resident_id" and batch.gas_use[row] == "cooking"
            assert re.fullmatch(r"[A-Z]{2}-0\d\d", batch.route_book[row]) and batch.room[row]
            continue
        businesses += 1
        code = batch.id_number[row]
        assert batch.id_type[row] == "business_licence" and code.startswith("91441900")
        assert org_check_char(code[8:16]) == code[16] and uscc_check_char(code[:17]) == code[17]
        assert re.fullmatch(r"[A-Z]{2}-9\d\d", batch.route_book[row]) and batch.phone[row]
        assert batch.community[row].endswith("号") and batch.household_size[row] == 1
    assert 0.03 < businesses / len(batch) < 0.07


def test_numbers_made_in_bulk_are_those_made_one_by_one() -> None:
    jitters = [0, 36, 5, 17]
    assert meter_numbers(37, jitters) == [meter_number(37 + k, j) for k, j in enumerate(jitters)]
    assert numbered("01", 99_999_998, 2, 8) == ["0199999998", "0199999999"]
    with pytest.raises(ValueError, match="8 digits"):
        numbered("01", 99_999_999, 2, 8)
    with pytest.raises(ValueError, match="jitter"):
        meter_numbers(37, [37])
    with pytest.raises(ValueError, match="out of range"):
        meter_numbers(24_324_324, [12])


def test_seed_keeps_search_working_for_every_kind(any_db: Database, clock: FixedClock) -> None:
    service = DemoService(any_db, clock)
    service.load_demo(200)
    schema = sqlite_schema(any_db) if any_db.kind == "sqlite" else set()

    rate = service.seed(3000, batch=700)

    assert rate > 0
    assert account_count(any_db) == 3200 == series_value(any_db)
    assert_every_kind_found(any_db, clock, [1, 150, 201, 1777, 3200])
    assert AuditService(any_db).verify().intact
    assert_address_index_consistent(any_db)
    if any_db.kind == "sqlite":
        assert sqlite_schema(any_db) == schema  # triggers and indexes all back


def assert_every_kind_found(db: Database, clock: FixedClock, account_ids: list[int]) -> None:
    search = AccountService(db, clock).search
    with db.reading() as session:
        for account_id in account_ids:
            account = session.get_one(Account, account_id)
            meter_no = session.scalar(select(Meter.meter_no).where(Meter.account_id == account_id))
            phone = account.customer.mobile or account.customer.phone
            assert search(account.account_no).ids == (account_id,)
            assert search(str(meter_no)).ids == (account_id,)
            assert account_id in search(phone[-4:]).ids
            assert account_id in search(account.customer.name).ids
            assert account_id in search(account.customer.name[0]).ids
            assert account_id in search(account.community[:3]).ids  # trigram index
            # Short, and no name starts with it (a school may be named after its street): the
            # LIKE fallback.
            assert account_id in search(account.street[-2:]).ids


def test_seeding_less_than_there_is_keeps_the_indexes_in_place(
    db: Database, clock: FixedClock
) -> None:
    service = DemoService(db, clock)
    service.seed(1000)
    schema = sqlite_schema(db)

    service.seed(300, batch=100)  # the indexes stay; only the address trigger steps aside

    assert sqlite_schema(db) == schema
    assert account_count(db) == 1300 == series_value(db)
    assert_every_kind_found(db, clock, [1000, 1001, 1300])
    assert_address_index_consistent(db)


def test_seed_on_an_empty_database_creates_the_hall_only(db: Database, clock: FixedClock) -> None:
    DemoService(db, clock).seed(50)

    with db.reading() as session:
        assert session.scalars(select(Hall.code)).all() == ["01"]
    auth = AuthService(db, clock)
    assert not auth.has_users()
    auth.first_setup("ignored: the hall exists", "admin123")
    admin = auth.login("admin", "admin123")
    created = AccountService(db, clock).create(admin, sample_draft())
    assert created.account_no == "0100000051"


def test_accounts_created_after_a_seed_are_found_by_address(
    db: Database, clock: FixedClock
) -> None:
    service = DemoService(db, clock)
    service.load_demo(20)
    service.seed(500)
    clerk = AuthService(db, clock).login("clerk", "clerk123")
    accounts = AccountService(db, clock)

    created = accounts.create(clerk, sample_draft(
        address=Address("南城区", "幸福路", "翠湖苑", "1", "1", "101")))

    assert accounts.search("翠湖苑").ids == (created.id,)
    assert_address_index_consistent(db)


def test_seed_skips_meter_numbers_typed_by_hand(db: Database, clock: FixedClock) -> None:
    AuthService(db, clock).first_setup("东城营业厅", "admin123")
    admin = AuthService(db, clock).login("admin", "admin123")
    accounts = AccountService(db, clock)
    # Meters 1..36 get, by hand, 36 of the 37 numbers the seed's first meter (serial 37) may use.
    for jitter in range(36):
        accounts.create(admin, sample_draft(meter=MeterDraft(meter_number(37, jitter))))

    DemoService(db, clock).seed(5)

    with db.reading() as session:
        numbers = session.scalars(select(Meter.meter_no).order_by(Meter.id)).all()
    assert len(numbers) == len(set(numbers)) == 41
    assert numbers[36] == meter_number(37, 36)


def test_a_failed_seed_leaves_everything_as_it_was(
    db: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = DemoService(db, clock)
    service.seed(100)
    schema = sqlite_schema(db)
    calls = {"n": 0}
    real_batch = DemoPeople.batch

    def failing_batch(self: DemoPeople, count: int) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return real_batch(self, count)

    monkeypatch.setattr(DemoPeople, "batch", failing_batch)
    with pytest.raises(RuntimeError):
        service.seed(300, batch=100)

    assert sqlite_schema(db) == schema
    assert account_count(db) == 100 == series_value(db)
    assert_address_index_consistent(db)
    assert AuditService(db).verify().checked == 1


def test_negative_counts_are_refused(db: Database, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        DemoService(db, clock).seed(-1)
