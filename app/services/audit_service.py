"""Reading and checking the audit log (managers), and the chain check of ``gashall audit``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from app.domain.audit import ChainCheck
from app.domain.users import Permission, require
from app.persistence.audit_chain import verify_audit_chain
from app.persistence.db import Database
from app.persistence.orm import AuditEntry
from app.persistence.repositories.ledger import verify_ledger_chain, verify_receipts
from app.services.dto import AuditRecord, Operator


class AuditService:
    """The manager's view of the append-only audit log."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def entries(
        self, operator: Operator, text: str = "", since: datetime | None = None,
        until: datetime | None = None, limit: int = 500,
    ) -> list[AuditRecord]:
        """Newest entries first; ``text`` matches actor, action or subject."""
        require(operator.role, Permission.VIEW_AUDIT_LOG)
        query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
        if text.strip():
            like = f"%{text.strip()}%"
            query = query.where(or_(AuditEntry.actor.like(like), AuditEntry.action.like(like),
                                    AuditEntry.subject.like(like)))
        if since is not None:
            query = query.where(AuditEntry.at >= since)
        if until is not None:
            query = query.where(AuditEntry.at < until)
        with self._db.reading() as session:
            return [
                AuditRecord(e.seq, e.at, e.actor, e.action, e.subject, e.detail)
                for e in session.scalars(query)
            ]

    def verify(self) -> ChainCheck:
        """Recompute the whole chain; tells the first broken link, if any."""
        with self._db.reading() as session:
            return verify_audit_chain(session)

    def verify_ledger(self) -> ChainCheck:
        """Recompute the account ledger's hash chain (bills, reversals, payments)."""
        with self._db.reading() as session:
            return verify_ledger_chain(session)

    def verify_receipts(self) -> ChainCheck:
        """Check every receipt against the ledger entries that vouch for it."""
        with self._db.reading() as session:
            return verify_receipts(session)
