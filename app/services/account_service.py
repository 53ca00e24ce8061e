"""Customer accounts (客户档案): search, detail, create, edit, and audited unmasking."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.accounts import (
    AccountDraft,
    AccountStatus,
    Address,
    GasUse,
    IdType,
    MeterDraft,
    MeterKind,
    MeterStatus,
    UserType,
    clean_draft,
)
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.domain.identity import mask_id_number, mask_phone, phone_digits
from app.domain.users import Permission, require
from app.persistence.audit_chain import append_audit
from app.persistence.db import Database
from app.persistence.numbering import next_number
from app.persistence.orm import Account, Customer, Hall, Meter
from app.persistence.repositories.account_search import search_account_ids
from app.services.dto import (
    AccountDetail,
    AccountRow,
    MeterInfo,
    Operator,
    PersonalData,
    SearchResult,
)

SEARCH_LIMIT = 5000
_AUDITED_FIELDS = ("name", "id_type", "user_type", "gas_use", "household_size", "heating",
                   "low_income", "status", "route_book")


class AccountService:
    """What the accounts page and the command line do with accounts."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> SearchResult:
        """Find accounts by number, meter, phone (whole or last 4+ digits), name or address."""
        with self._db.reading() as session:
            ids = search_account_ids(session, query, limit + 1)
        return SearchResult(query, tuple(ids[:limit]), len(ids) > limit)

    def rows(self, ids: list[int] | tuple[int, ...]) -> list[AccountRow]:
        """Table rows for the given ids, in the same order; unknown ids are left out."""
        if not ids:
            return []
        with self._db.reading() as session:
            accounts = session.scalars(select(Account).where(Account.id.in_(ids))).all()
            meters = dict(
                session.execute(
                    select(Meter.account_id, Meter.meter_no)
                    .where(Meter.account_id.in_(ids))
                    .order_by(Meter.id.desc())
                ).all()
            )
            by_id = {a.id: _row(a, meters.get(a.id, "")) for a in accounts}
        return [by_id[i] for i in ids if i in by_id]

    def detail(self, account_id: int) -> AccountDetail:
        """The account page's contents, personal data masked."""
        with self._db.reading() as session:
            return _detail(_get_account(session, account_id))

    def draft_of(self, account_id: int) -> AccountDraft:
        """The edit form's starting values; ID number and phones stay masked."""
        d = self.detail(account_id)
        meter = d.meters[-1] if d.meters else None
        return AccountDraft(
            name=d.name, id_type=d.id_type, id_number=d.id_number, mobile=d.mobile,
            phone=d.phone, address=d.address, user_type=d.user_type, gas_use=d.gas_use,
            household_size=d.household_size, heating=d.heating, low_income=d.low_income,
            status=d.status, route_book=d.route_book,
            meter=MeterDraft(meter.meter_no, meter.kind, meter.digits, meter.installed_on,
                             meter.status) if meter else None,
        )

    def reveal(self, operator: Operator, account_id: int) -> PersonalData:
        """The unmasked ID number and phones; allowed by role and written to the audit log."""
        require(operator.role, Permission.UNMASK_PERSONAL_DATA)
        with self._db.writing() as session:
            account = _get_account(session, account_id)
            append_audit(session, self._clock.now(), operator.username, "personal_data.viewed",
                         f"account:{account.account_no}", hall_id=operator.hall_id)
            c = account.customer
            return PersonalData(c.id_number, c.mobile, c.phone)

    def create(self, operator: Operator, draft: AccountDraft) -> AccountDetail:
        """Open a new account with its customer and meter; the account number is gapless."""
        require(operator.role, Permission.EDIT_ACCOUNTS)
        draft = clean_draft(draft)
        now = self._clock.now()
        with self._db.writing() as session:
            if draft.meter:
                _check_meter_free(session, draft.meter.meter_no, None)
            hall = session.get_one(Hall, operator.hall_id)
            number = next_number(session, hall.id, "account")
            customer = Customer()
            account = Account(hall_id=hall.id, account_no=f"{hall.code}{number:08d}",
                              customer=customer, opened_on=now.date())
            _apply(account, draft, now)
            session.add(account)
            session.flush()
            append_audit(session, now, operator.username, "account.created",
                         f"account:{account.account_no}", {"name": draft.name}, hall.id)
            return _detail(account)

    def update(
        self, operator: Operator, account_id: int, version: int, draft: AccountDraft
    ) -> AccountDetail:
        """Save an edited account; refused if someone else saved it since it was opened."""
        require(operator.role, Permission.EDIT_ACCOUNTS)
        with self._db.writing() as session:
            account = _get_account(session, account_id)
            if account.version != version:
                raise DomainError.of("storage.changed_meanwhile")
            draft = clean_draft(_unmask_untouched(draft, account.customer))
            if draft.meter:
                _check_meter_free(session, draft.meter.meter_no, account.id)
            changes = _changes(account, draft)
            now = self._clock.now()
            _apply(account, draft, now)
            session.flush()
            append_audit(session, now, operator.username, "account.changed",
                         f"account:{account.account_no}", changes, operator.hall_id)
            return _detail(account)


