"""wallet.pdf: credit-card-sized cards (3.375 × 2.125 in) to cut out.

Whom to call in order; the lawyer and guardian phones (the consulate only if
the family ticked ``legal.consulate_on_wallet``: a consulate on a card tells
anyone who searches the wallet the family's nationality); short
know-your-rights reminders; and a statement for an officer, in English
whatever the languages, under a heading in the card's languages.
Never an A-number, an address or medical data: this module reads names,
relationships and phones only.
Text is fitted to the card: the font shrinks down to a floor, then the list is
cut short with "more in the family binder".  The sheet splits across pages by
whole rows of cards, so a card is never cut.
"""
from __future__ import annotations

from reportlab.lib.units import inch, mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ..messages import N_
from ..model.phones import format_phone
from ..model.plan import Plan
from . import content
from .fonts import FONT_BOLD, Para, draw_string, starts_rtl, string_width
from .furniture import INK, RULE, SECOND, Ctx, build, esc, esc_para, style

TITLE = N_("Wallet cards")
CARD_W, CARD_H = 3.375 * inch, 2.125 * inch
PAD = 7
PITCH = 7.5 * mm     # between lines written by hand: a hand needs 7 mm or more
SIZES = (8.2, 7.8, 7.4, 7.0, 6.6, 6.2, 5.8)
# a card with few lines (three people to call, the help card, the rights) uses its room for larger type
ROOMY_SIZES = (10.0, 9.4, 8.8, *SIZES)
# the statement for an officer, who may read it at arm's length: as large as the card allows
OFFICER_SIZES = (12.0, 11.4, 10.8, 10.2, 9.6, 9.0, 8.4)


def _nb(phone: str) -> str:
    """A phone number never breaks across lines."""
    return esc(phone).replace(" ", "&nbsp;")


def _title(ctx: Ctx, msgid: str, size: float, langs=None) -> list:
    """A card's title in its languages: on one line joined by " / ", or, when
    one reads right to left, a line per language, each from its own side."""
    plain = list(ctx.t(msgid)) if langs is None else [t.gettext(msgid) for t in langs]
    texts = [esc_para(s) for s in plain]
    title = style("ct", size + 0.6, leading=(size + 0.6) * 1.15, spaceAfter=2)
    if any(starts_rtl(s) for s in plain):
        return [Para(f"<b>{texts[0]}</b>", title),
                *(Para(f'<font color="#333333">{s}</font>', title) for s in texts[1:])]
    return [Para(f"<b>{texts[0]}</b>" + "".join(f' / <font color="#333333">{s}</font>' for s in texts[1:]), title)]


class WritingLines(Flowable):
    """Lines to write on by hand, ``PITCH`` apart (room for a hand, not for
    type), each after its label ("1.", "Phone")."""

    def __init__(self, labels: list[str], size: float):
        super().__init__()
        self.labels, self.size = labels, size

    def wrap(self, aw, ah):
        self.width, self.height = aw, len(self.labels) * PITCH
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        for i, label in enumerate(self.labels, 1):
            y = self.height - i * PITCH + 3
            c.setFillColor(INK)
            draw_string(c, 0, y + 1.5, label, FONT_BOLD, self.size)
            start = string_width(label, FONT_BOLD, self.size) + 3 if label else 0
            c.line(start, y, self.width, y)


def _line(text: str, size: float, blank: bool = False) -> Paragraph:
    """A name and a phone: each value put in reading order by itself (esc), so a
    phone number after an Arabic name keeps its digits in their order."""
    return Paragraph(text + ("&nbsp;" + "_" * 30 if blank else ""), style("cl", size, leading=size * 1.22, spaceAfter=1))


