"""IC-card gas purchases (IC卡购气): quote by volume or amount, buy with a receipt, write the card.

Pricing (DOMAIN.md §8.6). A purchase is priced on the account's annual cumulative volume before
it: the litres billed in the tariff cycle (bill tier lines, reversals subtracting) plus the
litres of the cycle's earlier IC purchases that were not voided. ``price_volume`` splits the
volume into tier lines with the tariff module's rounding rule.

Whole m³. Cards are loaded with whole cubic metres, so a purchase is a whole number of m³
(``ic.volume_whole_m3`` otherwise), and buying by amount finds the largest whole m³ whose price
the amount buys.

Balance first. A credit on the account (a prepayment, + balance) pays for the gas before the
customer does, whichever way the gas is bought: ``due = total − min(credit, total)``. Buying by
amount, the amount plus the credit is what may be spent, so the due never exceeds the amount.
Arrears (− balance) are left alone: they stay on their bills.

Ledger. A purchase appends two entries in one transaction: BLL +total (the gas, on no bill) and
CHG −due (the money; left out when the credit paid for everything). The account's balance
moves by exactly the credit used. The payments row (kind ``ic_purchase``) has ``due_fen`` = the
money called out and taken and ``amount_fen`` = what the purchase credited to the account, i.e.
−credit used (0 without a credit): a void (``PaymentService.void``, a COR of ``amount_fen``)
then gives the credit back and leaves the gas charge and its payment netting to nothing, as the
voided purchase never happened. The receipt's check value is the hash of the purchase's last
ledger entry. ``ic_purchases.amount_fen`` is the gas total; its lines are
``[tier_no, litres, price, fen]``.

Purchase count. 购气次数 per meter is the meter's highest count + 1. A voided purchase keeps its
count (its card may already have been written), so counts never repeat.

Money meters (ic_money) are priced the same way at the counter; the card carries the gas total
in fen and the tier table, and the meter deducts per tier itself.

The card is written after the commit (``card_writer.py``): a failed write leaves the purchase
committed, says so in the result and is audited; ``rewrite`` tries the latest purchase again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from app.domain.accounts import AccountStatus, MeterKind, MeterStatus
from app.domain.cashier import PaymentKind, check_value, receipt_number, settle_tenders
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.tariff import (
    LITRES_PER_M3,
    Household,
    Tariff,
    TierLine,
    cycle_end,
    cycle_start,
    in_force,
    price_volume,
    thresholds,
    tier_position,
)
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.numbering import next_number
from app.persistence.orm import Account, Hall, IcPurchase, Meter, Payment
from app.persistence.repositories.billing_queries import cumulative_volumes
from app.persistence.repositories.ledger import (
    LedgerDraft,
    LedgerKind,
    append_ledger,
    ledger_sums,
    lock_ledger_head,
)
from app.services.card_writer import (
    CYCLE_MONTHS,
    CardImage,
    CardPriceSet,
    CardWriteFailed,
    CardWriter,
    NullCardWriter,
)
from app.services.cashier_dto import ReceiptView, TenderDraft
from app.services.dto import Operator

# Shared with the payment service: a purchase checks its session and writes its payment row and
# tenders exactly as a payment does.
from app.services.payment_service import (
    MAX_AMOUNT_FEN,
    RECEIPT_PERIOD,
    RECEIPT_SERIES,
    PaymentService,
    insert_payment,
    insert_tenders,
    net_tenders,
    payable_session,
    require_offered,
)
from app.services.tariff_service import tariffs_by_use

MAX_PURCHASE_M3 = 9999  # more in one purchase is a typing mistake
IC_METER_KINDS = (MeterKind.IC_VOLUME.value, MeterKind.IC_MONEY.value)


@dataclass(frozen=True)
class IcQuote:
    """What a purchase of ``litres`` costs now: tier lines, credit used, what the customer pays."""

    account_id: int
    meter_id: int
    meter_no: str
    meter_kind: str  # ic_volume | ic_money
    tariff_id: int | None
    tariff_name: str
    litres: int  # whole m³
    lines: tuple[TierLine, ...]
    total_fen: int  # the gas
    balance_fen: int  # the account before: credit +, owed −
    balance_used_fen: int  # credit that pays part of the gas
    due_fen: int  # what the customer pays: total − credit used
    cycle_start: date
    cycle_end: date
    cumulative_before: int
    cumulative_after: int
    tier_no: int  # where the cumulative stands after the purchase
    tier_left_litres: int | None  # left in that tier (None: the top tier)
    purchase_count: int  # the count this purchase gets (购气次数)
    amount_fen: int | None = None  # the sum asked for, when bought by amount


@dataclass(frozen=True)
class IcPurchaseResult:
    """A committed purchase, its receipt, and whether the card was written."""

    purchase_id: int
    receipt: ReceiptView
    card_written: bool
    card_error: str = ""  # the writer's reason when it failed


@dataclass(frozen=True)
class _Buyer:
    """An IC account at the counter, read in one transaction."""

    account_id: int
    meter_id: int
    meter_no: str
    meter_kind: str
    tariff: Tariff
    household: Household
    cycle_start: date
    cumulative: int
    balance_fen: int
    purchase_count: int


class IcService:
    """Quotes and purchases of gas for IC-card meters, and writing their cards."""

    def __init__(self, db: Database, clock: Clock, writer: CardWriter | None = None) -> None:
        self._db = db
        self._clock = clock
        self._writer: CardWriter = writer or NullCardWriter()
        self._payments = PaymentService(db, clock)

    def quote(
        self, account_id: int, litres: int | None = None, amount_fen: int | None = None
    ) -> IcQuote:
        """Price a purchase by volume (whole m³ in litres) or find what an amount buys.

        Exactly one of ``litres`` and ``amount_fen``. Raises DomainError ``ic.*`` / ``payment.*``.
        """
        if (litres is None) == (amount_fen is None):
            raise ValueError("give either litres or amount_fen")
        today = self._clock.now().date()
        with self._db.reading() as session:
            buyer = _buyer(session, account_id, today)
        if litres is not None:
            _check_litres(litres)
            return _quote(buyer, litres)
        assert amount_fen is not None
        return _quote(buyer, _litres_for(buyer, amount_fen), amount_fen)

    def purchase(
        self, operator: Operator, account_id: int, session_id: int, litres: int,
        tenders: Sequence[TenderDraft], called_out: bool, ticket_id: int | None = None,
        due_fen: int | None = None,
    ) -> IcPurchaseResult:
        """Commit a purchase the clerk called out (唱收唱付), then write the card.

        ``due_fen``, when given, is the amount the clerk called out from the quote: if the
        price has changed since (a bill came in), ``ic.price_changed`` and nothing is written.
        Raises DomainError with nothing changed when a rule is broken.
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        if not called_out:
            raise DomainError.of("payment.not_called_out")
        _check_litres(litres)
        now = self._clock.now()
        with self._db.writing() as session:
            lock_ledger_head(session)  # first: cumulative and balance cannot change under us
            cash_session = payable_session(session, operator, session_id, now.date())
            require_offered(session, cash_session.hall_id, tenders)
            buyer = _buyer(session, account_id, now.date())
            quote = _quote(buyer, litres)
            if due_fen is not None and due_fen != quote.due_fen:
                raise DomainError.of("ic.price_changed", "litres", due=quote.due_fen)
            change = _settle(quote.due_fen, tenders)
            payment_id, receipt_no = self._write_purchase(
                session, now, operator, cash_session.id, cash_session.hall_id,
                cash_session.counter_no, quote, tenders, change, ticket_id)
            purchase_id = _insert_purchase(session, payment_id, buyer, quote)
        receipt = self._payments.receipt(payment_id)
        image = _image(purchase_id, receipt_no, buyer, quote.litres, quote.total_fen,
                       quote.purchase_count, buyer.tariff, self._later_version(buyer.tariff))
        return self._write_card(operator, receipt, image)

    def rewrite(self, operator: Operator, purchase_id: int) -> IcPurchaseResult:
        """Write the card of a committed purchase again (the first write failed).

        Only the meter's latest purchase, and not a voided one: the meter accepts no older
        count. Raises DomainError ``ic.purchase_not_found`` / ``ic.not_latest_purchase`` /
        ``ic.purchase_voided``.
        """
        require(operator.role, Permission.TAKE_PAYMENTS)
        with self._db.reading() as session:
            image = _stored_image(session, purchase_id)
            payment_id = session.scalar(select(IcPurchase.payment_id)
                                        .where(IcPurchase.id == purchase_id))
        assert payment_id is not None
        return self._write_card(operator, self._payments.receipt(payment_id), image)

    # --- inside ----------------------------------------------------------------------------

    def _write_purchase(
        self, session: Session, now: datetime, operator: Operator, session_id: int,
        hall_id: int, counter_no: int, quote: IcQuote, tenders: Sequence[TenderDraft],
        change: int, ticket_id: int | None,
    ) -> tuple[int, str]:
        """Receipt number, the two ledger entries and the payment with its tenders."""
        seq = next_number(session, hall_id, RECEIPT_SERIES, RECEIPT_PERIOD)
        receipt_no = receipt_number(session.get_one(Hall, hall_id).code, seq)
        entries = [LedgerDraft(hall_id, quote.account_id, LedgerKind.BILL, quote.total_fen, None,
                               operator.username, receipt_no)]
        if quote.due_fen:
            entries.append(LedgerDraft(hall_id, quote.account_id, LedgerKind.PAYMENT,
                                       -quote.due_fen, None, operator.username, receipt_no))
        append_ledger(session, now, entries)
        digest = lock_ledger_head(session).hash
        used = quote.balance_used_fen
        payment_id = insert_payment(session, dict(
            hall_id=hall_id, receipt_seq=seq, receipt_no=receipt_no,
            kind=PaymentKind.IC_PURCHASE.value, voids_id=None, session_id=session_id,
            account_id=quote.account_id, ticket_id=ticket_id, day=now.date(), at=now,
            counter_no=counter_no, operator=operator.username, due_fen=quote.due_fen,
            amount_fen=-used, tendered_fen=sum(t.amount_fen for t in tenders),
            change_fen=change, balance_after_fen=quote.balance_fen - used, called_out=True,
            reason="", authorised_by="", check_value=check_value(digest)))
        insert_tenders(session, payment_id, net_tenders(tenders, change))
        return payment_id, receipt_no

    def _later_version(self, tariff: Tariff) -> Tariff | None:
        """The next version of the tariff once it is known (the card's deferred prices)."""
        with self._db.reading() as session:
            return _next_version(session, tariff)

    def _write_card(
        self, operator: Operator, receipt: ReceiptView, image: CardImage
    ) -> IcPurchaseResult:
        error = ""
        try:
            self._writer.write(image)
        except CardWriteFailed as failed:
            error = failed.reason or "card write failed"
        detail: dict[str, object] = {"receipt_no": image.receipt_no, "meter_no": image.meter_no,
                                     "buy_count": image.buy_count, "gas": image.gas}
        subject = f"ic_purchase:{image.purchase_id}"
        with self._db.writing() as session:
            if error:
                append_audit(session, self._clock.now(), operator.username, "ic.card_write_failed",
                             subject, {**detail, "error": error}, operator.hall_id)
            else:
                append_audit(session, self._clock.now(), operator.username, "ic.card_written",
                             subject, detail, operator.hall_id)
        return IcPurchaseResult(image.purchase_id, receipt, not error, error)


