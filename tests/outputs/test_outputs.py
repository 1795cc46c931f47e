"""What must and must never be on each printout, read back with pypdf."""
from __future__ import annotations

import os
from io import BytesIO

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from prep_app.i18n import format_date, translator
from prep_app.model import Plan, check
from prep_app.outputs import OUTPUTS, render, render_all
from prep_app.resources import translations_dir

from .conftest import (
    CONTACTS,
    KIDS,
    LONG_NOTE,
    TODAY,
    is_instrument_page,
    pages,
    pdf,
    sample_plan,
    squash,
    stress_plan,
    text,
)

PAIRS = [("en", "es"), ("pt_BR", "en"), ("es", "pt_BR")]
TITLES = {"plan": "Family preparedness plan", "guardian": "Standby guardian packet",
          "school": "Information for the school", "wallet": "Wallet cards",
          "checklist": "Document checklist"}


def tr(lang, s):
    return translator(lang).gettext(s)


@pytest.mark.parametrize("langs", PAIRS)
@pytest.mark.parametrize("name", OUTPUTS)
def test_every_page_has_both_titles_dates_page_numbers_and_notice(name, langs):
    ps = pages(name, "stress", langs)
    review = TODAY.replace(year=TODAY.year + 1)
    for n, page in enumerate(ps, 1):
        if is_instrument_page(page, langs):
            continue  # a legal instrument has its own footer (tests/outputs/test_guardian.py)
        for lang in langs:
            assert tr(lang, TITLES[name]) in page
            assert tr(lang, "Prepared on {date}").format(date=format_date(TODAY, lang)) in page
            assert tr(lang, "Review by {date}").format(date=format_date(review, lang)) in page
            assert tr(lang, "Page {n} of {total}").format(n=n, total=len(ps)) in page
            assert tr(lang, "This is information, not legal advice.") in page


@pytest.mark.parametrize("langs", PAIRS[:2])
@pytest.mark.parametrize("name,labels", [
    ("plan", ["People to call, in order", "Where every document is", "Things to fix or check"]),
    ("guardian", ["Designation of standby guardian", "The first 72 hours", "Parent locator card"]),
    ("school", ["Who may pick up this child, in order", "Never release the child to", "Allergies"]),
    ("wallet", ["Whom to call, in this order", "Know your rights", "Lawyer"]),
    ("checklist", ["Where the original is", "Who has a copy", "Have it"]),
])
def test_labels_in_both_languages(name, labels, langs):
    body = squash(text(name, "stress", langs))
    for label in labels:
        for lang in langs:
            assert squash(tr(lang, label)) in body, (lang, label)


@pytest.mark.parametrize("langs", PAIRS[:2])
def test_binder_has_every_person_and_the_whole_long_note(langs):
    body = squash(text("plan", "stress", langs))
    for name in KIDS + CONTACTS + ["João Gonçalves", "Nguyễn Thị Lan", "Marco Pereira"]:
        assert squash(name) in body, name
    assert squash(LONG_NOTE) in body
    assert squash("A-987-654-321") in body and squash("Credit union account 4471") in body


@pytest.mark.parametrize("langs", PAIRS[:2])
def test_binder_first_page_shows_the_plan_warnings(langs):
    first = squash(pages("plan", "stress", langs)[0])
    plan = stress_plan()
    findings = check(plan, today=TODAY)
    assert findings
    for f in findings[:3]:
        for lang in langs:
            assert squash(f.text(translator(lang).gettext)) in first


def test_plan_without_guardians_renders_with_its_warning():
    plan = sample_plan()
    plan.guardians = []
    body = squash(text_of(render("plan", plan, ["es", "en"], today=TODAY)))
    assert squash(tr("es", "No guardian is named yet. Name at least one adult who would care for the children.")) in body
    for name in OUTPUTS:
        assert render(name, plan, ["pt_BR"], today=TODAY).startswith(b"%PDF")


