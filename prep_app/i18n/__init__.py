"""Languages, translators and locale-aware formatting.  No Qt here.

Refresh the catalogs after changing any user-visible string (one line, run
from the repository root)::

    python -m prep_app.i18n.refresh

It extracts every marked string (``_``, ``gettext``, ``ngettext``, ``N_``,
``pgettext``... in ``prep_app/`` and the content data in
``resources/content/*.json``) into ``translations/prep_app.pot``, merges it into
every ``translations/<lang>/LC_MESSAGES/prep_app.po``, compiles the ``.mo``
files (committed, so a fresh clone needs no build step) and lists what is still
untranslated or fuzzy.  ``python -m prep_app.i18n.refresh --todo`` prints those
entries in full; ``--init vi`` starts a new language.  Adding a language is
adding its ``.po``: :data:`LANGUAGES` is read from the ``translations/`` folders.

One catalog (domain ``prep_app``) serves the PDFs and the desktop UI.  Each
language has its own :class:`Translator`; nothing calls ``gettext.install()``.
"""
from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, cast

from ..resources import language_codes, translations_dir

if TYPE_CHECKING:       # the window opens in Spanish without loading datetime (4 ms)
    from datetime import date

DOMAIN = "prep_app"
SOURCE_LANGUAGE = "en"


# Babel is imported where it is used: parsing nine locales' CLDR data took
# 80-130 ms, and the window needs only the catalog to open in Spanish.

def _native_name(code: str) -> str:
    """The language named in itself, capitalised: "Español", "Português"."""
    from babel import Locale
    try:
        name = Locale.parse(code).language_name or code
    except Exception:  # an unusual folder name must not stop the app
        return code
    return name[:1].upper() + name[1:]


def _discover() -> dict[str, str]:
    from babel import Locale
    codes = language_codes()
    names = {code: _native_name(code) for code in codes}
    # two regional variants of one language would share a name: say which region
    for code in codes:
        if list(names.values()).count(names[code]) > 1:
            display = Locale.parse(code).display_name or code
            names[code] = display[:1].upper() + display[1:]
    return names


@cache
def _codes() -> tuple[str, ...]:
    return tuple(language_codes())


@cache
def _languages() -> dict[str, str]:
    return _discover()


def __getattr__(name: str) -> dict[str, str]:
    """``LANGUAGES``: the supported languages, each named in itself, English
    first; worked out (with Babel) on first use."""
    if name == "LANGUAGES":
        return _languages()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_language(lang: str) -> str:
    if lang not in _codes():
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(_codes())}")
    return lang


class Translator:
    """gettext for one language, with the code it speaks (``.lang``)."""

    def __init__(self, lang: str, translations: _gettext.NullTranslations):
        self.lang = lang
        self._t = translations

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._t.npgettext(context, singular, plural, n)

    # ``t._("...")`` reads naturally in code that keeps a translator around
    _ = gettext

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"


def _load(lang: str) -> _gettext.NullTranslations:
    messages = translations_dir() / lang / "LC_MESSAGES"
    mo, po = messages / f"{DOMAIN}.mo", messages / f"{DOMAIN}.po"
    if mo.exists():
        with open(mo, "rb") as fp:
            return _gettext.GNUTranslations(fp)
    if po.exists():  # a new language whose .mo is not compiled yet
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
        with open(po, "rb") as fp:
            catalog = read_po(fp, locale=lang)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        return _gettext.GNUTranslations(buf)
    return _gettext.NullTranslations()  # English: the source strings themselves


@cache
def translator(lang: str) -> Translator:
    """The (cached) translator for ``lang``; raises ValueError for an unknown code."""
    check_language(lang)
    if lang == SOURCE_LANGUAGE:
        return Translator(lang, _gettext.NullTranslations())
    return Translator(lang, _load(lang))


# Where CLDR (through Babel) has no data yet: Haitian Creole's long date came
# out as "2026 M06 21" and its lists as "a, b, c" (no "ak") or "a, b, or c".
_MONTHS = {"ht": ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out",
                  "septanm", "oktòb", "novanm", "desanm")}
_LIST_WORDS = {"ht": {"standard": "ak", "or": "oswa"}}


def format_date(d: date, lang: str) -> str:
    """Long form, never ambiguous: "June 21, 2014", "21 de junho de 2014"."""
    check_language(lang)
    if lang in _MONTHS:
        return f"{d.day} {_MONTHS[lang][d.month - 1]} {d.year}"
    from babel.dates import format_date as babel_format_date
    return babel_format_date(d, format="long", locale=lang)


def format_list(items: Iterable[str], lang: str, style: str = "standard") -> str:
    """"A, B and C" / "A, B y C" / "A, B e C"; ``style="or"`` for "A, B or C"."""
    items = [str(i) for i in items]
    if not items:
        return ""
    check_language(lang)
    words = _LIST_WORDS.get(lang)
    if words is not None and style in words:
        return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {words[style]} {items[-1]}"
    from babel.lists import format_list as babel_format_list
    return babel_format_list(items, style=cast(Any, style), locale=lang)


__all__ = ["DOMAIN", "LANGUAGES", "Translator", "check_language", "format_date",
           "format_list", "translator"]
