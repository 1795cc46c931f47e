"""Pages that hold together for real families: one school page per child
(a 200-character name, eight pickup adults), signatures on the page of
their terms, no near-empty page, phone numbers whole, cards a hand can
write on, one-language printouts in one language.

Where text sits on a page is read with pypdfium2 (the objects' bounds);
which page holds what, with pypdf's text extraction (conftest.pages)."""
from __future__ import annotations

import re
from functools import cache
from io import BytesIO

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from prep_app.i18n import translator
from prep_app.model import Document
from prep_app.model.people import pickup_list
from prep_app.model.phones import format_phone
from prep_app.model.plan import DOCUMENT_TYPES
from prep_app.outputs import OUTPUTS, render, wallet
from prep_app.outputs.furniture import FOOTER_H, MARGIN, VMARGIN, Ctx, header_height

from .conftest import KIDS, LONG_NAME, TODAY, norm, pages, pdf, squash, stress_long_plan, stress_plan

PAIRS = [("es", "en"), ("pt_BR", "en"), ("es",)]


def tr(lang: str, msgid: str) -> str:
    return translator(lang).gettext(msgid)


@cache
def fills(name: str, plan: str, langs: tuple[str, ...]) -> list[float]:
    """For each page, how far down its body (between header and footer rules)
    something is printed: text, a line to write on, a box; 1.0 is a full page."""
    doc = pdfium.PdfDocument(pdf(name, plan, langs))
    out = []
    for page in doc:
        height = page.get_size()[1]
        top, bottom = height - VMARGIN - header_height(Ctx(list(langs))), VMARGIN + FOOTER_H
        lows = [b[1] for obj in page.get_objects(max_depth=3) for b in [obj.get_bounds()]
                if b[3] <= top + 2 and b[1] >= bottom - 2]
        out.append((top - min(lows)) / (top - bottom) if lows else 0.0)
    return out


@pytest.mark.parametrize("langs", PAIRS)
def test_each_childs_school_page_is_one_page_with_a_long_name_and_eight_pickup_adults(langs):
    plan = stress_long_plan()
    ps = pages("school", "stress_long", langs)
    assert len(ps) == len(KIDS)
    for page, child in zip(ps, plan.children, strict=True):
        flat = squash(page)
        assert squash(child.full_name) in flat
        adults = pickup_list(plan, child)
        assert len(adults) == 8
        positions = [flat.index(squash(p.full_name)) for p in adults]
        assert positions == sorted(positions)          # in call order, all on the page
        assert flat.index(positions and squash(adults[-1].full_name)) < flat.index(
            squash(tr(langs[0], "Parent's signature")))   # the signature under the list it authorizes
    assert squash(LONG_NAME) in squash(ps[0])


def _boxes(name: str, plan: str, langs: tuple[str, ...], page_no: int, text: str,
           loose: bool = False) -> list[tuple]:
    """The boxes of the characters of ``text`` on a page, where it is highest
    (in the page header when it is there); ``loose``: the font's whole height,
    not the glyph's ink."""
    page = pdfium.PdfDocument(pdf(name, plan, langs))[page_no]
    textpage = page.get_textpage()
    search = textpage.search(text, match_case=True)
    found = []
    while (hit := search.get_next()) is not None:
        start, count = hit
        found.append([textpage.get_charbox(i, loose=loose) for i in range(start, start + count)
                      if textpage.get_text_range(i, 1).strip()])
    assert found, text
    return max(found, key=lambda boxes: boxes[0][3])


@pytest.mark.parametrize("langs", PAIRS)
def test_a_long_child_name_is_never_drawn_over_the_page_title(langs):
    title = _boxes("school", "stress_long", langs, 0, tr(langs[0], "Information for the school"))
    name = _boxes("school", "stress_long", langs, 0, "María de los")
    title_right = max(b[2] for b in title)
    title_rows = min(b[1] for b in title), max(b[3] for b in title)
    for left, bottom, _right, top in name:
        side_by_side = left > title_right
        above_or_below = top < title_rows[0] or bottom > title_rows[1]
        assert side_by_side or above_or_below
    loose = _boxes("school", "stress_long", langs, 0, "María de los", loose=True)
    assert min(b[3] - b[1] for b in loose) >= 7.5    # readable type (8 pt), not squeezed to nothing


SIGNATURES = ["Signature of principal", "Signature of standby guardian", "Signature of the other parent",
              "Parent's signature"]


