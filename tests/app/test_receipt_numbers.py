"""Receipt numbers stay gapless with several counters paying at once and 10 % rolled back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.domain.clock import FixedClock
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import Counter, LedgerEntry, Payment
from app.persistence.repositories.ledger import verify_ledger_chain
from app.services.auth_service import AuthService
from tests.app.cashier_setup import CLERK_PASSWORD, DAY, make_desk
from tests.app.payment_writer import PayerSetup

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4
PAYMENTS = 60  # per process


def test_gapless_receipt_numbers_across_processes_with_rollbacks(
    any_db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    desk = make_desk(any_db, clock)
    accounts = [desk.billed_account("M1", 30, 60), desk.hall.account("M2")[0]]
    auth = AuthService(any_db, clock)
    clerks = [desk.clerk, desk.clerk2]
    for n in range(len(clerks), PROCESSES):
        auth.create_user(desk.hall.admin, f"clerk{n + 1}", f"营业员{n + 1}", Role.CLERK,
                         CLERK_PASSWORD)
        clerks.append(auth.login(f"clerk{n + 1}", CLERK_PASSWORD))
    sessions = [desk.open(c, counter_no=n + 1) for n, c in enumerate(clerks)]
    base = PayerSetup(desk.clerk.hall_id, 0, "", 0, accounts, DAY.isoformat())
    url = any_db.engine.url.render_as_string(hide_password=False)
    outs = [tmp_path / f"gapless-{n}.json" for n in range(PROCESSES)]
    children = [subprocess.Popen(
        [sys.executable, "-m", "tests.app.payment_writer", "gapless", url, base.dump(),
         str(c.user_id), c.username, str(s), str(PAYMENTS), str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c, s, out in zip(clerks, sessions, outs, strict=True)]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    reports = [json.loads(out.read_text(encoding="utf-8")) for out in outs]

    committed = [no for r in reports for no in r["committed"]]
    rolled_back = sum(r["rolled_back"] for r in reports)
    assert rolled_back > 0  # the faults fired
    assert len(committed) + rolled_back == PROCESSES * PAYMENTS
    with any_db.reading() as session:
        rows = session.execute(select(Payment.receipt_seq, Payment.receipt_no)
                               .order_by(Payment.receipt_seq)).all()
        counter = session.scalar(select(Counter.value).where(Counter.name == "receipt"))
        refs = set(session.scalars(select(LedgerEntry.ref).where(LedgerEntry.kind == "CHG")))
        assert verify_ledger_chain(session).intact
    assert [r.receipt_seq for r in rows] == list(range(1, len(committed) + 1))
    assert sorted(committed) == [r.receipt_no for r in rows]
    assert counter == len(committed)
    assert refs == set(committed)  # a rolled-back payment left no ledger entry either
