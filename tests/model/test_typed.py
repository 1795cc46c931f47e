"""What a person types into one field: dates that cannot be misread, gentle problems."""
from datetime import date

import pytest

from prep_app.model.typed import parse_typed_date, read_typed

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize("typed, expected", [
    ("2014-06-21", date(2014, 6, 21)),
    (" 2014-6-1 ", date(2014, 6, 1)),
    ("6/21/2014", date(2014, 6, 21)),     # how a US form writes it
    ("21/6/2014", date(2014, 6, 21)),     # how a Spanish or Portuguese form writes it
    ("3/3/2014", date(2014, 3, 3)),
])
def test_dates_that_cannot_be_misread_are_accepted(typed, expected):
    assert parse_typed_date(typed) == expected


@pytest.mark.parametrize("typed", ["5/3/2014", "2014-13-01", "June 21", "21.06.2014"])
def test_ambiguous_or_unknown_dates_ask_for_year_month_day(typed):
    value, problem = read_typed("date", typed, today=TODAY)
    assert value is None and problem.text() == "Write the date like 2014-06-21."


def test_future_date_is_kept_with_a_question():
    value, problem = read_typed("date", "2030-01-01", today=TODAY)
    assert value == date(2030, 1, 1) and "future" in problem


def test_bad_phone_and_email_are_kept_as_typed_with_a_hint():
    assert read_typed("phone", " 555-12 ") == ("555-12", read_typed("phone", "555-12")[1])
    assert "phone number" in read_typed("phone", "555-12")[1]
    assert read_typed("phone", "(203) 555-0142") == ("(203) 555-0142", None)
    value, problem = read_typed("email", "ana.souza at example")
    assert value == "ana.souza at example" and "email" in problem


def test_empty_is_none_and_long_text_keeps_its_lines():
    assert read_typed("text", "   ") == (None, None)
    assert read_typed("long", "line one\n  line two\n") == ("line one\n  line two\n", None)
