"""Countries of birth as ISO 3166 codes, named through Babel's CLDR data.

The ICE Online Detainee Locator picks the country of birth from an English
list, so the locator card prints the English name beside the family's own.
"""
from __future__ import annotations

import unicodedata
from functools import cache

from babel import Locale

# CLDR territories that are not countries of birth (continents, groupings,
# reserved codes, uninhabited islands)
_NOT_COUNTRIES = {"AC", "AQ", "BV", "CP", "CQ", "DG", "EA", "EU", "EZ", "HM", "IC", "QO", "TA",
                  "UM", "UN", "XA", "XB", "ZZ"}
# languages whose country names are tried when reading a typed country
_READ_LANGUAGES = ("en", "es", "pt", "pt_PT", "fr", "ht", "pl", "vi", "ar", "zh")


@cache
def country_codes() -> tuple[str, ...]:
    return tuple(code for code in Locale("en").territories
                 if isinstance(code, str) and len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)


# CLDR has no country names in Haitian Creole: French ones are the nearest a
# Haitian family reads (Brésil, Mexique), rather than a bare code ("BR")
NAMES_FALLBACK = {"ht": ("fr",)}


def country_name(code: str | None, lang: str = "en") -> str | None:
    """"Brazil" (en), "Brasil" (pt_BR); None for an unknown code."""
    if not code:
        return None
    for language in (lang, *NAMES_FALLBACK.get(lang, ()), "en"):
        try:
            name = Locale.parse(language).territories.get(code)
        except (ValueError, LookupError):
            continue
        if name:
            return name
    return None


def choose_birth_country(parent, code: str | None) -> None:
    """Set a parent's country of birth from the list.  The typed text becomes
    the English name: what the detainee locator lists, and what an older
    prep-app or another tool reading ``country_of_birth`` shows."""
    parent.birth_country = code
    parent.country_of_birth = country_name(code, "en")


def birth_country_in(parent, lang: str) -> str | None:
    """The parent's country of birth in *lang*, or as typed when no country
    was picked from the list."""
    return country_name(parent.birth_country, lang) or parent.country_of_birth


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for lang in _READ_LANGUAGES:
        try:
            names = Locale.parse(lang).territories
        except (ValueError, LookupError):
            continue
        for code in country_codes():
            if code in names:
                index.setdefault(_fold(names[code]), code)
    for code in country_codes():
        index.setdefault(_fold(code), code)
    return index


def country_code(text: str | None) -> str | None:
    """The code of a country typed in any of several languages ("Brasil",
    "Viet Nam", "méxico", "BR"); None when it names no country."""
    if not text:
        return None
    return _index().get(_fold(text))
