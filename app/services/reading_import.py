"""Import of meter readings from handheld exports (抄表数据导入): the whole file checked first.

File layout (``write_template`` writes it with two example rows): the first non-empty row is the
header; columns come in any order, named in Chinese or English (case, spaces and a unit such as
``(m³)`` after the name do not matter); other columns are ignored.

- 表号 ``meter_no`` (required): the meter number as on the account, read as text, so leading
  zeros count (``00123`` is not ``123``).
- 抄表日期 ``read_on`` (required): YYYY-MM-DD or YYYY/MM/DD, or an Excel date cell; not after
  today.
- 读数 ``value`` (required column): the register in m³, at most 3 decimals, not negative. Empty
  only for the no-reading sources 04-09 (门锁, 拒抄, 遮挡, 空房, 长期不用, 位置过高).
- 数据来源 ``source`` (optional): code or name: 01 见表, 02 自报, 03 估抄, 04 门锁, 05 拒抄,
  06 遮挡, 07 空房, 08 长期不用, 09 位置过高, 10 其他, 21 门贴, 22 微信, 31 远传. Empty: 01.
- 抄表类型 ``kind`` (optional): P 正常, S 业务, T 临时, Z 复核 (code or name). Empty: P.
- 抄表员 ``reader`` (optional): up to 40 characters. 备注 ``note`` (optional): up to 200.

Files: ``.csv`` (comma- or tab-separated; UTF-8 with or without BOM, or GBK as Excel on a
Chinese Windows saves it) or ``.xlsx`` (the first sheet). One reading per meter and date, in the
file and in the database. If any row is wrong nothing is imported: ``ImportRejected`` lists every
problem as (row, column, value, reason), rows numbered as a spreadsheet shows them (header = 1).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.clock import Clock
from app.domain.errors import DomainError, Problem
from app.domain.readings import (
    NO_VALUE_SOURCES,
    ReadingKind,
    ReadingSource,
    register_capacity,
)
from app.domain.tariff import format_m3
from app.domain.users import Permission, require
from app.persistence.db import Database
from app.persistence.repositories.import_queries import (
    KnownMeter,
    RecordedReading,
    meters_by_number,
    readings_from,
)
from app.services.billing_dto import ImportRow, ImportSummary
from app.services.dto import Operator
from app.services.reading_service import ReadingService

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel

MAX_LITRES = 2**31 - 1  # the readings table's integer column
MAX_READER, MAX_NOTE = 40, 200
_REPORT_EVERY = 1000  # rows between progress calls

# Canonical column -> (header written in the template and in errors, accepted header names).
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "meter_no": ("表号", ("表号", "表具编号", "meter_no", "meter", "meter_number")),
    "read_on": ("抄表日期", ("抄表日期", "日期", "read_on", "date", "reading_date")),
    "value": ("读数", ("读数", "表读数", "本次读数", "value", "reading")),
    "source": ("数据来源", ("数据来源", "来源", "source")),
    "kind": ("抄表类型", ("抄表类型", "类型", "kind", "type")),
    "reader": ("抄表员", ("抄表员", "reader")),
    "note": ("备注", ("备注", "note", "notes", "remark")),
}
REQUIRED = ("meter_no", "read_on", "value")

SOURCE_NAMES: dict[str, ReadingSource] = {
    "见表": ReadingSource.ON_SITE, "自报": ReadingSource.SELF, "估抄": ReadingSource.ESTIMATED,
    "门锁": ReadingSource.LOCKED, "拒抄": ReadingSource.REFUSED, "遮挡": ReadingSource.OBSTRUCTED,
    "空房": ReadingSource.VACANT, "长期不用": ReadingSource.UNUSED,
    "位置过高": ReadingSource.TOO_HIGH, "其他": ReadingSource.OTHER,
    "门贴": ReadingSource.DOOR_SLIP, "微信": ReadingSource.WECHAT, "远传": ReadingSource.REMOTE,
}
KIND_NAMES: dict[str, ReadingKind] = {
    "正常": ReadingKind.ROUTINE, "业务": ReadingKind.BUSINESS, "业务抄表": ReadingKind.BUSINESS,
    "临时": ReadingKind.AD_HOC, "复核": ReadingKind.CHECK, "周日抄": ReadingKind.CHECK,
}

TEMPLATE_ROWS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("0012345678", "2026-11-20", "1234.567", "01", "P", "王师傅", ""),
    ("JK100000037", "2026-11-20", "", "04", "P", "王师傅", "门锁，已留门贴"),
)

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T][\d:.]+)?")  # a time is ignored
_NUMBER = re.compile(r"([+-]?)(\d*)(?:\.(\d*))?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?")  # 1,234.5; never a decimal comma
_ZERO_FORMAT = re.compile(r"0+")
_UNIT = re.compile(r"[(（\[].*[)）\]]$")


@dataclass(frozen=True)
class RowError:
    """One problem in an import file.

    ``row`` counts as a spreadsheet does (1 = the header row, 0 = the file as a whole);
    ``column`` is the header as written in the file; ``reason`` is an ``import.*`` message key.
    """

    row: int
    column: str
    value: str
    reason: str


class ImportRejected(DomainError):
    """The file has problems; nothing was imported. ``errors`` lists every one, in row order."""

    def __init__(self, errors: Iterable[RowError]) -> None:
        self.errors: tuple[RowError, ...] = tuple(errors)
        super().__init__(Problem("import.rejected", None, {"errors": len(self.errors)}))


class ReadingImporter:
    """Reads, checks and imports a handheld file; the writing is ``ReadingService.import_rows``."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def check_file(
        self, hall_id: int, path: Path, progress: Progress | None = None
    ) -> list[ImportRow]:
        """Parse and check the whole file against the hall's meters and readings; write nothing.

        Raises:
            ImportRejected: with every problem found.
            DomainError: ``import.cancelled`` if ``progress`` returned False.
        """
        return self._checked_rows(hall_id, Path(path), _Steps(progress, phases=2))

    def import_file(
        self, operator: Operator, path: Path, progress: Progress | None = None
    ) -> ImportSummary:
        """Check the whole file, then import, validate and bill it in one transaction.

        Progress runs over reading the file, checking it, and the service's writing, a third of
        the bar each; returning False at any point cancels and leaves nothing behind.

        Raises:
            ImportRejected: the file has problems; nothing was imported.
            DomainError: ``import.cancelled``, or a rule the service enforces.
        """
        require(operator.role, Permission.ENTER_READINGS)
        path = Path(path)
        steps = _Steps(progress, phases=3)
        rows = self._checked_rows(operator.hall_id, path, steps)
        service = ReadingService(self._db, self._clock)
        try:
            return service.import_rows(operator, operator.hall_id, path.name, rows,
                                       steps.writing() if progress else None)
        except DomainError as error:
            raise _as_row_error(error, rows) or error from error

    def _checked_rows(self, hall_id: int, path: Path, steps: _Steps) -> list[ImportRow]:
        header, records = _read_table(path, steps)
        steps.finish_phase()
        checker = _Checker(self._clock.now().date())
        rows = checker.parse(header, records, steps)
        with self._db.reading() as session:
            meters = meters_by_number(session, hall_id, {n for _, n in checker.meter_cells})
            first_days: dict[int, date] = {}
            for row in rows:
                if (meter := meters.get(row.meter_no)) is not None:
                    first_days[meter.id] = min(row.read_on, first_days.get(meter.id, row.read_on))
            recorded = readings_from(session, first_days)
        checker.check_meters(meters, recorded, rows)
        if checker.errors:
            raise ImportRejected(checker.sorted_errors())
        steps.finish_phase()
        return rows


