"""The daily close (日结): sheet figures per clerk and for the hall, closing once, the A4 sheet.

Payments are inserted as rows (SQLAlchemy Core), independent of the payment service: the sheet
must add up whatever the cashier tables hold.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from sqlalchemy import insert, select, update

from app.domain.accounts import MeterDraft, MeterKind, UserType
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.users import Role
from app.persistence.db import Database
from app.persistence.orm import Account, User
from app.persistence.orm.cashier import (
    CashMovement,
    CashSession,
    DayClose,
    Payment,
    PaymentTender,
    ReceiptPrint,
)
from app.persistence.orm.system import AuditEntry, Hall
from app.services.account_service import AccountService
from app.services.auth_service import AuthService
from app.services.cashier_dto import CloseSheet, CloseSheetRow
from app.services.day_close_service import DayCloseService
from app.services.dto import Operator
from app.services.pdf.day_close_pdf import DayCloseLabels, render_day_close
from tests.conftest import ADMIN_PASSWORD, sample_draft

SHOTS = Path(__file__).resolve().parents[2] / "shots"
DAY = date(2026, 11, 23)


@dataclass
class Hall1:
    """A hall with four accounts (residential / non-residential × mechanical / IC) and clerks."""

    db: Database
    clock: FixedClock
    hall_id: int
    hall_code: str
    accounts: dict[str, int]  # "res", "res_ic", "biz", "biz_ic" → account id
    users: dict[str, int]
    manager: Operator
    clerk: Operator
    seq: int = 0

    def session(self, username: str, counter: int, float_fen: int, day: date = DAY,
                **closed: Any) -> int:
        row = {"hall_id": self.hall_id, "counter_no": counter, "user_id": self.users[username],
               "username": username, "day": day, "opened_at": datetime.combine(day, time(8)),
               "float_fen": float_fen, "state": "closed" if closed else "open", **closed}
        with self.db.writing() as s:
            return int(s.execute(insert(CashSession).returning(CashSession.id), [row]).scalar_one())

    def pay(self, session_id: int, account: str, tenders: list[tuple[str, int]],
            kind: str = "payment", day: date = DAY, voids: int | None = None,
            hall_id: int | None = None) -> int:
        self.seq += 1
        amount = sum(fen for _t, fen in tenders)
        row = {"hall_id": hall_id or self.hall_id, "receipt_seq": self.seq,
               "receipt_no": f"{self.hall_code}-{self.seq:08d}", "kind": kind,
               "voids_id": voids, "session_id": session_id, "account_id": self.accounts[account],
               "day": day, "at": datetime.combine(day, time(9)), "counter_no": 1,
               "operator": "x", "due_fen": amount, "amount_fen": amount, "tendered_fen": amount,
               "change_fen": 0, "balance_after_fen": 0, "called_out": True, "reason": "",
               "authorised_by": "", "check_value": "0123456789ab"}
        with self.db.writing() as s:
            pid = int(s.execute(insert(Payment).returning(Payment.id), [row]).scalar_one())
            s.execute(insert(PaymentTender), [{"payment_id": pid, "tender": t, "amount_fen": fen,
                                               "reference": ""} for t, fen in tenders])
        return pid

    def move(self, session_id: int, fen: int) -> None:
        with self.db.writing() as s:
            s.execute(insert(CashMovement), [{"session_id": session_id, "amount_fen": fen,
                                              "at": datetime.combine(DAY, time(11)),
                                              "reason": "备用金", "operator": "manager1"}])

    def printed(self, payment_id: int, copy_no: int, operator: str, day: date = DAY) -> None:
        with self.db.writing() as s:
            s.execute(insert(ReceiptPrint), [{"payment_id": payment_id, "copy_no": copy_no,
                                              "at": datetime.combine(day, time(10)),
                                              "reason": "卡纸" if copy_no else "",
                                              "operator": operator}])

    def close_session(self, session_id: int, counted: int, expected: int) -> None:
        with self.db.writing() as s:
            s.execute(update(CashSession).where(CashSession.id == session_id).values(
                state="closed", closed_at=datetime.combine(DAY, time(17)), counted_fen=counted,
                expected_fen=expected, difference_fen=counted - expected))


def make_hall(db: Database, clock: FixedClock) -> Hall1:
    auth = AuthService(db, clock)
    auth.first_setup("东城营业厅", ADMIN_PASSWORD)
    admin = auth.login("admin", ADMIN_PASSWORD)
    for name, role in (("clerk1", Role.CLERK), ("clerk2", Role.CLERK),
                       ("manager1", Role.MANAGER)):
        auth.create_user(admin, name, name, role, "secret123")
    accounts = AccountService(db, clock)
    kinds = {"res": (UserType.RESIDENTIAL, MeterKind.MECHANICAL),
             "res_ic": (UserType.RESIDENTIAL, MeterKind.IC_VOLUME),
             "biz": (UserType.NON_RESIDENTIAL, MeterKind.MECHANICAL),
             "biz_ic": (UserType.NON_RESIDENTIAL, MeterKind.IC_MONEY)}
    ids = {}
    for i, (key, (user_type, kind)) in enumerate(kinds.items()):
        draft = sample_draft(user_type=user_type, meter=MeterDraft(f"JK{i:07d}", kind))
        ids[key] = accounts.create(admin, draft).id
    with db.reading() as s:
        users = {str(n): int(i) for n, i in s.execute(select(User.username, User.id)).all()}
        hall_id, code = s.execute(select(Hall.id, Hall.code)).one()
        assert s.scalar(select(Account.user_type).where(Account.id == ids["biz"])) == \
            "non_residential"
    return Hall1(db, clock, hall_id, code, ids, users,
                 auth.login("manager1", "secret123"), auth.login("clerk1", "secret123"))


def hand_made_day(hall: Hall1) -> dict[str, int]:
    """Two clerks' day: payments, IC purchases, a void, a refund, reprints, cash movements."""
    yesterday = hall.session("clerk1", 1, 50000, DAY.replace(day=22), counted_fen=0)
    old = hall.pay(yesterday, "res", [("cash", 99900)], day=DAY.replace(day=22))  # another day
    hall.printed(old, 1, "clerk1")  # reprinted today: counts on its own day's sheet
    s1 = hall.session("clerk1", 1, 150000)
    s2 = hall.session("clerk2", 2, 30000)
    hall.move(s1, 20000)
    hall.move(s1, -100000)
    first = hall.pay(s1, "res", [("cash", 10000)])
    hall.pay(s1, "biz", [("pos", 20000), ("cash", 5000)])
    hall.pay(s1, "res_ic", [("wechat", 8000)], kind="ic_purchase")
    wrong = hall.pay(s1, "res", [("cash", 6000)])
    hall.pay(s1, "res", [("cash", -6000)], kind="void", voids=wrong)
    sixth = hall.pay(s2, "biz_ic", [("alipay", 12000)])
    hall.pay(s2, "biz_ic", [("cash", 30000)], kind="ic_purchase")
    hall.pay(s2, "biz", [("transfer", 4550)])
    hall.pay(s2, "res", [("cash", -2000)], kind="correction")
    hall.printed(first, 0, "clerk1")
    hall.printed(first, 1, "clerk1")
    hall.printed(sixth, 0, "clerk2")
    hall.printed(sixth, 1, "clerk2")
    hall.printed(sixth, 2, "clerk2")
    hall.printed(sixth, 3, "clerk2", DAY.replace(day=24))  # the day's receipt, reprinted later
    return {"s1": s1, "s2": s2}


