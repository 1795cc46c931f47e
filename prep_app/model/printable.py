"""Which characters the printouts can print.

The bundled fonts' coverage comes from ``resources/fonts/coverage.json``
(written with the fonts by ``packaging/make_fonts.py``; a test holds it to the
fonts themselves), so the review can say which fields hold an emoji or a rare
script without the model reading a font or importing the outputs.  The
printouts read the same table to pick a font per character and print
:data:`PLACEHOLDER` where none has it.
"""
from __future__ import annotations

import dataclasses
import json
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from ..resources import resource_path
from .plan import Plan

PLACEHOLDER = "\ufffd"      # �, the replacement character: "a character that could not be shown"


@cache
def font_ranges() -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Per bundled font file, in the order a character looks for a font: the
    (starts, ends) of the code point ranges it has."""
    data = json.loads(resource_path("fonts", "coverage.json").read_text("utf-8"))
    return {name: (tuple(lo for lo, _ in ranges), tuple(hi for _, hi in ranges)) for name, ranges in data.items()}


def has_glyph(font: str, char: str) -> bool:
    starts, ends = font_ranges()[font]
    i = bisect_right(starts, ord(char)) - 1
    return i >= 0 and ord(char) <= ends[i]


def is_invisible(char: str) -> bool:
    """Line breaks, joiners, direction marks and variation selectors: nothing
    to draw, so nothing is missing when no font has them."""
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or 0xFE00 <= ord(char) <= 0xFE0F \
        or 0xE0100 <= ord(char) <= 0xE01EF


@cache
def is_printable(char: str) -> bool:
    return is_invisible(char) or any(has_glyph(font, char) for font in font_ranges())


def unprintable(text: str | None) -> str:
    """The characters of *text* no bundled font has, each once, in order."""
    return "".join(dict.fromkeys(c for c in text or "" if not is_printable(c)))


def _texts(value, path: str) -> Iterator[tuple[str, str]]:
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def unprintable_fields(plan: Plan) -> list[tuple[str, str]]:
    """(exchange-format path, characters) for every field holding characters
    the printouts cannot print, e.g. ``("children[0].comfort_notes", "🧸")``."""
    return [(path, chars) for path, text in _texts(plan, "") if (chars := unprintable(text))]
