"""Reading import: whole-file checks, encodings, Excel cells, cancel, the CLI and 100,000 rows."""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.domain.accounts import GasUse, MeterDraft, UserType
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.domain.tariff import Tariff, TariffKind, Tier
from app.domain.users import Role
from app.persistence.db import Database, open_database
from app.persistence.orm import Bill, Meter, Reading, ReadingBatch
from app.services.account_service import AccountService
from app.services.auth_service import AuthService
from app.services.demo_service import DemoService
from app.services.dto import Operator
from app.services.reading_import import (
    ImportRejected,
    ReadingImporter,
    RowError,
    parse_litres,
    save_errors,
    write_template,
)
from app.services.tariff_service import TariffService
from tests.conftest import ADMIN_PASSWORD, START, sample_draft

HEADER = ("表号", "抄表日期", "读数", "数据来源", "抄表类型", "抄表员", "备注")
METERS = ("00123", "JK100", "JK200", "JK300")
TODAY = START.date()


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str = "utf-8-sig",
              header: Sequence[str] = HEADER) -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def good_rows() -> list[tuple[str, ...]]:
    return [
        ("00123", "2026-11-20", "1234.567", "01", "P", "王师傅", "正常"),
        ("JK100", "2026/11/20", "20", "见表", "正常", "", ""),
        ("JK200", "2026-11-21", "", "04", "P", "王师傅", "门锁"),
        ("JK300", "2026-11-21", "7.5", "", "", "", ""),
    ]


TARIFF = Tariff(  # 东莞 (DOMAIN.md §8.2), residential cooking, cycle from 1 January
    id=None, user_type="residential", gas_use="cooking", effective_from=date(2020, 1, 1),
    name="东莞居民", kind=TariffKind.TIERED,
    tiers=(Tier(370_000, 34000), Tier(560_000, 40800), Tier(None, 51000)),
)


def open_hall(db: Database, clock: FixedClock, meters: Sequence[str] = METERS) -> Operator:
    """Set up the hall with its tariff and accounts; return a clerk (staff made without login)."""
    auth = AuthService(db, clock)
    auth.first_setup("东城营业厅", ADMIN_PASSWORD)
    admin = auth.login("admin", ADMIN_PASSWORD)
    TariffService(db, clock).add_version(replace(admin, role=Role.MANAGER), TARIFF)
    accounts = AccountService(db, clock)
    for meter_no in meters:
        accounts.create(admin, sample_draft(meter=MeterDraft(meter_no)))
    return Operator(90, "clerk1", "王小燕", Role.CLERK, admin.hall_id)


@pytest.fixture
def hall_db(any_db: Database, clock: FixedClock) -> tuple[Database, Operator]:
    """A hall on either database with the accounts of METERS; its clerk."""
    return any_db, open_hall(any_db, clock)


@pytest.fixture
def hall(db: Database, clock: FixedClock) -> Operator:
    """The SQLite test hall with the accounts of METERS; its clerk."""
    return open_hall(db, clock)


def rejected(importer: ReadingImporter, hall_id: int, path: Path) -> list[RowError]:
    with pytest.raises(ImportRejected) as caught:
        importer.check_file(hall_id, path)
    assert caught.value.key == "import.rejected"
    assert caught.value.problems[0].params == {"errors": len(caught.value.errors)}
    return list(caught.value.errors)


def stored(db: Database) -> tuple[int, int]:
    with db.reading() as session:
        return (session.scalar(select(func.count()).select_from(Reading)) or 0,
                session.scalar(select(func.count()).select_from(ReadingBatch)) or 0)


# --- reading the file --------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_in_each_encoding_reads_the_same(
    encoding: str, hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", good_rows(), encoding)
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    rows = ReadingImporter(db, clock).check_file(hall.hall_id, path)

    assert [(r.line_no, r.meter_no, r.read_on, r.value_litres, r.source, r.kind, r.reader, r.note)
            for r in rows] == [
        (2, "00123", date(2026, 11, 20), 1_234_567, "01", "P", "王师傅", "正常"),
        (3, "JK100", date(2026, 11, 20), 20_000, "01", "P", "", ""),
        (4, "JK200", date(2026, 11, 21), None, "04", "P", "王师傅", "门锁"),
        (5, "JK300", date(2026, 11, 21), 7_500, "01", "P", "", ""),
    ]