@pytest.fixture
def hall(any_db: Database, clock: FixedClock) -> Hall1:
    return make_hall(any_db, clock)


def rows_of(sheet: CloseSheet) -> dict[str, CloseSheetRow]:
    return {row.label: row for row in sheet.rows}


def tenders(row: CloseSheetRow) -> dict[str, int]:
    return {code: fen for code, fen in row.by_tender.items() if fen}


def test_the_hall_sheet_adds_up_by_group_and_tender(hall: Hall1) -> None:
    sessions = hand_made_day(hall)
    hall.close_session(sessions["s1"], 84900, 85000)
    sheet = DayCloseService(hall.db, hall.clock).sheet(hall.hall_id, DAY)
    rows = rows_of(sheet)
    assert (rows["gas.residential.non_ic"].count, tenders(rows["gas.residential.non_ic"])) == \
        (2, {"cash": 16000})
    assert rows["gas.residential.ic"].count == 0 and rows["gas.residential.ic"].total_fen == 0
    assert rows["gas.residential"].total_fen == 16000
    assert tenders(rows["gas.non_residential.non_ic"]) == {"cash": 5000, "pos": 20000,
                                                           "transfer": 4550}
    assert rows["gas.non_residential.non_ic"].count == 2
    assert (rows["gas.non_residential.ic"].count, rows["gas.non_residential.ic"].total_fen) == \
        (1, 12000)
    assert (rows["gas.non_residential"].count, rows["gas.non_residential"].total_fen) == (3, 41550)
    assert (rows["gas"].count, rows["gas"].total_fen) == (5, 57550)
    assert tenders(rows["ic.residential"]) == {"wechat": 8000}
    assert tenders(rows["ic.non_residential"]) == {"cash": 30000}
    assert (rows["ic"].count, rows["ic"].total_fen) == (2, 38000)
    assert (rows["void.residential.non_ic"].count, rows["void"].total_fen) == (1, -6000)
    assert (rows["refund.residential.non_ic"].count, rows["refund"].total_fen) == (1, -2000)
    total = rows["total"]
    assert total.count == 9
    assert tenders(total) == {"cash": 43000, "pos": 20000, "wechat": 8000, "alipay": 12000,
                              "transfer": 4550}
    assert total.total_fen == 87550 == sum(total.by_tender.values())
    assert list(rows)[:7] == ["gas.residential.non_ic", "gas.residential.ic", "gas.residential",
                              "gas.non_residential.non_ic", "gas.non_residential.ic",
                              "gas.non_residential", "gas"]
    assert (sheet.first_receipt_no, sheet.last_receipt_no) == ("01-00000002", "01-00000010")
    assert (sheet.voids, sheet.voided_fen, sheet.reprints) == (1, 6000, 4)
    assert (sheet.float_fen, sheet.cash_in_fen, sheet.cash_out_fen) == (180000, 20000, 100000)
    assert sheet.expected_cash_fen == 180000 + 20000 - 100000 + 43000
    assert sheet.counted_cash_fen is None and sheet.difference_fen is None  # clerk2 still open
    assert sheet.username is None and sheet.hall_name == "东城营业厅" and not sheet.closed


