"""The daily close (日结) and its sheet (日收费结账单), per clerk or for the whole hall.

Rows (``CloseSheetRow.label`` keys), each with a count and the amounts per tender:

- ``gas.<user type>.<ic|non_ic>`` for payments (燃气收费), subtotals ``gas.<user type>``, ``gas``;
- ``ic.<user type>`` for IC-card purchases (IC卡购气), subtotal ``ic``;
- ``void.…`` (作废) and ``refund.…`` (退款 and corrections after a close) broken down like gas;
- ``total``: the money the day took, voids and refunds already subtracted.

User types are ``residential`` and ``non_residential``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.cashier import Tender
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.orm.cashier import DayClose
from app.persistence.repositories import day_close_queries as q
from app.services.cashier_dto import CloseSheet, CloseSheetRow
from app.services.dto import Operator

USER_TYPES = ("residential", "non_residential")
METER_GROUPS = ("non_ic", "ic")
SECTIONS = ("gas", "ic", "void", "refund")
TENDERS: tuple[str, ...] = tuple(t.value for t in Tender)
_SECTION_OF_KIND = {"payment": "gas", "ic_purchase": "ic", "void": "void"}  # else: refund

_Sums = dict[str, tuple[int, dict[str, int]]]


class DayCloseService:
    """What the manager does at the end of the day, and the sheet everybody signs."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def sheet(self, hall_id: int, day: date, username: str | None = None) -> CloseSheet:
        """The day's close sheet for one clerk (``username``) or the whole hall (None)."""
        with self._db.reading() as session:
            return _sheet(session, hall_id, day, username)

    def close_day(self, operator: Operator, day: date) -> CloseSheet:
        """Close the hall's business day: record the sheet's figures as closed.

        Raises:
            DomainError: ``auth.forbidden`` without the close-day permission,
                ``day_close.sessions_open`` (``sessions``: "user@counter, …") while a cash
                session of that day is still open, ``day_close.already_closed`` the second time.
        """
        require(operator.role, Permission.CLOSE_DAY)
        hall_id = operator.hall_id
        with self._db.writing() as session:
            if q.day_closed(session, hall_id, day):
                raise DomainError.of("day_close.already_closed", day=day.isoformat())
            still_open = q.open_sessions(session, hall_id, day)
            if still_open:
                names = ", ".join(f"{name}@{counter}" for name, counter in still_open)
                raise DomainError.of("day_close.sessions_open", sessions=names,
                                     count=len(still_open))
            sheet = _sheet(session, hall_id, day, None)
            now = self._clock.now()
            session.add(DayClose(hall_id=hall_id, day=day, closed_at=now,
                                 closed_by=operator.username, totals=sheet_totals(sheet)))
            try:
                session.flush()
            except IntegrityError as error:  # another manager closed it a moment ago
                raise DomainError.of("day_close.already_closed", day=day.isoformat()) from error
            total = next(row for row in sheet.rows if row.label == "total")
            append_audit(session, now, operator.username, "day_close", day.isoformat(),
                         {"payments": total.count, "total_fen": total.total_fen,
                          "difference_fen": sheet.difference_fen}, hall_id)
        return replace(sheet, closed=True)


def _sheet(session: Session, hall_id: int, day: date, username: str | None) -> CloseSheet:
    groups = q.group_figures(session, hall_id, day, username)
    rows = tuple(close_rows(_leaf_sums(groups)))
    first = min((g.first_seq for g in groups), default=None)
    last = max((g.last_seq for g in groups), default=None)
    numbers = q.receipt_numbers(session, hall_id, [s for s in (first, last) if s is not None])
    drawers = q.session_figures(session, hall_id, day, username)
    total = rows[-1]
    voids = next(row for row in rows if row.label == "void")
    expected = (drawers.float_fen + drawers.cash_in_fen - drawers.cash_out_fen
                + total.by_tender.get(Tender.CASH.value, 0))
    counted_known = drawers.open_sessions == 0
    return CloseSheet(
        hall_name=q.hall_name(session, hall_id), day=day, username=username, rows=rows,
        first_receipt_no=numbers.get(first or 0), last_receipt_no=numbers.get(last or 0),
        voids=voids.count, voided_fen=-voids.total_fen,
        reprints=q.reprints(session, hall_id, day, username),
        float_fen=drawers.float_fen, cash_in_fen=drawers.cash_in_fen,
        cash_out_fen=drawers.cash_out_fen, expected_cash_fen=expected,
        counted_cash_fen=drawers.counted_fen if counted_known else None,
        difference_fen=drawers.difference_fen if counted_known else None,
        closed=q.day_closed(session, hall_id, day),
    )


def _leaf_sums(groups: Iterable[q.GroupFigures]) -> _Sums:
    """Sum the database's groups into the sheet's leaf keys (``gas.residential.ic`` …)."""
    sums: _Sums = {}
    for group in groups:
        section = _SECTION_OF_KIND.get(group.kind, "refund")
        user_type = "residential" if group.user_type == "residential" else "non_residential"
        key = (f"ic.{user_type}" if section == "ic"
               else f"{section}.{user_type}.{'ic' if group.is_ic else 'non_ic'}")
        count, tenders = sums.get(key, (0, {}))
        merged = dict(tenders)
        for tender, fen in group.by_tender.items():
            merged[tender] = merged.get(tender, 0) + fen
        sums[key] = (count + group.count, merged)
    return sums


def close_rows(sums: _Sums) -> list[CloseSheetRow]:
    """Every row of the sheet in printed order, zeros included, subtotals summed from leaves."""
    rows: list[CloseSheetRow] = []
    section_totals = []
    for section in SECTIONS:
        section_leaves = []
        for user_type in USER_TYPES:
            if section == "ic":
                leaf = _row(f"ic.{user_type}", [sums.get(f"ic.{user_type}", (0, {}))])
                rows.append(leaf)
                section_leaves.append(leaf)
                continue
            leaves = [_row(f"{section}.{user_type}.{meter}",
                           [sums.get(f"{section}.{user_type}.{meter}", (0, {}))])
                      for meter in METER_GROUPS]
            rows += [*leaves, _combined(f"{section}.{user_type}", leaves)]
            section_leaves += leaves
        section_totals.append(_combined(section, section_leaves))
        rows.append(section_totals[-1])
    rows.append(_combined("total", section_totals))
    return rows


def _row(label: str, parts: list[tuple[int, dict[str, int]]]) -> CloseSheetRow:
    # Every known tender has a column; a code this program does not know still counts.
    codes = list(TENDERS) + sorted({t for p in parts for t in p[1]} - set(TENDERS))
    by_tender = {tender: sum(p[1].get(tender, 0) for p in parts) for tender in codes}
    return CloseSheetRow(label, sum(p[0] for p in parts), by_tender, sum(by_tender.values()))


def _combined(label: str, rows: list[CloseSheetRow]) -> CloseSheetRow:
    return _row(label, [(row.count, row.by_tender) for row in rows])


def sheet_totals(sheet: CloseSheet) -> dict[str, Any]:
    """The sheet's figures as JSON for the day_closes row (rows keyed by label)."""
    figures = asdict(sheet)
    figures["day"] = sheet.day.isoformat()
    figures["rows"] = {row.label: {"count": row.count, "by_tender": row.by_tender,
                                   "total_fen": row.total_fen} for row in sheet.rows}
    figures["closed"] = True
    return figures