def text_of(data: bytes) -> str:
    from .conftest import norm
    return " ".join(norm(p.extract_text()) for p in PdfReader(BytesIO(data)).pages)


@pytest.mark.parametrize("langs", PAIRS[:2])
def test_guardian_packet_cites_the_statute_and_has_every_element(langs):
    body = squash(text("guardian", "stress", langs))
    for cite in ("45a-624", "§45a-624a", "§45a-624b", "§45a-624c", "§45a-624d", "§45a-624e"):
        assert squash(cite) in body
    for must in ["987654321", "Guatemala", "Laura Méndez", "(860) 555-0199", "Consulado General de Guatemala",
                 "Ana Souza", "12 Oak Ave, Danbury, CT 06811", "locator.ice.gov",
                 *KIDS, LONG_NOTE, "Red folder in the hall closet"]:
        assert squash(must) in body, must
    for lang in langs:
        for label in ["Witness signature", "Number and street", "City, state and zip code", "Parent's signature",
                      "Signature of principal", "Signature of standby guardian", "Read this first",
                      "Permission for medical care and school", "Letter for the school"]:
            assert squash(tr(lang, label)) in body, (lang, label)
    assert squash("Credit union") not in body and "4471" not in body  # no finances


SCHOOL_NEVER = ["A-987-654-321", "A-111-222-333", "Guatemala", "Viet Nam", "Laura Méndez", "Hartford Immigrant",
                "(860) 555-0199", "Consulado General", "(860) 555-0101", "Credit union", "Landlord",
                "Red folder in the hall closet", "Safe deposit box", "Attorney Vault Room", "45a-624"]
SCHOOL_NEVER_LABELS = ["A-number", "Country of birth", "U.S. citizen", "Has a U.S. passport", "Lawyer",
                       "Consulate", "Immigration papers", "Where the original is", "Money and home",
                       "Form G-28 signed"]
WALLET_NEVER = ["A-987-654-321", "A-111-222-333", "41 Elm Street", "12 Oak Ave", "Example Plaza",
                "EpiPen", "levetiracetam", "Albuterol", "Asthma", "Diabetes"]


@pytest.mark.parametrize("langs", PAIRS)
def test_school_pages_never_show_immigration_legal_or_money(langs):
    body = text("school", "stress", langs)
    for word in SCHOOL_NEVER:
        assert squash(word) not in squash(body), word
    for lang in langs:
        for label in SCHOOL_NEVER_LABELS:
            assert squash(tr(lang, label)) not in squash(body), (lang, label)
    for word in ("immigra", "inmigra", "imigra", "citizen", "ciudadan", "cidadã", "detain", "detenid", "detid"):
        assert word not in body.lower(), word
    assert " ICE " not in body


@pytest.mark.parametrize("langs", PAIRS[:2])
def test_school_has_one_page_per_child_with_pickup_list_in_order(langs):
    assert len(pages("school", "sample", langs)) == 3  # one page per child
    ps = pages("school", "stress", langs)
    assert len(KIDS) <= len(ps) <= len(KIDS) + 1  # only the 600-character note flows over
    firsts = [p for p in ps if squash(tr(langs[0], "Student")) in squash(p)]
    assert len(firsts) == len(KIDS)
    plan = stress_plan()
    pickup = [c.full_name for c in plan.contacts_in_call_order() if c.authorized_pickup]
    for page, kid in zip(firsts, KIDS, strict=True):
        flat = squash(page)
        assert squash(kid) in flat
        positions = [flat.index(squash(n)) for n in pickup]
        assert positions == sorted(positions)
        assert squash("Marco Pereira") in flat
    assert squash(LONG_NOTE) in squash(ps[0])
    assert all(squash("(203) 555-0117") in squash(text("school", "stress", langs)) for _ in [0])


