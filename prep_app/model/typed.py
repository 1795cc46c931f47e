"""Reading what a person types into one field: dates, phones, emails, addresses.

The window and any other face call :func:`read_typed` so the rules for a typed
value live beside the plan, not in a widget.  Problems are gentle message
templates (translated when shown); the value is kept even when it has one,
except for the kinds in :data:`REFUSED_WHEN_WRONG`.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from ..messages import N_, Message
from .phones import is_valid_phone

_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^\d{1,2}[-/. ]\d{1,2}[-/. ](\d{2}|\d{4})$")   # in the language's order
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_STATES = (r"AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|"
           r"NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|VI|GU|AS|MP|Conn|Connecticut")
# the number after a state at the end of an address is its ZIP code ("Danbury, CT 06810")
_ZIP = re.compile(rf"\b(?:{_STATES})[.,]?\s*(\d+)(?:-\d*)?$")

EXAMPLE_DATE = date(2014, 6, 21)    # its day cannot be a month, so it shows the order
ASK_FOR_DATE = N_("Write the date like {example}.")
ZIP_FIVE_DIGITS = N_("A ZIP code has five digits. Connecticut ones start with 06, for example CT 06810.")
# a wrong date or ZIP code is not stored (the plan keeps what it had); a
# phone or email that looks wrong is kept as typed, with a hint
REFUSED_WHEN_WRONG = ("date", "address")


# Arabic's pattern puts invisible right-to-left marks between day, month and
# year; in a text field they only get in the way of reading the date back
_NO_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f\u061c")


def _plain_digits(text: str) -> str:
    """Arabic-Indic (٣) or full-width digits as 0-9, and no direction marks."""
    return "".join(str(unicodedata.decimal(ch)) if unicodedata.decimal(ch, None) is not None else ch
                   for ch in text.translate(_NO_DIRECTION_MARKS))


def _short_numeric_pattern(locale: str) -> str:
    """The language's short date pattern with two-digit days and months and a
    four-digit year: d/M/yy (es) becomes dd/MM/yyyy, M/d/yy (en) MM/dd/yyyy."""
    from babel.dates import get_date_format
    pattern = get_date_format("short", locale=locale).pattern.translate(_NO_DIRECTION_MARKS)
    for letter, width in (("y", 4), ("M", 2), ("d", 2)):
        pattern = re.sub(f"{letter}+", letter * width, pattern)
    return pattern


def format_typed_date(day: date, locale: str | None) -> str:
    """A date as a person of this language writes it with numbers (21/06/2014
    in Spanish, 06/21/2014 in English); year-month-day without a language."""
    if locale is None:
        return day.isoformat()
    from babel.dates import format_date
    return format_date(day, _short_numeric_pattern(locale), locale=locale)


def parse_typed_date(text: str, locale: str | None = None) -> date:
    """Year-month-day always; otherwise day, month and year in the order the
    language writes them (Babel's short date format): 15/03/2016 in Spanish,
    03/15/2016 in English.  Without a language, a slashed date only when it
    cannot be misread: US forms write 6/21/2014, Spanish and Portuguese ones
    21/6/2014, so 5/3/2014 is refused.  ValueError when it is not a date."""
    text = _plain_digits(text).strip()
    if m := _YEAR_FIRST.match(text):
        year, month, day = map(int, m.groups())
        return date(year, month, day)
    if locale is not None:
        if not _DAY_MONTH_YEAR.match(text):
            raise ValueError(text)
        from babel.dates import parse_date
        return parse_date(text, locale=locale, format="short")
    if m := _SLASHED.match(text):
        first, second, year = map(int, m.groups())
        if first > 12 >= second:
            return date(year, second, first)
        if second > 12 >= first or first == second:
            return date(year, first, second)
    raise ValueError(text)


def zip_problem(address: str) -> str | None:
    """A ZIP code after the state that is short of five digits, most often a
    Connecticut ZIP that lost its leading zero in a spreadsheet (6810).  A
    longer number is let be: other countries' postal codes (Bogotá DC 110111)."""
    m = _ZIP.search(address.strip())
    return ZIP_FIVE_DIGITS if m and len(m.group(1)) < 5 else None


def read_typed(kind: str, text: str, today: date | None = None, locale: str | None = None):
    """(value to store, problem or None) for text typed into a field of
    ``kind``; dates are read in the order ``locale`` writes them.  A problem
    is a template, or a :class:`Message` when it shows an example."""
    stripped = text.strip()
    if not stripped:
        return None, None
    if kind == "date":
        try:
            day = parse_typed_date(stripped, locale)
        except ValueError:
            return None, Message(ASK_FOR_DATE, {"example": format_typed_date(EXAMPLE_DATE, locale)})
        if day > (today or date.today()):
            return day, N_("This date is in the future. Please check it.")
        return day, None
    if kind == "phone" and not is_valid_phone(stripped):
        return stripped, N_("This phone number does not look complete. "
                            "Check the digits, e.g. (203) 555-0142 or +52 55 1234 5678.")
    if kind == "address" and (problem := zip_problem(stripped)):
        return stripped, problem
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