def _get_account(session: Session, account_id: int) -> Account:
    account = session.scalars(
        select(Account).where(Account.id == account_id).options(selectinload(Account.meters))
    ).first()
    if account is None:
        raise DomainError.of("account.not_found")
    return account


def _check_meter_free(session: Session, meter_no: str, account_id: int | None) -> None:
    owner = session.scalar(select(Meter.account_id).where(Meter.meter_no == meter_no))
    if owner is not None and owner != account_id:
        raise DomainError.of("meter.number_taken", "meter_no")


def _unmask_untouched(draft: AccountDraft, customer: Customer) -> AccountDraft:
    """Fields left exactly as shown (masked) keep their stored value."""
    return replace(
        draft,
        id_number=customer.id_number
        if draft.id_number == mask_id_number(customer.id_number) else draft.id_number,
        mobile=customer.mobile if draft.mobile == mask_phone(customer.mobile) else draft.mobile,
        phone=customer.phone if draft.phone == mask_phone(customer.phone) else draft.phone,
    )


def _changes(account: Account, draft: AccountDraft) -> dict[str, object]:
    current = {f: getattr(account, f) for f in _AUDITED_FIELDS if f not in ("name", "id_type")}
    current |= {"name": account.customer.name, "id_type": account.customer.id_type}
    changes: dict[str, object] = {}
    for field in _AUDITED_FIELDS:
        new = getattr(draft, field)
        new = new.value if hasattr(new, "value") else new
        if current[field] != new:
            changes[field] = [current[field], new]
    if account.address_text != draft.address.text():
        changes["address"] = [account.address_text, draft.address.text()]
    c = account.customer
    for field, old in (("id_number", c.id_number), ("mobile", c.mobile), ("phone", c.phone)):
        new = getattr(draft, field)
        if old != new:  # personal data enters the log masked
            masker = mask_id_number if field == "id_number" else mask_phone
            changes[field] = [masker(old), masker(new)]
    return changes


def _apply(account: Account, draft: AccountDraft, now: datetime) -> None:
    c = account.customer
    c.name, c.id_type, c.id_number = draft.name, draft.id_type.value, draft.id_number
    c.mobile, c.phone = draft.mobile, draft.phone
    c.mobile_rev, c.phone_rev = phone_digits(draft.mobile)[::-1], phone_digits(draft.phone)[::-1]
    a = draft.address
    account.district, account.street, account.community = a.district, a.street, a.community
    account.building, account.unit, account.room = a.building, a.unit, a.room
    account.address_text = a.text()
    account.user_type, account.gas_use = draft.user_type.value, draft.gas_use.value
    account.household_size, account.heating = draft.household_size, draft.heating
    account.low_income, account.status = draft.low_income, draft.status.value
    account.route_book, account.updated_at = draft.route_book, now
    if draft.meter:
        _apply_meter(account, draft)


def _apply_meter(account: Account, draft: AccountDraft) -> None:
    m = draft.meter
    assert m is not None
    meter = account.meters[-1] if account.meters else None
    if meter is None or meter.meter_no != m.meter_no:
        meter = Meter(meter_no=m.meter_no)
        account.meters.append(meter)
    meter.kind, meter.digits = m.kind.value, m.digits
    meter.installed_on, meter.status = m.installed_on, m.status.value


def _row(account: Account, meter_no: str) -> AccountRow:
    c = account.customer
    return AccountRow(account.id, account.account_no, c.name, mask_phone(c.mobile or c.phone),
                      account.address_text, AccountStatus(account.status), meter_no)


def _detail(account: Account) -> AccountDetail:
    c = account.customer
    address = Address(account.district, account.street, account.community, account.building,
                      account.unit, account.room)
    meters = tuple(
        MeterInfo(m.id, m.meter_no, MeterKind(m.kind), m.digits, m.installed_on,
                  MeterStatus(m.status))
        for m in account.meters
    )
    return AccountDetail(
        id=account.id, version=account.version, account_no=account.account_no, name=c.name,
        id_type=IdType(c.id_type), id_number=mask_id_number(c.id_number),
        mobile=mask_phone(c.mobile), phone=mask_phone(c.phone), address=address,
        user_type=UserType(account.user_type), gas_use=GasUse(account.gas_use),
        household_size=account.household_size, heating=account.heating,
        low_income=account.low_income, status=AccountStatus(account.status),
        route_book=account.route_book, opened_on=account.opened_on,
        updated_at=account.updated_at, meters=meters,
    )
