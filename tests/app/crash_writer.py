"""Child process for the crash test: writes batches of accounts until it is killed."""

from __future__ import annotations

import sys
from datetime import date, datetime

from app.persistence.db import open_database
from app.persistence.numbering import next_number
from app.persistence.orm import Account, Customer

BATCH = 20


def main(path: str, start: int) -> None:
    db = open_database(f"sqlite:///{path}")
    batch = start
    while True:
        with db.writing() as session:
            for _ in range(BATCH):
                number = next_number(session, 1, "account")
                customer = Customer(name=f"客户{number}", id_type="resident_id", id_number="",
                                    mobile="", phone="", mobile_rev="", phone_rev="")
                session.add(Account(
                    hall_id=1, account_no=f"01{number:08d}", customer=customer,
                    user_type="residential", gas_use="cooking", household_size=3,
                    heating=False, low_income=False, status="normal", route_book=f"K{batch}",
                    address_text=f"测试路{number}号", opened_on=date(2026, 11, 23),
                    updated_at=datetime(2026, 11, 23, 9, 0),
                ))
        print(batch, flush=True)  # committed
        batch += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