@pytest.mark.parametrize("plan", ["sample", "stress_long", "blank"])
@pytest.mark.parametrize("langs", PAIRS[:2])
def test_no_signature_line_is_on_a_different_page_from_its_terms(plan, langs):
    ps = pages("guardian", plan, langs)
    signed = 0
    for page in ps:
        flat = squash(page)
        if squash("Signature of principal") in flat:      # a designation: its terms, signature, two witnesses
            assert squash("do hereby appoint") in flat
            assert squash("This designation is made after careful reflection") in flat
            assert flat.count(squash("Witness signature")) == 2
            signed += 1
        if squash("Signature of standby guardian") in flat:
            assert squash("THAT the specified contingency has occurred.") in flat
            assert squash("as principal, did on") in flat
            assert flat.count(squash("Witness signature")) == 2
            signed += 1
        if squash("Signature of the other parent") in flat:
            assert squash("I consent to the designation") in flat
        if squash("Parent's signature") in flat:        # the care letter and each school's letter
            assert squash("the parent or parents who sign below allow") in flat.lower()
    assert signed >= 3


@pytest.mark.parametrize("langs", PAIRS)
@pytest.mark.parametrize("plan", ["sample", "stress_long", "blank"])
@pytest.mark.parametrize("name", OUTPUTS)
def test_no_page_is_near_empty_but_the_last(name, plan, langs):
    """Every page but an output's last holds at least a quarter of its height
    (the four lines of a law note, a locator card, the rest of a child's
    page never get a page of their own)."""
    body = fills(name, plan, langs)
    near_empty = [(n, round(fill, 2)) for n, fill in enumerate(body[:-1], 1) if fill < 0.25]
    assert not near_empty, f"(page, how full) of {len(body)} pages"


@pytest.mark.parametrize("langs", PAIRS)
def test_a_record_that_crosses_a_page_starts_the_next_page_with_its_name_continued(langs):
    """A parent with every kind of document: their list in the checklist runs
    over a page, and the next page says whose documents these are."""
    plan = stress_plan()
    plan.documents += [Document(type=t, person="p1", status="need", original_location="Red folder")
                       for t in DOCUMENT_TYPES]
    ps = [squash(norm(p.extract_text()))
          for p in PdfReader(BytesIO(render("checklist", plan, list(langs), today=TODAY))).pages]
    mark = squash(" / ".join(dict.fromkeys(tr(lang, "(continued)") for lang in langs)))
    names = [squash(p.full_name) for p in (*plan.parents, *plan.children)]
    continued = [(n, name) for n, page in enumerate(ps) for name in names if page.startswith(name + mark)]
    assert continued
    for n, name in continued:
        assert name in ps[n - 1]        # the record did start on the page before


def _lines_of(data: bytes, needle: str) -> tuple[int, list[int]]:
    """How many times ``needle`` is printed (lines joined), and for each time
    it is found unbroken, on how many lines its characters sit."""
    whole, unbroken = 0, []
    for page in pdfium.PdfDocument(data):
        textpage = page.get_textpage()
        text = textpage.get_text_range().replace("\xa0", " ")
        whole += squash(text).count(squash(needle))
        for m in re.finditer(re.escape(needle), text):
            baselines = {round(textpage.get_charbox(i, loose=True)[1]) for i in range(m.start(), m.end())
                         if text[i] != " "}
            unbroken.append(len(baselines))
    return whole, unbroken


@pytest.mark.parametrize("name", ["plan", "guardian", "school"])
def test_a_phone_number_is_always_on_one_line(name):
    plan = stress_long_plan()
    phones = {format_phone(p.phone) for p in (*plan.parents, *plan.contacts, *plan.guardians) if p.phone}
    phones |= {format_phone(c.other_parent.phone) for c in plan.children if c.other_parent.phone}
    assert "+593 99 123 4567" in phones
    for langs in PAIRS:
        data = pdf(name, "stress_long", langs)
        for phone in phones:
            whole, unbroken = _lines_of(data, phone)
            assert len(unbroken) == whole, (phone, langs)      # never split over two lines
            assert all(n == 1 for n in unbroken), (phone, langs)


