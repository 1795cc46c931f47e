"""The catalog refresh a contributor runs after changing a text: it finds
what a translator still has to do, and adopts the plural rule Babel knows."""
from __future__ import annotations

import re
import shutil

import pytest
from babel.messages.pofile import read_po, write_po

from prep_app.i18n import refresh


@pytest.fixture
def catalogs(tmp_path, monkeypatch):
    """A copy of translations/ for the refresh to work on."""
    copy = tmp_path / "translations"
    shutil.copytree(refresh.TRANSLATIONS, copy)
    pot = copy / refresh.POT.name
    extract = refresh.extract
    monkeypatch.setattr(refresh, "TRANSLATIONS", copy)
    monkeypatch.setattr(refresh, "POT", pot)
    monkeypatch.setattr(refresh, "extract", lambda output=pot: extract(output))
    return copy


def forget_translation(catalogs, lang: str, msgid: str) -> None:
    path = catalogs / lang / "LC_MESSAGES" / f"{refresh.DOMAIN}.po"
    with open(path, "rb") as fp:
        catalog = read_po(fp, locale=lang)
    catalog[msgid].string = ""
    with open(path, "wb") as fp:
        write_po(fp, catalog, width=0)


def test_check_passes_on_complete_catalogs_and_lists_a_missing_translation(catalogs, capsys):
    assert refresh.main(["--check"]) == 0
    forget_translation(catalogs, "es", "Unlock")
    assert refresh.main(["--check", "--todo"]) == 1
    said = capsys.readouterr().out
    assert "es: 1 to translate" in said and "msgid 'Unlock'" in said and "pt_BR: 0 to translate" in said
    assert (catalogs / "es" / "LC_MESSAGES" / f"{refresh.DOMAIN}.mo").exists()


def test_an_old_plural_rule_is_replaced_and_the_new_form_left_for_a_translator(catalogs, capsys):
    path = catalogs / "es" / "LC_MESSAGES" / f"{refresh.DOMAIN}.po"
    text = path.read_text("utf-8")
    old_rule = 'Plural-Forms: nplurals=2; plural=(n != 1);'
    path.write_text(re.sub(r'Plural-Forms: [^"\\]*', old_rule, text, count=1), "utf-8")
    with open(path, "rb") as fp:   # two forms, as an older catalog had them
        catalog = read_po(fp, locale="es")
    for m in catalog:
        if m.pluralizable and m.id:
            m.string = (m.string[0], m.string[-1])
    with open(path, "wb") as fp:
        write_po(fp, catalog, width=0)
    refresh.main([])
    text = path.read_text("utf-8")
    assert old_rule not in text and "nplurals=3" in text
    assert "es: 0 to translate" not in capsys.readouterr().out       # the new "many" forms wait for a translator
