"""Cashier rules (收费): tenders, change, the drawer's expected cash, receipt numbers.

Pure functions on integer fen, free of storage, so that they can be property-tested.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple, Protocol

from app.domain.errors import DomainError


class Tender(StrEnum):
    """How a customer pays: 现金 / 银行卡(POS) / 微信 / 支付宝 / 转账 / 支票."""

    CASH = "cash"
    POS = "pos"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    TRANSFER = "transfer"
    CHEQUE = "cheque"


class PaymentKind(StrEnum):
    """What a payments row is: a payment, an IC purchase, the void of one, a correction."""

    PAYMENT = "payment"
    IC_PURCHASE = "ic_purchase"
    VOID = "void"
    CORRECTION = "correction"


# Every tender, in the counter's order: what a hall offers unless its settings say otherwise.
ACTIVE_TENDERS: tuple[Tender, ...] = tuple(Tender)
ALL_TENDERS_TEXT = ",".join(t.value for t in ACTIVE_TENDERS)  # halls.tenders' default

# Notes and coins of the blind count (fen): 100, 50, 20, 10, 5, 1 yuan, 5 and 1 jiao.
DENOMINATIONS: tuple[int, ...] = (10000, 5000, 2000, 1000, 500, 100, 50, 10)

# A session closing further off than this (either way) needs a manager's approval and a reason.
CLOSE_TOLERANCE_FEN = 1000

MAX_TENDERS = 6


class TenderLike(Protocol):
    """One tender of a payment as typed: code and amount handed over."""

    @property
    def tender(self) -> str:
        """The tender code."""
        ...

    @property
    def amount_fen(self) -> int:
        """For cash: what the customer handed over; otherwise the amount charged."""
        ...


class Settlement(NamedTuple):
    """What a payment's tenders come to: the amount taken and the cash handed back."""

    amount_fen: int
    change_fen: int


def settle_tenders(
    due_fen: int, tenders: Sequence[TenderLike], active: Sequence[str] = ACTIVE_TENDERS
) -> Settlement:
    """Check a payment's tenders against what is due; return (amount, change).

    Rules: at least one tender, each of an active kind and positive; the non-cash tenders
    together may not exceed what is due (change is only given from cash); cash must cover what
    is left after them. Raises DomainError ``payment.*`` otherwise.
    """
    if due_fen <= 0:
        raise DomainError.of("payment.amount_not_positive", "amount")
    if not tenders:
        raise DomainError.of("payment.no_tender", "tenders")
    if len(tenders) > MAX_TENDERS:
        raise DomainError.of("payment.too_many_tenders", "tenders", max=MAX_TENDERS)
    cash = other = 0
    for tender in tenders:
        if tender.tender not in active:
            raise DomainError.of("payment.bad_tender", "tenders", tender=tender.tender)
        if tender.amount_fen <= 0:
            raise DomainError.of("payment.tender_not_positive", "tenders", tender=tender.tender)
        if tender.tender == Tender.CASH:
            cash += tender.amount_fen
        else:
            other += tender.amount_fen
    if other > due_fen:
        raise DomainError.of("payment.overpaid_card", "tenders", over=other - due_fen)
    left = due_fen - other
    if cash < left:
        key = "payment.cash_short" if cash else "payment.underpaid"
        raise DomainError.of(key, "tenders", short=left - cash)
    return Settlement(due_fen, cash - left)


def parse_tender_codes(text: str) -> tuple[Tender, ...]:
    """The tenders a hall offers, from its stored text ("cash,pos,…"), in the counter's order.

    A code this program does not know is left out; cash is always offered (a drawer takes cash).
    """
    wanted = {part.strip() for part in text.split(",")}
    return tuple(t for t in Tender if t.value in wanted or t is Tender.CASH)


def tender_codes_text(codes: Sequence[str]) -> str:
    """A hall's offered tenders as stored: known codes in the counter's order, comma-separated.

    Raises DomainError ``hall.unknown_tender`` for a code that is not a tender and
    ``hall.cash_tender_required`` when cash is not among them (field ``tenders``).
    """
    for code in codes:
        if code not in {t.value for t in Tender}:
            raise DomainError.of("hall.unknown_tender", "tenders", tender=code)
    if Tender.CASH.value not in codes:
        raise DomainError.of("hall.cash_tender_required", "tenders")
    return ",".join(t.value for t in Tender if t.value in codes)


def counted_total(counts: Mapping[int, int]) -> int:
    """The value in fen of a count by denomination (note or coin value in fen → pieces)."""
    total = 0
    for value, pieces in counts.items():
        if value not in DENOMINATIONS:
            raise DomainError.of("cash.bad_denomination", "counts", value=value)
        if pieces < 0:
            raise DomainError.of("cash.bad_count", "counts", value=value)
        total += value * pieces
    return total


def expected_cash(
    float_fen: int, cash_in_fen: int, cash_out_fen: int, cash_taken_fen: int,
    cash_voided_fen: int,
) -> int:
    """What a drawer should hold: float + cash in − cash out + cash taken − cash voided.

    Every argument is a non-negative sum; cash taken is net of the change handed back.
    """
    return float_fen + cash_in_fen - cash_out_fen + cash_taken_fen - cash_voided_fen


def receipt_number(hall_code: str, seq: int) -> str:
    """The printed receipt number: hall code and gapless sequence, e.g. ``01-00000042``."""
    return f"{hall_code}-{seq:08d}"


def check_value(ledger_hash: str) -> str:
    """The receipt's check value: the first 12 hex characters of its ledger entry's hash."""
    return ledger_hash[:12]


def split_into_denominations(amount_fen: int) -> dict[int, int]:
    """A count that adds up to ``amount_fen`` (largest notes first); for tests and hints."""
    if amount_fen < 0 or amount_fen % DENOMINATIONS[-1]:
        raise DomainError.of("cash.not_countable", "counts", amount=amount_fen)
    counts: dict[int, int] = {}
    for value in DENOMINATIONS:
        counts[value], amount_fen = divmod(amount_fen, value)
    return counts