# --- reading the buyer ---------------------------------------------------------------------


def _buyer(session: Session, account_id: int, today: date) -> _Buyer:
    account = session.get(Account, account_id)
    if account is None:
        raise DomainError.of("payment.account_not_found")
    if account.status == AccountStatus.CLOSED.value:
        raise DomainError.of("payment.account_closed")
    meter = session.execute(
        select(Meter.id, Meter.meter_no, Meter.kind)
        .where(Meter.account_id == account_id, Meter.kind.in_(IC_METER_KINDS),
               Meter.status != MeterStatus.REMOVED.value)
        .order_by(Meter.id.desc()).limit(1)).first()
    if meter is None:
        raise DomainError.of("ic.not_ic_meter")
    versions = tariffs_by_use(session).get((account.user_type, account.gas_use), [])
    tariff = in_force(versions, today)
    if tariff is None:
        raise DomainError.of("ic.no_tariff")
    start = cycle_start(tariff, today)
    billed = cumulative_volumes(session, [account_id], start).get((account_id, start), 0)
    last_count = session.scalar(select(func.max(IcPurchase.purchase_count))
                                .where(IcPurchase.meter_id == meter[0]))
    return _Buyer(
        account_id, int(meter[0]), str(meter[1]), str(meter[2]), tariff,
        Household(account.household_size, account.heating, account.low_income), start,
        billed + _bought(session, account_id, start),
        -ledger_sums(session, [account_id]).get(account_id, 0), (last_count or 0) + 1)


