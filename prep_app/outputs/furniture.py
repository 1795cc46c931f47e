"""Shared page furniture for every printed output.

* the bundled Unicode font (embedded and subsetted; no base-14 font anywhere),
* :class:`Ctx`: the one or two languages of a printout and bilingual helpers
  (stacked labels, side-by-side statements, headings, field rows, tables,
  check boxes, writing lines for blank forms),
* :func:`build`: a Letter/A4 document whose every page carries the title in
  both languages, the prepared-on and review-by dates, "page n of m" and the
  not-legal-advice line, in both languages.

A renderer module builds a list of flowables with a ``Ctx`` and hands it to
:func:`build`; it never draws page furniture itself.
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..i18n import Translator, check_language, format_date, translator
from ..messages import N_, Message
from ..model.phones import format_phone
from .fonts import FONT, FONT_BOLD, Para, draw_string, markup, register, starts_rtl, string_width
from .layout import DocTemplate, fit_columns, nobreak

Day = date      # the type, for annotations inside Ctx, whose date() method shadows it

PAPERS = {"letter": LETTER, "a4": A4}
INK = colors.black
SECOND = colors.HexColor("#333333")   # second language: a shade lighter, still photocopies
RULE = colors.HexColor("#555555")
BOX_ON, BOX_OFF = "\u2612", "\u2610"  # ☒ ☐
MARGIN = 0.6 * inch
VMARGIN = 0.5 * inch  # top and bottom
HEADER_H = 0.64 * inch
FOOTER_H = 0.55 * inch

def register_fonts() -> None:
    """The base font; the fallback fonts register when a printout first needs them (fonts.py)."""
    register()


def style(name: str, size: float = 9.5, bold: bool = False, leading: float | None = None,
          color=INK, **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT, fontSize=size,
                          leading=leading or size * 1.22, textColor=color, **{"alignment": TA_LEFT, **kw})


BODY = style("body", 9.5)
BODY2 = style("body2", 8.8, color=SECOND)
VALUE = style("value", 10)
LABEL = style("label", 8, leading=9.4)
SMALL = style("small", 8)
HEAD = style("head", 12.5, bold=True, leading=15, spaceBefore=8, spaceAfter=3)
SUBHEAD = style("subhead", 10.5, bold=True, leading=13, spaceBefore=5, spaceAfter=2)


def _ts(commands: list) -> TableStyle:
    """Every table style names the bundled font (ReportLab's default for plain
    string cells is Helvetica, which would leave a base-14 reference)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)] + list(commands))


def esc(value) -> str:
    """Family data printed exactly as typed, for Paragraph markup: escaped,
    each run of text in a bundled font that has it, right-to-left text shaped
    and in reading order (fonts.markup)."""
    return markup(value) if value not in (None, "") else ""


def esc_para(value) -> str:
    """Like :func:`esc`, for a :class:`Para`: in reading order, so a
    right-to-left text that wraps keeps its lines in order."""
    return markup(value, logical=True) if value not in (None, "") else ""