def test_english_headers_in_another_order_tabs_and_extra_columns(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "r.csv"
    path.write_text("Value (m³)\tExtra\tREAD_ON\tMeter No\n12.5\tx\t2026-11-01\tJK100\n",
                    encoding="utf-8")

    [row] = ReadingImporter(db, clock).check_file(hall.hall_id, path)

    assert (row.meter_no, row.read_on, row.value_litres, row.source, row.kind) == (
        "JK100", date(2026, 11, 1), 12_500, "01", "P")


def test_bytes_neither_utf8_nor_gbk_are_one_error(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    utf16 = write_csv(tmp_path / "u16.csv", good_rows(), "utf-16")
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\xfa\x80\x81" * 20)
    importer = ReadingImporter(db, clock)

    for path in (utf16, binary):
        assert rejected(importer, hall.hall_id, path) == [
            RowError(0, "", "", "import.bad_encoding")]


def test_utf16_without_bom_is_refused_too(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "u16le.csv", [("JK100", "2026-11-20", "1")], "utf-16-le",
                     header=("meter_no", "read_on", "value"))
    errors = rejected(ReadingImporter(db, clock), hall.hall_id, path)
    assert errors == [RowError(0, "", "", "import.bad_encoding")]


def test_xlsx_keeps_leading_zeros_and_reads_date_cells(
    db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    clerk = open_hall(db, clock, ("00123", "0000456", "789"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(HEADER))
    sheet.append(["00123", datetime(2026, 11, 20), 1234.567, "01", "P", "王师傅", None])
    sheet.append([456, date(2026, 11, 21), 20, 1, "T", None, None])  # numeric, format 0000000
    sheet["A3"].number_format = "0000000"
    sheet.append(["789", "2026/11/22", "3.5", "自报", "业务", None, None])
    sheet.append([None] * 7)  # blank rows are skipped, numbering is kept
    sheet.append([789, "2026-11-23", 4, None, None, None, None])
    path = tmp_path / "r.xlsx"
    book.save(path)

    rows = ReadingImporter(db, clock).check_file(clerk.hall_id, path)

    assert [(r.line_no, r.meter_no, r.read_on, r.value_litres, r.source, r.kind) for r in rows] == [
        (2, "00123", date(2026, 11, 20), 1_234_567, "01", "P"),
        (3, "0000456", date(2026, 11, 21), 20_000, "01", "T"),
        (4, "789", date(2026, 11, 22), 3_500, "02", "S"),
        (6, "789", date(2026, 11, 23), 4_000, "01", "P"),
    ]


def test_xlsx_that_is_not_a_workbook(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert rejected(ReadingImporter(db, clock), hall.hall_id, path) == [
        RowError(0, "", "fake.xlsx", "import.bad_file")]


def test_unsupported_suffix(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert rejected(ReadingImporter(db, clock), hall.hall_id, path) == [
        RowError(0, "", ".xls", "import.unsupported_format")]


# --- every reason ------------------------------------------------------------------------------


REASONS = [  # (cells changed in a good row, column, value, reason) - one defect per row
    ({0: "NOPE1"}, "表号", "NOPE1", "import.unknown_meter"),
    ({0: "123"}, "表号", "123", "import.unknown_meter"),  # 00123 without its zeros
    ({0: ""}, "表号", "", "import.meter_missing"),
    ({1: "2026-02-30"}, "抄表日期", "2026-02-30", "import.bad_date"),
    ({1: "20.11.2026"}, "抄表日期", "20.11.2026", "import.bad_date"),
    ({1: ""}, "抄表日期", "", "import.date_missing"),
    ({1: "2026-11-24"}, "抄表日期", "2026-11-24", "import.date_in_future"),
    ({2: "12,3a"}, "读数", "12,3a", "import.value_not_number"),
    ({2: "1,5"}, "读数", "1,5", "import.value_not_number"),  # a decimal comma is not 15
    ({2: "."}, "读数", ".", "import.value_not_number"),
    ({2: "-1"}, "读数", "-1", "import.value_negative"),
    ({2: "1.2345"}, "读数", "1.2345", "import.value_too_precise"),
    ({2: "9999999"}, "读数", "9999999", "import.value_too_large"),
    ({2: ""}, "读数", "", "import.value_missing"),
    ({2: "", 3: "03"}, "读数", "", "import.value_missing"),  # an estimate needs its value
    ({3: "99"}, "数据来源", "99", "import.unknown_source"),
    ({3: "瞎猜"}, "数据来源", "瞎猜", "import.unknown_source"),
    ({4: "X"}, "抄表类型", "X", "import.unknown_kind"),
    ({5: "长" * 41}, "抄表员", "长" * 41, "import.text_too_long"),
    ({6: "长" * 201}, "备注", "长" * 201, "import.text_too_long"),
]


def test_each_reason_names_its_row_column_and_value(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    good = ("JK100", "2026-11-20", "20", "01", "P", "", "")
    rows = [good]  # row 2 is good; row k + 3 has the defect REASONS[k], each on its own date
    for k, (cells, *_) in enumerate(REASONS):
        row = list(good)
        row[1] = (date(2025, 1, 1) + timedelta(days=k)).isoformat()
        for index, text in cells.items():
            row[index] = text
        rows.append(tuple(row))
    path = write_csv(tmp_path / "r.csv", rows)

    assert rejected(ReadingImporter(db, clock), hall.hall_id, path) == [
        RowError(k + 3, column, value, reason)
        for k, (_, column, value, reason) in enumerate(REASONS)]


def test_each_reason_alone_rejects_the_file(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    importer = ReadingImporter(db, clock)
    for k, (cells, column, value, reason) in enumerate(REASONS):
        rows = [list(r) for r in good_rows()]
        for index, text in cells.items():
            rows[1][index] = text
        path = write_csv(tmp_path / f"r{k}.csv", rows)
        assert rejected(importer, hall.hall_id, path) == [RowError(3, column, value, reason)]


def test_duplicate_in_file_names_the_second_row(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    rows = [*good_rows(), ("JK100", "2026-11-20", "21", "01", "P", "", "")]
    path = write_csv(tmp_path / "r.csv", rows)
    assert rejected(ReadingImporter(db, clock), hall.hall_id, path) == [
        RowError(6, "表号", "JK100", "import.duplicate_in_file")]


def test_file_level_problems(hall: Operator, db: Database, clock: FixedClock,
                             tmp_path: Path) -> None:
    importer = ReadingImporter(db, clock)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = write_csv(tmp_path / "header.csv", [])
    blank_lines = tmp_path / "blank.csv"
    blank_lines.write_text("\n , ,\n\n", encoding="utf-8")
    for path in (empty, header_only, blank_lines):
        assert rejected(importer, hall.hall_id, path) == [RowError(0, "", "", "import.empty_file")]

    no_value = write_csv(tmp_path / "cols.csv", [("JK100",)], header=("表号", "备注"))
    assert rejected(importer, hall.hall_id, no_value) == [
        RowError(1, "抄表日期", "", "import.missing_column"),
        RowError(1, "读数", "", "import.missing_column"),
    ]
    twice = write_csv(tmp_path / "twice.csv", [("JK100", "2026-11-20", "1", "2")],
                      header=("表号", "抄表日期", "读数", "value"))
    assert rejected(importer, hall.hall_id, twice) == [
        RowError(1, "读数", "value", "import.duplicate_column")]


def test_every_problem_of_every_row_is_listed_in_order(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    rows = [
        ("JK100", "2026-11-20", "abc", "01", "P", "", ""),
        ("GHOST", "yesterday", "1", "01", "Q", "", ""),
        ("00123", "2026-11-20", "1", "01", "P", "", ""),
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    assert rejected(ReadingImporter(db, clock), hall.hall_id, path) == [
        RowError(2, "读数", "abc", "import.value_not_number"),
        RowError(3, "表号", "GHOST", "import.unknown_meter"),
        RowError(3, "抄表日期", "yesterday", "import.bad_date"),
        RowError(3, "抄表类型", "Q", "import.unknown_kind"),
    ]


def test_meter_of_another_hall_is_unknown_here(
    hall: Operator, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", good_rows())
    errors = rejected(ReadingImporter(db, clock), hall.hall_id + 1, path)
    assert [e.value for e in errors] == list(METERS)
    assert {e.reason for e in errors} == {"import.unknown_meter"}


def test_already_recorded_and_unknown_meter_checked_in_the_database(
    hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    with db.writing() as session:
        meter = session.scalars(select(Meter).where(Meter.meter_no == "JK300")).one()
        session.add(Reading(hall_id=clerk.hall_id, meter_id=meter.id, account_id=meter.account_id,
                            read_on=date(2026, 11, 21), value_litres=5000, source="01", kind="P",
                            state="accepted", entered_by="clerk1", entered_at=START))
    rows = [*good_rows(), ("NOPE", "2026-11-21", "1", "", "", "", "")]
    path = write_csv(tmp_path / "r.csv", rows)

    assert rejected(ReadingImporter(db, clock), clerk.hall_id, path) == [
        RowError(5, "抄表日期", "2026-11-21", "import.already_recorded"),
        RowError(6, "表号", "NOPE", "import.unknown_meter"),
    ]
    assert stored(db) == (1, 0)


def test_parse_litres() -> None:
    assert [parse_litres(t) for t in ("0", "12", "12.", ".5", "+3.25", "1.2500", "2147483.647",
                                      "1,234.5", "-0")] == [
        0, 12_000, 12_000, 500, 3_250, 1_250, 2_147_483_647, 1_234_500, 0]
    assert parse_litres("2147483.648") == "import.value_too_large"
    assert parse_litres("1e3") == "import.value_not_number"


def test_many_meters_are_looked_up_in_chunks(
    db: Database, hall: Operator, clock: FixedClock, tmp_path: Path
) -> None:
    from sqlalchemy import event

    DemoService(db, clock).seed(5000)
    with db.reading() as session:
        numbers = list(session.scalars(select(Meter.meter_no).order_by(Meter.id)))
    path = write_csv(tmp_path / "r.csv", [(n, "2026-11-20", "1") for n in numbers] +
                     [("GHOST", "2026-11-20", "1")], header=HEADER[:3])
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda *args: statements.append(args[2]))

    errors = rejected(ReadingImporter(db, clock), hall.hall_id, path)

    assert errors == [RowError(len(numbers) + 2, "表号", "GHOST", "import.unknown_meter")]
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert 2 <= len(selects) <= 10  # 3 chunks of meters, 3 of readings; never one per row


# --- template and error list -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_template_reads_back_as_its_example_rows(
    suffix: str, db: Database, clock: FixedClock, tmp_path: Path
) -> None:
    clerk = open_hall(db, clock, ("0012345678", "JK100000037"))
    path = write_template(tmp_path / f"模板{suffix}")
    if suffix == ".csv":
        assert path.read_bytes().startswith("\ufeff表号,抄表日期,读数".encode())

    rows = ReadingImporter(db, clock).check_file(clerk.hall_id, path)

    assert [(r.meter_no, r.read_on, r.value_litres, r.source) for r in rows] == [
        ("0012345678", date(2026, 11, 20), 1_234_567, "01"),
        ("JK100000037", date(2026, 11, 20), None, "04"),
    ]


def test_template_of_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="import.unsupported_format"):
        write_template(tmp_path / "t.ods")


def test_save_errors_writes_bom_csv_in_the_users_words(tmp_path: Path) -> None:
    errors = [RowError(3, "读数", "abc", "import.value_not_number"),
              RowError(0, "", "", "import.bad_encoding")]
    texts = {"import.value_not_number": "读数不是数字", "import.bad_encoding": "文件编码无法识别"}

    path = save_errors(tmp_path / "errors.csv", errors, lambda e: texts[e.reason],
                       ("行", "列", "内容", "原因"))

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [["行", "列", "内容", "原因"],
                                       ["3", "读数", "abc", "读数不是数字"],
                                       ["0", "", "", "文件编码无法识别"]]
    plain = save_errors(tmp_path / "keys.csv", errors)
    assert plain.read_text(encoding="utf-8-sig").splitlines()[1] == (
        "3,读数,abc,import.value_not_number")


# --- progress and cancel -----------------------------------------------------------------------


def test_check_reports_progress_and_cancel_stops_it(
    db: Database, hall: Operator, clock: FixedClock, tmp_path: Path
) -> None:
    DemoService(db, clock).seed(3000)
    with db.reading() as session:
        numbers = list(session.scalars(select(Meter.meter_no)))
    path = write_csv(tmp_path / "r.csv", [(n, "2026-11-20", "1") for n in numbers],
                     header=HEADER[:3])
    calls: list[tuple[int, int]] = []
    importer = ReadingImporter(db, clock)

    importer.check_file(hall.hall_id, path, lambda d, t: calls.append((d, t)) is None)

    assert calls[-1][0] == calls[-1][1] and len(calls) >= 4
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))
    with pytest.raises(DomainError, match="import.cancelled"):
        importer.check_file(hall.hall_id, path, lambda d, t: d < t // 2)


# --- importing ---------------------------------------------------------------------------------


def bills(db: Database) -> list[tuple[int, int]]:
    with db.reading() as session:
        return [(r.reading_id or 0, r.total_fen) for r in session.scalars(select(Bill))]


def test_good_file_is_imported_validated_and_billed(
    hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    importer = ReadingImporter(db, clock)
    baseline = write_csv(tmp_path / "october.csv", [
        (m, "2026-10-20", value, "01", "P", "", "")
        for m, value in zip(METERS, ("1200", "1000", "1000", "5"), strict=True)])
    first = importer.import_file(clerk, baseline)
    assert (first.rows, first.billed, first.total_fen) == (4, 0, 0)  # baselines are not billed

    summary = importer.import_file(clerk, write_csv(tmp_path / "november.csv", good_rows()))

    # 00123: 34.567 m³ x 3.40 = 117.5278 -> 117.53; JK300: 2.5 m³ x 3.40 = 8.50;
    # JK100 goes down (review); JK200 was locked (no value: not billed).
    assert (summary.rows, summary.billed, summary.in_review, summary.not_billed) == (4, 2, 1, 1)
    assert summary.total_fen == 11753 + 850
    assert sorted(fen for _, fen in bills(db)) == [850, 11753]
    assert stored(db) == (8, 2)
    with db.reading() as session:
        batch = session.get_one(ReadingBatch, summary.batch_id)
        assert (batch.file_name, batch.rows, batch.imported_by) == ("november.csv", 4, "clerk1")
        assert {r.meter_id for r in session.scalars(
            select(Reading).where(Reading.batch_id == summary.batch_id))} == set(range(1, 5))


def test_one_bad_row_imports_nothing_and_lists_that_row(
    hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    rows = good_rows()
    rows[2] = ("JK200", "2026-11-21", "12.3.4", "01", "P", "", "")
    path = write_csv(tmp_path / "r.csv", rows)

    with pytest.raises(ImportRejected) as caught:
        ReadingImporter(db, clock).import_file(clerk, path)

    assert caught.value.errors == (RowError(4, "读数", "12.3.4", "import.value_not_number"),)
    assert stored(db) == (0, 0)


def test_later_reading_and_register_capacity(
    hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    importer = ReadingImporter(db, clock)
    importer.import_file(clerk, write_csv(tmp_path / "a.csv", [
        ("JK100", "2026-11-10", "100", "01", "P", "", ""),
        ("JK200", "2026-11-10", "", "04", "P", "", ""),  # no value: not a register reading
        ("JK300", "2026-11-10", "100", "01", "Z", "", ""),  # a check: not one either
    ]))
    path = write_csv(tmp_path / "b.csv", [
        ("JK100", "2026-11-01", "90", "01", "P", "", ""),
        ("JK100", "2026-11-05", "", "05", "P", "", ""),  # refused: no value, allowed before
        ("JK200", "2026-11-01", "90", "01", "P", "", ""),
        ("JK300", "2026-11-01", "90", "01", "P", "", ""),
        ("00123", "2026-11-01", "99999.999", "01", "P", "", ""),
        ("00123", "2026-11-02", "100000", "01", "P", "", ""),  # 5 digits: 99999.999 at most
    ])

    assert rejected(importer, clerk.hall_id, path) == [
        RowError(2, "抄表日期", "2026-11-01", "import.later_reading_recorded"),
        RowError(7, "读数", "100000", "import.value_too_large"),
    ]


def test_a_rule_the_service_finds_is_reported_as_a_row(
    hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    AccountService(db, clock).create(clerk_as_admin(db, clerk), sample_draft(
        meter=MeterDraft("SHOP1"), user_type=UserType.NON_RESIDENTIAL,
        gas_use=GasUse.COMMERCIAL, household_size=1))
    importer = ReadingImporter(db, clock)
    importer.import_file(clerk, write_csv(tmp_path / "a.csv", [
        ("SHOP1", "2026-10-01", "10", "01", "P", "", "")]))
    path = write_csv(tmp_path / "b.csv", [
        ("JK100", "2026-11-01", "10", "01", "P", "", ""),
        ("SHOP1", "2026-11-01", "20", "01", "P", "", "")])

    with pytest.raises(ImportRejected) as caught:  # no tariff for commercial gas
        importer.import_file(clerk, path)

    assert caught.value.errors == (RowError(3, "表号", "SHOP1", "billing.no_tariff"),)
    assert stored(db) == (1, 1)


def clerk_as_admin(db: Database, clerk: Operator) -> Operator:
    return replace(clerk, role=Role.ADMINISTRATOR)


@pytest.mark.parametrize("stop_in", ["reading", "checking", "writing"])
def test_cancel_leaves_nothing(
    stop_in: str, hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    DemoService(db, clock).seed(2500)
    with db.reading() as session:
        numbers = list(session.scalars(select(Meter.meter_no).where(Meter.meter_no.like("JK1%"))))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(HEADER[:3]))
    for number in numbers:
        sheet.append([number, "2026-11-20", 1])
    path = tmp_path / "r.xlsx"
    book.save(path)
    phase = {"reading": 0, "checking": 1, "writing": 2}[stop_in]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done * 3 < total * phase + total // 2 if total else True

    with pytest.raises(DomainError) as caught:
        ReadingImporter(db, clock).import_file(clerk, path, progress)

    assert caught.value.key == "import.cancelled"
    assert stored(db) == (0, 0)
    assert calls[-1][0] * 3 >= calls[-1][1] * phase  # it got to the phase it was cancelled in


def test_full_progress_runs_to_the_end(
    hall_db: tuple[Database, Operator], clock: FixedClock, tmp_path: Path
) -> None:
    db, clerk = hall_db
    calls: list[tuple[int, int]] = []
    ReadingImporter(db, clock).import_file(
        clerk, write_csv(tmp_path / "r.csv", good_rows()), lambda d, t: not calls.append((d, t)))
    assert calls[-1][0] == calls[-1][1] > 0
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))


# --- command line ------------------------------------------------------------------------------


def test_command_line_template_import_and_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.config import user_paths

    monkeypatch.setenv("GASHALL_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("GASHALL_DB_URL", raising=False)
    assert main(["demo", "--accounts", "20"]) == 0
    db = open_database(f"sqlite:///{user_paths().database}")
    with db.reading() as session:
        numbers = list(session.scalars(select(Meter.meter_no).order_by(Meter.id).limit(3)))
    db.dispose()
    capsys.readouterr()

    assert main(["readings", "template", str(tmp_path / "t.xlsx")]) == 0
    assert "t.xlsx" in capsys.readouterr().out and (tmp_path / "t.xlsx").is_file()

    today = date.today().isoformat()
    bad = write_csv(tmp_path / "bad.csv", [(numbers[0], today, "1"), ("GHOST", today, "x")],
                    header=HEADER[:3])
    code = main(["readings", "import", str(bad), "--errors", str(tmp_path / "errors.csv")])
    out = capsys.readouterr().out
    assert code == 1
    assert "bad.csv was not imported: 2 problem(s)" in out
    assert "row 3, 表号 'GHOST': import.unknown_meter: no meter of this hall has this number" in out
    assert "row 3, 读数 'x': import.value_not_number" in out
    assert (tmp_path / "errors.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == [
        "3,表号,GHOST,import.unknown_meter: no meter of this hall has this number",
        "3,读数,x,import.value_not_number: the reading is not a number"]

    good = write_csv(tmp_path / "good.csv", [(n, today, "1") for n in numbers],
                     header=HEADER[:3])
    assert main(["readings", "import", str(good), "--user", "clerk"]) == 0
    assert capsys.readouterr().out.startswith("Imported 3 readings from good.csv (batch 2): ")
    db = open_database(f"sqlite:///{user_paths().database}")
    with db.reading() as session:
        assert session.scalars(select(ReadingBatch.imported_by).where(
            ReadingBatch.file_name == "good.csv")).all() == ["clerk"]  # batch 1: the demo's
    db.dispose()

    assert main(["readings", "import", str(good), "--user", "nobody"]) == 2
    assert "user.not_found" in capsys.readouterr().err
    assert main(["readings", "import", str(tmp_path / "missing.csv")]) == 2


# --- a large file ------------------------------------------------------------------------------


@pytest.mark.timeout(180)  # about 15-30 s on a desktop; fails loudly rather than hanging the run
def test_100000_rows_end_to_end(db: Database, clock: FixedClock, tmp_path: Path) -> None:
    """One wrong row among 100,000 refuses the file; corrected, all of it is imported."""
    clerk = open_hall(db, clock, ())
    DemoService(db, clock).seed(100_000)
    with db.reading() as session:
        numbers = list(session.scalars(select(Meter.meter_no).order_by(Meter.id)))
    assert len(numbers) >= 100_000
    rows = [(n, "2026-11-20", f"{k % 9000}.{k % 1000:03d}", "01", "P", "王师傅", "")
            for k, n in enumerate(numbers[:100_000])]
    rows[77_777] = (numbers[77_777], "2026-11-20", "12,5", "01", "P", "王师傅", "")
    importer = ReadingImporter(db, clock)
    started = time.perf_counter()

    with pytest.raises(ImportRejected) as caught:
        importer.import_file(clerk, write_csv(tmp_path / "bad.csv", rows))
    assert caught.value.errors == (RowError(77_779, "读数", "12,5", "import.value_not_number"),)
    assert stored(db) == (0, 0)

    rows[77_777] = (numbers[77_777], "2026-11-20", "12.5", "01", "P", "王师傅", "")
    summary = importer.import_file(clerk, write_csv(tmp_path / "good.csv", rows))

    assert (summary.rows, summary.not_billed) == (100_000, 100_000)  # first readings: baselines
    assert stored(db) == (100_000, 1)
    with db.reading() as session:
        assert session.scalar(select(Reading.value_litres).join(Meter).where(
            Meter.meter_no == numbers[77_777])) == 12_500
    print(f"100,000 rows checked twice and imported in {time.perf_counter() - started:.1f} s")
