"""Benchmark: the daily close sheet (日收费结账单) of a hall with 100,000 payments that day <= 2 s.

Run from the project folder::

    python tests/perf/bench_day_close.py                          # SQLite, 100,000 payments
    python tests/perf/bench_day_close.py --payments 200000 --accounts 200000 --runs 5
    python tests/perf/bench_day_close.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/test

A fresh database (SQLite file in a temporary folder, or the PostgreSQL database given, whose
public schema is emptied first and which is ANALYZEd after loading) is seeded with
``--accounts`` demo accounts (residential and non-residential, 19 % with IC meters). Then rows
are bulk-inserted as the cashier would have left them: 8 clerks' closed cash sessions with cash
movements; ``--payments`` payments on the measured day (85 % bill payments, 10 % IC purchases, 3
% voids, 2 % refunds; one or two tenders each), as many again on the day before, and a reprint
for 2 % of them. Figures, each min / median / max over ``--runs``:

- ``DayCloseService.sheet(hall, day)``: the whole hall's sheet (GROUP BY in the database);
- ``render_day_close(sheet)``: the A4 PDF;
- both together, and one clerk's sheet.

Target: sheet + PDF <= 2 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert, select, text  # noqa: E402

from app.domain.clock import FixedClock  # noqa: E402
from app.persistence.db import Database, open_database  # noqa: E402
from app.persistence.migrate import prepare_database  # noqa: E402
from app.persistence.orm import Account, User  # noqa: E402
from app.persistence.orm.cashier import (  # noqa: E402
    CashMovement,
    CashSession,
    Payment,
    PaymentTender,
    ReceiptPrint,
)
from app.services.day_close_service import DayCloseService  # noqa: E402
from app.services.demo_service import DemoService  # noqa: E402
from app.services.pdf.day_close_pdf import render_day_close  # noqa: E402

DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 18, 0)
TARGET_S = 2.0
CLERKS = 8
BATCH = 10_000
KINDS = ("payment",) * 85 + ("ic_purchase",) * 10 + ("void",) * 3 + ("correction",) * 2
TENDERS = ("cash",) * 50 + ("pos",) * 15 + ("wechat",) * 15 + ("alipay",) * 12 + (
    "transfer", "transfer", "transfer", "transfer", "cheque", "cheque", "cheque", "cheque")


def main() -> None:
    """Prepare the database, time the sheet and its PDF, print the figures."""
    args = _arguments()
    folder = Path(tempfile.mkdtemp(prefix="gashall-dayclose-"))
    try:
        db = _open(folder, args.pg)
        hall_id = prepare(db, args)
        service = DayCloseService(db, FixedClock(NOW))
        sheet = service.sheet(hall_id, DAY)
        total = next(row for row in sheet.rows if row.label == "total")
        print(f"sheet: {total.count:,} payments, {total.total_fen / 100:,.2f} yuan, receipts "
              f"{sheet.first_receipt_no} .. {sheet.last_receipt_no}, {sheet.voids:,} voids, "
              f"{sheet.reprints:,} reprints")
        pdf = render_day_close(sheet)
        print(f"PDF: {len(pdf):,} bytes")
        report("sheet() whole hall", time_runs(lambda: service.sheet(hall_id, DAY), args.runs))
        report("render_day_close()", time_runs(lambda: render_day_close(sheet), args.runs))
        report("sheet() + PDF", time_runs(
            lambda: render_day_close(service.sheet(hall_id, DAY)), args.runs), TARGET_S)
        report("sheet() one clerk + PDF", time_runs(
            lambda: render_day_close(service.sheet(hall_id, DAY, "clerk3")), args.runs))
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payments", type=int, default=100_000)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pg", default="", help="a PostgreSQL URL (its schema is emptied)")
    return parser.parse_args()


def _open(folder: Path, pg_url: str) -> Database:
    if pg_url:
        engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        db = open_database(pg_url)
    else:
        db = open_database(f"sqlite:///{folder / 'gashall.db'}")
    prepare_database(db, folder / "backups", NOW)
    return db


def prepare(db: Database, args: argparse.Namespace) -> int:
    """Seed accounts, then bulk-insert sessions, payments, tenders and prints; return the hall."""
    rng = random.Random(args.seed)
    started = time.perf_counter()
    DemoService(db, FixedClock(NOW)).seed(args.accounts)
    print(f"{db.kind}: seeded {args.accounts:,} accounts in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with db.writing() as session:
        hall_id, first_account = session.execute(
            select(Account.hall_id, Account.id).order_by(Account.id).limit(1)).one()
        users = [session.execute(insert(User).returning(User.id), [dict(
            hall_id=hall_id, username=f"clerk{n}", full_name=f"营业员{n}", role="clerk",
            password_hash="-", active=True, failed_logins=0, created_on=DAY)]).scalar_one()
            for n in range(1, CLERKS + 1)]
        seq = 0
        for day in (DAY - timedelta(days=1), DAY):
            sessions = _sessions(session, hall_id, users, day)
            seq = _payments(session, rng, hall_id, sessions, day, seq, args.payments,
                            (first_account, first_account + args.accounts - 1))
    if db.kind == "postgresql":  # what autovacuum would do after such a load
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    print(f"inserted {2 * args.payments:,} payments over two days in "
          f"{time.perf_counter() - started:.1f} s")
    return int(hall_id)


def _sessions(session: Any, hall_id: int, users: list[int], day: date) -> list[int]:
    ids = []
    opened = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
    for n, user_id in enumerate(users, start=1):
        ids.append(session.execute(insert(CashSession).returning(CashSession.id), [dict(
            hall_id=hall_id, counter_no=n, user_id=user_id, username=f"clerk{n}", day=day,
            opened_at=opened, float_fen=50000, state="closed", closed_at=opened
            + timedelta(hours=9), counted_fen=0, expected_fen=0, difference_fen=0)]).scalar_one())
    session.execute(insert(CashMovement), [dict(
        session_id=sid, at=opened, amount_fen=amount, reason="bench", operator="manager")
        for sid in ids for amount in (20000, -100000)])
    return ids


def _payments(session: Any, rng: random.Random, hall_id: int, sessions: list[int], day: date,
              seq: int, count: int, accounts: tuple[int, int]) -> int:
    at = datetime.combine(day, datetime.min.time()) + timedelta(hours=9)
    conn = session.connection()
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        payments, tenders, prints = [], [], []
        for i in range(size):
            seq += 1
            kind = rng.choice(KINDS)
            sign = -1 if kind in ("void", "correction") else 1
            amount = sign * rng.randint(1_000, 80_000)
            payments.append(dict(
                id=None, hall_id=hall_id, receipt_seq=seq, receipt_no=f"01-{seq:08d}", kind=kind,
                voids_id=None, session_id=sessions[i % len(sessions)],
                account_id=rng.randint(*accounts), ticket_id=None, day=day, at=at,
                counter_no=1 + i % len(sessions), operator=f"clerk{1 + i % len(sessions)}",
                due_fen=amount, amount_fen=amount, tendered_fen=amount, change_fen=0,
                balance_after_fen=0, called_out=True, reason="", authorised_by="",
                check_value="0123456789ab"))
        ids = [int(r[0]) for r in conn.execute(
            insert(Payment).returning(Payment.id, sort_by_parameter_order=True),
            [{k: v for k, v in p.items() if k != "id"} for p in payments]).all()]
        for pid, p in zip(ids, payments, strict=True):
            amount = int(p["amount_fen"])
            first = rng.choice(TENDERS)
            if rng.random() < 0.2 and abs(amount) > 100:
                part = amount // 2
                tenders += [dict(payment_id=pid, tender=first, amount_fen=part, reference=""),
                            dict(payment_id=pid, tender="cash", amount_fen=amount - part,
                                 reference="")]
            else:
                tenders.append(dict(payment_id=pid, tender=first, amount_fen=amount,
                                    reference=""))
            prints.append(dict(payment_id=pid, at=at, copy_no=0, reason="", operator=p["operator"]))
            if rng.random() < 0.02:
                prints.append(dict(payment_id=pid, at=at, copy_no=1, reason="卡纸",
                                   operator=p["operator"]))
        conn.execute(insert(PaymentTender), tenders)
        conn.execute(insert(ReceiptPrint), prints)
    return seq


def time_runs(work: Callable[[], object], runs: int) -> list[float]:
    """Seconds taken by each of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return times


def report(name: str, times: list[float], target: float | None = None) -> None:
    """Print min / median / max, and the verdict against the target if there is one."""
    line = (f"{name:<28} min {min(times):.3f} s  median {statistics.median(times):.3f} s  "
            f"max {max(times):.3f} s")
    if target is not None:
        line += f"  (target <= {target:.1f} s: {'OK' if max(times) <= target else 'MISSED'})"
    print(line)


if __name__ == "__main__":
    main()
