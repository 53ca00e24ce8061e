"""The account ledger (台账): append-only money movements, hash-chained like the audit log.

Each entry's hash links it to the previous entry of the whole ledger (one chain, ``ledger`` in
``chain_heads``), with the audit log's ``link_hash``: actor = operator, action = entry kind,
subject = ``account:<id>``, detail = amount, bill, hall and reference. Appending many entries
locks the chain head once and computes the links in one pass in Python.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.audit import GENESIS, ChainCheck, link_hash
from app.persistence.orm import ChainHead, LedgerEntry, Payment
from app.persistence.repositories.billing_queries import BulkWriter

LEDGER_CHAIN = "ledger"
_COLUMNS = ("seq", "hall_id", "account_id", "at", "kind", "amount_fen", "bill_id", "ref",
            "operator", "prev_hash", "hash")


class LedgerKind:
    """Entry types (HZQ ``tradeTyp``): BLL charge, COR reversal, CHG payment."""

    BILL = "BLL"
    REVERSAL = "COR"
    PAYMENT = "CHG"


class LedgerDraft(NamedTuple):
    """An entry to append: positive amounts are owed, negative ones paid or credited."""

    hall_id: int
    account_id: int
    kind: str
    amount_fen: int
    bill_id: int | None
    operator: str
    ref: str = ""


def entry_hash(prev_hash: str, seq: int, at: datetime, draft: LedgerDraft) -> str:
    """The link hash of one ledger entry."""
    detail = {"amount_fen": draft.amount_fen, "bill_id": draft.bill_id,
              "hall_id": draft.hall_id, "ref": draft.ref}
    return link_hash(prev_hash, seq, at, draft.operator, draft.kind,
                     f"account:{draft.account_id}", detail)


class ChainLinker:
    """``entry_hash`` for many entries of one moment, with the hashed text put together by hand.

    ``link_hash`` hashes a ``json.dumps`` of the entry (sorted keys, no spaces, no ASCII
    escaping). For entries of plain values this builds that very text directly, the moment and
    the repeated names formatted once; anything else goes through ``entry_hash`` itself. Same
    hash function, same text, so ``verify_ledger_chain`` checks these links as any other.
    """

    def __init__(self, at: datetime) -> None:
        self._at = at
        self._at_json = json.dumps(at.isoformat(timespec="seconds"))
        self._texts: dict[str, str] = {}

    def link(self, prev_hash: str, seq: int, draft: LedgerDraft) -> str:
        """The link hash of ``draft`` as entry ``seq`` after ``prev_hash``."""
        amount, bill, hall, account = (draft.amount_fen, draft.bill_id, draft.hall_id,
                                       draft.account_id)
        if not (type(amount) is int and type(hall) is int and type(account) is int
                and type(seq) is int and (bill is None or type(bill) is int)):
            return entry_hash(prev_hash, seq, self._at, draft)
        body = (
            f'[{_json_text(prev_hash)},{seq},{self._at_json},{self._text(draft.operator)},'
            f'{self._text(draft.kind)},"account:{account}",{{"amount_fen":{amount},'
            f'"bill_id":{"null" if bill is None else bill},"hall_id":{hall},'
            f'"ref":{_json_text(draft.ref)}}}]'
        )
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def _text(self, value: str) -> str:
        known = self._texts.get(value)
        if known is None:
            known = self._texts[value] = _json_text(value)
        return known


def _json_text(value: str) -> str:
    """A string as ``json.dumps(..., ensure_ascii=False)`` writes it."""
    if value.isascii() and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=False)


def lock_ledger_head(session: Session) -> ChainHead:
    """Lock (or create) the ledger chain's head; billing transactions queue behind this lock.

    Taken first in every billing transaction, so that cumulative volumes and outstanding
    amounts read afterwards cannot change under it (PostgreSQL; SQLite writers queue anyway).
    """
    head = session.scalars(
        select(ChainHead).where(ChainHead.name == LEDGER_CHAIN).with_for_update()
    ).one_or_none()
    if head is None:
        head = ChainHead(name=LEDGER_CHAIN, seq=0, hash=GENESIS)
        session.add(head)
        session.flush()
    return head


def append_ledger(session: Session, at: datetime, drafts: Sequence[LedgerDraft]) -> None:
    """Append entries in the caller's transaction: one head lock, one executemany."""
    if not drafts:
        return
    head = lock_ledger_head(session)
    prev, seq = head.hash, head.seq
    writer = BulkWriter(session.connection())
    moment = writer.moment(at)
    rows: list[tuple[object, ...]] = []
    linker = ChainLinker(at)
    for draft in drafts:
        seq += 1
        digest = linker.link(prev, seq, draft)
        rows.append((seq, draft.hall_id, draft.account_id, moment, draft.kind, draft.amount_fen,
                     draft.bill_id, draft.ref, draft.operator, prev, digest))
        prev = digest
    writer.insert("ledger_entries", _COLUMNS, rows)
    head.seq, head.hash = seq, prev
    session.flush()


