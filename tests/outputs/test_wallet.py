"""wallet.pdf, read back with pypdf: the consulate only when the family chose it,
the English statement for an officer whatever the languages, the rights
reminders, nothing that identifies more than a name and a phone, and every
card whole on Letter and A4."""
from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

import prep_app.outputs.furniture as furniture
from prep_app.i18n import Translator, translator
from prep_app.outputs import content, render, wallet
from prep_app.outputs.furniture import Ctx

from .conftest import CONTACTS, TODAY, norm, sample_plan, squash, stress_plan, text

PLANS = {"sample": sample_plan, "stress": stress_plan}
CONSULATES = {"sample": ("Consulado-Geral do Brasil em Hartford", "(860) 555-0101"),
              "stress": ("Consulado General de Guatemala", "(860) 555-0101")}
LANG_SETS = [("es", "en"), ("en",), ("pt_BR", "es"), ("es", "pt_BR")]


def tr(lang, s):
    return translator(lang).gettext(s)


def read(plan, langs, paper="letter") -> list[str]:
    """The wallet of a plan made in the test (conftest caches per plan name)."""
    data = render("wallet", plan, list(langs), paper=paper, today=TODAY)
    return [norm(p.extract_text()) for p in PdfReader(BytesIO(data)).pages]


def officer() -> dict:
    return content.rights()["officer_statement"]


def reminders() -> dict:
    return {r["id"]: r for r in content.rights()["reminders"]}


# -- the consulate: only when chosen -------------------------------------------

@pytest.mark.parametrize("langs", LANG_SETS[:3])
@pytest.mark.parametrize("plan", ["sample", "stress"])
def test_no_consulate_on_the_wallet_unless_chosen(plan, langs):
    # the sample says consulate_on_wallet: false, the stress family leaves it unset
    assert PLANS[plan]().legal.consulate_on_wallet in (False, None)
    name, phone = CONSULATES[plan]
    body = text("wallet", plan, langs)
    assert squash(name) not in squash(body)
    assert phone not in body
    for lang in langs:
        assert squash(tr(lang, "Consulate")) not in squash(body), lang


@pytest.mark.parametrize("langs", LANG_SETS[:3])
@pytest.mark.parametrize("plan", ["sample", "stress"])
def test_the_consulate_is_on_the_wallet_when_the_family_chooses_it(plan, langs):
    p = PLANS[plan]()
    p.legal.consulate_on_wallet = True
    body = " ".join(read(p, langs))
    name, phone = CONSULATES[plan]
    assert squash(name) in squash(body)
    assert phone in body
    for lang in langs:
        assert squash(tr(lang, "Consulate")) in squash(body), lang
    # chosen or not, never its address
    assert "Example Plaza" not in body


def test_blank_cards_have_no_consulate_row():
    body = squash(text("wallet", "blank", ("es", "en")))
    for lang in ("es", "en"):
        assert squash(tr(lang, "Consulate")) not in body
        assert squash(tr(lang, "Lawyer")) in body


# -- the statement for an officer ------------------------------------------------

@pytest.mark.parametrize("plan", ["sample", "stress", "blank"])
@pytest.mark.parametrize("langs", [("es", "pt_BR"), ("en",), ("pt_BR", "en")])
def test_the_officer_statement_is_in_english_whatever_the_languages(plan, langs):
    ps = [squash(p) for p in (read(PLANS[plan](), langs) if plan != "blank" else read(None, langs))]
    statement = squash(officer()["_english"])
    # on two cards (one per set), each whole on one page
    assert sum(p.count(statement) for p in ps) == 2
    for lang in langs:
        assert squash(tr(lang, officer()["heading"])) in "".join(ps), lang


class Marking(Translator):
    """A catalog that translates every message, visibly ("[es] ...")."""

    def gettext(self, message):
        return f"[{self.lang}] {message}" if message else message

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)


def test_only_the_heading_follows_the_languages_the_statement_stays_english(monkeypatch):
    # the es and pt_BR catalogs do not translate the new texts yet; a catalog
    # that translates everything shows which texts go through it
    monkeypatch.setattr(furniture, "translator",
                        lambda lang: translator(lang) if lang == "en" else Marking(lang, None))
    body = squash(" ".join(read(sample_plan(), ["es", "pt_BR"])))
    english = squash(officer()["_english"])
    assert body.count(english) == 2
    for lang in ("es", "pt_BR"):
        assert squash(f"[{lang}] {officer()['_english']}") not in body
        assert squash(f"[{lang}] {officer()['heading']}") in body
        # and what the English says, for a family that does not read it
        assert squash(f"[{lang}] {officer()['explain']}") in body
    # an English reader needs no explanation of English
    assert squash(officer()["explain"]) not in squash(" ".join(read(sample_plan(), ["en"])))


