"""The guardian packet's legal papers, read back from the PDF with pypdf:
each statutory element on the page of its signature lines, one statement per
guardian, only eligible children in the designation, nothing about
immigration in what a school sees."""
from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from prep_app.i18n import translator
from prep_app.outputs import render

from .conftest import NOT_DESIGNATED, TODAY, norm, sample_plan, squash, stress_plan

LANGS = [("pt_BR", "en"), ("es", "en"), ("en",)]
DESIGNATION = "Designation of standby guardian"
STATEMENT = "Statement that designation of a standby guardian is in full force and effect"
CONSENT = "Consent of the other parent"


def tr(lang, s):
    return translator(lang).gettext(s)


def read(plan, langs, **kw) -> list[str]:
    data = render("guardian", plan, list(langs), today=TODAY, **kw)
    return [norm(p.extract_text()) for p in PdfReader(BytesIO(data)).pages]


def documents(pages: list[str], title: str) -> list[list[str]]:
    """The instruments titled ``title``, each as its list of pages, found by
    the instrument footer "Title (citation) ... Page n of m of this document"."""
    found, current = [], None
    for page in pages:
        m = re.search(r"Page (\d+) of (\d+) of this document", page)
        if not m or not re.search(re.escape(title) + r" \(Conn\. Gen\. Stat\. [^)]*\)", page):
            continue
        if m.group(1) == "1":
            current = []
            found.append(current)
        current.append(page)
    return found


def one_page(doc: list[str]) -> str:
    """An instrument's text; several pages only if each says "page n of m of
    this document" and carries an initials line."""
    if len(doc) > 1:
        assert all("Initials" in p for p in doc)
    return " ".join(doc)


@pytest.mark.parametrize("langs", LANGS)
def test_each_designation_has_every_element_of_the_statutory_form_on_its_signature_page(langs):
    designations = documents(read(sample_plan(), langs), DESIGNATION)
    assert len(designations) == 2  # one per signing parent: João and María José
    for doc, principal in zip(designations, ["João Gonçalves", "María José Ñañez"], strict=True):
        page = squash(one_page(doc))
        for element in [f"I, {principal}, do hereby appoint Ana Souza, of 12 Oak Ave, Danbury, CT 06811, as the "
                        "standby guardian of",
                        "to take effect upon the occurrence of the following contingency or contingencies",
                        "my detention or custody by any federal, state or local authority, my absence from the "
                        "United States when I cannot return, or my mental incapacity or physical debilitation.",
                        "This designation is made after careful reflection, while I am of sound mind.",
                        "(L.S.)", "Signature of principal", "Date",
                        "If Ana Souza is unable or unwilling to act, I appoint Nguyễn Thị Hoa, of 88 Main St, "
                        "Bethel, CT 06801"]:
            assert squash(element) in page, element
        assert page.count(squash("Witness signature")) >= 2
        assert page.count(squash("Number and street")) >= 2
        assert page.count(squash("City, state and zip code")) >= 2


@pytest.mark.parametrize("langs", LANGS)
def test_one_activation_statement_per_guardian_with_every_element(langs):
    statements = documents(read(sample_plan(), langs), STATEMENT)
    assert len(statements) == 4  # two designations, each with a primary and an alternate statement
    named = []
    for doc in statements:
        page = squash(one_page(doc))
        for element in ["STATE OF CONNECTICUT", "COUNTY OF", "ss.", "as principal, did on",
                        "41 Elm Street, Apt 2, Danbury, CT 06810", "THAT the specified contingency was:",
                        "THAT the specified contingency has occurred.",
                        "IN WITNESS WHEREOF, I have hereunto set my hand and seal under penalty of false statement.",
                        "(L.S.)", "Signature of standby guardian"]:
            assert squash(element) in page, element
        assert page.count(squash("Witness signature")) >= 2
        named.append(re.search(r"appointme,(.+?),asstandbyguardian", page).group(1))
    assert named == ["AnaSouza", squash("Nguyễn Thị Hoa")] * 2
    alternate = squash(one_page(statements[1]))
    assert squash(tr(langs[0], "For the alternate guardian: use this statement only if {primary} cannot or will "
                               "not act as standby guardian.").format(primary="Ana Souza")) in alternate


@pytest.mark.parametrize("langs", LANGS)
def test_instrument_pages_carry_no_review_date_or_advice_notice_but_the_cover_does(langs):
    pages = read(sample_plan(), langs)
    instruments = [p for title in (DESIGNATION, STATEMENT, CONSENT) for doc in documents(pages, title) for p in doc]
    assert len(instruments) >= 7
    for page in instruments:
        for lang in langs:
            assert tr(lang, "This is information, not legal advice.") not in page
            assert tr(lang, "Review by {date}").split("{")[0] not in page
    for lang in langs:
        assert tr(lang, "This is information, not legal advice.") in pages[0]


def test_the_translation_stands_beside_the_english_text_and_says_so():
    doc = one_page(documents(read(sample_plan(), ("es", "en")), DESIGNATION)[0])
    assert "Legal text (English)" in doc
    assert squash(tr("es", "Translation. If the two texts differ, the English text is the one that counts.")) \
        in squash(doc)
    assert squash(tr("es", "This designation is made after careful reflection, while I am of sound mind.")) \
        in squash(doc)