def verify_ledger_chain(session: Session, batch: int = 20000) -> ChainCheck:
    """Recompute every link in order; report the first entry whose hash or order is wrong."""
    prev, expected_seq, checked = GENESIS, 1, 0
    columns = (LedgerEntry.seq, LedgerEntry.hall_id, LedgerEntry.account_id, LedgerEntry.at,
               LedgerEntry.kind, LedgerEntry.amount_fen, LedgerEntry.bill_id, LedgerEntry.ref,
               LedgerEntry.operator, LedgerEntry.prev_hash, LedgerEntry.hash)
    while True:
        page = select(*columns).where(LedgerEntry.seq >= expected_seq).order_by(LedgerEntry.seq)
        rows = session.connection().execute(page.limit(batch)).all()
        if not rows:
            break
        for row in rows:
            seq, hall, account, at, kind, amount, bill, ref, operator, prev_hash, digest = row
            if seq != expected_seq:
                return ChainCheck(checked, seq, "missing_entry")
            if prev_hash != prev:
                return ChainCheck(checked, seq, "previous_hash_mismatch")
            draft = LedgerDraft(hall, account, kind, amount, bill, operator, ref)
            if entry_hash(prev, seq, at, draft) != digest:
                return ChainCheck(checked, seq, "content_changed")
            prev, expected_seq, checked = digest, seq + 1, checked + 1
    head = session.get(ChainHead, LEDGER_CHAIN)
    if head is not None and (head.seq != checked or head.hash != prev):
        return ChainCheck(checked, checked + 1, "missing_entries_at_end")
    return ChainCheck(checked, None)


def ledger_sums(session: Session, account_ids: Sequence[int]) -> dict[int, int]:
    """Sum of ledger amounts per account (positive: owed), for the given accounts."""
    rows = session.execute(
        select(LedgerEntry.account_id, func.sum(LedgerEntry.amount_fen))
        .where(LedgerEntry.account_id.in_(account_ids))
        .group_by(LedgerEntry.account_id)
    ).all()
    return {int(a): int(s) for a, s in rows}


def verify_receipts(session: Session, batch: int = 20000) -> ChainCheck:
    """Check every receipt against the ledger chain that vouches for it.

    Each payment (or void, correction, IC purchase) must have ledger entries under its receipt
    number, for its account, and its check value (printed in the receipt's QR code) must be the
    start of the last one's hash; a plain payment's CHG entry must carry exactly its amount. A
    changed receipt row therefore no longer matches the chain. Reports the first bad receipt's
    sequence number.
    """
    columns = (Payment.receipt_seq, Payment.receipt_no, Payment.kind, Payment.account_id,
               Payment.amount_fen, Payment.check_value)
    checked, last = 0, 0
    while True:
        rows = session.execute(select(*columns).where(Payment.receipt_seq > last)
                               .order_by(Payment.receipt_seq).limit(batch)).all()
        if not rows:
            return ChainCheck(checked, None)
        entries = _entries_by_ref(session, [row.receipt_no for row in rows])
        for seq, receipt_no, kind, account_id, amount, check in rows:
            problem = _receipt_problem(entries.get(receipt_no, []), kind, account_id, amount,
                                       check)
            if problem:
                return ChainCheck(checked, seq, problem)
            checked, last = checked + 1, seq


def _entries_by_ref(session: Session, refs: list[str]) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for chunk in range(0, len(refs), 500):
        rows = session.execute(
            select(LedgerEntry.ref, LedgerEntry.account_id, LedgerEntry.kind,
                   LedgerEntry.amount_fen, LedgerEntry.hash)
            .where(LedgerEntry.ref.in_(refs[chunk:chunk + 500])).order_by(LedgerEntry.seq)
        ).all()
        for row in rows:
            found.setdefault(row.ref, []).append(row)
    return found


def _receipt_problem(
    entries: list[Any], kind: str, account_id: int, amount: int, check: str
) -> str:
    if not entries:
        return "no_ledger_entry"
    if any(entry.account_id != account_id for entry in entries):
        return "account_changed"
    if not entries[-1].hash.startswith(check) or not check:
        return "check_value_mismatch"
    paid = [entry.amount_fen for entry in entries if entry.kind == LedgerKind.PAYMENT]
    if kind == "payment" and paid != [-amount]:
        return "amount_changed"
    return ""
