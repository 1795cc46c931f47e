"""Every name prints: the stress family written in Arabic, Chinese, Korean,
Japanese kana, Hebrew, Greek, Cyrillic, Vietnamese, Polish and Haitian
Creole (conftest.scripts_plan), rendered in two language pairs and alone.

Right-to-left names are checked through the text pypdf extracts: it gives
each right-to-left word's letters in logical order and the words in the order
they stand on the line, left to right, so a name printed in reading order
extracts with its right-to-left words turned round ("فاطمة الزهراء" as
"الزهراء فاطمة"); joined Arabic letters extract as the presentation forms
the font drew, which NFKC folds back to the letters typed."""
from __future__ import annotations

import unicodedata
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile

from prep_app.model import check
from prep_app.model.printable import PLACEHOLDER, font_ranges, unprintable_fields
from prep_app.outputs import OUTPUTS, render
from prep_app.outputs.fonts import visual_runs
from prep_app.resources import resource_path

from .conftest import (
    EMOJI_NOTE,
    SCRIPT_CONTACTS,
    SCRIPT_FAMILY,
    SCRIPT_GUARDIANS,
    SCRIPT_KIDS,
    SCRIPT_NAMES,
    TODAY,
    norm,
    pdf,
    scripts_plan,
    text,
)

LANGS = [("es", "en"), ("pt_BR", "en"), ("en",)]
NAMES_IN = {
    "plan": SCRIPT_NAMES,
    "school": SCRIPT_KIDS,
    "guardian": SCRIPT_KIDS[:2] + SCRIPT_GUARDIANS,     # the children who can be designated, their guardians
    "wallet": SCRIPT_CONTACTS + SCRIPT_GUARDIANS[:1],   # the people to call, the standby guardian
    "checklist": SCRIPT_GUARDIANS[:1],                  # who holds the copies
}


def _rtl(word: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in word)


def as_extracted(name: str) -> str:
    """*name* as pypdf reads it back when printed in reading order: each run
    of right-to-left words in the opposite order (see the module docstring)."""
    words, out = name.split(), []
    while words:
        run = [words.pop(0)]
        while _rtl(run[0]) and words and _rtl(words[0]):
            run.append(words.pop(0))
        out += reversed(run) if _rtl(run[0]) else run
    return " ".join(out)


