"""Account search queries, each one an indexed lookup that stays fast at a million accounts."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from app.persistence.orm import Account, Customer, Meter

_TOP = "\U0010ffff"  # sorts after every character: "prefix" <= x < "prefix" + _TOP
_PHONE_LIKE = re.compile(r"^[\d\-\s]+$")
MIN_TAIL_DIGITS = 4
MIN_TRIGRAM = 3


def search_account_ids(session: Session, query: str, limit: int) -> list[int]:
    """Ids of accounts matching a search box entry, best matches first, at most ``limit``.

    Digits find an account number, a meter number, or a phone number by its last 4+ digits.
    Other text finds a meter number, a customer name (exact or prefix), or an address fragment.
    A fragment of 1-2 characters is looked for in addresses only if it finds nothing else: no
    index serves it, and scanning a million addresses for every short name took 300 ms.
    """
    q = query.strip()
    if not q:
        return []
    if _PHONE_LIKE.match(q):
        return _collect(session, _digit_lookups(session, q), limit)
    found = _collect(session, _text_lookups(session, q), limit)
    if not found and len(q) < MIN_TRIGRAM:
        found = _collect(session, [_address_lookup(session, q)], limit)
    return found


def _collect(session: Session, lookups: list[Select[Any]], limit: int) -> list[int]:
    found: dict[int, None] = {}
    for lookup in lookups:
        for account_id in session.scalars(lookup.limit(limit)):
            found.setdefault(int(account_id), None)
            if len(found) >= limit:
                return list(found)
    return list(found)


def _digit_lookups(session: Session, q: str) -> list[Select[Any]]:
    digits = re.sub(r"\D", "", q)
    lookups = [
        select(Account.id).where(Account.account_no == digits),
        select(Meter.account_id).where(Meter.meter_no == digits),
    ]
    if len(digits) >= MIN_TAIL_DIGITS:
        tail = digits[::-1]
        for column in (Customer.mobile_rev, Customer.phone_rev):
            lookups.append(
                select(Account.id)
                .join(Customer, Account.customer_id == Customer.id)
                .where(column >= tail, column < tail + _TOP)
                .order_by(Account.account_no)
            )
    return lookups


def _text_lookups(session: Session, q: str) -> list[Select[Any]]:
    lookups = [
        select(Meter.account_id).where(Meter.meter_no == q.upper()),
        select(Account.id)
        .join(Customer, Account.customer_id == Customer.id)
        .where(Customer.name >= q, Customer.name < q + _TOP)
        # Account.id, not account_no: the customer_id index covers it, no row reads per match.
        .order_by(Customer.name, Account.id),
    ]
    if len(q) >= MIN_TRIGRAM:
        lookups.append(_address_lookup(session, q))
    return lookups


def _address_lookup(session: Session, fragment: str) -> Select[Any]:
    pattern = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if session.get_bind().dialect.name == "sqlite" and len(fragment) >= MIN_TRIGRAM:
        phrase = '"' + fragment.replace('"', '""') + '"'
        return select(text("rowid")).select_from(text("account_address_fts")).where(
            text("account_address_fts MATCH :phrase").bindparams(phrase=phrase)
        )
    # PostgreSQL's pg_trgm index serves LIKE '%...%'; short fragments scan, which is rare.
    return select(Account.id).where(Account.address_text.like(pattern, escape="\\"))
