"""Every name prints: a font per run of text, Arabic shaped, right-to-left
text in visual order.

ReportLab draws one font per run and knows nothing of scripts, so family text
goes through :func:`markup` (Paragraphs) or :func:`draw_string` (the canvas):

1. each character takes the first bundled font that has it (Arabic, Hebrew,
   DejaVu Sans Condensed, then the CJK font); punctuation and spaces stay in
   the font of the run they are in; a character no font has becomes
   :data:`PLACEHOLDER` (the review lists those fields beforehand);
2. Arabic words are shaped with HarfBuzz (uharfbuzz) in the Arabic font: the
   joined forms it picks are the font's presentation-form characters, so the
   PDF holds ordinary characters that copy and search;
3. a line holding right-to-left letters is put in visual order by the Unicode
   bidirectional algorithm (python-bidi), brackets mirrored.

A text that may wrap goes into a :class:`Para` as :func:`markup` with
``logical=True``: ReportLab breaks it into lines in reading order, and each
line is put in visual order as it is drawn (reordering first would print a
wrapped Arabic sentence's lines bottom-up).  A paragraph whose first strong
letter is right-to-left is set right-aligned; one holding Chinese or Japanese
wraps between characters, with ReportLab's CJK rules for punctuation.

Which font has which character comes from ``resources/fonts/coverage.json``
(see :mod:`prep_app.model.printable`), so a font is read only when a printout
uses it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from html import unescape
from xml.sax.saxutils import escape

from bidi import algorithm as bidi_steps  # python-bidi's pure-Python algorithm, step by step
from bidi import get_base_level, get_display
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaParser

from ..model.printable import PLACEHOLDER, has_glyph, is_invisible
from ..resources import resource_path


@dataclass(frozen=True)
class Face:
    name: str           # the ReportLab name; its bold is name + "-Bold"
    regular: str        # file in resources/fonts
    bold: str           # the same file where the font has no bold
    shaped: bool = False


# in the order a character looks for a font (coverage.json has the same names)
FACES = (
    Face("PrepArabic", "PrepArabic-Regular.ttf", "PrepArabic-Bold.ttf", shaped=True),
    Face("PrepHebrew", "PrepHebrew-Regular.ttf", "PrepHebrew-Bold.ttf"),
    Face("PrepSans", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    Face("PrepCJK", "PrepCJK-Regular.ttf", "PrepCJK-Regular.ttf"),
)
BASE = FACES[2]
FONT, FONT_BOLD = BASE.name, BASE.name + "-Bold"
_BY_NAME = {f.name: f for f in FACES}
_RTL = ("R", "AL")
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))

Run = tuple[Face, str]


@cache
def register(face: Face = BASE) -> None:
    """Register the face (regular and bold) with ReportLab, once, when first used."""
    _keep_weight()
    pdfmetrics.registerFont(TTFont(face.name, str(resource_path("fonts", face.regular))))
    pdfmetrics.registerFont(TTFont(face.name + "-Bold", str(resource_path("fonts", face.bold))))
    pdfmetrics.registerFontFamily(face.name, normal=face.name, bold=face.name + "-Bold",
                                  italic=face.name, boldItalic=face.name + "-Bold")


@cache
def _keep_weight() -> None:
    """ReportLab's <font name=...> takes bold from the font named, so an
    Arabic or Chinese run in a bold name would print regular: for the fallback
    faces keep the weight of the text around the run."""
    start_font = ParaParser.start_font
    fallback = {f.name.lower() for f in FACES if f is not BASE}

    def keeping_weight(parser, attr):
        bold, italic = parser._stack[-1].bold, parser._stack[-1].italic
        start_font(parser, attr)
        if str(attr.get("name", "")).lower() in fallback:
            parser._stack[-1].bold, parser._stack[-1].italic = bold, italic

    setattr(ParaParser, "start_font", keeping_weight)  # noqa: B010  (mypy: no assigning to a method)


# closing punctuation of Chinese text that ReportLab's CJK wrapping lets start a line (its list has "。" and "、")
_CANNOT_START = "，；：！？》〉．"


@cache
def _cjk_punctuation() -> None:
    """Teach ReportLab's CJK wrapping the rest of the fullwidth closing
    punctuation, so no Chinese line starts with "，"."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        module.ALL_CANNOT_START += "".join(c for c in _CANNOT_START if c not in module.ALL_CANNOT_START)


@cache
def _face_of(char: str) -> Face | None:
    return next((f for f in FACES if has_glyph(f.regular, char)), None)