def folded(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


@pytest.mark.parametrize("langs", LANGS)
@pytest.mark.parametrize("name", OUTPUTS)
def test_every_name_prints_whole_in_every_script(name, langs):
    body = folded(text(name, "scripts", langs))
    for person in NAMES_IN[name]:
        assert as_extracted(person) in body, person


def test_arabic_letters_print_joined():
    """فاطمة drawn with its initial, medial and final forms, not five isolated letters."""
    body = text("plan", "scripts", ("es", "en"))
    assert "\ufed3\ufe8e\ufec3\ufee4\ufe94" in body            # ﻓﺎﻃﻤﺔ


def _fonts_drawing(data: bytes, wanted) -> set[str]:
    """The fonts every page draws the characters ``wanted(char)`` with (pypdf's text visitor)."""
    used: set[str] = set()
    for page in PdfReader(BytesIO(data)).pages:
        def visit(chunk, _cm, _tm, font, _size):
            if font is not None and any(wanted(c) for c in chunk):
                used.add(str(font["/BaseFont"]).split("+")[-1])
        page.extract_text(visitor_text=visit)
    return used


SCRIPTS = {   # the characters of a script, the fonts that may draw them
    "Arabic": (lambda c: "\u0600" <= c <= "\u06ff" or "\ufb50" <= c <= "\ufeff",
               {"NotoSansArabic-Regular", "NotoSansArabic-Bold"}),
    "Hebrew": (lambda c: "\u0590" <= c <= "\u05ff", {"NotoSansHebrew-Regular", "NotoSansHebrew-Bold"}),
    "CJK": (lambda c: "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7a3", {"WenQuanYiMicroHei"}),
}


@pytest.mark.parametrize("name", OUTPUTS)
def test_names_are_drawn_with_the_font_of_their_script(name):
    """In fields, tables, headings and the sentences of the legal forms alike:
    never an Arabic name unjoined in the Latin font, never a Chinese one as boxes."""
    data = pdf(name, "scripts", ("es", "en"))
    for script, (wanted, fonts) in SCRIPTS.items():
        used = _fonts_drawing(data, wanted)
        assert used <= fonts, (script, used)
        assert used or name != "plan", script          # the binder has a name in every script
    assert _fonts_drawing(data, lambda c: c == "\x00") == set()       # no character without a glyph


@pytest.mark.parametrize("name", OUTPUTS)
def test_a_chinese_name_in_the_page_header_prints_on_every_page(name):
    """The header names the family (the child, on the school's pages) on every
    page, its Chinese characters drawn by the CJK font, never as empty boxes."""
    reader = PdfReader(BytesIO(pdf(name, "scripts", ("es", "en"))))
    with_chinese = []
    for page in reader.pages:
        top = float(page.mediabox.top) - 80          # the header band
        header: list[tuple[str, str]] = []

        def visit(chunk, cm, tm, font, _size, header=header, top=top):
            if font is not None and tm[5] * cm[3] + cm[5] > top:
                header.append((str(font["/BaseFont"]).split("+")[-1], chunk))
        page.extract_text(visitor_text=visit)
        if "王" in "".join(chunk for _, chunk in header):
            with_chinese.append({font for font, chunk in header if "王" in chunk})
            assert ("王小明" if name == "school" else SCRIPT_FAMILY) in norm(" ".join(chunk for _, chunk in header))
    expected = 1 if name == "school" else len(reader.pages)      # the school: 王小明's page
    assert with_chinese == [{"WenQuanYiMicroHei"}] * expected


@pytest.mark.parametrize("name", OUTPUTS)
def test_every_font_is_embedded(name):
    reader = PdfReader(BytesIO(pdf(name, "scripts", ("es", "en"))))
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font["/FontDescriptor"]
            assert "/FontFile2" in desc.get_object(), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSansCondensed", "WenQuanYiMicroHei"} <= seen


def test_an_emoji_prints_as_the_placeholder_and_the_review_names_its_field():
    plan = scripts_plan()
    body = text("plan", "scripts", ("es", "en"))
    assert EMOJI_NOTE.replace("🧸", PLACEHOLDER).replace("🦖", PLACEHOLDER) in body
    assert unprintable_fields(plan) == [("children[1].comfort_notes", "🧸🦖")]
    found = [f for f in check(plan, TODAY) if f.code == "unprintable_characters"]
    assert [(f.level, f.path) for f in found] == [("warning", "children[1].comfort_notes")]
    assert "🧸 🦖" in found[0].text() and PLACEHOLDER in found[0].text()


def test_an_emoji_family_is_one_placeholder_and_the_text_around_it_stays():
    plan = scripts_plan()
    plan.household.notes = "Us 👨‍👩‍👧 at home"
    body = norm(" ".join(p.extract_text() for p in PdfReader(BytesIO(render("plan", plan, ["en"], today=TODAY))).pages))
    assert f"Us {PLACEHOLDER} at home" in body


def test_the_coverage_table_is_the_fonts_own():
    """coverage.json, which the review and the font choice read, lists exactly
    what each bundled font has: a font swapped without remaking the table fails here."""
    for name, (starts, ends) in font_ranges().items():
        listed = {c for lo, hi in zip(starts, ends, strict=True) for c in range(lo, hi + 1)}
        cmap = TTFontFile(str(resource_path("fonts", name))).charToGlyph
        assert listed == {c for c, glyph in cmap.items() if glyph}, name


@pytest.mark.parametrize("name, drawn", [
    ("محمد (علي)", "(ﻲﻠﻋ) ﺪﻤﺤﻣ"),              # read from the right: محمد (علي)
    ("Fatima (الزهراء)", "Fatima (ءاﺮﻫﺰﻟا)"),
    ("الزهراء (Fatima)", "(Fatima) ءاﺮﻫﺰﻟا"),
    ("Fatima الزهراء (Aunt)", "Fatima ءاﺮﻫﺰﻟا (Aunt)"),
])
def test_brackets_in_right_to_left_text_open_towards_their_words(name, drawn):
    """What the page draws, left to right: Arabic letters reversed into
    reading order, and every bracket still opening towards what it encloses."""
    assert "".join(run for _, run in visual_runs(name)) == drawn
