"""The catalogs: complete, compiled, with the right plural rules, and the
locale helpers (long dates, lists) of prep_app.i18n."""
from __future__ import annotations

import builtins
import gettext
import io
import re
from datetime import date

import pytest
from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from prep_app.i18n import LANGUAGES, format_date, format_list, refresh, translator
from prep_app.resources import translations_dir

PO_LANGS = [lang for lang in LANGUAGES if lang != "en"]


def _po(lang):
    with open(translations_dir() / lang / "LC_MESSAGES" / "prep_app.po", "rb") as fp:
        return read_po(fp, locale=lang)


def test_languages_are_discovered_and_named_in_themselves():
    assert LANGUAGES == {"en": "English", "ar": "العربية", "es": "Español", "fr": "Français", "ht": "Kreyòl Ayisyen",
                         "pl": "Polski", "pt_BR": "Português", "vi": "Tiếng Việt", "zh_Hans": "中文"}


@pytest.mark.parametrize("lang", PO_LANGS)
def test_catalog_is_complete_no_untranslated_no_fuzzy(lang):
    missing = [m.id for m in _po(lang) if m.id and (
        m.fuzzy or not (all(m.string) if isinstance(m.string, (list, tuple)) else m.string))]
    assert not missing, (f"{lang}: {len(missing)} entries need a translation; run "
                         f"`python -m prep_app.i18n.refresh --todo`: {missing[:5]}")


@pytest.mark.parametrize("lang", PO_LANGS)
def test_mo_is_compiled_from_the_current_po(lang):
    buf = io.BytesIO()
    write_mo(buf, _po(lang))
    buf.seek(0)
    fresh = gettext.GNUTranslations(buf)._catalog
    with open(translations_dir() / lang / "LC_MESSAGES" / "prep_app.mo", "rb") as fp:
        committed = gettext.GNUTranslations(fp)._catalog
    # the header ("" entry) names the Babel version that compiled it: a newer
    # Babel on a fresh machine is not a stale catalog
    committed.pop("", None)
    fresh.pop("", None)
    assert committed == fresh, f"run `python -m prep_app.i18n.refresh` ({lang}.mo is stale)"


def test_every_marked_string_in_the_code_is_in_the_catalogs(tmp_path):
    pot = tmp_path / "fresh.pot"
    refresh.extract(pot)
    with open(pot, "rb") as fp:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}
    for lang in PO_LANGS:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in _po(lang) if m.id}
        assert wanted <= have, f"{lang} lacks {sorted(wanted - have)[:5]}: run the refresh command"


@pytest.mark.parametrize("lang", PO_LANGS)
def test_placeholders_survive_translation(lang):
    field = re.compile(r"\{[a-z_]*\}")
    for m in _po(lang):
        if not m.id or m.fuzzy:  # fuzzy entries are reported by the completeness test
            continue
        ids = m.id if isinstance(m.id, (list, tuple)) else [m.id]
        strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
        wanted = set(field.findall(ids[-1]))
        for s in strings:
            if not s:
                continue
            found = set(field.findall(s))
            if len(ids) > 1:    # a plural form may leave out the count itself (Arabic "no children")
                assert found - {"{n}"} == wanted - {"{n}"} and found <= wanted, (m.id, s)
            else:
                assert found == wanted, (m.id, s)


@pytest.mark.parametrize("lang", PO_LANGS)
def test_plural_forms_header_follows_babel(lang):
    catalog = _po(lang)
    assert catalog.plural_forms == get_plural(lang).plural_forms


@pytest.mark.parametrize("lang,n", [(lang, n) for lang in ("es", "pt_BR") for n in (0, 1, 2, 5)])
def test_plurals_follow_the_language_rule(lang, n):
    """pt_BR says '0 criança' (n > 1 is plural); Spanish says '0 niños'."""
    t = translator(lang)
    text = t.ngettext("{n} child", "{n} children", n).format(n=n)
    singular = Locale.parse(lang).plural_form(n) == "one"
    expected = {"es": ("{n} niño", "{n} niños"), "pt_BR": ("{n} criança", "{n} crianças")}[lang]
    assert text == expected[0 if singular else 1].format(n=n)


def test_pt_br_zero_is_singular_spanish_zero_is_plural():
    assert translator("pt_BR").ngettext("{n} child", "{n} children", 0) == "{n} criança"
    assert translator("es").ngettext("{n} child", "{n} children", 0) == "{n} niños"
    assert translator("en").ngettext("{n} child", "{n} children", 1) == "{n} child"


def test_long_dates():
    d = date(2014, 6, 21)
    assert format_date(d, "en") == "June 21, 2014"
    assert format_date(d, "es") == "21 de junio de 2014"
    assert format_date(d, "pt_BR") == "21 de junho de 2014"


def test_lists():
    assert format_list(["A", "B", "C"], "pt_BR") == "A, B e C"
    assert format_list(["A", "B", "C"], "es") == "A, B y C"
    assert format_list(["A", "B", "C"], "en") == "A, B, and C"
    assert format_list([], "en") == ""


def test_translators_are_cached_per_language_and_never_installed():
    assert translator("es") is translator("es")
    assert translator("es").lang == "es"
    assert translator("es").gettext("Yes") == "Sí"
    assert translator("pt_BR").gettext("Yes") == "Sim"
    assert translator("en").gettext("Yes") == "Yes"
    assert not hasattr(builtins, "_")      # gettext.install() would have put one there


@pytest.mark.parametrize("bad", ["xx", "EN", "", "pt-BR"])
def test_unknown_language_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="unknown language"):
        translator(bad)
    with pytest.raises(ValueError, match="unknown language"):
        format_date(date(2020, 1, 1), bad)


def test_haitian_creole_dates_and_lists_read_as_creole():
    """CLDR has no Haitian Creole long date or list words: Babel gave
    "2025 M06 21" and "a, b, or c" on the papers."""
    from datetime import date
    assert format_date(date(2025, 6, 21), "ht") == "21 jen 2025"
    assert format_list(["arete", "depòte", "mouri"], "ht", style="or") == "arete, depòte oswa mouri"
    assert format_list(["Ana", "Rosa"], "ht") == "Ana ak Rosa"
    assert format_list(["Ana"], "ht") == "Ana"