def test_the_officer_statement_says_silence_no_search_and_a_lawyer():
    s = officer()["_english"].lower()
    for must in ("silent", "do not consent to a search", "car", "home", "lawyer", "sign"):
        assert must in s, must
    assert len(s) < 220  # a card, read at a glance


# -- the rights reminders ----------------------------------------------------------

@pytest.mark.parametrize("langs", [("en",), ("es", "en"), ("pt_BR",)])
def test_the_sign_reminder_says_talk_to_a_lawyer_first(langs):
    sign = reminders()["sign"]["text"]
    assert "lawyer" in sign and "understand" not in sign
    body = squash(text("wallet", "sample", langs))
    for lang in langs:
        assert squash(tr(lang, sign)) in body, lang
    assert squash("Do not sign anything you do not understand.") not in body


def test_the_rights_data_says_when_it_was_checked_and_what_each_text_rests_on():
    r = content.rights()
    assert "2026-11-22" in r["_about"] and r["reviewed"] == "2026-11-22"
    for rid, item in reminders().items():
        assert f"'{rid}'" in r["_about"], rid
        assert item.get("citation"), rid
    assert "'officer_statement'" in r["_about"] and officer()["citation"]


# -- what the wallet never shows ----------------------------------------------------

NEVER = ["A-987-654-321", "A-111-222-333", "A-123-456-789", "41 Elm Street", "12 Oak Ave", "88 Main St",
         "Example Plaza", "21 Memorial Dr", "Guatemala", "Viet Nam", "Diabetes", "EpiPen", "Asthma"]


@pytest.mark.parametrize("langs", LANG_SETS)
@pytest.mark.parametrize("plan", ["sample", "stress"])
def test_no_a_number_address_or_country_of_birth(plan, langs):
    body = squash(text("wallet", plan, langs))
    for word in NEVER:
        assert squash(word) not in body, word
    for lang in langs:
        for label in ("A-number", "Address", "Country of birth", "Date of birth"):
            assert squash(tr(lang, label)) not in body, (lang, label)


# -- every card whole, on Letter and A4 ------------------------------------------------

@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("langs", LANG_SETS)
def test_every_card_is_printed_whole_for_eight_contacts(langs, paper):
    plan = stress_plan()
    plan.legal.consulate_on_wallet = True  # the fullest help card
    ps = [squash(p) for p in read(plan, langs, paper)]
    body = "".join(ps)

    def whole(snippet, times=2):
        """On ``times`` cards, each on one page (a card never runs across pages)."""
        s = squash(snippet)
        assert sum(p.count(s) for p in ps) == times, snippet

    shown = [n for n in CONTACTS if squash(n) in body]
    assert shown == CONTACTS[:len(shown)] and len(shown) >= 4
    if len(shown) < len(CONTACTS):
        whole(tr(langs[0], "{n} more in the family binder").format(n=len(CONTACTS) - len(shown)))
    whole(shown[-1])
    for snippet in ("(860) 555-0199", "Laura Méndez", "Consulado General de Guatemala", "Ana Souza (203) 555-0123",
                    officer()["_english"]):
        whole(snippet)
    for item in reminders().values():  # a rights card per language (two of one language)
        texts = [tr(lang, item["text"]) for lang in langs]
        for t in set(texts):
            whole(t, times=2 if len(langs) == 1 else texts.count(t))
    # and nothing runs past its card: every card's content is as tall as the card at most
    ctx = Ctx(list(langs), paper=paper, today=TODAY)
    cards = wallet.cards(ctx, plan)
    assert len(cards) == 8
    for n, flows in enumerate(cards):
        assert wallet.card_height(flows) <= wallet.CARD_H - 2 * wallet.PAD, n


def test_letter_splits_the_sheet_between_whole_rows_and_a4_holds_it_on_one_page():
    assert len(read(stress_plan(), ["es", "en"], "a4")) == 1
    letter = read(stress_plan(), ["es", "en"], "letter")
    assert len(letter) == 2
    assert squash(officer()["_english"]) in squash(letter[1])
    assert squash(CONTACTS[0]) in squash(letter[0])
    sheet = wallet.CardSheet([[]] * 8)
    assert sheet.split(500, 10_000) == [sheet]
    top, rest = sheet.split(500, 3.5 * wallet.CARD_H + sheet.MARKS)
    assert (len(top.cards), len(rest.cards)) == (6, 2)
    assert sheet.split(500, 0.9 * wallet.CARD_H) == []  # not one row: all to the next page
