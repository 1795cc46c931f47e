"""Every legal statement the app prints names its source and the day it was
checked, and docs/legal-sources.md lists it for a reviewer."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prep_app.outputs import content

SOURCES = (Path(__file__).resolve().parents[2] / "docs" / "legal-sources.md").read_text("utf-8")


def statements():
    """(where, the object holding the statement) for every legal statement."""
    legal = content.load("legal")
    for ref in legal["references"]:
        yield f"legal.references.{ref['id']}", ref
    for key in ("designation", "activation", "consent", "contingencies", "contingencies_activation"):
        yield f"legal.{key}", legal[key]
    rights = content.rights()
    for item in rights["reminders"]:
        yield f"rights.{item['id']}", item
    yield "rights.officer_statement", rights["officer_statement"]
    steps = {s["id"]: s for s in content.first72()["steps"]}
    for sid in ("locate", "activate"):          # the two steps that state a fact of law or of the locator
        yield f"first72.{sid}", steps[sid]


@pytest.mark.parametrize("where,item", list(statements()), ids=lambda v: v if isinstance(v, str) else "")
def test_each_legal_statement_has_a_citation_and_a_checked_date(where, item):
    assert item.get("citation", "").strip(), where
    checked = date.fromisoformat(item["checked"])
    assert checked <= date.today(), where


def test_legal_sources_lists_every_reference_and_contingency():
    legal = content.load("legal")
    for ref in legal["references"]:
        assert f"| {ref['id']} |" in SOURCES, ref["id"]
    for key in legal["contingencies"]:
        if not key.startswith("_") and key not in ("citation", "checked", "detained_immigration"):
            assert f"| {key} |" in SOURCES, key
    for section in ("§45a-624b", "§45a-624c", "§45a-624a"):
        assert section in SOURCES