def calls_card(ctx: Ctx, plan: Plan, size: float, limit: int | None) -> list:
    people = [c for c in plan.contacts_in_call_order() if c.full_name or c.phone]
    out = _title(ctx, N_("Whom to call, in this order"), size)
    if not people:
        out.append(WritingLines([f"{i}." for i in range(1, 6)], size + 1))
        return out
    shown = people[:limit] if limit else people
    for i, c in enumerate(shown, 1):
        rel = f" ({esc(c.relationship)})" if c.relationship else ""
        out.append(_line(f"<b>{i}. {esc(c.full_name)}</b>{rel}&nbsp;&nbsp;<b>{_nb(format_phone(c.phone))}</b>", size))
    if len(shown) < len(people):
        more = " / ".join(ctx.t(N_("{n} more in the family binder"), n=len(people) - len(shown)))
        out.append(_line(f"+ {esc(more)}", size))
    return out


def help_card(ctx: Ctx, plan: Plan, size: float, limit=None) -> list:
    a, k = plan.legal.attorney, plan.legal.consulate
    g = next((g for g in plan.guardians if g.role == "primary"), plan.guardians[0] if plan.guardians else None)
    rows: list[tuple[str, str | None, str | None]] = [
        (N_("Lawyer"), " · ".join(x for x in (a.name, a.organization) if x), a.phone)]
    if plan.legal.consulate_on_wallet is True:  # only when chosen: it tells the nationality
        rows.append((N_("Consulate"), k.name, k.phone))
    rows.append((N_("Standby guardian"), g.full_name if g else None, g.phone if g else None))
    out = _title(ctx, N_("Help"), size)
    for msgid, name, phone in rows:
        label = " / ".join(esc_para(s) for s in ctx.t(msgid))
        out.append(Para(f"<b>{label}</b>", style("hl", size - 0.4, leading=size * 1.1, spaceBefore=2)))
        if name or phone:
            out.append(_line(f"{esc(name or '')}&nbsp;&nbsp;<b>{_nb(format_phone(phone))}</b>", size))
        else:   # by hand: the name, then the phone
            out.append(WritingLines(["", ctx.plain(N_("Phone"))], size))
    return out


def rights_card(ctx: Ctx, tr, size: float, limit=None) -> list:
    r = content.rights()
    out = _title(ctx, r["title"], size, langs=[tr])
    for item in r["reminders"]:
        reminder = item["text"]
        out.append(Para("•&nbsp;" + esc_para(tr.gettext(reminder)),
                             style("rl", size, leading=size * 1.2, spaceAfter=1.5, leftIndent=7, firstLineIndent=-7)))
    return out


def officer_card(ctx: Ctx, big: float, limit=None) -> list:
    """The English statement for an officer (``big`` points), whatever the card's
    languages, under a heading (and, for a reader of another language, what it
    says) in the card's languages."""
    o = content.rights()["officer_statement"]
    size = min(SIZES[0], big - 2.6)
    out = _title(ctx, o["heading"], size)
    meaning = o["explain"]      # (a msgid from rights.json; a literal inside gettext() would be extracted)
    explain = [esc_para(tr.gettext(meaning)) for tr in ctx.tr if tr.lang != "en"]
    for i, text in enumerate(dict.fromkeys(explain)):
        out.append(Para(text, style("ox", size - 0.8, leading=(size - 0.8) * 1.18, spaceAfter=1,
                                         color=INK if i == 0 else SECOND)))
    out.append(Paragraph(esc(o["_english"]), style("oe", big, leading=big * 1.24, spaceBefore=4)))
    return out


def card_height(flows, w: float = CARD_W - 2 * PAD) -> float:
    """How tall a card's content is when laid out ``w`` wide."""
    return _height(flows, w)


