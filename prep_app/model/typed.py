"""Reading what a person types into one field: dates, phones, emails.

The window and any other face call :func:`read_typed` so the rules for a typed
value live beside the plan, not in a widget.  Problems are gentle message
templates (translated when shown); the value is kept even when it has one.
"""
from __future__ import annotations

import re
from datetime import date

from ..messages import N_
from .phones import is_valid_phone

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

ASK_FOR_ISO = N_("Write the date as year-month-day, for example 2014-06-21.")


def parse_typed_date(text: str) -> date:
    """Year-month-day, or a slashed date only when it cannot be misread: US forms
    write 6/21/2014, Spanish and Portuguese ones 21/6/2014, so 5/3/2014 is refused."""
    text = text.strip()
    if m := _ISO.match(text):
        year, month, day = map(int, m.groups())
        return date(year, month, day)
    if m := _SLASHED.match(text):
        first, second, year = map(int, m.groups())
        if first > 12 >= second:
            return date(year, second, first)
        if second > 12 >= first or first == second:
            return date(year, first, second)
    raise ValueError(text)


def read_typed(kind: str, text: str, today: date | None = None):
    """(value to store, problem template or None) for text typed into a field of ``kind``."""
    stripped = text.strip()
    if not stripped:
        return None, None
    if kind == "date":
        try:
            day = parse_typed_date(stripped)
        except ValueError:
            return None, ASK_FOR_ISO
        if day > (today or date.today()):
            return day, N_("This date is in the future. Please check it.")
        return day, None
    if kind == "phone" and not is_valid_phone(stripped):
        return stripped, N_("This phone number does not look complete. "
                            "Check the digits, e.g. (203) 555-0142 or +52 55 1234 5678.")
    if kind == "email" and not _EMAIL.match(stripped):
        return stripped, N_("This email address does not look right, e.g. name@example.org.")
    return (text if kind == "long" else stripped), None


def locator_a_number(a_number: str | None) -> str | None:
    """The A-number as the ICE detainee locator takes it: nine digits, no "A"
    and no dashes; an eight-digit number gets a leading zero.  Anything else
    is printed as typed, for a person to check."""
    if not a_number:
        return None
    digits = re.sub(r"\D", "", a_number)
    if len(digits) == 8:
        digits = "0" + digits
    return digits if len(digits) == 9 else a_number
