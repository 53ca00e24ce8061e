"""What the cashier's services hand to the screens and the printed documents (frozen, safe)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class SessionView:
    """A cash session (钱箱/班次) as the clerk may see it: no expected cash while it is open."""

    id: int
    hall_id: int
    counter_no: int
    username: str
    day: date
    opened_at: datetime
    float_fen: int
    state: str  # open | closed
    payments: int  # how many receipts so far


@dataclass(frozen=True)
class CloseResult:
    """A closed session: the blind count against what the drawer should hold."""

    session_id: int
    counted_fen: int
    expected_fen: int
    difference_fen: int  # + over (长款), − short (短款)
    approved_by: str
    reason: str


@dataclass(frozen=True)
class DueBill:
    """An outstanding bill offered for payment."""

    bill_id: int
    period_from: date
    period_to: date
    volume_litres: int
    total_fen: int
    outstanding_fen: int
    due_on: date


@dataclass(frozen=True)
class DueView:
    """An account at the cash desk: who, what is owed, and the balance."""

    account_id: int
    account_no: str
    name_masked: str
    address: str
    status: str
    user_type: str
    is_ic: bool
    bills: tuple[DueBill, ...]
    owed_fen: int  # sum of outstanding bills
    balance_fen: int  # credit +, owed −


@dataclass(frozen=True)
class TenderDraft:
    """One way the customer pays: tender code (cash, pos, wechat, alipay, transfer, cheque)."""

    tender: str
    amount_fen: int  # for cash: what the customer handed over
    reference: str = ""


@dataclass(frozen=True)
class PaymentDraft:
    """What the clerk confirmed in the payment dialog.

    ``bill_ids`` None pays every outstanding bill; ``amount_fen`` is what goes onto the account
    (the chosen bills' total, or more as a prepayment). Cash tendered above what is left to pay
    after the other tenders comes back as change.
    """

    account_id: int
    session_id: int
    amount_fen: int
    tenders: tuple[TenderDraft, ...]
    called_out: bool
    bill_ids: tuple[int, ...] | None = None
    ticket_id: int | None = None


@dataclass(frozen=True)
class ReceiptLine:
    """A line printed on the receipt: a bill's tier line, a late fee, or an IC purchase tier."""

    text: str  # e.g. "2026-09 ~ 2026-11 第1档" — the service gives the facts, see fields
    bill_id: int | None
    tier_no: int | None
    litres: int
    price: int
    amount_fen: int
    kind: str  # tier | late_fee | ic_tier


@dataclass(frozen=True)
class ReceiptView:
    """Everything a receipt shows (DOMAIN.md §12.3), for the PDF and the screens."""

    payment_id: int
    receipt_no: str
    kind: str  # payment | ic_purchase | void | correction
    voids_receipt_no: str | None
    hall_name: str
    hall_hotline: str
    at: datetime
    counter_no: int
    operator: str  # clerk's full name or user name
    account_no: str
    name_masked: str
    address: str
    due_fen: int
    amount_fen: int
    tendered_fen: int
    change_fen: int
    balance_after_fen: int
    tenders: tuple[tuple[str, int], ...]  # (tender code, amount)
    lines: tuple[ReceiptLine, ...]
    cumulative_litres: int | None  # annual cumulative after (bills or IC purchase)
    tier_no: int | None
    tier_left_litres: int | None
    purchase_count: int | None  # IC purchases
    check_value: str  # in the QR code with the receipt number
    copy_no: int = 0  # 0 original; n = the n-th reprint (补打)
    reason: str = ""  # void / reprint reason
    voided_by_receipt_no: str | None = None


@dataclass(frozen=True)
class CloseSheetRow:
    """One row of the daily close sheet: a group's count and amount per tender."""

    label: str  # group key, e.g. "gas.residential.non_ic", "refund.residential.ic", "total"
    count: int
    by_tender: dict[str, int] = field(default_factory=dict)
    total_fen: int = 0


@dataclass(frozen=True)
class CloseSheet:
    """日收费结账单: per clerk or for the whole hall, one business day."""

    hall_name: str
    day: date
    username: str | None  # None: the whole hall
    rows: tuple[CloseSheetRow, ...]
    first_receipt_no: str | None
    last_receipt_no: str | None
    voids: int
    voided_fen: int
    reprints: int
    float_fen: int
    cash_in_fen: int
    cash_out_fen: int
    expected_cash_fen: int
    counted_cash_fen: int | None
    difference_fen: int | None
    closed: bool
