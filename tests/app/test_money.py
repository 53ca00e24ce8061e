"""Money typed in yuan becomes integer fen; more than two decimals is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.money import format_yuan, parse_yuan


def test_parse() -> None:
    assert parse_yuan("12") == 1200
    assert parse_yuan("12.5") == 1250
    assert parse_yuan(" 1,234.05 ") == 123405
    for bad in ("12.345", "abc", "", "1e3", "--1"):
        with pytest.raises(DomainError) as caught:
            parse_yuan(bad, "amount")
        assert caught.value.problems[0].field == "amount"


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_format_then_parse_is_identity(fen: int) -> None:
    assert parse_yuan(format_yuan(fen)) == fen