@pytest.mark.parametrize("langs", PAIRS)
def test_wallet_never_shows_a_numbers_addresses_or_health(langs):
    body = squash(text("wallet", "stress", langs))
    for word in WALLET_NEVER:
        assert squash(word) not in body, word
    for lang in langs:
        for label in ("A-number", "Address", "Allergies", "Country of birth"):
            assert squash(tr(lang, label)) not in body


@pytest.mark.parametrize("langs", PAIRS[:2])
def test_wallet_calls_in_order_or_says_see_binder(langs):
    body = squash(text("wallet", "stress", langs))
    shown = [n for n in CONTACTS if squash(n) in body]
    assert shown == CONTACTS[:len(shown)] and len(shown) >= 4
    if len(shown) < len(CONTACTS):
        assert squash(tr(langs[0], "{n} more in the family binder").format(n=len(CONTACTS) - len(shown))) in body
    assert "(860) 555-0199" in text("wallet", "stress", langs)  # the lawyer
    from prep_app.outputs import content
    for lang in langs:
        for item in content.rights()["reminders"]:
            assert squash(tr(lang, item["text"])) in body, (lang, item["id"])


@pytest.mark.parametrize("langs", PAIRS[:2])
def test_checklist_lists_each_document_with_its_place(langs):
    body = squash(text("checklist", "stress", langs))
    for must in ("Red folder in the hall closet", "Safe deposit box 17", "João Gonçalves", "Nguyễn Thị Lan"):
        assert squash(must) in body
    for lang in langs:
        assert squash(tr(lang, "Birth certificate")) in body


def _english_labels():
    """Multi-word English msgids of the printouts that read differently in translation."""
    with open(translations_dir() / "es" / "LC_MESSAGES" / "prep_app.po", "rb") as fp:
        cat = read_po(fp)
    out = set()
    for m in cat:
        if isinstance(m.id, str) and m.id and len(m.id.split()) >= 2 and "{" not in m.id and any(
                f.startswith(("prep_app/outputs", "resources/content")) for f, _ in m.locations):
            out.add(m.id)
    return out


@pytest.mark.parametrize("lang", ["es", "pt_BR"])
@pytest.mark.parametrize("name", OUTPUTS)
@pytest.mark.parametrize("plan", ["sample", "blank"])
def test_spanish_and_portuguese_outputs_have_no_english(name, lang, plan):
    t = translator(lang)
    for page in pages(name, plan, (lang,)):
        if _english_beside_by_design(page, lang):
            # legal instruments and the letters for schools and doctors keep the
            # English text, with the translation beside every sentence
            left = [s for s in _english_labels() if s in page and t.gettext(s) != s
                    and squash(t.gettext(s)) not in squash(page)]
        else:
            left = [s for s in _english_labels() if s in page and t.gettext(s) != s and s not in t.gettext(s)]
            for word in ("Page ", "Prepared on", "Review by", "not legal advice"):
                assert word not in page
        assert not left, left


def _english_beside_by_design(page: str, lang: str) -> bool:
    letters = ("Letter for the school", "Permission for medical care and school")
    return is_instrument_page(page, (lang,)) or any(tr(lang, h) in page for h in letters)


@pytest.mark.parametrize("name", OUTPUTS)
@pytest.mark.parametrize("langs", [("en", "es"), ("pt_BR", "en"), ("es",)])
def test_blank_forms_have_labels_and_writing_lines_but_no_data(name, langs):
    body = text(name, "blank", langs)
    for lang in langs:
        assert tr(lang, TITLES[name]) in body
    for word in ("Gonçalves", "Ana Souza", "(203)", "A-123"):
        assert word not in body
    assert "______" in body  # the dates are left to fill by hand


@pytest.mark.parametrize("name", OUTPUTS)
def test_an_empty_plan_renders(name):
    assert len(pages(name, "empty", ("en",))) >= 1


