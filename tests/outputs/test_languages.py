"""Every printout in Connecticut's nine languages, any pair on the same page:
each output's title and a label of its body come out in both languages,
filled in and blank."""
from __future__ import annotations

import unicodedata
from importlib import import_module
from io import BytesIO

import pytest
from pypdf import PdfReader

from prep_app.i18n import translator
from prep_app.model import loads
from prep_app.outputs import OUTPUTS, render
from prep_app.resources import resource_path

PAIRS = [("ar", "en"), ("zh_Hans", "en"), ("ht", "en"), ("vi", "en"), ("pl", "fr"), ("fr", "en")]
BODY_LABEL = {"plan": "Children", "guardian": "What the law says", "school": "Student",
              "wallet": "Whom to call, in this order", "checklist": "Document"}


def words(text: str) -> list[str]:
    """Words without case or punctuation (in right-to-left text a comma comes out
    beside the neighbouring word; Chinese has no spaces: one word)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return text.split()


def printed(pdf: bytes) -> str:
    # NFKC: shaped Arabic comes out as presentation forms (ﻣﻨﻬﺎ), folded back to letters
    return unicodedata.normalize("NFKC", "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages))


def appears(phrase: str, text: str) -> bool:
    squeezed = "".join(words(text))
    return all(w in squeezed for w in words(phrase))


@pytest.fixture(scope="module")
def sample():
    return loads(resource_path("samples", "example-plan.json").read_text("utf-8"))


@pytest.mark.parametrize("pair", PAIRS, ids="+".join)
@pytest.mark.parametrize("name", OUTPUTS)
def test_each_output_speaks_both_languages_of_the_pair(sample, name, pair):
    title = import_module(f"prep_app.outputs.{name}").TITLE
    for plan in (sample, None):                     # filled in, and blank for handwriting
        text = printed(render(name, plan, list(pair)))
        for lang in pair:
            tr = translator(lang)
            assert appears(tr.gettext(title), text), (lang, tr.gettext(title))
            assert appears(tr.gettext(BODY_LABEL[name]), text), (lang, tr.gettext(BODY_LABEL[name]))
