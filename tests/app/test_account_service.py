"""Accounts on SQLite and PostgreSQL: create, search by every kind, edit, mask, audit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.accounts import Address, MeterDraft
from app.domain.clock import FixedClock
from app.domain.errors import DomainError
from app.persistence.db import Database
from app.services.account_service import AccountService
from app.services.audit_service import AuditService
from app.services.auth_service import AuthService
from app.services.dto import Operator
from tests.conftest import ADMIN_PASSWORD, sample_draft


@pytest.fixture
def setup(any_db: Database, clock: FixedClock) -> tuple[AccountService, Operator, Database]:
    auth = AuthService(any_db, clock)
    auth.first_setup("东城营业厅", ADMIN_PASSWORD)
    return AccountService(any_db, clock), auth.login("admin", ADMIN_PASSWORD), any_db


def add_three(service: AccountService, op: Operator) -> list[int]:
    drafts = [
        sample_draft(),
        sample_draft(name="李四", mobile="13900001111", id_number="440101199001011233",
                     address=Address("东城区", "东纵路", "星河传说", "3", "1", "1201"),
                     meter=MeterDraft("JK0000002")),
        sample_draft(name="张伟", mobile="", phone="0769-22125678", id_number="",
                     address=Address("莞城区", "八达路", "金地小城", "8", "2", "301"),
                     meter=MeterDraft("IC9000001")),
    ]
    return [service.create(op, d).id for d in drafts]


def found(service: AccountService, query: str) -> list[str]:
    return [row.name for row in service.rows(service.search(query).ids)]


def test_search_by_every_kind(setup: tuple[AccountService, Operator, Database]) -> None:
    service, op, _ = setup
    ids = add_three(service, op)
    number = service.detail(ids[1]).account_no
    assert found(service, number) == ["李四"]
    assert found(service, "JK0000002") == ["李四"]
    assert found(service, "jk0000002") == ["李四"]
    assert found(service, "13900001111") == ["李四"]
    assert found(service, "1111") == ["李四"]
    assert found(service, "5678") == ["张三", "张伟"]  # a mobile and a landline end the same
    assert found(service, "张") == ["张三", "张伟"]
    assert found(service, "张伟") == ["张伟"]
    assert found(service, "星河传") == ["李四"]
    assert found(service, "八达") == ["张伟"]  # two characters: the LIKE fallback
    assert found(service, "nothing here") == []
    assert found(service, "   ") == []


def test_search_caps_and_says_so(setup: tuple[AccountService, Operator, Database]) -> None:
    service, op, _ = setup
    add_three(service, op)
    result = service.search("张", limit=1)
    assert len(result.ids) == 1 and result.truncated


def test_numbers_are_gapless_and_personal_data_masked(
    setup: tuple[AccountService, Operator, Database],
) -> None:
    service, op, _ = setup
    ids = add_three(service, op)
    numbers = [service.detail(i).account_no for i in ids]
    assert numbers == ["0100000001", "0100000002", "0100000003"]
    detail = service.detail(ids[0])
    assert detail.id_number == "110105********002X"
    assert detail.mobile == "138****5678"
    assert service.rows([ids[0]])[0].mobile == "138****5678"


def test_bad_input_reports_each_field_and_saves_nothing(
    setup: tuple[AccountService, Operator, Database],
) -> None:
    service, op, _ = setup
    bad = sample_draft(name=" ", id_number="110105194912310021", mobile="12345",
                       household_size=0, meter=MeterDraft("JK-1"))
    with pytest.raises(DomainError) as caught:
        service.create(op, bad)
    fields = {p.field: p.key for p in caught.value.problems}
    assert fields == {
        "name": "name.required", "id_number": "id_number.check_digit",
        "mobile": "phone.format", "household_size": "household.size_range",
        "meter_no": "meter.number_format",
    }
    assert service.search("JK").ids == ()


def test_edit_keeps_masked_fields_and_is_audited(
    setup: tuple[AccountService, Operator, Database],
) -> None:
    service, op, db = setup
    account_id = add_three(service, op)[0]
    draft = service.draft_of(account_id)
    assert draft.id_number == "110105********002X"  # the form shows it masked
    version = service.detail(account_id).version
    saved = service.update(op, account_id, version, replace(draft, household_size=6))
    assert saved.household_size == 6
    assert service.reveal(op, account_id).id_number == "11010519491231002X"
    entries = AuditService(db).entries(op)
    changed = next(e for e in entries if e.action == "account.changed")
    assert '"household_size": [3, 6]' in changed.detail
    assert "personal_data.viewed" in [e.action for e in entries]
    with pytest.raises(DomainError) as stale:
        service.update(op, account_id, version, draft)  # opened before the save above
    assert stale.value.key == "storage.changed_meanwhile"


def test_meter_number_belongs_to_one_account(
    setup: tuple[AccountService, Operator, Database],
) -> None:
    service, op, _ = setup
    add_three(service, op)
    with pytest.raises(DomainError) as caught:
        service.create(op, sample_draft(meter=MeterDraft("JK0000002")))
    assert caught.value.key == "meter.number_taken"


def test_clerk_may_not_unmask(
    setup: tuple[AccountService, Operator, Database], clock: FixedClock
) -> None:
    service, op, db = setup
    account_id = add_three(service, op)[0]
    from app.domain.users import Role

    auth = AuthService(db, clock)
    auth.create_user(op, "clerk1", "王小燕", Role.CLERK, "clerk123")
    clerk = auth.login("clerk1", "clerk123")
    with pytest.raises(DomainError) as caught:
        service.reveal(clerk, account_id)
    assert caught.value.key == "auth.forbidden"