def _as_row_error(error: DomainError, rows: Sequence[ImportRow]) -> ImportRejected | None:
    """A rule the service found broken in one row (``line`` parameter), as the file's error list.

    The whole-file check catches what it can foresee; this keeps the rest (no tariff for the
    account's gas use, …) in the same row-by-row form. Its reason is the service's own key.
    """
    problem = error.problems[0]
    line = problem.params.get("line")
    row = next((r for r in rows if r.line_no == line), None)
    if row is None:
        return None
    column = problem.field if problem.field in COLUMNS else "meter_no"
    shown = {"meter_no": row.meter_no, "read_on": row.read_on.isoformat(), "source": row.source,
             "kind": row.kind, "reader": row.reader, "note": row.note,
             "value": "" if row.value_litres is None else format_m3(row.value_litres)}
    return ImportRejected([RowError(row.line_no, COLUMNS[column][0], shown[column], problem.key)])


class _Steps:
    """One progress bar over phases of equal width: reading, checking, (writing)."""

    def __init__(self, progress: Progress | None, phases: int) -> None:
        self._progress = progress
        self._phases = phases
        self._phase = 0
        self.rows = 1

    def report(self, done: int) -> None:
        """Report ``done`` of ``rows`` in the current phase; raise if the user cancelled."""
        if self._progress is None:
            return
        self.rows = max(self.rows, done, 1)
        if not self._progress(self._phase * self.rows + done, self._phases * self.rows):
            raise DomainError.of("import.cancelled")

    def finish_phase(self) -> None:
        """Report the current phase complete and start the next."""
        self.report(self.rows)
        self._phase += 1

    def writing(self) -> Progress:
        """The current phase's callback for the service: its (done, total) scaled onto the bar."""
        first, rows, progress = self._phase * self.rows, self.rows, self._progress

        def forward(done: int, total: int) -> bool:
            share = done * rows // max(total, 1)
            return progress is None or progress(first + share, self._phases * rows)

        return forward


