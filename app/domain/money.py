"""Money in integer fen (分) and gas volume in integer litres; never float."""

from __future__ import annotations

import re

from app.domain.errors import DomainError

_YUAN = re.compile(r"^(-?)(\d{1,12})(?:\.(\d{0,2}))?$")


def parse_yuan(text: str, field: str | None = None) -> int:
    """Parse what a clerk typed in yuan (``12``, ``12.5``, ``12.34``) into fen.

    Raises DomainError ``money.format`` for anything else, including more than two decimals.
    """
    match = _YUAN.match(text.strip().replace(",", ""))
    if not match:
        raise DomainError.of("money.format", field, value=text)
    sign, whole, cents = match.groups()
    fen = int(whole) * 100 + int((cents or "").ljust(2, "0"))
    return -fen if sign else fen


def format_yuan(fen: int) -> str:
    """Format fen as yuan with two decimals and thousands separators, e.g. ``1,234.50``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def litres_to_m3_text(litres: int) -> str:
    """Format a volume kept in litres as cubic metres (1 m³ = 1000 L)."""
    whole, rest = divmod(abs(litres), 1000)
    sign = "-" if litres < 0 else ""
    return f"{sign}{whole}" if rest == 0 else f"{sign}{whole}.{rest:03d}".rstrip("0")
