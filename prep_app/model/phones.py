"""Phone numbers through the ``phonenumbers`` library (Google's libphonenumber data).

Numbers are stored exactly as typed (the exchange format must round-trip);
these helpers only judge and format them.  Numbers without a ``+`` country
code are read as United States numbers, since the workshops are in Connecticut.
"""
from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "US"


def _parse(text: str):
    try:
        return phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None


def is_valid_phone(text: str) -> bool:
    number = _parse(text)
    return number is not None and phonenumbers.is_valid_number(number)


def format_phone(text: str | None) -> str:
    """Pretty form for print: "(203) 555-0142" at home, "+52 55 1234 5678" abroad.
    Text that is not a valid number is returned as typed, never dropped."""
    if not text:
        return ""
    number = _parse(text)
    if number is None or not phonenumbers.is_valid_number(number):
        return text
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 1
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def phone_key(text: str | None) -> str:
    """A phone number as compared: "+12035550142" for "(203) 555-0142" and
    "203.555.0142" alike; the bare digits when it is not a valid number."""
    if not text:
        return ""
    number = _parse(text)
    if number is not None and phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return "".join(ch for ch in text if ch.isdigit())
