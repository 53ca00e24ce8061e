"""Confirm to committed payment with its receipt number, on SQLite with 1,000,000 accounts.

Run: ``python tests/perf/bench_payment.py [PATH] [--payments 300] [--accounts 1000000]``.
PATH is a SQLite database (default: gashall-bench-payment.db in the temporary folder); if it does
not exist it is made with the seeder first (``bench_seed.py --keep PATH`` makes one too). The
benchmark adds a tariff if there is none, a clerk of its own with an open cash session, and
bills for the accounts it pays (a baseline and one reading each); then it times
``PaymentService.pay`` (the clerk's confirm key → committed payment, receipt number and receipt
view): half the payments settle an account's bill in cash with change, half are prepayments by
card on accounts without bills. Target: median <= 20 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "perf"))

from sqlalchemy import func, select  # noqa: E402

from app.domain.cashier import Tender  # noqa: E402
from app.domain.clock import FixedClock  # noqa: E402
from app.domain.errors import DomainError  # noqa: E402
from app.domain.users import Role  # noqa: E402
from app.persistence.db import Database, open_database  # noqa: E402
from app.persistence.orm import TariffVersion, User  # noqa: E402
from app.services.auth_service import AuthService  # noqa: E402
from app.services.billing_dto import ReadingDraft  # noqa: E402
from app.services.cash_service import CashService  # noqa: E402
from app.services.cashier_dto import PaymentDraft, TenderDraft  # noqa: E402
from app.services.dto import Operator  # noqa: E402
from app.services.payment_service import PaymentService  # noqa: E402
from app.services.reading_service import ReadingService  # noqa: E402
from app.services.tariff_service import TariffService  # noqa: E402
from tests.app.test_reading_service import NO_FEE  # noqa: E402

TARGET_MEDIAN_MS = 20.0
PAY_DAY = datetime(2026, 11, 23, 9, 0)
PASSWORD = "bench1234"


def ensure_database(path: Path, accounts: int) -> None:
    if path.exists():
        return
    from bench_seed import seed_file  # type: ignore[import-not-found]

    print(f"{path} does not exist: seeding {accounts:,} accounts first...", flush=True)
    print(f"seeded at {seed_file(path, accounts, 20_000):,.0f} accounts/s", flush=True)


def staff(db: Database, clock: FixedClock) -> tuple[Operator, Operator]:
    """An administrator (set up if the file has no users) and a new clerk for this run."""
    auth = AuthService(db, clock)
    with db.reading() as session:
        has_admin = session.scalar(select(User.id).where(User.username == "admin"))
    if not has_admin:
        auth.first_setup("压测营业厅", PASSWORD)
    admin = auth.login("admin", PASSWORD)
    name = f"bench{int(time.time()) % 10_000_000}"
    auth.create_user(admin, name, "压测营业员", Role.CLERK, PASSWORD)
    return admin, auth.login(name, PASSWORD)


def bill_accounts(db: Database, admin: Operator, meters: list[tuple[int, int]],
                  rng: random.Random) -> list[int]:
    """Give each account a baseline and a reading two months later: one bill each."""
    with db.reading() as session:
        tariffs = session.scalar(select(func.count()).select_from(TariffVersion))
    if not tariffs:
        TariffService(db, FixedClock(PAY_DAY)).add_version(admin, NO_FEE)
    clock = FixedClock(datetime(2026, 1, 1, 9))
    readings = ReadingService(db, clock)
    billed = []
    for account_id, meter_id in meters:
        try:
            clock.at = datetime(2026, 1, 1, 9)
            readings.record(admin, ReadingDraft(meter_id, date(2026, 1, 1), 1_000_000))
            clock.at = datetime(2026, 3, 1, 9)
            outcome = readings.record(admin, ReadingDraft(
                meter_id, date(2026, 3, 1), 1_000_000 + rng.randrange(5, 80) * 1000))
        except DomainError:
            continue  # read before (a reused file): pay it as a prepayment
        if outcome.bill_id is not None:
            billed.append(account_id)
    return billed


def pick_meters(path: Path, count: int, rng: random.Random) -> list[tuple[int, int]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        top = conn.execute("SELECT max(id) FROM accounts").fetchone()[0]
        found = []
        for account_id in rng.sample(range(1, top + 1), count * 2):
            if len(found) == count:
                break
            row = conn.execute("SELECT m.account_id, m.id FROM meters m JOIN accounts a ON "
                               "a.id = m.account_id WHERE a.id = ? AND a.status = 'normal'",
                               (account_id,)).fetchone()
            if row:
                found.append((int(row[0]), int(row[1])))
        return found
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path,
                        default=Path(tempfile.gettempdir()) / "gashall-bench-payment.db")
    parser.add_argument("--payments", type=int, default=300)
    parser.add_argument("--accounts", type=int, default=1_000_000, help="when seeding")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    ensure_database(args.path, args.accounts)
    rng = random.Random(args.seed)
    db = open_database(f"sqlite:///{args.path}")
    clock = FixedClock(PAY_DAY)
    admin, clerk = staff(db, clock)
    half = args.payments // 2
    meters = pick_meters(args.path, args.payments, rng)
    started = time.perf_counter()
    billed = bill_accounts(db, admin, meters[:half], rng)
    print(f"{len(billed)} accounts billed in {time.perf_counter() - started:.1f} s", flush=True)
    prepaid = [a for a, _ in meters[half:]]
    clock.at = PAY_DAY
    cash = CashService(db, clock)
    counter = rng.randrange(100, 999)
    session_id = cash.open_session(clerk, counter, 50000).id
    payments = PaymentService(db, clock)
    drafts = []
    for account_id in billed:
        owed = payments.due(account_id).owed_fen
        if owed <= 0:  # a prepayment of an earlier run covered the bill
            continue
        drafts.append(PaymentDraft(account_id, session_id, owed, (TenderDraft(
            Tender.CASH.value, (owed // 10000 + 1) * 10000),), True))
    for account_id in prepaid:
        amount = rng.randrange(1000, 50000, 100)
        drafts.append(PaymentDraft(account_id, session_id, amount, (
            TenderDraft(Tender.POS.value, amount),), True))
    rng.shuffle(drafts)
    times = []
    first = last = ""
    for draft in drafts:
        t0 = time.perf_counter()
        receipt = payments.pay(clerk, draft)
        times.append((time.perf_counter() - t0) * 1000)
        first, last = first or receipt.receipt_no, receipt.receipt_no
    db.dispose()
    ordered = sorted(times[10:])  # the first ones warm the statement cache
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    median = statistics.median(ordered)
    verdict = "ok" if median <= TARGET_MEDIAN_MS else "SLOW"
    print(f"SQLite {sqlite3.sqlite_version}, {args.path}")
    print(f"{len(times)} payments ({len(billed)} bills in cash with change, {len(prepaid)} "
          f"card prepayments), receipts {first} .. {last}")
    print(f"pay() confirm -> committed: median {median:.2f}  p95 {p95:.2f}  "
          f"max {ordered[-1]:.2f} ms (target median <= {TARGET_MEDIAN_MS:.0f})   {verdict}")


if __name__ == "__main__":
    main()