def test_a_child_who_cannot_be_designated_is_left_out_with_the_reason_in_the_binder():
    plan = stress_plan()
    designations = [squash(one_page(d)) for d in documents(read(plan, ("en",)), DESIGNATION)]
    assert designations
    for doc in designations:
        assert squash("Lucas Gonçalves") in doc
        for name in NOT_DESIGNATED:
            assert squash(name) not in doc, name
    binder = squash(" ".join(norm(p.extract_text()) for p in
                             PdfReader(BytesIO(render("plan", plan, ["en"], today=TODAY))).pages))
    assert squash("Tomás Ñañez cannot be in the designation yet: we do not know if the other parent agrees") in binder
    assert squash("Łucja Wiśniewska cannot be in the designation yet: no parent or legal guardian") in binder


def test_a_refusing_other_parent_keeps_the_child_out_and_no_consent_page_is_printed():
    plan = sample_plan()
    plan.children[2].other_parent.consent = "no"
    pages = read(plan, ("en",))
    assert not documents(pages, CONSENT)
    for doc in documents(pages, DESIGNATION):
        assert squash("Tomás Ñañez") not in squash(one_page(doc))
    assert squash("Tomás Ñañez cannot be in the designation: the other parent does not agree") in squash(pages[0])


def test_the_consent_page_names_the_other_parent_and_ticks_nothing():
    docs = documents(read(sample_plan(), ("pt_BR", "en")), CONSENT)
    assert len(docs) == 1
    page = one_page(docs[0])
    assert squash("I, Carlos Ñañez, am a parent of Tomás Ñañez. I consent to the designation, made by "
                  "María José Ñañez, of Ana Souza as their standby guardian") in squash(page)
    assert "\u2612" not in page  # ☒: no answer is ever ticked for the other parent
    assert "Signature of the other parent" in page


def test_designation_names_immigration_only_when_the_family_chooses():
    plan = sample_plan()
    neutral = " ".join(p for d in documents(read(plan, ("es", "en")), DESIGNATION) for p in d)
    assert "immigra" not in neutral.lower() and "inmigra" not in neutral.lower()
    plan.designation.mention_immigration = True
    chosen = " ".join(p for d in documents(read(plan, ("en",)), DESIGNATION) for p in d)
    assert squash("my detention or custody by immigration authorities") in squash(chosen)


IMMIGRATION = ("immigra", "inmigra", "imigra", "deport", "detain", "detenid", "detid", "custod", "citizen",
               "ciudadan", "cidad", "consul", "a-number", "número a", "passport", "pasaporte", "passaporte", " ice ")


@pytest.mark.parametrize("langs", LANGS)
def test_school_letters_say_nothing_about_immigration(langs):
    pages = read(stress_plan(), langs)
    letters = [p for p in pages if tr(langs[0], "Letter for the school") in p or "Letter for the school" in p]
    assert len(letters) == 3  # the three children the designation covers
    for page in letters:
        assert "Ana Souza" in page and "Nguyễn Thị Hoa" in page
        for word in IMMIGRATION:
            assert word not in page.lower(), word


def test_each_parent_signs_the_care_letter_only_for_their_own_children():
    # the sample: João and María José are parents of Lucas and Sofía; Tomás is María José's only
    letters = [p for p in read(sample_plan(), ("en",)) if "Permission for medical care and school" in p]
    assert len(letters) == 2
    by_child = {kid: next(p for p in letters if kid in p.split("while no parent can")[0])
                for kid in ("Lucas Gonçalves", "Sofía Gonçalves", "Tomás Ñañez")}
    assert by_child["Lucas Gonçalves"] is by_child["Sofía Gonçalves"]
    assert "João Gonçalves" in by_child["Lucas Gonçalves"] and "María José Ñañez" in by_child["Lucas Gonçalves"]
    assert "María José Ñañez" in by_child["Tomás Ñañez"] and "João Gonçalves" not in by_child["Tomás Ñañez"]


def test_the_guardian_gets_the_people_to_call_and_the_never_release_list():
    body = squash(" ".join(read(sample_plan(), ("es", "en"))))
    for must in ["Marco Pereira", "Daniel Ortiz", "Beatriz Lima", "(203) 555-0127",
                 "If a court order (a restraining or protective order) protects the children"]:
        assert squash(must) in body, must
    assert squash("Diabetes tipo 2; metformina.") in body  # the parents' own health needs


def test_the_locator_card_gives_nine_digits_and_the_english_country_name():
    body = squash(" ".join(read(stress_plan(), ("es", "en"))))
    assert "987654321" in body and "111222333" in body
    assert squash("Vietnam") in body  # typed "Viet Nam"; the locator's English list says "Vietnam"
    assert "A-987-654-321" not in body


def test_blank_packet_has_every_form_with_boxes_for_the_events():
    pages = read(None, ("es", "en"))
    assert len(documents(pages, DESIGNATION)) == 2  # one for each parent
    assert len(documents(pages, STATEMENT)) == 2
    assert len(documents(pages, CONSENT)) == 1
    doc = squash(one_page(documents(pages, DESIGNATION)[0]))
    for event in ["my detention or custody by any federal, state or local authority", "my death",
                  "my mental incapacity or physical debilitation", "my absence from the United States"]:
        assert squash("\u2610" + event) in doc, event
    assert "Gonçalves" not in " ".join(pages)
