"""Appending to and checking the hash-chained audit log."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.audit import GENESIS, ChainCheck, link_hash
from app.persistence.orm import AuditEntry, ChainHead

AUDIT_CHAIN = "audit"


def append_audit(
    session: Session, at: datetime, actor: str, action: str, subject: str = "",
    detail: Mapping[str, object] | None = None, hall_id: int | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction; the chain head's row lock orders writers."""
    head = _locked_head(session, AUDIT_CHAIN)
    detail = dict(detail or {})
    seq = head.seq + 1
    digest = link_hash(head.hash, seq, at, actor, action, subject, detail)
    entry = AuditEntry(
        seq=seq, at=at, hall_id=hall_id, actor=actor, action=action, subject=subject,
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
        prev_hash=head.hash, hash=digest,
    )
    session.add(entry)
    head.seq, head.hash = seq, digest
    return entry


def _locked_head(session: Session, name: str) -> ChainHead:
    head = session.scalars(
        select(ChainHead).where(ChainHead.name == name).with_for_update()
    ).one_or_none()
    if head is None:
        head = ChainHead(name=name, seq=0, hash=GENESIS)
        session.add(head)
        session.flush()
    return head


def verify_audit_chain(session: Session, batch: int = 5000) -> ChainCheck:
    """Recompute every link in order; report the first entry whose hash or order is wrong."""
    prev, expected_seq, checked = GENESIS, 1, 0
    last_seq = 0
    while True:
        page = select(AuditEntry).where(AuditEntry.seq > last_seq).order_by(AuditEntry.seq)
        rows = session.scalars(page.limit(batch)).all()
        if not rows:
            break
        for row in rows:
            problem = _link_problem(row, prev, expected_seq)
            if problem:
                return ChainCheck(checked, row.seq, problem)
            prev, expected_seq, checked, last_seq = row.hash, row.seq + 1, checked + 1, row.seq
        session.expunge_all()
    head = session.get(ChainHead, AUDIT_CHAIN)
    if head is not None and (head.seq != checked or head.hash != prev):
        return ChainCheck(checked, checked + 1, "missing_entries_at_end")
    return ChainCheck(checked, None)


def _link_problem(row: AuditEntry, prev: str, expected_seq: int) -> str:
    if row.seq != expected_seq:
        return "missing_entry"
    if row.prev_hash != prev:
        return "previous_hash_mismatch"
    detail = json.loads(row.detail)
    if link_hash(prev, row.seq, row.at, row.actor, row.action, row.subject, detail) != row.hash:
        return "content_changed"
    return ""