def test_a_clerks_sheet_has_only_their_sessions(hall: Hall1) -> None:
    sessions = hand_made_day(hall)
    hall.close_session(sessions["s1"], 84900, 85000)
    service = DayCloseService(hall.db, hall.clock)
    one = service.sheet(hall.hall_id, DAY, "clerk1")
    total = rows_of(one)["total"]
    assert (total.count, tenders(total)) == (5, {"cash": 15000, "pos": 20000, "wechat": 8000})
    assert (one.first_receipt_no, one.last_receipt_no) == ("01-00000002", "01-00000006")
    assert (one.voids, one.reprints, one.float_fen) == (1, 1, 150000)
    assert one.expected_cash_fen == 150000 + 20000 - 100000 + 15000 == 85000
    assert (one.counted_cash_fen, one.difference_fen) == (84900, -100)
    two = service.sheet(hall.hall_id, DAY, "clerk2")
    assert (rows_of(two)["total"].count, rows_of(two)["total"].total_fen) == (4, 44550)
    assert (two.first_receipt_no, two.last_receipt_no) == ("01-00000007", "01-00000010")
    assert (two.voids, two.reprints, two.cash_in_fen) == (0, 3, 0)
    assert two.expected_cash_fen == 30000 + 28000 and two.counted_cash_fen is None
    nobody = service.sheet(hall.hall_id, DAY, "manager1")
    assert rows_of(nobody)["total"].count == 0 and nobody.first_receipt_no is None


def test_an_empty_day_is_all_zeros(hall: Hall1) -> None:
    sheet = DayCloseService(hall.db, hall.clock).sheet(hall.hall_id, date(2026, 1, 1))
    assert all(row.count == 0 and row.total_fen == 0 for row in sheet.rows)
    assert sheet.first_receipt_no is None and sheet.expected_cash_fen == 0
    assert (sheet.counted_cash_fen, sheet.difference_fen) == (0, 0)