def review_date(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


class Ctx:
    """The languages of one printout (primary first) and the bilingual helpers."""

    def __init__(self, languages: list[str], paper: str = "letter", today: date | None = None,
                 blank: bool = False, show_full_numbers: bool = False):
        if not languages or len(languages) > 2:
            raise ValueError("give one or two languages, e.g. ['en'] or ['es', 'en']")
        langs = []
        for lang in languages:
            check_language(lang)
            if lang not in langs:
                langs.append(lang)
        if paper not in PAPERS:
            raise ValueError(f"unknown paper {paper!r}: choose one of {', '.join(PAPERS)}")
        register_fonts()
        self.langs = langs
        self.tr = [translator(lang) for lang in langs]
        self.paper = paper
        self.pagesize = PAPERS[paper]
        self.width = self.pagesize[0] - 2 * MARGIN
        self.today = today or date.today()
        self.blank = blank
        # print account numbers in free text whole (the family chose to); else their last 4 digits
        self.show_full_numbers = show_full_numbers

    def for_instrument(self) -> Ctx:
        """The languages of a legal instrument: English, the controlling text,
        then the family's first other language as a translation beside it."""
        others = [lang for lang in self.langs if lang != "en"]
        return Ctx(["en"] + others[:1], paper=self.paper, today=self.today, blank=self.blank,
                   show_full_numbers=self.show_full_numbers)

    # -- words ------------------------------------------------------------
    def t(self, msgid: str, **fmt) -> list[str]:
        """The message in each language (once when both read the same).  A
        value in ``fmt`` may be a Message or a function of the translator, for
        parts that are themselves translated (a list of events)."""
        out = []
        for tr in self.tr:
            text = phrase(msgid, **fmt)(tr)
            if text not in out:
                out.append(text)
        return out

    def nt(self, singular: str, plural: str, n: int, **fmt) -> list[str]:
        out = []
        for tr in self.tr:
            text = tr.ngettext(singular, plural, n).format(n=n, **fmt)
            if text not in out:
                out.append(text)
        return out

    def date(self, d: date | None) -> list[str]:
        return [format_date(d, lang) for lang in self.langs] if d else []

    def date_str(self, d: Day | None) -> str:
        """A date for the data column: long form in the primary language."""
        return nobreak(format_date(d, self.langs[0])) if d else ""     # never broken across lines

    def inline(self, msgid: str, sep: str = " / ", **fmt) -> str:
        """'<b>Primary</b> / second' markup for a label on one line."""
        texts = [esc(s) for s in self.t(msgid, **fmt)]   # a name in a sentence prints in its script
        return f"<b>{texts[0]}</b>" + "".join(f'{sep}<font color="#333333">{s}</font>' for s in texts[1:])

    def plain(self, msgid: str, sep: str = " / ", **fmt) -> str:
        return sep.join(self.t(msgid, **fmt))

    # -- flowables ----------------------------------------------------------
    def label(self, msgid: str, size: float = 8, **fmt) -> Flowable:
        """Stacked label: primary bold, the second language below, each
        aligned the way it reads (Arabic right, English left)."""
        texts = [esc_para(s) for s in self.t(msgid, **fmt)]   # a name in a sentence prints in its script
        first = Para(f"<b>{texts[0]}</b>", style("lbl", size, leading=size * 1.18))
        if len(texts) == 1:
            return first
        return Stack([first, *(Para(s, style("lbl2", size - 0.6, leading=size * 1.18, color=SECOND))
                               for s in texts[1:])])

    def heading(self, msgid: str, level: int = 1, **fmt) -> Flowable:
        texts = self.t(msgid, **fmt)
        st = HEAD if level == 1 else SUBHEAD
        if len({starts_rtl(t) for t in texts}) > 1:
            return self._opposed_heading(texts, st, level)
        texts = [esc_para(s) for s in texts]   # a name in a sentence prints in its script
        second = "".join(f'<font name="{FONT}" size="{st.fontSize - 2}" color="#333333">'
                         f'&nbsp;&nbsp;/&nbsp;&nbsp;{s}</font>' for s in texts[1:])
        para = Para(texts[0] + second, st)
        if level != 1:
            para.keepWithNext = True
            return para
        rule = Table([[para]], colWidths=[self.width], style=_ts([
            ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        rule.keepWithNext = True
        rule.spaceBefore, rule.spaceAfter = 6, 4
        return rule

    def _opposed_heading(self, texts: list[str], st: ParagraphStyle, level: int) -> Table:
        """A heading in a left-to-right and a right-to-left language (English
        and Arabic): one row, each language from its own side of the page."""
        second = style("head2", st.fontSize - 2, leading=st.leading, color=SECOND)
        paras = [Para(esc_para(texts[0]), st), Para(esc_para(texts[1]), second)]
        if starts_rtl(texts[0]):
            paras.reverse()         # English on the left, Arabic on the right
        table = Table([paras], colWidths=["50%", "50%"], style=_ts([     # of the width it is given (a box)
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
            + ([("LINEBELOW", (0, 0), (-1, -1), 1.2, INK)] if level == 1 else [])))
        table.keepWithNext = True
        table.spaceBefore, table.spaceAfter = (6, 4) if level == 1 else (st.spaceBefore, st.spaceAfter)
        return table

    def text(self, msgid: str, size: float = 9.5, prefix: str = "", **fmt) -> Flowable:
        """An instruction or statement: side by side in two languages, so both
        readers can point at the same sentence.  ``prefix`` (a step number)
        starts each language's paragraph."""
        texts = self.t(msgid, **fmt)
        indent: dict[str, Any] = dict(leftIndent=size * 2.2, firstLineIndent=-size * 2.2) if prefix else {}
        paras = [Para((f"<b>{escape(prefix)}</b>&nbsp;" if prefix else "") + esc_para(s),
                           style("txt", size, color=INK if i == 0 else SECOND, **indent))
                 for i, s in enumerate(texts)]
        return self.side_by_side(texts, paras)

    def side_by_side(self, texts: list[str], cells: list, **columns: Any) -> Flowable:
        """Each language's cell in its column, the first language's first;
        but when only the first reads right to left (Arabic and English), it
        takes the right-hand column, as in the headings above it."""
        if len(texts) == 2 and starts_rtl(texts[0]) and not starts_rtl(texts[1]):
            cells = cells[::-1]
        return self.columns(cells, **columns)

    def columns(self, cells: list, gap: float = 12, width: float | None = None) -> Flowable:
        if len(cells) == 1:
            return cells[0]
        w = ((width or self.width) - gap) / 2
        return Table([cells], colWidths=[w + gap / 2, w + gap / 2], style=_ts([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (0, 0), (0, 0), gap / 2),
            ("LEFTPADDING", (1, 0), (1, 0), gap / 2), ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ("LINEBEFORE", (1, 0), (1, 0), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))

    def value(self, value, size: float = 10, phone: bool = False, width: float | None = None) -> Flowable:
        """Family data for the data column.  A phone number never breaks; a
        value ``width`` wide at most shrinks (down to 8 pt) to stay on one
        line, and one too long even then wraps, at word boundaries, at 8.5 pt."""
        if phone:
            value = nobreak(format_phone(value))
        if value in (None, ""):
            return Spacer(1, size * 1.3)
        if width and isinstance(value, str) and "\n" not in value:
            natural = string_width(value, FONT, size)
            if natural > width:
                size = max(size * width / natural, 8.0) if natural * 0.8 <= width else 8.5
        return Para(esc_para(value), style("val", size, splitLongWords=not phone))

    def yes_no(self, flag: bool | None) -> str:
        """☒ Yes ☐ No (both languages), or two empty boxes when unknown."""
        yes, no = self.plain(N_("Yes")), self.plain(N_("No"))
        return (f"{BOX_ON if flag is True else BOX_OFF} {yes}   "
                f"{BOX_ON if flag is False else BOX_OFF} {no}")

    def fields(self, rows: list[tuple], cols: int = 1, label_frac: float = 0.32,
               width: float | None = None) -> Table:
        """Form rows "label | value" with a writing line under every value, so a
        blank form and a half-filled plan look the same.  A row is
        ``(msgid, value)`` or ``(msgid, value, "phone")``."""
        pair = (width or self.width) / cols
        # widen the label column (up to 45 %) so labels in any language stay on one line
        longest = max((pdfmetrics.stringWidth(t, FONT_BOLD, 8) for row in rows
                       for t in self.t(row[0])), default=0)
        label_frac = min(max(label_frac, (longest + 10) / pair), 0.45)
        widths = [pair * label_frac, pair * (1 - label_frac)] * cols
        cells = []
        for row in rows:
            msgid, val = row[0], row[1]
            kind = row[2] if len(row) > 2 else None
            v = val if kind == "flowable" else self.value(val, phone=(kind == "phone"), width=widths[1] - 8)
            cells.append([self.label(msgid), v])
        if cols == 2:
            if len(cells) % 2:
                cells.append(["", ""])
            cells = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
        st: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
              ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
              ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
        for c in range(cols):
            st.append(("LINEBELOW", (2 * c + 1, 0), (2 * c + 1, -1), 0.5, RULE))
            st.append(("VALIGN", (2 * c, 0), (2 * c, -1), "TOP"))  # label beside a long value's first line
        return FormRows(cells, colWidths=widths, style=_ts(st))

    def table(self, headers: list[str], rows: list[list], fracs: list[float],
              blank_rows: int = 0, min_height: float = 15, font: float = 9.2) -> Table:
        """A list with a bilingual header row (repeated on every page) and a
        line under every row; ``blank_rows`` empty rows are added for handwriting."""
        head = [self.label(h, size=7.8) for h in headers]
        body = []
        for row in rows:
            body.append([c if isinstance(c, Flowable) else
                         (Para(esc_para(c), style("cell", font)) if c not in (None, "") else "")
                         for c in row])
        for _ in range(blank_rows):
            body.append([Spacer(1, min_height)] + [""] * (len(headers) - 1))
        # each column at least as wide as its longest word in any language (a header, a phone number)
        words = [[w for h in self.t(msgid) for w in h.split()] for msgid in headers]
        least = [max((string_width(w, FONT_BOLD, 7.8) for w in ws), default=0) + 7 for ws in words]
        natural = list(least)       # and, where others have room to spare, as wide as its longest text
        for row in rows:
            for i, c in enumerate(row):
                if isinstance(c, str) and c:
                    least[i] = max(least[i], max(string_width(w, FONT, font) for w in c.split(" ")) + 7)
                    natural[i] = max(natural[i], string_width(c, FONT, font) + 7)
        # (a list with lines to write on keeps its proportions: the handwriting needs them)
        widths = fit_columns([self.width * f for f in fracs], least, None if blank_rows else natural)
        st = [("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
              ("LINEBELOW", (0, 0), (-1, 0), 1, INK),
              ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
              ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
              ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        if not body:
            body.append([Spacer(1, min_height)] + [""] * (len(headers) - 1))
        return Table([head] + body, colWidths=widths, repeatRows=1, style=_ts(st))

    def box(self, flowables: list, pad: float = 7, width: float = 1.2) -> Table:
        """A framed box (for the warnings on the binder's first page)."""
        return Table([[flowables]], colWidths=[self.width], style=_ts([
            ("BOX", (0, 0), (-1, -1), width, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad - 2), ("BOTTOMPADDING", (0, 0), (-1, -1), pad)]))

    def signature(self, who_msgid: str, extra: Sequence[tuple] = (), seal: bool = False,
                  width: float | None = None, **fmt) -> Flowable:
        """Signature and date lines, labelled in both languages, plus optional
        form rows (printed name, address) for witnesses.  ``seal`` adds the
        "(L.S.)" of the statutory forms after the signature line."""
        w = width or self.width
        cells = [self.label(who_msgid, **fmt), ""]
        fracs = [0.22, 0.45]
        if seal:
            cells.append(Paragraph("(L.S.)", SMALL))
            fracs = [0.22, 0.38, 0.07]
        cells += [self.label(N_("Date")), ""]
        fracs += [0.1, 0.23]
        date_line = len(cells) - 1
        line = [("LINEBELOW", (1, 0), (1, 0), 0.7, INK), ("LINEBELOW", (date_line, 0), (date_line, 0), 0.7, INK),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 15), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
        sig = Table([cells], colWidths=[w * f for f in fracs], style=_ts(line))
        parts = [[sig]]
        if extra:
            parts.append([self.fields(list(extra), cols=1 if width else 2, label_frac=0.34, width=w)])
        # one unsplittable block: a signature line never sits apart from its labels
        return Unsplit(parts, colWidths=[w], style=_ts([
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 8)]))

    def checkbox(self, flag: bool) -> str:
        return BOX_ON if flag else BOX_OFF


def header_height(ctx: Ctx) -> float:
    """The header's height: one title line less in a one-language printout
    (no empty gap under the title)."""
    return HEADER_H if len(ctx.tr) > 1 else HEADER_H - 13


def frame_height(ctx: Ctx) -> float:
    """The height of the body of a page, between the header and the footer."""
    return ctx.pagesize[1] - 2 * VMARGIN - header_height(ctx) - FOOTER_H


def continued(ctx: Ctx, name: str) -> Paragraph:
    """The heading of a record that goes on from the page before: "Ana (continued)"."""
    marks = " / ".join(esc_para(s) for s in ctx.t(N_("(continued)")))
    return Para(f"<b>{esc_para(name)}</b> {marks}" if name else marks,
                     style("cont", 11, bold=not name, spaceBefore=0, spaceAfter=4))


LRM = "\u200e"     # left-to-right mark: invisible, a strong left-to-right letter to the bidi algorithm


def _held_in_place(value, rtl: bool):
    """A value typed left to right (an address, a name and phone), set in a
    right-to-left sentence: between two left-to-right marks, so its house
    number and brackets stay where they were typed ("41 Elm Street", not
    "Elm Street 41"): the number then follows a left-to-right letter (bidi
    rule W7), not the Arabic word before it."""
    if rtl and isinstance(value, str) and not any(unicodedata.bidirectional(c) in ("R", "AL") for c in value) \
            and any(unicodedata.bidirectional(c) in ("L", "EN") for c in value):
        return f"{LRM}{value}{LRM}"
    return value


_FIELD = re.compile(r"\{[^{}]*\}")


def phrase(msgid: str, **fmt) -> Callable[[Translator], str]:
    """The message in a translator's language, its values put in (a value
    may itself be a phrase, a Message or a function of the translator)."""
    def in_language(tr: Translator) -> str:
        text = tr.gettext(msgid)
        if not fmt:
            return text
        rtl = starts_rtl(_FIELD.sub("", text))        # "{name} (هاتف {phone})" reads right to left
        return text.format(**{k: _held_in_place(_in_language(v, tr), rtl) for k, v in fmt.items()})
    return in_language


def _in_language(value, tr):
    if isinstance(value, Message):
        return value.text(tr.gettext)
    if callable(value):
        return value(tr)
    return value


class Stack(Flowable):
    """Flowables one above the other as one, each drawn the full width (the
    two languages of a label, each aligned its own way)."""

    def __init__(self, parts: list[Flowable]):
        super().__init__()
        self.parts = parts

    def wrap(self, aw, ah):
        self._sizes = [part.wrap(aw, ah) for part in self.parts]
        self.width, self.height = aw, sum(h for _, h in self._sizes)
        return self.width, self.height

    def draw(self):
        y = self.height
        for part, (_, h) in zip(self.parts, self._sizes, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)


class Unsplit(Table):
    """A table that moves to the next page whole instead of splitting."""

    def split(self, aw, ah):
        return []


class FormRows(Table):
    """Form rows that move to the next page together, so a row never sits
    alone at the top of a page; only a block taller than a third of a page
    (long notes) is split between its rows."""

    def split(self, aw, ah):
        return super().split(aw, ah) if self._height > 250 else []


class SetSubtitle(Flowable):
    """Zero-size marker: the page it lands on shows ``text`` at the top right
    of the header (the child's name on a school page)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv._prep_subtitle = self.text


class Instrument(Flowable):
    """Zero-size marker around a legal instrument (a designation, a statement).
    Its pages carry their own footer: the instrument's title and citation,
    "page n of m of this document" and, when it runs to several pages, an
    initials line; never the packet's review date or not-legal-advice notice,
    which belong to the cover and the instructions.  Start it after a
    PageBreak and end it before one, so no other content shares its pages."""

    def __init__(self, key: str | None, title: str = "", citation: str = ""):
        super().__init__()
        self.key, self.title, self.citation = key, title, citation
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        canv = self.canv
        canv._prep_instrument = (self.key, self.title, self.citation) if self.key else None
        if self.key:
            canv._prep_page_instrument = canv._prep_instrument


def _fit(c, text: str, font: str, size: float, width: float) -> float:
    while size > 5 and string_width(text, font, size) > width:
        size -= 0.25
    return size


def _subtitle_lines(text: str, width: float) -> tuple[list[str], float]:
    """The header's name (the family, the child) in at most two lines ``width``
    wide: one line shrunk down to 8 pt, else two lines cut at spaces, the
    second cut short with "…" when needed (the page itself prints the whole name)."""
    size = 11.0
    while size > 8 and string_width(text, FONT_BOLD, size) > width:
        size -= 0.5
    if not text or string_width(text, FONT_BOLD, size) <= width:
        return ([text] if text else []), size
    lines = [""]
    for word in text.split():
        joined = f"{lines[-1]} {word}".strip()
        if lines[-1] and string_width(joined, FONT_BOLD, size) > width:
            lines.append(word)
        else:
            lines[-1] = joined
    if len(lines) > 2:
        second = lines[1]
        while second and string_width(second + " …", FONT_BOLD, size) > width:
            second = second[:-1]
        lines = [lines[0], second.rstrip() + " …"]
    return lines, size


def _canvas_class(ctx: Ctx, title_msgid: str, subtitle: str):
    """A canvas that remembers each page and, once the total is known, draws
    the header and footer on all of them ("page n of m")."""

    class FurnitureCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kw):
            kw["initialFontName"] = FONT
            super().__init__(*args, **kw)
            self._pages = []
            self._prep_subtitle = subtitle
            self._prep_instrument = self._prep_page_instrument = None

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()
            self._prep_page_instrument = self._prep_instrument   # an instrument going on

        def save(self):
            total = len(self._pages)
            keys = [(state["_prep_page_instrument"] or (None,))[0] for state in self._pages]
            for n, state in enumerate(self._pages):
                self.__dict__.update(state)
                self._header()
                if keys[n] is None:
                    self._footer(total)
                else:
                    pages = [i for i, k in enumerate(keys) if k == keys[n]]
                    self._instrument_footer(pages.index(n) + 1, len(pages))
                rl_canvas.Canvas.showPage(self)
            rl_canvas.Canvas.save(self)

        def _header(self):
            pw, ph = self._pagesize
            x0, x1 = MARGIN, pw - MARGIN
            # header: the title in each language, the family / child at the right
            titles = ctx.t(title_msgid)
            y = ph - VMARGIN + 2
            self.setFillColor(INK)
            sub_lines, s3 = _subtitle_lines(getattr(self, "_prep_subtitle", "") or "", (x1 - x0) * 0.45)
            sub_w = max((string_width(line, FONT_BOLD, s3) for line in sub_lines), default=0)
            room = x1 - x0 - sub_w - 12
            size = _fit(self, titles[0], FONT_BOLD, 15, room)
            draw_string(self, x0, y - 13, titles[0], FONT_BOLD, size)
            if len(titles) > 1:
                self.setFillColor(SECOND)
                s2 = _fit(self, titles[1], FONT, 11, room)
                draw_string(self, x0, y - 27, titles[1], FONT, s2)
                self.setFillColor(INK)
            for i, line in enumerate(sub_lines):     # beside the title, never over it
                draw_string(self, x1, y - 13 - i * s3 * 1.15, line, FONT_BOLD, s3, align="right")
            self.setStrokeColor(INK)
            self.setLineWidth(0.8)
            rule = ph - VMARGIN - header_height(ctx) + 14
            self.line(x0, rule, x1, rule)

        def _footer(self, total: int):
            """Dates, notice and page number, one line per language."""
            pw, ph = self._pagesize
            x0, x1 = MARGIN, pw - MARGIN
            self.setStrokeColor(INK)
            self.setLineWidth(0.5)
            top = VMARGIN + FOOTER_H - 12
            self.line(x0, top, x1, top)
            page = self._pageNumber
            for i, tr in enumerate(ctx.tr):
                g = tr.gettext
                if ctx.blank:
                    prepared = g(N_("Prepared on {date}")).format(date="______________")
                    review = g(N_("Review by {date}")).format(date="______________")
                else:
                    prepared = g(N_("Prepared on {date}")).format(date=format_date(ctx.today, tr.lang))
                    review = g(N_("Review by {date}")).format(date=format_date(review_date(ctx.today), tr.lang))
                notice = g(N_("This is information, not legal advice."))
                left = f"{prepared}  ·  {review}  ·  {notice}"
                right = g(N_("Page {n} of {total}")).format(n=page, total=total)
                yy = top - 10 - i * 10
                rw = string_width(right, FONT_BOLD if i == 0 else FONT, 7.5)
                self.setFillColor(INK if i == 0 else SECOND)
                draw_string(self, x1, yy, right, FONT_BOLD if i == 0 else FONT, 7.5, align="right")
                fs = _fit(self, left, FONT, 7.5, x1 - x0 - rw - 12)
                draw_string(self, x0, yy, left, FONT, fs)
            self.setFillColor(INK)

        def _instrument_footer(self, n: int, total: int):
            """The instrument's own footer: title, citation, "page n of m of
            this document" and an initials line when it has several pages."""
            _key, title, citation = cast(tuple, self._prep_page_instrument)
            pw, _ph = self._pagesize
            x0, x1 = MARGIN, pw - MARGIN
            top = VMARGIN + FOOTER_H - 12
            self.setStrokeColor(INK)
            self.setLineWidth(0.5)
            self.line(x0, top, x1, top)
            # in the instrument's languages: English, the controlling text, first
            for i, tr in enumerate(ctx.for_instrument().tr):
                g = tr.gettext
                right = g(N_("Page {n} of {total} of this document")).format(n=n, total=total)
                if total > 1:
                    right = g(N_("Initials: ________")) + "    " + right
                left = f"{g(title)} ({citation})" if i == 0 else g(title)
                yy = top - 10 - i * 10
                font = FONT_BOLD if i == 0 else FONT
                rw = string_width(right, font, 7.5)
                self.setFillColor(INK if i == 0 else SECOND)
                draw_string(self, x1, yy, right, font, 7.5, align="right")
                draw_string(self, x0, yy, left, FONT, _fit(self, left, FONT, 7.5, x1 - x0 - rw - 12))
            self.setFillColor(INK)

    return FurnitureCanvas


def build(ctx: Ctx, title_msgid: str, story: list, subtitle: str = "", meta_title: str = "") -> bytes:
    """Lay out ``story`` on pages with the shared header and footer; PDF bytes."""
    buf = io.BytesIO()
    pw, ph = ctx.pagesize
    doc = DocTemplate(buf, pagesize=ctx.pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                      topMargin=VMARGIN + header_height(ctx), bottomMargin=VMARGIN + FOOTER_H,
                      title=meta_title or " / ".join(ctx.t(title_msgid)), author="prep-app",
                      creator="prep-app", subject="", initialFontName=FONT, invariant=True)
    frame = Frame(MARGIN, VMARGIN + FOOTER_H, pw - 2 * MARGIN, frame_height(ctx),
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    if not story:
        story = [Spacer(1, 1)]
    doc.build(story, canvasmaker=_canvas_class(ctx, title_msgid, subtitle))
    return buf.getvalue()