def _is_letter(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def _runs(line: str) -> list[Run]:
    """(face, text) runs of one line; unprintable characters replaced by the
    placeholder (one for an emoji and its modifiers, joiners and selectors)."""
    runs: list[list] = []
    missing = False
    for char in line:
        face = _face_of(char)
        if face is None or (missing and (is_invisible(char) or 0x1F3FB <= ord(char) <= 0x1F3FF)):
            if not missing and not is_invisible(char):
                face, char, missing = BASE, PLACEHOLDER, True
            else:
                continue
        else:
            missing = False
        if runs and (runs[-1][0] is face or (not _is_letter(char) and has_glyph(runs[-1][0].regular, char))):
            runs[-1][1] += char
        else:
            runs.append([face, char])
    return [(face, text) for face, text in runs]


def _shape(face: Face, text: str) -> str:
    """*text* as the characters of the glyphs HarfBuzz picks, in logical order."""
    import uharfbuzz as hb

    font, glyph_chars = _harfbuzz(face)
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in text])      # clusters count characters, not UTF-8 bytes
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    infos = buf.glyph_infos
    if buf.direction == "rtl":
        infos = infos[::-1]
    out = []
    for i, info in enumerate(infos):
        char = glyph_chars.get(info.codepoint)
        if char is None:   # a glyph with no character of its own: the source characters, unjoined
            end = infos[i + 1].cluster if i + 1 < len(infos) else len(text)
            char = text[info.cluster:max(end, info.cluster + 1)]
        out.append(char)
    return "".join(out)


@cache
def _harfbuzz(face: Face):
    import uharfbuzz as hb

    data = resource_path("fonts", face.regular).read_bytes()
    font = hb.Font(hb.Face(hb.Blob(data)))
    register(face)
    ttf = pdfmetrics.getFont(face.name).face
    glyph_chars = {glyph: chr(min(chars)) for glyph, chars in ttf.glyphToChar.items()}
    return font, glyph_chars


def _strong(text: str, rtl_base: bool) -> list[bool | None]:
    """Per character: right-to-left (True), left-to-right (False) or neutral
    (None); a number takes the direction of the letters before it (rule W7)."""
    out: list[bool | None] = []
    last = rtl_base
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in ("R", "AL", "L"):
            last = kind != "L"
            out.append(last)
        else:
            out.append((True if kind == "AN" else last) if kind in ("EN", "AN") else None)
    return out


def _mirror(text: str, rtl_base: bool) -> str:
    """*text* (logical order) with each bracket the bidi algorithm sets
    right-to-left turned round, as rules N0 and N1 resolve it: a pair takes
    the base direction if it holds text of that direction, else the other one
    if it holds it and the text before the pair has it too; any other bracket
    takes the direction of the letters on both sides when they agree."""
    strong = _strong(text, rtl_base)
    direction: dict[int, bool] = {}
    opened: list[int] = []
    for i, c in enumerate(text):
        if c in "([{":
            opened.append(i)
        elif c in ")]}" and opened and text[opened[-1]] == _MIRROR[c]:
            start = opened.pop()
            inside = {d for d in strong[start + 1:i] if d is not None}
            before = next((d for d in reversed(strong[:start]) if d is not None), rtl_base)
            if inside:
                side = rtl_base if rtl_base in inside else before
                direction[start] = direction[i] = side
                strong[start] = strong[i] = side
    out = list(text)
    for i, c in enumerate(text):
        if c in _MIRROR:
            if i in direction:
                rtl = direction[i]
            else:
                before = next((d for d in reversed(strong[:i]) if d is not None), rtl_base)
                after = next((d for d in strong[i + 1:] if d is not None), rtl_base)
                rtl = before if before == after else rtl_base
            if rtl:
                out[i] = _MIRROR[c]
    return "".join(out)


@cache
def _plain(char: str) -> bool:
    """Drawn by the base font as it stands: most of what a printout holds."""
    return _face_of(char) is BASE and not is_invisible(char) and unicodedata.bidirectional(char) not in _RTL


def _is_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in _RTL


def _directed(runs: list[Run]) -> str:
    """The runs' text in logical order, Arabic shaped and brackets mirrored."""
    shaped = "".join(_shape(face, text) if face.shaped else text for face, text in runs)
    return _mirror(shaped, get_base_level(shaped) == 1)


def visual_runs(line: str) -> list[Run]:
    """One line of family text as the runs to draw, left to right."""
    if all(map(_plain, line)):
        return [(BASE, line)] if line else []
    runs = _runs(line)
    if not any(_is_rtl(c) for _, text in runs for c in text):
        return runs
    return _runs(get_display(_directed(runs)))


def logical_runs(line: str) -> list[Run]:
    """One line of text as runs in reading order, shaped and mirrored, for a
    :class:`Para` (which puts each line in visual order once it is broken)."""
    if all(map(_plain, line)):
        return [(BASE, line)] if line else []
    runs = _runs(line)
    if not any(_is_rtl(c) for _, text in runs for c in text):
        return runs
    return _runs(_directed(runs))


def markup(value, logical: bool = False) -> str:
    """Family text for Paragraph markup: escaped, each run in a font that has
    it, line breaks kept; in visual order for a plain Paragraph (one line), in
    reading order with ``logical`` for a :class:`Para`."""
    lines = []
    for line in str(value).split("\n"):
        parts = []
        for face, text in (logical_runs if logical else visual_runs)(line):
            if face is BASE:
                parts.append(escape(text))
            else:
                register(face)
                parts.append(f'<font name="{face.name}">{escape(text)}</font>')
        lines.append("".join(parts))
    return "<br/>".join(lines)