class _Checker:
    """Turns the file's records into ImportRows, collecting every problem instead of stopping."""

    def __init__(self, today: date) -> None:
        self._today = today
        self._dates: dict[str, date | str] = {}  # date text -> date or reason key (few distinct)
        self._headers: dict[str, str] = {}
        self._errors: list[tuple[int, int, RowError]] = []  # (row, column order, error)
        self.meter_cells: list[tuple[int, str]] = []  # (row, meter number) of every data row

    @property
    def errors(self) -> bool:
        """Whether any problem was found."""
        return bool(self._errors)

    def sorted_errors(self) -> list[RowError]:
        """Every problem, by row and then column."""
        return [error for *_, error in sorted(self._errors, key=lambda e: e[:2])]

    def error(self, row: int, column: str, value: str, reason: str) -> None:
        """Note a problem; ``column`` is canonical here and shown as the file's header."""
        shown = self._headers.get(column) or COLUMNS[column][0]
        order = list(COLUMNS).index(column)
        self._errors.append((row, order, RowError(row, shown, value, reason)))

    def parse(self, header: tuple[int, list[str]] | None, records: list[tuple[int, list[str]]],
              steps: _Steps) -> list[ImportRow]:
        """Check each record on its own and for duplicates; the database is checked after."""
        if header is None or not records:
            raise ImportRejected([RowError(0, "", "", "import.empty_file")])
        order = self._columns(*header)
        width = len(header[1])
        rows: list[ImportRow] = []
        seen: set[tuple[str, date]] = set()
        steps.rows = len(records)
        for done, (line_no, cells) in enumerate(records, start=1):
            if len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            cells.append("")  # what an absent optional column reads (index -1)
            row = self._row(line_no, *[cells[i].strip() for i in order])
            if row is not None:
                if (row.meter_no, row.read_on) in seen:
                    self.error(line_no, "meter_no", row.meter_no, "import.duplicate_in_file")
                else:
                    seen.add((row.meter_no, row.read_on))
                    rows.append(row)
            if done % _REPORT_EVERY == 0:
                steps.report(done)
        return rows

    def check_meters(self, meters: dict[str, KnownMeter],
                     recorded: dict[int, list[RecordedReading]], rows: list[ImportRow]) -> None:
        """Problems only the database shows: unknown meters, readings already there, big values.

        Unknown meters are reported in every row; the rest in rows otherwise good: a reading on
        the same day, a later register reading (this one would come before it), a value at or
        above the register's capacity (10^digits m³).
        """
        for line_no, meter_no in self.meter_cells:
            if meter_no not in meters:
                self.error(line_no, "meter_no", meter_no, "import.unknown_meter")
        for row in rows:
            meter = meters.get(row.meter_no)
            if meter is None:
                continue
            stored = recorded.get(meter.id, ())
            register = row.value_litres is not None and row.kind != ReadingKind.CHECK
            if any(r.read_on == row.read_on for r in stored):
                self.error(row.line_no, "read_on", row.read_on.isoformat(),
                           "import.already_recorded")
            elif register and any(r.register and r.read_on > row.read_on for r in stored):
                self.error(row.line_no, "read_on", row.read_on.isoformat(),
                           "import.later_reading_recorded")
            if row.value_litres is not None and row.value_litres >= register_capacity(meter.digits):
                self.error(row.line_no, "value", format_m3(row.value_litres),
                           "import.value_too_large")

    def _columns(self, line_no: int, names: list[str]) -> tuple[int, ...]:
        """Where each column of COLUMNS is in the file (-1: absent); raises if one is missing."""
        accepted = {_header_key(alias): canonical
                    for canonical, (_, aliases) in COLUMNS.items() for alias in aliases}
        positions: dict[str, int] = {}
        for index, name in enumerate(names):
            canonical = accepted.get(_header_key(name))
            if canonical is None:
                continue
            if canonical in positions:
                self.error(line_no, canonical, name.strip(), "import.duplicate_column")
            positions[canonical] = index
            self._headers[canonical] = name.strip()
        for column in REQUIRED:
            if column not in positions:
                self.error(line_no, column, "", "import.missing_column")
        if self._errors:
            raise ImportRejected(self.sorted_errors())
        return tuple(positions.get(column, -1) for column in COLUMNS)

    def _row(self, line_no: int, meter_no: str, day: str, value: str, source: str, kind: str,
             reader: str, note: str) -> ImportRow | None:
        """The row, or None after noting its problems. The usual good row takes the fast path."""
        read_on = self._dates.get(day)
        source_code, kind_code = _SOURCE_CODES.get(source), _KIND_CODES.get(kind)
        litres = _plain_litres(value)
        if (meter_no and type(read_on) is date and source_code and kind_code
                and litres is not None and len(reader) <= MAX_READER and len(note) <= MAX_NOTE):
            self.meter_cells.append((line_no, meter_no))
            return ImportRow(line_no, meter_no, read_on, litres, source_code, kind_code, reader,
                             note)
        return self._slow_row(line_no, meter_no, day, value, source, kind, reader, note)

    def _slow_row(self, line_no: int, meter_no: str, day: str, value: str, source: str,
                  kind: str, reader: str, note: str) -> ImportRow | None:
        before = len(self._errors)
        if meter_no:
            self.meter_cells.append((line_no, meter_no))
        else:
            self.error(line_no, "meter_no", "", "import.meter_missing")
        read_on = self._date(line_no, day)
        source_code = self._code(line_no, "source", source, _SOURCE_CODES)
        kind_code = self._code(line_no, "kind", kind, _KIND_CODES)
        litres = self._value(line_no, value, source_code)
        for column, text, limit in (("reader", reader, MAX_READER), ("note", note, MAX_NOTE)):
            if len(text) > limit:
                self.error(line_no, column, text, "import.text_too_long")
        if len(self._errors) > before or read_on is None or not source_code or not kind_code:
            return None
        return ImportRow(line_no, meter_no, read_on, litres, source_code, kind_code, reader, note)

    def _date(self, line_no: int, text: str) -> date | None:
        parsed = self._dates.get(text)
        if parsed is None:
            parsed = self._dates[text] = _parse_date(text, self._today)
        if isinstance(parsed, str):
            self.error(line_no, "read_on", text, parsed)
            return None
        return parsed

    def _code(self, line_no: int, column: str, text: str, codes: dict[str, str]) -> str | None:
        code = codes.get(text)
        if code is None:
            self.error(line_no, column, text, f"import.unknown_{column}")
        return code

    def _value(self, line_no: int, text: str, source: str | None) -> int | None:
        if not text:
            if source is not None and source not in NO_VALUE_SOURCES:
                self.error(line_no, "value", "", "import.value_missing")
            return None
        litres = parse_litres(text)
        if isinstance(litres, str):
            self.error(line_no, "value", text, litres)
            return None
        return litres


