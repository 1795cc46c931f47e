"""Dates typed in the order the family's language writes them, and ZIP codes
that lost a digit (issue 10)."""
from datetime import date

import pytest

from prep_app.i18n import LANGUAGES
from prep_app.model.typed import format_typed_date, parse_typed_date, read_typed

TODAY = date(2026, 11, 21)


def test_spanish_date_typed_day_first_is_read_as_that_day():
    assert read_typed("date", "15/03/2016", today=TODAY, locale="es") == (date(2016, 3, 15), None)
    assert read_typed("date", "5/3/2016", today=TODAY, locale="pt_BR") == (date(2016, 3, 5), None)


def test_english_date_typed_month_first_is_read_as_that_day():
    assert read_typed("date", "03/15/2016", today=TODAY, locale="en") == (date(2016, 3, 15), None)
    assert read_typed("date", "5/3/2016", today=TODAY, locale="en") == (date(2016, 5, 3), None)


@pytest.mark.parametrize("locale", ["en", "es", "pt_BR"])
def test_year_month_day_is_read_in_every_language(locale):
    assert parse_typed_date("2016-03-15", locale) == date(2016, 3, 15)


@pytest.mark.parametrize("locale, shown", [("en", "03/15/2016"), ("es", "15/03/2016"), ("pt_BR", "15/03/2016")])
def test_a_date_is_shown_in_the_languages_order_and_read_back(locale, shown):
    assert format_typed_date(date(2016, 3, 15), locale) == shown
    assert parse_typed_date(shown, locale) == date(2016, 3, 15)


@pytest.mark.parametrize("typed", ["31/02/2016", "15/03", "15 de marzo", "15/03/2016/1"])
def test_what_is_not_a_date_asks_for_one_written_like_the_example(typed):
    value, problem = read_typed("date", typed, today=TODAY, locale="es")
    assert value is None
    assert problem.text() == "Write the date like 21/06/2014."


def test_an_address_with_a_four_digit_zip_is_questioned():
    value, problem = read_typed("address", "41 Elm Street, Danbury, CT 6810")
    assert value == "41 Elm Street, Danbury, CT 6810"
    assert problem is not None and "five digits" in problem


@pytest.mark.parametrize("address", ["41 Elm Street, Danbury, CT 06810", "41 Elm Street, Danbury, CT 06810-1234",
                                     "12 Oak Ave, Apt 1234", "Carrera 7 # 12-34, Bogotá DC 110111"])
def test_an_address_without_a_short_zip_is_accepted(address):
    assert read_typed("address", address) == (address, None)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_a_date_shown_in_any_language_reads_back_as_the_same_date(lang):
    shown = format_typed_date(date(1986, 3, 14), lang)
    assert "\u200f" not in shown and "\u200e" not in shown      # no invisible marks in a text field
    assert parse_typed_date(shown, lang) == date(1986, 3, 14)


def test_arabic_indic_digits_are_read_as_digits():
    assert parse_typed_date("١٤/٠٣/١٩٨٦", "ar") == date(1986, 3, 14)