def _bought(session: Session, account_id: int, start: date) -> int:
    """Litres of the account's IC purchases in the cycle starting ``start``, voids left out."""
    void = aliased(Payment)
    litres = session.scalar(
        select(func.coalesce(func.sum(IcPurchase.litres), 0))
        .join(Payment, Payment.id == IcPurchase.payment_id)
        .where(Payment.account_id == account_id, IcPurchase.cycle_start == start,
               ~exists().where(void.voids_id == Payment.id)))
    return int(litres or 0)


def _next_version(session: Session, tariff: Tariff) -> Tariff | None:
    later = [t for t in tariffs_by_use(session).get((tariff.user_type, tariff.gas_use), [])
             if t.effective_from > tariff.effective_from]
    return min(later, key=lambda t: t.effective_from) if later else None


# --- pricing -------------------------------------------------------------------------------


def _check_litres(litres: int) -> None:
    if litres <= 0:
        raise DomainError.of("ic.volume_not_positive", "litres")
    if litres % LITRES_PER_M3:
        raise DomainError.of("ic.volume_whole_m3", "litres")
    if litres > MAX_PURCHASE_M3 * LITRES_PER_M3:
        raise DomainError.of("ic.volume_too_large", "litres", max=MAX_PURCHASE_M3)


def _total(buyer: _Buyer, litres: int) -> int:
    lines = price_volume(buyer.tariff, buyer.household, buyer.cumulative, litres)
    return sum(line.amount_fen for line in lines)