@pytest.mark.parametrize("langs", PAIRS)
def test_blank_wallet_cards_have_lines_a_hand_can_write_on(langs):
    """The blank cards' writing lines are at least 7 mm apart, and the
    call list's five lines use the card rather than its top third."""
    page = pdfium.PdfDocument(pdf("wallet", "blank", langs))[0]
    inner = wallet.CARD_W - 2 * wallet.PAD
    rules = [obj.get_bounds() for obj in page.get_objects(max_depth=3) if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH]
    writing = [b for b in rules if b[3] - b[1] < 1.5 and 40 < b[2] - b[0] <= inner + 1]
    columns: dict[int, list[float]] = {}
    for _left, bottom, right, _top in writing:
        columns.setdefault(round(right), []).append(bottom)
    assert len(columns) == 2                                  # the two columns of cards
    for ys in columns.values():
        ys.sort(reverse=True)
        gaps = [a - b for a, b in zip(ys, ys[1:], strict=False)]
        assert ys and min(gaps) >= 7 * mm, [round(g / mm, 1) for g in gaps]
    # the first card (whom to call): its five lines reach its lower part
    top_of_sheet = max(b[3] for b in rules if abs(b[2] - b[0] - 2 * wallet.CARD_W) < 2)    # the top cut line
    calls = sorted(b[1] for b in writing if b[1] > top_of_sheet - wallet.CARD_H)
    assert len(calls) >= 5 * 2 and top_of_sheet - min(calls) > 0.75 * wallet.CARD_H


def test_the_blank_binder_has_room_for_four_children():
    flat = squash(" ".join(pages("plan", "blank", ("es", "en"))))
    assert flat.count(squash(f"{tr('es', 'Child')} / Child")) >= 4


def _gap_under_title(data: bytes) -> float:
    """The empty height between the lowest line of the page header (the
    titles) and the rule under it, on the first page."""
    page = pdfium.PdfDocument(data)[0]
    width = page.get_size()[0]
    objects = [(obj.type, obj.get_bounds()) for obj in page.get_objects(max_depth=3)]
    rule = max(b[1] for kind, b in objects
               if kind == pdfium_c.FPDF_PAGEOBJ_PATH and b[2] - b[0] > width - 2 * MARGIN - 2)
    header = [b[1] for kind, b in objects if kind == pdfium_c.FPDF_PAGEOBJ_TEXT and b[1] > rule]
    return min(header) - rule


@pytest.mark.parametrize("name", OUTPUTS)
def test_one_language_output_has_no_empty_line_under_its_title(name):
    gap = _gap_under_title(pdf(name, "sample", ("es",)))
    assert gap < _gap_under_title(pdf(name, "sample", ("es", "en"))) + 2
    assert gap < 12


ENGLISH_LABELS = ["Student", "School phone", "Who may pick up this child, in order", "Never release the child to",
                  "Health", "Parents", "Parent's signature", "Date of birth", "Relationship", "Allergies",
                  "(continued)"]


@pytest.mark.parametrize("plan", ["sample", "stress_long", "blank"])
def test_a_spanish_only_school_page_has_no_english_label(plan):
    for page in pages("school", plan, ("es",)):
        for label in ENGLISH_LABELS:
            assert tr("es", label) != label
            assert not re.search(rf"(?<!\w){re.escape(label)}(?!\w)", page), label


@pytest.mark.parametrize("name", ["plan", "guardian", "school"])
def test_column_headers_are_never_cut_inside_a_word(name):
    """A narrow column is as wide as its header's longest word in either
    language: Portuguese "Ordem" was printed "Orde" over "m"."""
    text = "\n".join(pages(name, "stress_long", ("pt_BR", "en")))
    assert re.search(r"(?<!\w)Ordem(?!\w)", text)
    for word in ("Parentesco", "Relationship", "Telefone"):
        assert re.search(rf"(?<!\w){word}(?!\w)", text), word


def test_a_school_page_too_full_to_shrink_goes_on_a_marked_second_page_with_the_signature():
    """Three 600-character health notes do not fit one page even shrunk: the
    second page names the child, says "(continued)" and has the signature again."""
    plan = stress_long_plan()
    child = plan.children[0]
    child.medications = child.medical_conditions = child.allergies
    plan.children = [child]
    ps = [squash(norm(p.extract_text()))
          for p in PdfReader(BytesIO(render("school", plan, ["es", "en"], today=TODAY))).pages]
    assert len(ps) == 2
    first, second = ps
    assert squash(pickup_list(plan, child)[-1].full_name) in first       # the list with its signature
    assert squash(LONG_NAME + " " + tr("es", "(continued)")) in second
    for page in ps:
        assert squash(tr("es", "Parent's signature")) in page
