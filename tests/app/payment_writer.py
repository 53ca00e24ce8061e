"""Child processes of the payment crash and receipt-number tests.

``python -m tests.app.payment_writer serve URL SETUP_JSON``: a zygote that has imported
everything and forks a payer for each ``run OUT SEED`` line on stdin (its pid comes back on
stdout), so that two hundred SIGKILLed payers cost milliseconds each to start; ``wait PID``
reaps one and answers with its wait status. A payer pays in a loop on its own fresh database
connection and appends ``paid ID RECEIPT`` / ``printed ID`` to OUT after each commit.

``python -m tests.app.payment_writer gapless URL SETUP_JSON USER_ID USERNAME SESSION COUNT OUT``:
pays COUNT times; one payment in ten is rolled back by an error raised inside the transaction
after the receipt number was taken (when its tenders are written); reports what it committed.
"""

from __future__ import annotations

import json
import os
import random
import sys
import traceback
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import event

from app.domain.cashier import Tender
from app.domain.clock import FixedClock
from app.domain.users import Role
from app.persistence.db import Database, open_database
from app.services.cashier_dto import PaymentDraft, TenderDraft
from app.services.dto import Operator
from app.services.payment_service import PaymentService

ROLLBACK_SHARE = 0.1


@dataclass(frozen=True)
class PayerSetup:
    """Where and as whom a payer pays: the hall's day, one clerk's open session, accounts."""

    hall_id: int
    user_id: int
    username: str
    session_id: int
    accounts: list[int]
    at: str  # ISO time of the hall's clock

    def dump(self) -> str:
        return json.dumps(asdict(self))

    @staticmethod
    def load(text: str) -> PayerSetup:
        return PayerSetup(**json.loads(text))


class InjectedFault(Exception):
    """Raised inside a payment's transaction to roll it back."""


def pay_once(service: PaymentService, setup: PayerSetup, rng: random.Random) -> Any:
    operator = Operator(setup.user_id, setup.username, setup.username, Role.CLERK, setup.hall_id)
    amount = rng.randrange(100, 50000, 10)
    handed = amount + rng.choice((0, 0, 90, 1000, 5000))
    tenders = (TenderDraft(Tender.CASH.value, handed),)
    if rng.random() < 0.3:
        card = rng.randrange(10, amount + 1, 10)
        tenders = (TenderDraft(Tender.POS.value, card), TenderDraft(Tender.CASH.value,
                                                                     amount - card + 10))
    # no bills chosen: a prepayment, which settles open bills oldest first all the same
    draft = PaymentDraft(rng.choice(setup.accounts), setup.session_id, amount, tenders, True, ())
    return service.pay(operator, draft)


def payer(url: str, setup: PayerSetup, out_path: str, seed: int) -> None:
    """Pay until killed; log each committed payment (and first print) to ``out_path``."""
    rng = random.Random(seed)
    with open(out_path, "a", encoding="utf-8") as out:
        try:
            db = open_database(url)
            service = PaymentService(db, FixedClock(datetime.fromisoformat(setup.at)))
            operator = Operator(setup.user_id, setup.username, setup.username, Role.CLERK,
                                setup.hall_id)
            while True:
                receipt = pay_once(service, setup, rng)
                _line(out, f"paid {receipt.payment_id} {receipt.receipt_no}")
                if rng.random() < 0.5:
                    service.record_printed(operator, receipt.payment_id)
                    _line(out, f"printed {receipt.payment_id}")
        except BaseException:  # noqa: BLE001 - the parent reads it from the file
            _line(out, "error " + traceback.format_exc().replace("\n", " | "))
            os._exit(3)


def _line(out: TextIO, text: str) -> None:
    out.write(text + "\n")
    out.flush()


def serve(url: str, setup: PayerSetup) -> None:
    """The zygote: fork payers on request; never opens the database itself."""
    for line in sys.stdin:
        verb, *args = line.split()
        if verb == "run":
            pid = os.fork()
            if pid == 0:
                payer(url, setup, args[0], int(args[1]))
                os._exit(0)
            print(pid, flush=True)
        elif verb == "wait":
            _, status = os.waitpid(int(args[0]), 0)
            print(status, flush=True)


def gapless(url: str, setup: PayerSetup, count: int, out_path: str) -> None:
    """Pay ``count`` times, one in ten rolled back after taking its number; report."""
    rng = random.Random(setup.user_id)
    db: Database = open_database(url)
    fail = {"now": False}

    def fault(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if fail["now"] and statement.lstrip().upper().startswith("INSERT INTO PAYMENT_TENDERS"):
            raise InjectedFault

    event.listen(db.engine, "before_cursor_execute", fault)
    service = PaymentService(db, FixedClock(datetime.fromisoformat(setup.at)))
    committed, rolled_back = [], 0
    for _ in range(count):
        fail["now"] = rng.random() < ROLLBACK_SHARE
        try:
            receipt = pay_once(service, setup, rng)
        except InjectedFault:
            rolled_back += 1
            continue
        assert not fail["now"], "the fault did not fire"
        committed.append(receipt.receipt_no)
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump({"committed": committed, "rolled_back": rolled_back}, out)
    db.dispose()


if __name__ == "__main__":
    mode, db_url, setup_json, *rest = sys.argv[1:]
    given = PayerSetup.load(setup_json)
    if mode == "serve":
        serve(db_url, given)
    else:
        user_id, username, session_id, calls, out_file = rest
        gapless(db_url, PayerSetup(given.hall_id, int(user_id), username, int(session_id),
                                   given.accounts, given.at), int(calls), out_file)