def _height(flows, w) -> float:
    return sum(f.wrap(w, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flows)


def fit(builder, w: float, h: float, items: int, sizes=SIZES) -> list:
    """The largest font that fits; at the floor, fewer list items."""
    for size in sizes:
        flows = builder(size, None)
        if _height(flows, w) <= h:
            return flows
    for limit in range(items - 1, 0, -1):
        flows = builder(sizes[-1], limit)
        if _height(flows, w) <= h:
            return flows
    return builder(sizes[-1], 1)


class CardSheet(Flowable):
    """Cards in a grid of two columns, dotted cut lines and crop marks.  When
    the rows do not all fit, the sheet splits between whole rows, so the rest
    go to the next page and no card is ever cut."""

    MARKS = 14  # room above and below the grid for the crop marks

    def __init__(self, cards: list[list]):
        super().__init__()
        self.cards = cards
        self.rows = (len(cards) + 1) // 2
        self.width, self.height = 2 * CARD_W, self.rows * CARD_H

    def wrap(self, aw, ah):
        self.x_off = (aw - self.width) / 2
        return aw, self.height + self.MARKS

    def split(self, aw, ah):
        fit = int((ah - self.MARKS) // CARD_H)
        if fit >= self.rows:
            return [self]
        if fit < 1:
            return []  # not even one row: the whole sheet goes to the next page
        return [CardSheet(self.cards[:2 * fit]), CardSheet(self.cards[2 * fit:])]

    def draw(self):
        c = self.canv
        x0, top = self.x_off, self.height + self.MARKS / 2
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.setDash(2, 2)
        for i in range(self.rows + 1):
            c.line(x0, top - i * CARD_H, x0 + self.width, top - i * CARD_H)
        for j in range(3):
            c.line(x0 + j * CARD_W, top, x0 + j * CARD_W, top - self.height)
        c.setDash()
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        m = 9  # crop marks outside the grid
        for i in range(self.rows + 1):
            y = top - i * CARD_H
            c.line(x0 - m - 3, y, x0 - 3, y)
            c.line(x0 + self.width + 3, y, x0 + self.width + m + 3, y)
        for j in range(3):
            x = x0 + j * CARD_W
            c.line(x, top + 3, x, top + 3 + m - 3)
            c.line(x, top - self.height - 3, x, top - self.height - m)
        for n, flows in enumerate(self.cards):
            cx = x0 + (n % 2) * CARD_W + PAD
            y = top - (n // 2) * CARD_H - PAD
            for f in flows:
                w, h = f.wrap(CARD_W - 2 * PAD, CARD_H)
                y -= f.getSpaceBefore() + h
                f.drawOn(c, cx, y)
                y -= f.getSpaceAfter()


def cards(ctx: Ctx, plan: Plan) -> list[list]:
    """Every card's flowables, in sheet order (two per row): whom to call ×2,
    help ×2, the rights in each language (×2 for one language), the statement
    for an officer ×2."""
    w, h = CARD_W - 2 * PAD, CARD_H - 2 * PAD
    n = len(plan.contacts)
    calls = fit(lambda s, lim: calls_card(ctx, plan, s, lim), w, h, n, sizes=ROOMY_SIZES)
    helpc = fit(lambda s, lim: help_card(ctx, plan, s, lim), w, h, 1, sizes=ROOMY_SIZES)
    rights = [fit(lambda s, lim, tr=tr: rights_card(ctx, tr, s, lim), w, h, 1, sizes=ROOMY_SIZES) for tr in ctx.tr]
    if len(rights) == 1:
        rights = rights * 2
    officer = fit(lambda s, lim: officer_card(ctx, s, lim), w, h, 1, sizes=OFFICER_SIZES)
    return [calls, calls, helpc, helpc, *rights, officer, officer]


def render(ctx: Ctx, plan: Plan) -> bytes:
    cut = ctx.t(N_("Cut along the dotted lines. Keep one set of cards in your wallet and give the other set to an adult you trust."))
    lines = [cut] if not any(starts_rtl(s) for s in cut) else [[s] for s in cut]     # Arabic: a line each
    story = [Para("\u2702&nbsp;" + esc_para(" / ".join(texts)), style("cut", 9)) for texts in lines]
    story += [Spacer(1, 6), CardSheet(cards(ctx, plan))]
    return build(ctx, TITLE, story, subtitle=plan.household.family_name or "")