def _quote(buyer: _Buyer, litres: int, amount_fen: int | None = None) -> IcQuote:
    lines = price_volume(buyer.tariff, buyer.household, buyer.cumulative, litres)
    total = sum(line.amount_fen for line in lines)
    used = min(max(buyer.balance_fen, 0), total)
    t = buyer.tariff
    after = buyer.cumulative + litres
    position = tier_position(t, buyer.household, after)
    return IcQuote(
        buyer.account_id, buyer.meter_id, buyer.meter_no, buyer.meter_kind, t.id, t.name,
        litres, lines, total, buyer.balance_fen, used, total - used, buyer.cycle_start,
        cycle_end(t, buyer.cycle_start), buyer.cumulative, after, position.tier_no,
        position.left_litres, buyer.purchase_count, amount_fen)


def _litres_for(buyer: _Buyer, amount_fen: int) -> int:
    """The most whole m³ that ``amount_fen`` plus the account's credit pays for."""
    if amount_fen <= 0:
        raise DomainError.of("payment.amount_not_positive", "amount")
    if amount_fen > MAX_AMOUNT_FEN:
        raise DomainError.of("payment.amount_too_large", "amount", max=MAX_AMOUNT_FEN)
    budget = amount_fen + max(buyer.balance_fen, 0)
    low, high = 0, MAX_PURCHASE_M3  # the price rises with the volume: bisect
    while low < high:
        middle = (low + high + 1) // 2
        if _total(buyer, middle * LITRES_PER_M3) <= budget:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        raise DomainError.of("ic.amount_too_small", "amount",
                             price=_total(buyer, LITRES_PER_M3))
    return low * LITRES_PER_M3


