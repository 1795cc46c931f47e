"""The printed recovery code can be read and typed back (issue 9, finding 6:
it printed about 2.4 pt tall in a corner of the page)."""
from __future__ import annotations

import io
import re

from pypdf import PdfReader

from prep_app.outputs.recovery import render_recovery_sheet
from prep_app.vault.recovery import format_recovery_code, generate, parse_recovery_code


def sized_text(pdf: bytes) -> list[tuple[str, float]]:
    """(text, printed size in points) for every piece of text on the pages."""
    pieces = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            pieces.append((text.strip(), abs(size * tm[3] * cm[3])))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return pieces


def test_the_code_prints_large_in_groups_with_label_and_instruction():
    code = format_recovery_code(generate())
    pdf = render_recovery_sheet(code, "Blue door", ["es", "en"])
    pieces = sized_text(pdf)
    code_pieces = [(t, s) for t, s in pieces if re.fullmatch(r"[\d\s\u00a0]+", t)]
    digits = "".join(re.sub(r"\D", "", t) for t, _s in code_pieces)
    assert digits == code.replace("-", "")
    assert min(s for _t, s in code_pieces) >= 18
    # in groups of four, and what was printed types back as the code
    assert all(len(g) == 4 for t, _s in code_pieces for g in t.split())
    assert parse_recovery_code(" ".join(t for t, _s in code_pieces)) == parse_recovery_code(code)
    text = " ".join(t for t, _s in pieces)
    assert "Blue door" in text
    assert "Código de recuperación" in text and "Recovery code" in text
    assert "away from the laptop" in text and "lejos de la computadora" in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