_TAG = re.compile(r"<[^>]*>")


def _is_cjk(char: str) -> bool:
    """Chinese characters, Japanese kana and CJK punctuation: text written
    without spaces between words."""
    return "\u3000" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" \
        or "\uff00" <= char <= "\uffef"


def _visual_orders(lines: list[str], rtl_base: bool) -> list[list[int]]:
    """For each line of a paragraph, the index of each of its characters left
    to right as drawn.  The Unicode bidi algorithm resolves the levels over
    the whole paragraph (up to rule I2), so a line that starts inside an
    English name and phone in an Arabic sentence keeps them left to right,
    and then orders each line on its own (rules L1 and L2); python-bidi's
    steps, so the index of each character can go along with it."""
    storage = bidi_steps.get_empty_storage()
    storage["base_level"], storage["base_dir"] = (1, "R") if rtl_base else (0, "L")
    bidi_steps.get_embedding_levels(" ".join(lines), storage)     # a break stood for a space
    for step in (bidi_steps.explicit_embed_and_overrides, bidi_steps.resolve_weak_types,
                 bidi_steps.resolve_neutral_types, bidi_steps.resolve_implicit_levels):
        step(storage, False)
    orders, start = [], 0
    for line in lines:
        chars = storage["chars"][start:start + len(line)]
        for i, char in enumerate(chars):
            char["index"] = i
        one_line = {"chars": chars, "base_level": storage["base_level"]}
        bidi_steps.reorder_resolved_levels(one_line, False)
        orders.append([char["index"] for char in one_line["chars"]])
        start += len(line) + 1
    return orders


def starts_rtl(text: str) -> bool:
    """Whether *text* reads right to left: its first strong letter does."""
    return bool(text) and get_base_level(text) == 1


def _directed_style(style: ParagraphStyle, text: str) -> ParagraphStyle:
    """*style* for a paragraph of *text*: right-aligned when it starts
    right-to-left (its first strong letter; no hanging indent, which ReportLab
    can only hang on the left), CJK wrapping when it holds Chinese or kana."""
    rtl = starts_rtl(text)
    changes: dict = {}
    if rtl and style.alignment == TA_LEFT:
        changes = dict(alignment=TA_RIGHT, leftIndent=0, firstLineIndent=0)
    if not style.wordWrap and any(map(_is_cjk, text)):
        _cjk_punctuation()
        changes["wordWrap"] = "CJK"
    directed = ParagraphStyle(style.name, parent=style, **changes)
    directed.rtl_base = rtl
    return directed


class Para(Paragraph):
    """A paragraph of text in reading order (``markup(text, logical=True)``):
    ReportLab breaks it into lines, each line holding right-to-left letters is
    put in visual order as it is drawn; right-aligned when the text starts
    right-to-left, CJK wrapping for Chinese."""

    def __init__(self, text, style, bulletText=None, frags=None, **kw):
        if not hasattr(style, "rtl_base"):      # the parts of a split paragraph keep its direction
            style = _directed_style(style, unescape(_TAG.sub("", text)) if frags is None
                                    else "".join(getattr(f, "text", "") for f in frags))
        super().__init__(text, style, bulletText, frags, **kw)

    def draw(self):
        lines = self.blPara.lines
        if not any(_is_rtl(c) for c in self.getPlainText()):
            return super().draw()
        one_font = self.blPara.kind == 0            # lines are (extra space, words), else frags
        texts = [" ".join(line[1]) if one_font else "".join(f.text for f in line.words) for line in lines]
        orders = _visual_orders(texts, self.style.rtl_base)
        self.blPara.lines = [self._visual(line, text, order)
                             for line, text, order in zip(lines, texts, orders, strict=True)]
        try:
            super().draw()
        finally:
            self.blPara.lines = lines

    def _visual(self, line, text: str, order: list[int]):
        if self.blPara.kind == 0:
            return (line[0], "".join(text[i] for i in order).split(" "))
        frags = line.words
        owner = [k for k, f in enumerate(frags) for _ in f.text]
        pieces: list[list] = []          # [frag index, characters], left to right
        for i in order:
            if pieces and pieces[-1][0] == owner[i]:
                pieces[-1][1].append(text[i])
            else:
                pieces.append([owner[i], [text[i]]])
        return line.clone(words=[frags[k].clone(text="".join(chars)) for k, chars in pieces])


def _canvas_runs(text: str, font: str) -> list[tuple[str, str]]:
    """(ReportLab font name, text) for drawing *text* in *font* (a Prep face, regular or bold)."""
    bold = font.endswith("-Bold")
    out = []
    for face, run in visual_runs(text.replace("\n", " ")):
        register(face)
        out.append((face.name + "-Bold" if bold else face.name, run))
    return out


def string_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in _canvas_runs(text, font))


def draw_string(canv, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """Draw one line of text on a canvas, run by run; *align* is "left",
    "right" (x is the right end) or "centre"."""
    runs = _canvas_runs(text, font)
    width = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    x -= {"left": 0, "right": width, "centre": width / 2}[align]
    for name, run in runs:
        canv.setFont(name, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, name, size)
