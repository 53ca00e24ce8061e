"""Benchmark: an account with 10 years of monthly readings and bills opens in <= 200 ms.

Run from the project folder::

    python tests/perf/bench_history.py                       # 20,000 accounts, 50 read
    python tests/perf/bench_history.py --accounts 100000 --read 300 --years 10 --runs 30
    python tests/perf/bench_history.py --late-fee-ppm 0      # bills without late-fee lines

A fresh SQLite file is seeded with ``--accounts`` accounts (``DemoService.seed``); ``--read`` of
their meters get a reading on the 1st of every month for ``--years`` years (one
``ReadingService.import_rows`` per month, so every reading is checked and billed as in the
hall). Nobody pays, so each bill carries a late-fee line for every earlier bill: 120 bills with
about 7,300 lines, the worst case (``--late-fee-ppm 0`` leaves them out: 120 bills, ~130 lines).
Preparing is slow for the same reason (about 1 s per meter read with late fees), hence the
small default ``--read``. Two figures, each p50 / p95 / max over ``--runs`` opens of the first
read residential account (the other accounts only make the tables realistic in size):

- service: ``BillingService.history(account_id)`` alone;
- GUI: the accounts page (offscreen, counter theme, 1060 x 690, "Readings and bills" tab in
  front) from ``open_account`` to the history view filled (the page's ``history_shown``), and to
  the view painted once more after that.

Target: <= 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.tariff import LateFeeRule, Tariff, TariffKind, Tier  # noqa: E402
from app.domain.users import Role  # noqa: E402
from app.persistence.db import Database, open_database  # noqa: E402
from app.persistence.migrate import prepare_database  # noqa: E402
from app.persistence.orm import Account, Meter  # noqa: E402
from app.services.billing_dto import ImportRow  # noqa: E402
from app.services.billing_service import BillingService  # noqa: E402
from app.services.demo_service import DemoService  # noqa: E402
from app.services.dto import Operator  # noqa: E402
from app.services.reading_service import ReadingService  # noqa: E402
from app.services.tariff_service import TariffService  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0)
TARGET_MS = 200.0
M3 = 1000


def main() -> None:
    """Prepare the database, time the service and the GUI, print the figures."""
    args = _arguments()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="gashall-history-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        db, account_id = prepare(folder, args)
        print_figure("service history()", measure_service(db, account_id, args.runs))
        print_figure("GUI open -> view filled", *measure_gui(db, account_id, args.runs))
        db.dispose()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--read", type=int, default=50, help="accounts with readings")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--late-fee-ppm", type=int, default=3000, help="per day; 0: none")
    parser.add_argument("--keep", metavar="FOLDER", help="work in FOLDER and keep the files")
    return parser.parse_args()


# --- the database --------------------------------------------------------------------------------


def prepare(folder: Path, args: argparse.Namespace) -> tuple[Database, int]:
    """Seed, add tariffs, import the monthly readings; return the database and the account."""
    clock = FixedClock(NOW)
    db_file = folder / "gashall.db"
    db_file.unlink(missing_ok=True)
    db = open_database(f"sqlite:///{db_file}")
    prepare_database(db, folder / "backups", NOW)
    started = time.perf_counter()
    DemoService(db, clock).seed(args.accounts)
    print(f"seeded {args.accounts:,} accounts in {time.perf_counter() - started:.1f} s")
    clerk = _add_tariffs(db, clock, args.late_fee_ppm)
    meters = _meters(db, args.read)
    started = time.perf_counter()
    days = _months_back(args.years)
    _import_monthly(db, clock, clerk, meters, days)
    print(f"{len(meters):,} meters x {len(days)} monthly readings imported and billed in "
          f"{time.perf_counter() - started:.1f} s")
    account_id = meters[0][1]
    history = BillingService(db, FixedClock(NOW)).history(account_id)
    lines = sum(len(b.lines) for b in history.bills)
    print(f"measured account {account_id}: {len(history.readings)} readings, "
          f"{len(history.bills)} bills, {lines:,} bill lines")
    return db, account_id


def _add_tariffs(db: Database, clock: FixedClock, late_fee_ppm: int) -> Operator:
    """东莞 tiers for residential cooking, a flat price for the rest; return a clerk."""
    with db.reading() as session:
        kinds = session.execute(select(Account.user_type, Account.gas_use).distinct()).all()
        hall_id = session.scalars(select(Account.hall_id)).first() or 1
    manager = Operator(0, "bench", "benchmark", Role.MANAGER, hall_id)
    late_fee = LateFeeRule(ppm_per_day=late_fee_ppm, grace_days=10)
    for user_type, gas_use in kinds:
        tiered = (user_type, gas_use) == ("residential", "cooking")
        tiers = ((Tier(370 * M3, 34000), Tier(560 * M3, 40800), Tier(None, 51000)) if tiered
                 else (Tier(None, 34790),))
        TariffService(db, clock).add_version(manager, Tariff(
            id=None, user_type=user_type, gas_use=gas_use, effective_from=date(2000, 1, 1),
            name=f"{user_type} {gas_use}", kind=TariffKind.TIERED if tiered else TariffKind.FLAT,
            tiers=tiers, late_fee=late_fee))
    return Operator(0, "bench", "benchmark", Role.CLERK, hall_id)


def _meters(db: Database, count: int) -> list[tuple[str, int]]:
    """Meter numbers and account ids of ``count`` active accounts, residential cooking first."""
    with db.reading() as session:
        rows = session.execute(
            select(Meter.meter_no, Meter.account_id, Account.user_type, Account.gas_use)
            .join(Account, Account.id == Meter.account_id)
            .where(Account.status == "normal", Meter.status == "normal")
            .order_by(Meter.id).limit(count)).all()
    rows.sort(key=lambda r: (r.user_type, r.gas_use) != ("residential", "cooking"))
    return [(r.meter_no, r.account_id) for r in rows]


def _months_back(years: int) -> list[date]:
    """The 1st of each month: ``years`` years of periods, so years × 12 + 1 readings."""
    last = date(NOW.year, NOW.month, 1)
    first_index = last.year * 12 + last.month - 1 - years * 12
    return [date(i // 12, i % 12 + 1, 1) for i in range(first_index, first_index + years * 12 + 1)]


def _import_monthly(db: Database, clock: FixedClock, clerk: Operator,
                    meters: list[tuple[str, int]], days: list[date]) -> None:
    """One import a month; 30-60 m³ a month, so no drop or too-high flag stops billing."""
    generator = random.Random(10)
    values = {meter_no: generator.randrange(0, 900_000) for meter_no, _ in meters}
    readings = ReadingService(db, clock)
    for month, day in enumerate(days):
        clock.at = datetime.combine(day, datetime.min.time()).replace(hour=9)
        rows = []
        for line_no, (meter_no, _) in enumerate(meters, start=2):
            if month:
                values[meter_no] += generator.randrange(30 * M3, 60 * M3)
            rows.append(ImportRow(line_no, meter_no, day, values[meter_no]))
        readings.import_rows(clerk, clerk.hall_id, f"{day:%Y-%m}.csv", rows)
    clock.at = NOW


# --- the figures ---------------------------------------------------------------------------------


def measure_service(db: Database, account_id: int, runs: int) -> list[float]:
    """Milliseconds of ``BillingService.history`` per run."""
    billing = BillingService(db, FixedClock(NOW))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        billing.history(account_id)
        times.append((time.perf_counter() - started) * 1000)
    return times


def measure_gui(db: Database, account_id: int, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds from ``open_account`` to the history view filled, and to it painted."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.services.account_service import AccountService
    from ui.accounts.accounts_page import AccountsPage
    from ui.common.task_runner import TaskRunner
    from ui.common.theme import apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    clock = FixedClock(NOW)
    runner = TaskRunner()
    operator = Operator(0, "bench", "benchmark", Role.MANAGER, 1)
    page = AccountsPage(AccountService(db, clock), operator, runner, BillingService(db, clock))
    page.resize(1060, 690)
    page.show()
    page.show_history_tab()
    app.processEvents()
    filled, painted = [], []
    for _ in range(runs):
        loop = QEventLoop()
        page.history_shown.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)  # never wait for ever
        started = time.perf_counter()
        page.open_account(account_id)
        loop.exec()
        filled.append((time.perf_counter() - started) * 1000)
        page.repaint()  # paints now, with the layouts the new contents need
        painted.append((time.perf_counter() - started) * 1000)
        page.history_shown.disconnect(loop.quit)
        runner.wait_idle()  # the account detail loaded alongside
        app.processEvents()
    if page.history_view.account_id != account_id:
        raise SystemExit("the history view never showed the account")
    page.close()
    runner.wait_idle()
    return filled, painted


def print_figure(name: str, times: list[float], painted: list[float] | None = None) -> None:
    """p50 / p95 / max (and the first, cold run) in ms; SLOW when p95 is over the target."""
    print(_summary(name, times))
    if painted is not None:
        print(_summary("GUI open -> view painted", painted))


def _summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    flag = "  SLOW" if p95 > TARGET_MS else ""
    return (f"{name:<26} first {times[0]:7.1f} ms  p50 {statistics.median(times):7.1f} ms  "
            f"p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms  (target <= {TARGET_MS:.0f} ms)"
            f"{flag}")


if __name__ == "__main__":
    main()
