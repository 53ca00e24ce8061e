"""SIGKILL at any moment of a payment: the whole payment with its receipt number, or nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from app.domain.clock import FixedClock
from app.persistence.db import Database, open_database
from app.persistence.orm import Counter, LedgerEntry, Payment, PaymentTender, ReceiptPrint
from app.persistence.repositories.ledger import verify_ledger_chain
from app.services.payment_service import PaymentService
from tests.app.cashier_setup import DAY, make_desk
from tests.app.payment_writer import PayerSetup

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("GASHALL_TEST_PAYMENT_KILLS", "200"))


def prepare(db: Database, clock: FixedClock) -> PayerSetup:
    desk = make_desk(db, clock)
    accounts = [desk.billed_account("M1", 30, 60), desk.hall.account("M2")[0],
                desk.hall.account("M3")[0]]
    session_id = desk.open()
    return PayerSetup(desk.clerk.hall_id, desk.clerk.user_id, desk.clerk.username, session_id,
                      accounts, DAY.isoformat())


def test_kill_9_during_payments_leaves_whole_payments_and_gapless_numbers(
    db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    setup = prepare(db, clock)
    url = db.engine.url.render_as_string(hide_password=False)
    path = str(db.engine.url.database)
    db.dispose()
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.app.payment_writer", "serve", url, setup.dump()],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert zygote.stdin is not None and zygote.stdout is not None
    rng = random.Random(5)
    logs = []
    try:
        for round_no in range(KILLS):
            log = tmp_path / f"payer-{round_no}.log"
            logs.append(log)
            zygote.stdin.write(f"run {log} {round_no}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0.02, 0.25))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"wait {pid}\n")
            zygote.stdin.flush()
            status = int(zygote.stdout.readline())
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, text
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)

    paid: dict[int, str] = {}
    printed: set[int] = set()
    for log in logs:
        for line in log.read_text(encoding="utf-8").splitlines() if log.exists() else []:
            verb, *rest = line.split()
            if verb == "paid":
                paid[int(rest[0])] = rest[1]
            elif verb == "printed":
                printed.add(int(rest[0]))
    assert len(paid) > KILLS  # the payers got work done between the kills

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    check = open_database(url)
    try:
        with check.reading() as session:
            payments = session.execute(select(Payment.id, Payment.receipt_seq, Payment.receipt_no,
                                              Payment.check_value)).all()
            seqs = sorted(p.receipt_seq for p in payments)
            assert seqs == list(range(1, len(payments) + 1))  # no gap, no duplicate
            assert session.scalar(select(Counter.value).where(Counter.name == "receipt")) == len(
                payments)
            assert {p.id: p.receipt_no for p in payments if p.id in paid} == paid
            with_tenders = set(session.scalars(select(PaymentTender.payment_id).distinct()))
            assert {p.id for p in payments} == with_tenders
            entries = {e.ref: e.hash for e in session.scalars(
                select(LedgerEntry).where(LedgerEntry.kind == "CHG"))}
            assert len(entries) == len(payments)
            assert all(entries[p.receipt_no][:12] == p.check_value for p in payments)
            assert verify_ledger_chain(session).intact
            assert (session.scalar(select(func.sum(LedgerEntry.amount_fen)))
                    == 20400 - session.scalar(select(func.sum(Payment.amount_fen))))
            prints = set(session.scalars(select(ReceiptPrint.payment_id)))
        assert printed <= prints
        unprinted = PaymentService(check, FixedClock(DAY)).unprinted(setup.hall_id)
        assert {r.payment_id for r in unprinted} == {p.id for p in payments} - prints
        assert not {r.payment_id for r in unprinted} & printed
    finally:
        check.dispose()