def _plain_litres(text: str) -> int | None:
    """The usual well-formed value (``1234.567``) quickly; None for anything else."""
    whole, _, fraction = text.partition(".")
    if (whole.isdigit() and whole.isascii() and len(whole) <= 7 and len(fraction) <= 3
            and (not fraction or (fraction.isdigit() and fraction.isascii()))):
        litres = int(whole) * 1000 + int(fraction.ljust(3, "0"))
        return litres if litres <= MAX_LITRES else None
    return None


def parse_litres(text: str) -> int | str:
    """A register value in m³ as litres, or the ``import.*`` reason it is not acceptable."""
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    match = _NUMBER.fullmatch(text)
    if match is None or not (match[2] or match[3]):
        return "import.value_not_number"
    sign, whole, fraction = match[1], match[2] or "0", (match[3] or "").rstrip("0")
    if sign == "-" and (int(whole) or fraction):
        return "import.value_negative"
    if len(fraction) > 3:
        return "import.value_too_precise"
    litres = int(whole) * 1000 + int(fraction.ljust(3, "0"))
    return litres if litres <= MAX_LITRES else "import.value_too_large"


def _parse_date(text: str, today: date) -> date | str:
    if not text:
        return "import.date_missing"
    match = _DATE.fullmatch(text)
    if match is None:
        return "import.bad_date"
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return "import.bad_date"
    return "import.date_in_future" if day > today else day


def _code_table(codes: Iterable[StrEnum], names: dict[str, Any], default: str) -> dict[str, str]:
    """Every accepted spelling of a code, mapped to the code.

    The code itself, in lower case, without leading zeros (Excel turns 01 into 1), its Chinese
    names, and the empty cell (the default).
    """
    table = {"": default}
    for code in codes:
        table |= {code.value: code.value, code.value.lower(): code.value,
                  code.value.lstrip("0"): code.value}
    table |= {name: code.value for name, code in names.items()}
    return table


