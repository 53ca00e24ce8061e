"""Identity documents and phone numbers: validation (GB 11643 check digit) and masking."""

from __future__ import annotations

import re
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_PATTERN = re.compile(r"^\d{17}[\dX]$")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3}-?)?\d{7,8}$")


def id_check_digit(first17: str) -> str:
    """Return the 18th character of a resident ID number (居民身份证) for its first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def normalize_id_number(text: str) -> str:
    """Strip spaces and make the check character upper case."""
    return text.strip().replace(" ", "").upper()


def id_number_problem(number: str) -> str | None:
    """Return a message key for what is wrong with a resident ID number, or None if valid."""
    if not _ID_PATTERN.match(number):
        return "id_number.format"
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "id_number.birth_date"
    if id_check_digit(number[:17]) != number[17]:
        return "id_number.check_digit"
    return None


def normalize_phone(text: str) -> str:
    """Keep digits and one area-code dash; drop spaces and brackets people type."""
    return re.sub(r"[\s()（）]", "", text.strip())


def phone_problem(phone: str) -> str | None:
    """Return a message key if the text is neither a mobile nor a landline number."""
    if _MOBILE.match(phone) or _LANDLINE.match(phone):
        return None
    return "phone.format"


def phone_digits(phone: str) -> str:
    """Only the digits of a phone number, for searching."""
    return "".join(ch for ch in phone if ch.isdigit())


def mask_id_number(number: str) -> str:
    """Mask an ID number as ``110105********1234``: region code and last four stay visible."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str) -> str:
    """Mask a phone number as ``138****5678``: first three and last four stay visible."""
    if len(phone) <= 7:
        return phone[:1] + "*" * max(len(phone) - 1, 0)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    """Mask a personal name for printed matter, e.g. ``张*明``."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
