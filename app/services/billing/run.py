"""One transaction's reading and billing work: preload in bulk, decide each reading, write in bulk.

Record, review, import and reversal all go through ``BillingRun`` so that a reading is judged
and billed the same way wherever it comes from. The run locks the ledger chain's head first:
billing transactions queue behind each other, and the cumulative volumes and open bills read
afterwards cannot change underneath.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.readings import (
    NO_VALUE_SOURCES,
    Flag,
    Period,
    ReadingCheck,
    ReadingKind,
    ReadingRules,
    ReadingState,
    check_reading,
    register_capacity,
    rollover_litres,
)
from app.domain.tariff import Household, Tariff
from app.persistence.orm import Reading
from app.persistence.repositories.billing_queries import (
    BulkWriter,
    IdPool,
    MeterRow,
    OpenBill,
    PastReading,
    cumulative_volumes,
    open_bills,
    readings_of_meters,
)
from app.persistence.repositories.ledger import (
    LedgerDraft,
    LedgerKind,
    append_ledger,
    lock_ledger_head,
)
from app.services.billing.pricing import AccountState, BillPlan, PriceBook, plan_bill
from app.services.billing_dto import ReadingOutcome

PREVIOUS_IN_REVIEW = "previous_in_review"  # a flag of this module: the reading before waits
REVERSED = "reversed"  # a flag of this module: the reading's bill was reversed
HISTORY_DAYS = 200  # enough for the last three periods of monthly or two-monthly reading
YEAR_HISTORY_DAYS = 400  # with the year-on-year check on
_DEFAULT_RULES = ReadingRules()
# Plain strings of the codes compared once or more per reading (enum member lookups cost more)
_CHECK = ReadingKind.CHECK.value
_BILLED = ReadingState.BILLED.value
_REVIEW = ReadingState.REVIEW.value
_NOT_BILLED = ReadingState.NOT_BILLED.value

_READING_COLUMNS = (
    "id", "hall_id", "meter_id", "account_id", "read_on", "value_litres", "source", "kind",
    "reader", "route_book", "batch_id", "state", "flags", "rollover", "estimated",
    "consumption_litres", "previous_id", "entered_by", "entered_at", "reviewed_by",
    "reviewed_at", "review_note",
)
_BILL_COLUMNS = (
    "id", "hall_id", "account_id", "meter_id", "reading_id", "kind", "reverses_id",
    "period_from", "period_to", "volume_litres", "cycle_start", "cumulative_litres", "tier_no",
    "tier_left_litres", "total_fen", "due_on", "issued_at", "issued_by", "reason",
)
_LINE_COLUMNS = (
    "bill_id", "account_id", "seq", "kind", "tariff_id", "tier_no", "cycle_start", "from_on",
    "to_on", "litres", "price", "amount_fen", "late_bill_id", "days",
)


class NewReading(NamedTuple):
    """A reading to store, as typed at the grid or read from a file."""

    meter_id: int
    read_on: date
    value: int | None
    source: str
    kind: str
    reader: str = ""
    note: str = ""
    rollover_confirmed: bool = False
    batch_id: int | None = None


class Stored(NamedTuple):
    """What became of a stored reading: the fields of ``ReadingOutcome``, in its order."""

    reading_id: int
    state: str
    flags: tuple[str, ...]
    consumption_litres: int | None
    rollover: bool
    bill_id: int | None
    total_fen: int | None


class BillingRun:
    """Readings judged and billed inside one write transaction; ``flush`` writes them."""

    def __init__(
        self, session: Session, now: datetime, operator: str,
        tariffs: Mapping[tuple[str, str], Sequence[Tariff]], rules: Mapping[str, ReadingRules],
        lock: bool = True,
    ) -> None:
        self._session = session
        self._now = now
        self._operator = operator
        self._tariffs = tariffs
        self._rules = rules
        if lock:  # a read-only run (checks, the review list) neither locks nor writes
            lock_ledger_head(session)
        conn = session.connection()
        self._writer = BulkWriter(conn)
        self._now_value = self._writer.moment(now)  # the moment as the driver takes it
        self._reading_ids = IdPool(conn, "readings")
        self._bill_ids = IdPool(conn, "bills")
        self._book = PriceBook()
        self.meters: dict[int, MeterRow] = {}
        self.readings: dict[int, list[PastReading]] = {}
        self.accounts: dict[int, AccountState] = {}
        self._new_readings: list[tuple[object, ...]] = []
        self._bills: list[tuple[object, ...]] = []
        self._lines: list[tuple[object, ...]] = []
        self._ledger: list[LedgerDraft] = []

    # --- loading ---------------------------------------------------------------------------

    def load(self, meters: Iterable[MeterRow], earliest: date) -> None:
        """Preload the readings and account state of meters, for readings from ``earliest`` on."""
        fresh = [m for m in meters if m.meter_id not in self.meters]
        if not fresh:
            return
        year_check = any(r.check_year_drop for r in self._rules.values())
        window = YEAR_HISTORY_DAYS if year_check else HISTORY_DAYS
        ids = [m.meter_id for m in fresh]
        self.readings.update(readings_of_meters(self._session, ids, earliest - timedelta(window)))
        for m in fresh:
            self.meters[m.meter_id] = m
        accounts = sorted({m.account_id for m in fresh} - set(self.accounts))
        volumes = cumulative_volumes(self._session, accounts, earliest - timedelta(days=366))
        bills = open_bills(self._session, accounts)
        for m in fresh:
            if m.account_id in self.accounts:
                continue
            state = AccountState(m.account_id, m.hall_id,
                                 Household(m.household_size, m.heating, m.low_income),
                                 open_bills=bills.get(m.account_id, []))
            self.accounts[m.account_id] = state
        for (account_id, start), litres in volumes.items():
            self.accounts[account_id].cumulative[start] = litres

    # --- judging ---------------------------------------------------------------------------

    def previous(self, meter_id: int, read_on: date, skip: int | None = None) -> PastReading | None:
        """The reading a new one on ``read_on`` is measured from.

        That is the latest earlier register value that is not a check reading.
        """
        found = None
        for r in self.readings[meter_id]:
            if r.read_on >= read_on:
                break
            if r.value is not None and r.kind != _CHECK and r.id != skip:
                found = r
        return found

    def history(self, meter_id: int) -> list[Period]:
        """The meter's billed periods that are loaded."""
        past = self.readings[meter_id]
        if len(past) < 2:  # a period needs its reading and the one before
            return []
        dates = {r.id: r.read_on for r in past}
        return [
            Period(dates[r.previous_id], r.read_on, r.consumption) for r in past
            if r.state == _BILLED and r.consumption is not None
            and r.previous_id in dates
        ]

    def check(
        self, meter: MeterRow, previous: PastReading, value: int, read_on: date,
        rollover_confirmed: bool,
    ) -> ReadingCheck:
        """The checks of the meter's gas use on a value measured from ``previous``."""
        assert previous.value is not None
        return check_reading(
            self._rules.get(meter.gas_use, _DEFAULT_RULES), value=value, read_on=read_on,
            previous_value=previous.value, previous_on=previous.read_on, digits=meter.digits,
            rollover_confirmed=rollover_confirmed, history=self.history(meter.meter_id),
            account_active=meter.account_status == "normal",
        )

    def add(self, new: NewReading, strict: bool) -> ReadingOutcome:
        """Store a new reading and bill it when nothing is wrong with it.

        ``strict`` (typed at the grid): a value lower than the previous one without a confirmed
        rollover is refused, so that the clerk is asked; from a file it goes to review instead.
        """
        return ReadingOutcome(*self.store(new, strict))

    def store(self, new: NewReading, strict: bool) -> Stored:
        """``add`` without the outcome object: what an import of many readings calls."""
        meter = self.meters[new.meter_id]
        _check_new(self, new)
        previous = self.previous(new.meter_id, new.read_on)
        state, used, rollover = _NOT_BILLED, None, False
        flags: tuple[str, ...] = ()
        if new.value is not None and new.kind != _CHECK and previous is not None:
            state, flags, used, rollover = self._judge(meter, previous, new, strict)
        reading_id = self._reading_ids.one()
        bill_id = total = None
        if state == _BILLED and previous is not None and used is not None:
            bill_id, total = self.bill(meter, reading_id, previous.read_on, new.read_on, used)
        w = self._writer
        previous_id = previous.id if previous else None
        self._new_readings.append((
            reading_id, meter.hall_id, meter.meter_id, meter.account_id, w.days[new.read_on],
            new.value, new.source, new.kind, new.reader, meter.route_book, new.batch_id,
            state, ",".join(flags), w.flag(rollover), w.flag(False), used,
            previous_id, self._operator, self._now_value, "", None, new.note,
        ))
        past = self.readings[meter.meter_id]
        stored = PastReading(reading_id, meter.meter_id, new.read_on, new.value, used, state,
                             new.kind, previous_id)
        if not past or past[-1].read_on <= new.read_on:
            past.append(stored)  # the usual case: the newest reading of its meter
        else:
            insort(past, stored, key=lambda r: r.read_on)
        return Stored(reading_id, state, flags, used, rollover, bill_id, total)

    def _judge(
        self, meter: MeterRow, previous: PastReading, new: NewReading, strict: bool
    ) -> tuple[str, tuple[str, ...], int | None, bool]:
        assert new.value is not None and previous.value is not None
        if previous.state == _REVIEW:
            used = new.value - previous.value if new.value >= previous.value else None
            return _REVIEW, (PREVIOUS_IN_REVIEW,), used, False
        check = self.check(meter, previous, new.value, new.read_on, new.rollover_confirmed)
        if strict and Flag.LOWER in check.flags:
            raise DomainError.of("reading.lower_than_previous", "value",
                                 previous=previous.value)
        state = _REVIEW if check.flags else _BILLED
        return state, tuple(f.value for f in check.flags), check.consumption_litres, check.rollover

    def settle(
        self, reading_id: int, meter_id: int, value: int, *, rollover_confirmed: bool,
        estimated: bool, note: str, source: str | None = None,
    ) -> ReadingOutcome:
        """Bill a reading from review with the value a person decided on."""
        meter = self.meters[meter_id]
        reading = next(r for r in self.readings[meter_id] if r.id == reading_id)
        previous = self.previous(meter_id, reading.read_on, skip=reading_id)
        if previous is None or previous.value is None:
            raise DomainError.of("reading.no_previous")
        if previous.state == ReadingState.REVIEW:
            raise DomainError.of("reading.previous_in_review")
        if not 0 <= value < register_capacity(meter.digits):
            raise DomainError.of("reading.value_range", "value",
                                 max=register_capacity(meter.digits) // 1000 - 1)
        rollover = value < previous.value
        if rollover and not rollover_confirmed:
            raise DomainError.of("reading.lower_than_previous", "value", previous=previous.value)
        used = rollover_litres(previous.value, value, meter.digits) if rollover else (
            value - previous.value)
        bill_id, total = self.bill(meter, reading_id, previous.read_on, reading.read_on, used)
        values: dict[str, object] = dict(
            value_litres=value, consumption_litres=used, rollover=rollover, estimated=estimated,
            state=ReadingState.BILLED.value, previous_id=previous.id,
            reviewed_by=self._operator, reviewed_at=self._now, review_note=note[:200],
        )
        if source is not None:
            values["source"] = source
        self._session.execute(update(Reading).where(Reading.id == reading_id).values(**values))
        reading.value, reading.consumption = value, used
        reading.state, reading.previous_id = ReadingState.BILLED.value, previous.id
        flags = tuple(f for f in (self._stored_flags(reading_id)) if f)
        return ReadingOutcome(reading_id, ReadingState.BILLED.value, flags, used, rollover,
                              bill_id, total)

    def _stored_flags(self, reading_id: int) -> tuple[str, ...]:
        text = self._session.get_one(Reading, reading_id).flags
        return tuple(text.split(",")) if text else ()

    # --- billing ---------------------------------------------------------------------------

    def new_bill_id(self) -> int:
        """An id for a bill about to be queued."""
        return self._bill_ids.one()

    def bill(
        self, meter: MeterRow, reading_id: int | None, start: date, end: date, litres: int
    ) -> tuple[int, int]:
        """Plan and queue the bill of a reading; return its id and total."""
        tariffs = self._tariffs.get((meter.user_type, meter.gas_use))
        if not tariffs:
            raise DomainError.of("billing.no_tariff", user_type=meter.user_type,
                                 gas_use=meter.gas_use)
        account = self.accounts[meter.account_id]
        today = self._now.date()
        plan = plan_bill(tariffs, account, start, end, litres, today, self._book)
        bill_id = self.new_bill_id()
        self.queue_bill(bill_id, meter, reading_id, "bill", None, plan, "")
        if plan.total_fen > 0:
            account.open_bills.append(OpenBill(bill_id, account.account_id, plan.total_fen,
                                               plan.due_on, plan.total_fen, plan.due_on,
                                               plan.gas_fen))
        return bill_id, plan.total_fen

    def queue_bill(
        self, bill_id: int, meter: MeterRow, reading_id: int | None, kind: str,
        reverses_id: int | None, plan: BillPlan, reason: str,
    ) -> None:
        """Queue a bill, its lines and its ledger entry for writing."""
        days = self._writer.days
        self._bills.append((
            bill_id, meter.hall_id, meter.account_id, meter.meter_id, reading_id, kind,
            reverses_id, days[plan.period_from], days[plan.period_to], plan.volume_litres,
            days[plan.cycle_start], plan.cumulative_litres, plan.tier.tier_no,
            plan.tier.left_litres, plan.total_fen, days[plan.due_on], self._now_value,
            self._operator, reason,
        ))
        account_id = meter.account_id
        for seq, (line_kind, tariff_id, tier_no, cycle, from_on, to_on, litres, price, amount,
                  late_bill_id, fee_days) in enumerate(plan.lines, start=1):
            self._lines.append((
                bill_id, account_id, seq, line_kind, tariff_id, tier_no, days[cycle],
                days[from_on], days[to_on], litres, price, amount, late_bill_id, fee_days,
            ))
        ledger_kind = LedgerKind.BILL if kind == "bill" else LedgerKind.REVERSAL
        self._ledger.append(LedgerDraft(meter.hall_id, meter.account_id, ledger_kind,
                                        plan.total_fen, bill_id, self._operator,
                                        f"bill:{reverses_id or bill_id}"))

    # --- writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Write everything queued so far: readings, bills, their lines, ledger entries."""
        self._session.flush()
        self._writer.insert("readings", _READING_COLUMNS, self._new_readings)
        self._writer.insert("bills", _BILL_COLUMNS, self._bills)
        self._writer.insert("bill_lines", _LINE_COLUMNS, self._lines)
        append_ledger(self._session, self._now, self._ledger)
        self._new_readings, self._bills, self._lines, self._ledger = [], [], [], []


def _check_new(run: BillingRun, new: NewReading) -> None:
    if new.value is None and new.source not in NO_VALUE_SOURCES:
        raise DomainError.of("reading.value_required", "value")
    past = run.readings[new.meter_id]
    if any(r.read_on == new.read_on for r in past):
        raise DomainError.of("reading.already_recorded", "read_on", date=new.read_on.isoformat())
    if new.kind == _CHECK or new.value is None:
        return
    later = [r.read_on for r in past if r.read_on > new.read_on and r.value is not None
             and r.kind != _CHECK]
    if later:
        raise DomainError.of("reading.not_latest", "read_on", last=max(later).isoformat())
