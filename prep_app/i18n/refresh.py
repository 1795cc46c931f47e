"""Refresh the catalogs in one step: ``python -m prep_app.i18n.refresh``.

1. extract  prep_app/**.py + resources/content/**.json  -> translations/prep_app.pot
2. update   every translations/<lang>/LC_MESSAGES/prep_app.po from the .pot,
            with the plural rule of the installed Babel (CLDR)
3. compile  each .po -> .mo (committed next to it)
4. report   how many entries are untranslated or fuzzy per language

Options: ``--todo`` prints every untranslated/fuzzy entry (msgid and
location) so a translator can fill them; ``--init LANG`` adds a language;
``--check`` exits 1 when any catalog is incomplete (for CI).
Runs Babel's own command line in-process, so ``prep_app.i18n.extract`` (the
JSON extractor named in ``babel.cfg``) is importable without installing.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from . import DOMAIN

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / f"{DOMAIN}.pot"
KEYWORDS = ["_", "gettext", "ngettext:1,2", "N_", "pgettext:1c,2", "npgettext:1c,2,3",
            "tr", "translate:2", "nt:1,2"]


def pybabel(*args: str) -> None:
    # from the repository root, so babel.cfg's patterns and the .pot's locations
    # are repository paths ("prep_app/outputs/plan.py")
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run(["pybabel", "-q", *args])
    finally:
        os.chdir(here)


def extract(output: Path = POT) -> None:
    keywords = [a for k in KEYWORDS for a in ("-k", k)]
    pybabel("extract", "-F", str(ROOT / "babel.cfg"), *keywords,
            "--add-comments=TRANSLATORS:", "--sort-by-file", "--no-wrap",
            "--project=prep-app", "--copyright-holder=prep-app contributors",
            "--msgid-bugs-address=", "--ignore-dirs=.* _* tests bench packaging build dist translations", "-o", str(output), ".")


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in TRANSLATIONS.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def update() -> None:
    if languages():
        pybabel("update", "-i", str(POT), "-d", str(TRANSLATIONS), "-D", DOMAIN,
                "--no-wrap", "--ignore-obsolete")


def follow_plural_rule(lang: str) -> bool:
    """Give the catalog the plural rule Babel (CLDR) has for the language.
    A newer CLDR can add a category (Spanish and Portuguese gained "many", for
    millions): the first and the last forms keep their texts ("one" comes first
    and "other" last in every rule) and the new forms are left empty, so
    ``--todo`` lists them for a translator.  True when the file changed."""
    path = TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    text = path.read_text("utf-8")
    rule = get_plural(lang)
    header = re.search(r'"Plural-Forms: ([^"\\]*)\\n"', text)
    if header is None or header.group(1).strip() == rule.plural_forms:
        return False
    old = read_po(io.StringIO(text), locale=lang)
    text = text.replace(header.group(0), f'"Plural-Forms: {rule.plural_forms}\\n"')
    catalog = read_po(io.StringIO(text), locale=lang)
    for message in catalog:
        if message.pluralizable and message.id:
            before = list(old[message.id].string or ())
            middle = [""] * (rule.num_plurals - 2)
            message.string = tuple([before[0], *middle, before[-1]])
    with open(path, "wb") as fp:
        write_po(fp, catalog, width=0, ignore_obsolete=True)
    return True


def compile_all() -> None:
    # a .mo is compiled even while entries are missing (they fall back to English);
    # the tests and ``--check`` are what insist on complete catalogs.
    pybabel("compile", "-d", str(TRANSLATIONS), "-D", DOMAIN, )


def todo(lang: str):
    """Entries of one language that still need a translator: (kind, message)."""
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as fp:
        catalog = read_po(fp, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy:
            yield "fuzzy", message
        elif not all(strings):
            yield "untranslated", message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m prep_app.i18n.refresh", description=__doc__.split("\n")[0])
    parser.add_argument("--init", metavar="LANG", help="start a catalog for a new language (e.g. vi)")
    parser.add_argument("--todo", action="store_true", help="print every untranslated or fuzzy entry")
    parser.add_argument("--check", action="store_true", help="exit 1 when a catalog is incomplete")
    args = parser.parse_args(argv)

    extract()
    if args.init and args.init not in languages():
        pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-D", DOMAIN, "-l", args.init, "--no-wrap")
    update()
    for lang in languages():
        follow_plural_rule(lang)
    compile_all()
    incomplete = False
    for lang in languages():
        missing = list(todo(lang))
        incomplete |= bool(missing)
        print(f"{lang}: {len(missing)} to translate"
              + (f" ({sum(k == 'fuzzy' for k, _ in missing)} fuzzy)" if missing else ""))
        if args.todo:
            for kind, m in missing:
                where = ", ".join(f"{f}:{n}" for f, n in m.locations[:2])
                print(f"  [{kind}] {where}\n    msgid {m.id!r}")
    return 1 if (args.check and incomplete) else 0


if __name__ == "__main__":
    sys.exit(main())