def test_close_day_waits_for_open_sessions_then_closes_once(hall: Hall1) -> None:
    sessions = hand_made_day(hall)
    hall.close_session(sessions["s1"], 84900, 85000)
    service = DayCloseService(hall.db, hall.clock)
    with pytest.raises(DomainError) as caught:
        service.close_day(hall.manager, DAY)
    assert caught.value.key == "day_close.sessions_open"
    assert caught.value.problems[0].params["sessions"] == "clerk2@2"
    hall.close_session(sessions["s2"], 58000, 58000)
    closed = service.close_day(hall.manager, DAY)
    assert closed.closed and (closed.counted_cash_fen, closed.difference_fen) == (142900, -100)
    assert service.sheet(hall.hall_id, DAY).closed
    with pytest.raises(DomainError) as again:
        service.close_day(hall.manager, DAY)
    assert again.value.key == "day_close.already_closed"
    with hall.db.reading() as s:
        row = s.execute(select(DayClose)).scalar_one()
        actions = s.scalars(select(AuditEntry.action)).all()
    assert (row.day, row.closed_by) == (DAY, "manager1")
    assert row.totals["rows"]["total"]["total_fen"] == 87550
    assert row.totals["expected_cash_fen"] == 143000 and row.totals["difference_fen"] == -100
    assert actions.count("day_close") == 1


def test_a_clerk_may_not_close_the_day(hall: Hall1) -> None:
    with pytest.raises(DomainError) as caught:
        DayCloseService(hall.db, hall.clock).close_day(hall.clerk, DAY)
    assert caught.value.key == "auth.forbidden"


def test_other_halls_payments_do_not_count(hall: Hall1) -> None:
    with hall.db.writing() as s:
        other = int(s.execute(insert(Hall).returning(Hall.id),
                              [{"code": "02", "name": "西城营业厅"}]).scalar_one())
    s1 = hall.session("clerk1", 1, 0)
    hall.pay(s1, "res", [("cash", 500)])
    hall.pay(s1, "res", [("cash", 700)], hall_id=other)
    sheet = DayCloseService(hall.db, hall.clock).sheet(hall.hall_id, DAY)
    assert rows_of(sheet)["total"].total_fen == 500


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_a4_sheet_prints_title_rows_figures_and_signature_lines(
    db: Database, clock: FixedClock,
) -> None:
    hall = make_hall(db, clock)
    sessions = hand_made_day(hall)
    hall.close_session(sessions["s1"], 84900, 85000)
    hall.close_session(sessions["s2"], 58000, 58000)
    sheet = DayCloseService(db, clock).close_day(hall.manager, DAY)
    data = render_day_close(sheet)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) == pytest.approx(A4[0], abs=0.5)
    text = pdf_text(data)
    for expected in ("东城营业厅日收费结账单", "日期：2026-11-23", "营业员：全厅", "已日结",
                     "笔数", "现金", "银行卡(POS)", "微信", "支付宝", "转账", "支票", "合计",
                     "燃气收费", "居民 · 非IC卡表", "非居民 · IC卡表", "非居民小计", "IC卡购气",
                     "作废", "退款/更正", "总计（实收）", "875.50", "430.00", "-60.00",
                     "收据号：01-00000002 至 01-00000010", "作废：1 笔，金额 60.00 元",
                     "补打：4 次", "1,800.00", "1,430.00", "1,429.00", "-1.00",
                     "营业员：", "营业班长：", "财务："):
        assert expected in text, expected
    clerk = render_day_close(DayCloseService(db, clock).sheet(hall.hall_id, DAY, "clerk2"),
                             DayCloseLabels(title="{hall} daily close", clerk="Clerk: {clerk}"))
    assert "东城营业厅 daily close" in pdf_text(clerk) and "Clerk: clerk2" in pdf_text(clerk)
    if shutil.which("pdftoppm"):
        SHOTS.mkdir(exist_ok=True)
        path = SHOTS / "c2_day_close.pdf"
        path.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(path),
                        str(SHOTS / "c2_day_close")], check=True)
        path.unlink()