_SOURCE_CODES = _code_table(ReadingSource, SOURCE_NAMES, ReadingSource.ON_SITE.value)
_KIND_CODES = _code_table(ReadingKind, KIND_NAMES, ReadingKind.ROUTINE.value)


def _header_key(name: str) -> str:
    key = _UNIT.sub("", name.strip().lstrip("\ufeff").lower())
    return re.sub(r"[\s_\-]", "", key)


# --- reading the file -------------------------------------------------------------------------

Record = tuple[int, list[str]]  # (row number, cells as text)


def _read_table(path: Path, steps: _Steps) -> tuple[Record | None, list[Record]]:
    """The header and the data rows, blank rows left out, all cells as text."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        found = _csv_records(path.read_bytes())
    elif suffix in (".xlsx", ".xlsm"):
        found = _xlsx_records(path, steps)
    else:
        raise ImportRejected([RowError(0, "", path.suffix, "import.unsupported_format")])
    records = [(n, cells) for n, cells in found if any(c.strip() for c in cells)]
    return (records[0], records[1:]) if records else (None, [])


def _csv_records(data: bytes) -> list[Record]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    try:
        return list(enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                              start=1))
    except csv.Error as error:
        raise ImportRejected([RowError(0, "", str(error), "import.bad_file")]) from error


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GBK; anything else is refused as a whole."""
    for encoding in ("utf-8-sig", "gbk"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:  # UTF-16 text decodes as UTF-8 full of NULs
            return text
    raise ImportRejected([RowError(0, "", "", "import.bad_encoding")])


def _xlsx_records(path: Path, steps: _Steps) -> list[Record]:
    from zipfile import BadZipFile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError) as error:  # a missing file stays an OSError
        raise ImportRejected([RowError(0, "", path.name, "import.bad_file")]) from error
    try:
        sheet = book.worksheets[0]
        steps.rows = sheet.max_row or 1  # from the sheet's dimension record: an estimate
        records: list[Record] = []
        for line_no, cells in enumerate(sheet.iter_rows(), start=1):
            records.append((line_no, [_cell_text(c.value, getattr(c, "number_format", None))
                                      for c in cells]))
            if line_no % _REPORT_EVERY == 0:
                steps.report(line_no)
        steps.rows = max(len(records), 1)
        return records
    finally:
        book.close()


def _cell_text(value: Any, number_format: str | None) -> str:
    """A cell as the text a person sees: numbers without ``.0``, zero-padded formats kept."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int | float):
        number = int(value) if isinstance(value, int) or value.is_integer() else None
        if number is None:  # the shortest text that reads back as this float, never 1e-05
            return format(Decimal(repr(float(value))), "f")
        if number_format and _ZERO_FORMAT.fullmatch(number_format):  # format "00000": 00123
            return str(number).zfill(len(number_format))
        return str(number)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


# --- template and error list -------------------------------------------------------------------


def write_template(path: Path) -> Path:
    """Write an empty import file to fill in: header and two example rows (.csv or .xlsx)."""
    path = Path(path)
    header = [chinese for chinese, _ in COLUMNS.values()]
    if path.suffix.lower() == ".xlsx":
        _write_xlsx_template(path, header)
    elif path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(TEMPLATE_ROWS)
    else:
        raise DomainError.of("import.unsupported_format", "path", suffix=path.suffix)
    return path


def _write_xlsx_template(path: Path, header: Sequence[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "抄表数据"
    sheet.append(list(header))
    for meter_no, day, value, source, kind, reader, note in TEMPLATE_ROWS:
        sheet.append([meter_no, date.fromisoformat(day), float(value) if value else None,
                      source, kind, reader, note])
    for letter, width in zip("ABCDEFG", (16, 12, 12, 10, 10, 10, 24), strict=True):
        sheet.column_dimensions[letter].width = width
        sheet.column_dimensions[letter].number_format = "@"  # typed numbers stay text
    for row in sheet.iter_rows(min_row=2):
        row[0].number_format = row[3].number_format = "@"
        row[1].number_format = "yyyy-mm-dd"
        row[2].number_format = "0.000"
    book.save(path)


def _reason_key(error: RowError) -> str:
    return error.reason


def save_errors(
    path: Path, errors: Iterable[RowError],
    describe: Callable[[RowError], str] = _reason_key,
    headers: Sequence[str] = ("row", "column", "value", "reason"),
) -> Path:
    """Write the error list as CSV with a UTF-8 BOM (so Excel opens it); ``describe`` words it."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(headers)
        writer.writerows((e.row, e.column, e.value, describe(e)) for e in errors)
    return path