def _settle(due_fen: int, tenders: Sequence[TenderDraft]) -> int:
    """The change of a purchase's tenders; none at all when the credit paid for everything."""
    if due_fen == 0:
        if tenders:
            raise DomainError.of("ic.nothing_to_pay", "tenders")
        return 0
    return settle_tenders(due_fen, tenders).change_fen


# --- writing -------------------------------------------------------------------------------


def _insert_purchase(session: Session, payment_id: int, buyer: _Buyer, quote: IcQuote) -> int:
    row = IcPurchase(
        payment_id=payment_id, meter_id=buyer.meter_id, purchase_count=quote.purchase_count,
        litres=quote.litres, amount_fen=quote.total_fen, cycle_start=buyer.cycle_start,
        cumulative_before=buyer.cumulative,
        lines=[[line.tier_no, line.litres, line.price, line.amount_fen] for line in quote.lines],
        tariff_id=buyer.tariff.id)
    session.add(row)
    session.flush()
    return row.id


# --- the card ------------------------------------------------------------------------------


def _price_set(tariff: Tariff, household: Household) -> CardPriceSet:
    return CardPriceSet(tariff.id or 0, tariff.effective_from,
                        tuple(tier.price for tier in tariff.tiers), thresholds(tariff, household))


def _image(
    purchase_id: int, receipt_no: str, buyer: _Buyer, litres: int, total_fen: int,
    count: int, tariff: Tariff, later: Tariff | None,
) -> CardImage:
    money = buyer.meter_kind == MeterKind.IC_MONEY.value
    return CardImage(
        purchase_id=purchase_id, receipt_no=receipt_no, card_no=buyer.meter_no,
        meter_no=buyer.meter_no, meter_kind=buyer.meter_kind, buy_count=count,
        gas=total_fen if money else litres, gas_unit="fen" if money else "litres",
        prices=_price_set(tariff, buyer.household), cycle_start=buyer.cycle_start,
        cycle_length_months=CYCLE_MONTHS,
        deferred=None if later is None else _price_set(later, buyer.household))


def _stored_image(session: Session, purchase_id: int) -> CardImage:
    """The card image of a stored purchase, for writing it again."""
    row = session.get(IcPurchase, purchase_id)
    if row is None:
        raise DomainError.of("ic.purchase_not_found")
    payment = session.get_one(Payment, row.payment_id)
    void = session.scalar(select(Payment.id).where(Payment.voids_id == payment.id))
    if void is not None:
        raise DomainError.of("ic.purchase_voided")
    latest = session.scalar(select(func.max(IcPurchase.purchase_count))
                            .where(IcPurchase.meter_id == row.meter_id))
    if latest != row.purchase_count:
        raise DomainError.of("ic.not_latest_purchase", count=latest)
    meter = session.get_one(Meter, row.meter_id)
    account = session.get_one(Account, meter.account_id)
    versions = tariffs_by_use(session).get((account.user_type, account.gas_use), [])
    tariff = next((t for t in versions if t.id == row.tariff_id), None) or in_force(
        versions, payment.day)
    if tariff is None:
        raise DomainError.of("ic.no_tariff")
    buyer = _Buyer(account.id, meter.id, meter.meter_no, meter.kind, tariff,
                   Household(account.household_size, account.heating, account.low_income),
                   row.cycle_start, row.cumulative_before, 0, row.purchase_count)
    return _image(row.id, payment.receipt_no, buyer, row.litres, row.amount_fen,
                  row.purchase_count, tariff, _next_version(session, tariff))
