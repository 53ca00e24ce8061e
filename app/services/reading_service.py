"""Meter readings (抄表): route-book entry, checks, review, and bulk import; billed at once.

A reading that passes the checks of its gas use is billed in the same transaction; a flagged one
waits in review until a person accepts, corrects or estimates it; a check reading (复核) or one
without a value (门锁, 拒抄 …) is stored but never billed; a meter's first reading is its baseline.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.readings import (
    ReadingCheck,
    ReadingKind,
    ReadingSource,
    ReadingState,
    estimate_litres,
    register_capacity,
)
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm import Account, Customer, Meter, Reading, ReadingBatch
from app.persistence.repositories.billing_queries import (
    MeterRow,
    account_names,
    chunks,
    meters_by_id,
    meters_by_number,
)
from app.services.billing.run import BillingRun, NewReading, Stored
from app.services.billing_dto import (
    ImportRow,
    ImportSummary,
    ReadingDraft,
    ReadingOutcome,
    ReviewItem,
    SheetRow,
)
from app.services.dto import Operator
from app.services.tariff_service import load_rules, tariffs_by_use

Progress = Callable[[int, int], bool]  # (done, total) -> go on?
IMPORT_CHUNK = 5000  # rows judged and written between two progress reports


class ReadingService:
    """What the route-book grid, the review list and the import do with readings."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # --- route books -----------------------------------------------------------------------

    def route_books(self, hall_id: int) -> list[str]:
        """The hall's route books (抄表本) that have accounts, in order."""
        with self._db.reading() as session:
            return list(session.scalars(
                select(Account.route_book).where(Account.hall_id == hall_id,
                                                 Account.route_book != "")
                .distinct().order_by(Account.route_book)))

    def route_sheet(self, hall_id: int, book: str, read_on: date) -> list[SheetRow]:
        """One row per meter of the book: the previous reading, and the one of ``read_on``."""
        with self._db.reading() as session:
            rows = session.execute(
                select(Account.id, Account.account_no, Customer.name, Account.address_text,
                       Meter.id, Meter.meter_no, Meter.digits)
                .join(Customer, Customer.id == Account.customer_id)
                .join(Meter, Meter.account_id == Account.id)
                .where(Account.hall_id == hall_id, Account.route_book == book)
                .order_by(Account.address_text, Account.account_no, Meter.id)
            ).all()
            meter_ids = [r[4] for r in rows]
            today = _readings_on(session, meter_ids, read_on)
            before = _previous_values(session, meter_ids, read_on)
        sheet = []
        for account_id, no, name, address, meter_id, meter_no, digits in rows:
            prev_value, prev_on = before.get(meter_id, (None, None))
            r = today.get(meter_id)
            sheet.append(SheetRow(
                account_id, no, name, address, meter_id, meter_no, digits, prev_value, prev_on,
                r.id if r else None, r.value_litres if r else None, r.state if r else None,
                _flags(r.flags) if r else (), r.consumption_litres if r else None))
        return sheet

    def check(self, draft: ReadingDraft) -> ReadingCheck | None:
        """The checks on a typed value, without storing it (None: no previous value to check)."""
        if draft.value_litres is None:
            return None
        with self._db.reading() as session:
            meter = meters_by_id(session, [draft.meter_id]).get(draft.meter_id)
            if meter is None:
                raise DomainError.of("reading.meter_unknown", "meter")
            run = BillingRun(session, self._clock.now(), "", tariffs_by_use(session),
                             load_rules(session), lock=False)
            run.load([meter], draft.read_on)
            previous = run.previous(draft.meter_id, draft.read_on)
            if previous is None or previous.value is None:
                return None
            return run.check(meter, previous, draft.value_litres, draft.read_on,
                             draft.rollover_confirmed)

    # --- recording -------------------------------------------------------------------------

    def record(self, operator: Operator, draft: ReadingDraft) -> ReadingOutcome:
        """Store a typed reading; bill it at once unless a check flags it.

        A value lower than the previous one raises ``reading.lower_than_previous`` (field
        ``value``) unless ``rollover_confirmed``.
        """
        require(operator.role, Permission.ENTER_READINGS)
        _check_codes(draft.source, draft.kind)
        with self._db.writing() as session:
            meter = meters_by_id(session, [draft.meter_id]).get(draft.meter_id)
            if meter is None:
                raise DomainError.of("reading.meter_unknown", "meter")
            run = self._run(session, operator)
            run.load([meter], draft.read_on)
            outcome = run.add(NewReading(
                draft.meter_id, draft.read_on, draft.value_litres, draft.source, draft.kind,
                draft.reader.strip()[:40], draft.note.strip()[:200], draft.rollover_confirmed,
            ), strict=True)
            run.flush()
            return outcome

    # --- review ----------------------------------------------------------------------------

    def review_list(self, hall_id: int) -> list[ReviewItem]:
        """The hall's readings waiting in review, oldest first, with an estimate where possible."""
        with self._db.reading() as session:
            readings = session.scalars(
                select(Reading).where(Reading.hall_id == hall_id,
                                      Reading.state == ReadingState.REVIEW.value)
                .order_by(Reading.read_on, Reading.id)).all()
            meters = meters_by_id(session, [r.meter_id for r in readings])
            names = account_names(session, [r.account_id for r in readings])
            if not readings:
                return []
            run = BillingRun(session, self._clock.now(), "", {}, load_rules(session), lock=False)
            run.load(meters.values(), min(r.read_on for r in readings))
            return [_review_item(run, r, meters[r.meter_id], names) for r in readings]

    def accept(self, operator: Operator, reading_id: int, reason: str = "") -> ReadingOutcome:
        """The reading is right as it stands: bill it (a lower value counts as a rollover)."""
        return self._settle(operator, reading_id, reason, "reading.accepted", required=False,
                            decide=lambda run, r: (r.value_litres, True, False))

    def correct(
        self, operator: Operator, reading_id: int, value_litres: int, reason: str,
        rollover_confirmed: bool = False,
    ) -> ReadingOutcome:
        """Replace the value with the right one (with a reason) and bill it."""
        return self._settle(operator, reading_id, reason, "reading.corrected", required=True,
                            decide=lambda run, r: (value_litres, rollover_confirmed, False))

    def estimate(self, operator: Operator, reading_id: int, reason: str) -> ReadingOutcome:
        """Replace the value with an estimate (估抄: average of the last three periods), bill it."""
        return self._settle(operator, reading_id, reason, "reading.estimated", required=True,
                            decide=_estimated_value)

    def _settle(
        self, operator: Operator, reading_id: int, reason: str, action: str, required: bool,
        decide: Callable[[BillingRun, Reading], tuple[int | None, bool, bool]],
    ) -> ReadingOutcome:
        require(operator.role, Permission.REVIEW_READINGS)
        reason = reason.strip()
        if required and not reason:
            raise DomainError.of("reading.reason_required", "reason")
        with self._db.writing() as session:
            reading = session.get(Reading, reading_id)
            if reading is None:
                raise DomainError.of("reading.not_found")
            if reading.state != ReadingState.REVIEW.value:
                raise DomainError.of("reading.not_in_review")
            run = self._run(session, operator)
            run.load(meters_by_id(session, [reading.meter_id]).values(), reading.read_on)
            value, rollover, estimated = decide(run, reading)
            if value is None:
                raise DomainError.of("reading.value_required", "value")
            old = reading.value_litres
            outcome = run.settle(
                reading_id, reading.meter_id, value, rollover_confirmed=rollover,
                estimated=estimated, note=reason,
                source=ReadingSource.ESTIMATED.value if estimated else None)
            run.flush()
            append_audit(session, self._clock.now(), operator.username, action,
                         f"reading:{reading_id}", {
                             "value": old, "new_value": value, "bill_id": outcome.bill_id,
                             "total_fen": outcome.total_fen, "reason": reason,
                         }, operator.hall_id)
            return outcome

    # --- import ----------------------------------------------------------------------------

    def import_rows(
        self, operator: Operator, hall_id: int, file_name: str, rows: Sequence[ImportRow],
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Store, check and bill a checked file's rows in ONE transaction.

        ``progress(done, total)`` is called every few thousand rows; returning False cancels:
        everything is rolled back and DomainError ``import.cancelled`` raised. A row that breaks
        a rule (unknown meter, a later reading already there …) refuses the whole file with its
        line number in the error's ``line`` parameter.
        """
        require(operator.role, Permission.ENTER_READINGS)
        now = self._clock.now()
        ordered = sorted(rows, key=lambda r: (r.meter_no, r.read_on))
        with _collector_paused(), self._db.writing() as session:
            batch = ReadingBatch(hall_id=hall_id, file_name=file_name[:200], rows=len(rows),
                                 imported_at=now, imported_by=operator.username)
            session.add(batch)
            session.flush()
            run = self._run(session, operator)
            counts = _ImportCounts()
            for done, part in _parts(ordered):
                _import_part(session, run, part, batch.id, counts)
                run.flush()
                if progress is not None and not progress(done, len(ordered)):
                    raise DomainError.of("import.cancelled")
            summary = ImportSummary(batch.id, len(rows), counts.billed, counts.review,
                                    counts.not_billed, counts.total_fen)
            append_audit(session, now, operator.username, "readings.imported",
                         f"batch:{batch.id}", {
                             "file": file_name, "rows": len(rows), "billed": counts.billed,
                             "in_review": counts.review, "total_fen": counts.total_fen,
                         }, hall_id)
        return summary

    def _run(self, session: Session, operator: Operator) -> BillingRun:
        return BillingRun(session, self._clock.now(), operator.username, tariffs_by_use(session),
                          load_rules(session))


class _CollectorPause:
    """Keeps Python's cycle collector from walking an import's objects while it runs.

    An import holds a few hundred thousand small objects alive (past readings, accounts, rows
    queued for writing); each full collection walks all of them, several times per import (9
    per 100,000 rows, about a quarter of the import's CPU time). None of them needs the
    collector: they are freed by reference counting as usual. So for the import the automatic
    collector is off and the oldest generation's threshold out of reach, which also keeps the
    GUI's own collector (ui/common/gc_guard.py, on the GUI thread, by the same thresholds) to
    young generations. Process-wide, so counted: the state before the first of overlapping
    imports comes back after the last.
    """

    _OUT_OF_REACH = 1 << 30

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._saved: tuple[bool, tuple[int, int, int]] = (True, gc.get_threshold())

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._saved = (gc.isenabled(), gc.get_threshold())
                gc.disable()
                young, middle, _ = self._saved[1]
                gc.set_threshold(young, middle, self._OUT_OF_REACH)
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0:
                    enabled, threshold = self._saved
                    gc.set_threshold(*threshold)
                    if enabled:
                        gc.enable()


_collector_paused = _CollectorPause()


class _ImportCounts:
    def __init__(self) -> None:
        self.billed = self.review = self.not_billed = self.total_fen = 0

    def add(self, outcome: Stored) -> None:
        if outcome.state == _BILLED:
            self.billed += 1
            self.total_fen += outcome.total_fen or 0
        elif outcome.state == _REVIEW:
            self.review += 1
        else:
            self.not_billed += 1


def _parts(rows: Sequence[ImportRow]) -> list[tuple[int, Sequence[ImportRow]]]:
    """Chunks of rows, never cutting one meter's rows apart."""
    parts: list[tuple[int, Sequence[ImportRow]]] = []
    start = 0
    while start < len(rows):
        end = min(start + IMPORT_CHUNK, len(rows))
        while end < len(rows) and rows[end].meter_no == rows[end - 1].meter_no:
            end += 1
        parts.append((end, rows[start:end]))
        start = end
    return parts


def _import_part(
    session: Session, run: BillingRun, rows: Sequence[ImportRow], batch_id: int,
    counts: _ImportCounts,
) -> None:
    meters = meters_by_number(session, [r.meter_no for r in rows])
    unknown = next((r for r in rows if r.meter_no not in meters), None)
    if unknown is not None:
        raise DomainError.of("import.unknown_meter", "meter_no", line=unknown.line_no,
                             meter_no=unknown.meter_no)
    run.load(meters.values(), min(r.read_on for r in rows))
    for row in rows:
        try:
            _check_codes(row.source, row.kind)
            outcome = run.store(NewReading(
                meters[row.meter_no].meter_id, row.read_on, row.value_litres, row.source,
                row.kind, row.reader[:40], row.note[:200], False, batch_id), strict=False)
        except DomainError as error:
            problem = error.problems[0]
            raise DomainError.of(problem.key, problem.field, line=row.line_no,
                                 meter_no=row.meter_no, **problem.params) from error
        counts.add(outcome)


_SOURCES = frozenset(s.value for s in ReadingSource)
_BILLED = ReadingState.BILLED.value
_REVIEW = ReadingState.REVIEW.value
_KINDS = frozenset(k.value for k in ReadingKind)


def _check_codes(source: str, kind: str) -> None:
    if source not in _SOURCES:
        raise DomainError.of("reading.source_unknown", "source", value=source)
    if kind not in _KINDS:
        raise DomainError.of("reading.kind_unknown", "kind", value=kind)


def _estimated_value(run: BillingRun, reading: Reading) -> tuple[int | None, bool, bool]:
    meter = run.meters[reading.meter_id]
    previous = run.previous(reading.meter_id, reading.read_on, skip=reading.id)
    if previous is None or previous.value is None:
        raise DomainError.of("reading.no_previous")
    days = (reading.read_on - previous.read_on).days
    used = estimate_litres(run.history(reading.meter_id), days)
    return (previous.value + used) % register_capacity(meter.digits), True, True


def _review_item(
    run: BillingRun, r: Reading, meter: MeterRow, names: dict[int, str]
) -> ReviewItem:
    previous = run.previous(r.meter_id, r.read_on, skip=r.id)
    estimate = None
    if previous is not None:
        try:
            estimate = estimate_litres(run.history(r.meter_id), (r.read_on - previous.read_on).days)
        except DomainError:
            estimate = None
    return ReviewItem(
        r.id, r.account_id, meter.account_no, names.get(r.account_id, ""), meter.meter_no,
        r.read_on, r.value_litres,
        previous.value if previous else None, previous.read_on if previous else None,
        r.consumption_litres, _flags(r.flags), r.source, estimate)


def _flags(text: str) -> tuple[str, ...]:
    return tuple(text.split(",")) if text else ()


def _readings_on(session: Session, meter_ids: Sequence[int], day: date) -> dict[int, Reading]:
    found: dict[int, Reading] = {}
    for part in chunks(list(meter_ids)):
        for r in session.scalars(select(Reading).where(Reading.meter_id.in_(part),
                                                       Reading.read_on == day)):
            found[r.meter_id] = r
    return found


def _previous_values(
    session: Session, meter_ids: Sequence[int], day: date
) -> dict[int, tuple[int | None, date | None]]:
    """The latest register value before ``day`` of each meter (not counting check readings)."""
    found: dict[int, tuple[int | None, date | None]] = {}
    for part in chunks(list(meter_ids)):
        rows = session.execute(
            select(Reading.meter_id, Reading.value_litres, Reading.read_on)
            .where(Reading.meter_id.in_(part), Reading.read_on < day,
                   Reading.read_on >= day - timedelta(days=3 * 366),
                   Reading.value_litres.is_not(None), Reading.kind != ReadingKind.CHECK.value)
            .order_by(Reading.meter_id, Reading.read_on))
        for meter_id, value, on in rows:
            found[meter_id] = (value, on)
    return found

