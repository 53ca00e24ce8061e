"""ID numbers (GB 11643 check digit), phones and masking."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.identity import (
    id_check_digit,
    id_number_problem,
    mask_id_number,
    mask_name,
    mask_phone,
    phone_problem,
)


def test_known_valid_id_number() -> None:
    # The national standard's own example: 11010519491231002X.
    assert id_check_digit("11010519491231002") == "X"
    assert id_number_problem("11010519491231002X") is None


def test_wrong_check_digit_and_bad_shapes() -> None:
    assert id_number_problem("110105194912310021") == "id_number.check_digit"
    assert id_number_problem("11010519491231002") == "id_number.format"
    assert id_number_problem("1101051949123100XX") == "id_number.format"
    assert id_number_problem("110105194902300021") == "id_number.birth_date"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_any_single_digit_change_is_caught(first17: str) -> None:
    number = first17 + id_check_digit(first17)
    if id_number_problem(number) == "id_number.birth_date":
        return
    assert id_number_problem(number) is None
    for i in range(17):
        changed = number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]
        assert id_number_problem(changed) is not None


def test_masks() -> None:
    assert mask_id_number("110105194912311234") == "110105********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0769-22123456") == "076******3456"
    assert mask_phone("") == ""
    assert mask_name("张三丰") == "张*丰"


def test_phones() -> None:
    assert phone_problem("13812345678") is None
    assert phone_problem("0769-22123456") is None
    assert phone_problem("12812345678") == "phone.format"
    assert phone_problem("1381234567") == "phone.format"