@pytest.mark.parametrize("name", OUTPUTS)
def test_names_with_any_accent_extract_exactly_from_the_embedded_font(name):
    body = text(name, "sample", ("pt_BR", "en"))
    for n in {"plan": ["João Gonçalves", "Nguyễn Thị Hoa", "Łukasz Wiśniewski", "Ñañez"],
              "guardian": ["João Gonçalves", "Nguyễn Thị Hoa", "Ñañez"],
              "school": ["Lucas Gonçalves", "Nguyễn Thị Hoa", "Tomás Ñañez"],
              "wallet": ["Nguyễn Thị Hoa", "Łukasz Wiśniewski", "Ñañez"],
              "checklist": ["João Gonçalves", "María José Ñañez"]}[name]:
        assert n in body, n


BASE14 = [b"/Helvetica", b"/Times", b"/Courier", b"/Symbol", b"/ZapfDingbats"]


@pytest.mark.parametrize("name", OUTPUTS)
@pytest.mark.parametrize("plan", ["sample", "blank"])
def test_only_the_embedded_unicode_font(name, plan):
    data = pdf(name, plan, ("en", "es"))
    for base in BASE14:
        assert base not in data
    reader = PdfReader(BytesIO(data))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert "DejaVuSansCondensed" in font["/BaseFont"]
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
                else font["/FontDescriptor"]
            assert "/FontFile2" in desc.get_object()  # embedded


@pytest.mark.parametrize("name", OUTPUTS)
def test_a4_on_request_letter_by_default(name):
    letter = PdfReader(BytesIO(pdf(name, "sample", ("en",)))).pages[0].mediabox
    a4 = PdfReader(BytesIO(pdf(name, "sample", ("en",), "a4"))).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


def test_single_language_output_has_one_language():
    body = text("school", "sample", ("es",))
    assert tr("es", "Information for the school") in body and "Information for the school" not in body


def test_render_all_writes_the_files(tmp_path):
    paths = render_all(sample_plan(), ["en", "es"], tmp_path / "out", today=TODAY)
    assert [p.name for p in paths] == [f"{n}.pdf" for n in OUTPUTS]      # named in the first language
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    only = render_all(None, ["en"], tmp_path / "blank", only=["wallet"], paper="a4", today=TODAY)
    assert [p.name for p in only] == ["wallet.pdf"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_pdfs_are_owner_only_even_over_an_old_file_and_never_through_a_link(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.pdf").write_bytes(b"last week's")
    os.chmod(out / "plan.pdf", 0o644)
    for p in render_all(sample_plan(), ["en"], out, today=TODAY):
        assert p.stat().st_mode & 0o077 == 0, p.name      # the next user of the laptop cannot read them
    (tmp_path / "elsewhere.pdf").write_bytes(b"not ours")
    os.replace(out / "wallet.pdf", tmp_path / "moved.pdf")
    (out / "wallet.pdf").symlink_to(tmp_path / "elsewhere.pdf")
    with pytest.raises(OSError):
        render_all(sample_plan(), ["en"], out, only=["wallet"], today=TODAY)
    assert (tmp_path / "elsewhere.pdf").read_bytes() == b"not ours"


@pytest.mark.parametrize("call", [
    lambda: render("poster", Plan(), ["en"]),
    lambda: render("plan", Plan(), ["xx"]),
    lambda: render("plan", Plan(), []),
    lambda: render("plan", Plan(), ["en", "es", "pt_BR"]),
    lambda: render("plan", Plan(), ["en"], paper="legal"),
    lambda: render_all(Plan(), ["en"], "/tmp/never", only=["nope"]),
])
def test_bad_requests_are_clear_value_errors(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize("agreed,boxes", [(True, "☒ Yes ☐ No"), (False, "☐ Yes ☒ No"), (None, "☐ Yes ☐ No")])
def test_the_guardians_answer_is_ticked_as_given(agreed, boxes):
    plan = sample_plan()
    plan.guardians[0].has_agreed = agreed
    body = text_of(render("plan", plan, ["en"], today=TODAY))
    first = body.index("Has agreed")
    assert body[first + len("Has agreed"):].lstrip().startswith(boxes)
