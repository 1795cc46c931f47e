"""The checkable content data of ``resources/content/*.json``, loaded once.

The English texts are the msgids of the catalog (``prep_app.i18n.extract``
offers them to pybabel), so each output translates them with its translator.
Citations are never translated: a statute is cited the same way in any language.
"""
from __future__ import annotations

from ..resources import content_data as load


def document_type(key: str | None) -> str:
    types = load("documents")["types"]
    return types.get(key or "other", types["other"])


def document_status(key: str) -> str:
    return load("documents")["statuses"][key]


def legal_reference(ref_id: str) -> dict:
    """{"id", "citation", "text"} for one reference in legal.json."""
    return next(r for r in load("legal")["references"] if r["id"] == ref_id)


def rights() -> dict:
    return load("rights")


def first72() -> dict:
    return load("first72")


def designation() -> dict:
    return load("legal")["designation"]


def activation() -> dict:
    return load("legal")["activation"]


def consent() -> dict:
    return load("legal")["consent"]


def contingency(key: str, mention_immigration: bool, activation: bool = False) -> str:
    """The English text (a msgid) of one event, first person for the
    designation, third person for the activation statement."""
    table = load("legal")["contingencies_activation" if activation else "contingencies"]
    if key == "detained" and mention_immigration:
        key = "detained_immigration"
    return table[key]
