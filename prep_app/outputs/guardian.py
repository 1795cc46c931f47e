"""guardian.pdf: the packet for the standby guardian.

Order: a cover that explains the papers (the only place for the law notes and
the not-legal-advice notice); one designation per signing parent in the
statutory form of Conn. Gen. Stat. §45a-624b; the other parent's consent
(§45a-624a) where one is needed; the §45a-624c statement for the primary and
for the alternate guardian; the family's letter allowing medical care and
school contacts, and one short letter per school; then what the guardian needs
in the first days.  No finances.

Who may designate which child is decided in :mod:`prep_app.model.standby`;
this module only prints what it is told.  Instruments are in English, the
controlling text, with the family's language beside it labelled as a
translation (``Ctx.for_instrument``).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table

from ..i18n import format_list
from ..messages import N_
from ..model.checks import BLOCKER, check
from ..model.countries import birth_country_in, country_name
from ..model.phones import format_phone
from ..model.plan import CONTINGENCIES, Child, Guardian, Parent, Plan
from ..model.standby import Instrument, instruments, statuses
from ..model.typed import locator_a_number
from . import content
from . import sections as S
from .fonts import Para
from .furniture import BODY2, Ctx, Unsplit, _ts, build, esc_para, frame_height, phrase, style
from .furniture import Instrument as Mark
from .layout import fit_page, flatten, keep, nobreak

TITLE = N_("Standby guardian packet")
LINE = "____________________"
ADDRESS_LINE = LINE * 2     # room to write an address, or several children's names, by hand


def _or_line(value: str | None, line: str = LINE) -> str:
    """Family data, or a writing line where it is missing."""
    return value if value else line


def _names(children) -> Callable[[Any], str]:
    names = [c.full_name or LINE for c in children] or [ADDRESS_LINE]     # blank: room for several names
    return lambda tr: format_list(names, tr.lang)


def _events(plan: Plan, ctx: Ctx, activation: bool = False):
    """The chosen contingencies, joined with "or" in each language; a blank
    packet prints a box for each instead (chosen by hand)."""
    if not ctx.blank:
        return S.event_list(plan, activation, empty=LINE)
    # ticked by hand on the designation; written by hand on the statement
    return lambda tr: LINE * 2 if activation else tr.gettext(N_("the contingency or contingencies ticked below"))


def _tick_events(ictx: Ctx) -> list:
    """Blank packet: every contingency with a box, and a line for another."""
    out = [ictx.text(content.contingency(k, False), prefix="\u2610") for k in CONTINGENCIES]
    out.append(ictx.fields([(N_("Other event"), None)], label_frac=0.16))
    return out


def _cite(text: str) -> Paragraph:
    return Para(f"<b>{esc_para(text)}</b>", style("cite", 8.5, spaceAfter=3))


def _languages_note(ictx: Ctx) -> list:
    """Column heads: the English legal text, and the translation beside it."""
    if len(ictx.tr) == 1:
        return []
    head = style("colhead", 8, color="#333333")
    return [ictx.columns([Paragraph("<b>Legal text (English)</b>", head),
                          Para("<b>{}</b>".format(esc_para(ictx.tr[1].gettext(N_(
                              "Translation. If the two texts differ, the English text is the one that counts.")))),
                                    head)])]


def _witnesses(ictx: Ctx, address: bool = True) -> Table:
    """Two witnesses side by side, each with the address lines of §45a-624b."""
    half = ictx.width / 2 - 6
    cells = []
    for _witness in (1, 2):
        rows = [(N_("Witness signature"), None), (N_("Printed name"), None)]
        if address:
            rows += [(N_("Number and street"), None), (N_("City, state and zip code"), None)]
        cells.append(ictx.fields(rows, label_frac=0.38, width=half))
    return Unsplit([cells], colWidths=[half + 6, half + 6], style=_ts([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("VALIGN", (0, 0), (-1, -1), "TOP")]))


def _one_page(ctx: Ctx, flows: list, keep: int = 3) -> list:
    """A paper on one page, its signature lines on the page of its terms:
    shrunk a little when it must be; failing that, at least its last ``keep``
    flowables (the last terms, the signature, the witnesses) kept together."""
    page = fit_page(flows, ctx.width, frame_height(ctx))
    if page is not None:
        return [page]
    return [*flows[:-keep], KeepTogether(flatten(flows[-keep:]))]


def _instrument(key: str, title: str, citation: str, ictx: Ctx, body: list) -> list:
    """An instrument on pages of its own, with its own footer."""
    return [PageBreak(), Mark(key, title, citation),
            *_one_page(ictx, [ictx.heading(title), _cite(citation), *_languages_note(ictx), *body], keep=4),
            Mark(None)]


# -- the instruments ----------------------------------------------------------

def designation(ctx: Ctx, plan: Plan, inst: Instrument) -> list:
    d = content.designation()
    ictx = ctx.for_instrument()
    g, alt = inst.primary or Guardian(), inst.alternate
    body = [ictx.text(d["appoint"], principal=_or_line(inst.principal.full_name),
                      guardian=_or_line(g.full_name), guardian_address=_or_line(g.address, ADDRESS_LINE),
                      children=_names(inst.children), contingencies=_events(plan, ctx))]
    if ctx.blank:
        body += _tick_events(ictx)
    if alt is not None or ctx.blank:
        alt = alt or Guardian()
        body.append(ictx.text(d["alternate"], guardian=_or_line(g.full_name), alternate=_or_line(alt.full_name),
                              alternate_address=_or_line(alt.address, ADDRESS_LINE)))
    body += [Spacer(1, 4), ictx.text(d["reflection"]),
             ictx.signature(N_("Signature of principal"), seal=True,
                            extra=[(N_("Printed name"), inst.principal.full_name)]),
             _witnesses(ictx)]
    return _instrument(f"designation-{inst.number}", d["title"], d["citation"], ictx, body)


def consent(ctx: Ctx, plan: Plan, inst: Instrument) -> list:
    """The §45a-624a consent page for each other parent the instrument needs;
    nothing is pre-ticked: the other parent signs or does not."""
    c = content.consent()
    ictx = ctx.for_instrument()
    others: dict[str, list[Child]] = {}
    for child in inst.consents:
        others.setdefault(child.other_parent.full_name or "", []).append(child)
    g, alt = inst.primary or Guardian(), inst.alternate
    story = []
    for n, (name, kids) in enumerate(others.items(), 1):
        msgid = c["statement_alternate"] if alt or ctx.blank else c["statement"]
        body = [ictx.text(msgid, other=_or_line(name), children=_names([k for k in kids if k.full_name])
                          if any(k.full_name for k in kids) else ADDRESS_LINE, principal=_or_line(inst.principal.full_name),
                          guardian=_or_line(g.full_name), alternate=_or_line((alt or Guardian()).full_name)),
                ictx.signature(N_("Signature of the other parent"),
                               extra=[(N_("Printed name"), name or None),
                                      (N_("Phone"), kids[0].other_parent.phone if name else None, "phone")])]
        story += _instrument(f"consent-{inst.number}-{n}", c["title"], c["citation"], ictx, body)
    return story


def activation(ctx: Ctx, plan: Plan, inst: Instrument, guardian: Guardian, primary: Guardian | None,
               alternate: bool) -> list:
    a = content.activation()
    ictx = ctx.for_instrument()
    p = inst.principal
    body = []
    if alternate:
        body.append(ctx.text(N_("For the alternate guardian: use this statement only if {primary} cannot or "
                                "will not act as standby guardian."), primary=_or_line(primary.full_name if primary else None),
                             size=8.8))
    venue = style("venue", 9.5)
    body.append(Table([[Paragraph("STATE OF CONNECTICUT", venue), Paragraph(")", venue),
                        Paragraph("ss. ______________ (town)", venue)],
                       [Paragraph("COUNTY OF ______________", venue), Paragraph(")", venue), ""]],
                      colWidths=[ictx.width * 0.4, ictx.width * 0.05, ictx.width * 0.55],
                      style=_ts([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("SPAN", (2, 0), (2, 1))])))
    if len(ictx.tr) > 1:
        body.append(Para(esc_para(ictx.tr[1].gettext(N_(
            "Write the town and county where you sign."))), BODY2))
    body.append(Spacer(1, 4))
    appointed = a["appointed_alternate"] if alternate else a["appointed"]
    body += [ictx.text(appointed, principal=_or_line(p.full_name), principal_address=_or_line(plan.household.address, ADDRESS_LINE),
                       guardian=_or_line(guardian.full_name), children=_names(inst.children),
                       primary=_or_line(primary.full_name if primary else None)),
             ictx.text(a["contingency"], contingencies=_events(plan, ctx, activation=True)),
             ictx.text(a["occurred"]),
             ictx.fields([(N_("Which one has occurred, and on what date"), None)], label_frac=0.3),
             Spacer(1, 4), ictx.text(a["seal"]),
             ictx.signature(N_("Signature of standby guardian"), seal=True,
                            extra=[(N_("Printed name"), guardian.full_name)]),
             _witnesses(ictx, address=False)]
    role = "alternate" if alternate else "primary"
    return _instrument(f"activation-{inst.number}-{role}", a["title"], a["citation"], ictx, body)


# -- letters -------------------------------------------------------------------

def _who(g: Guardian | None):
    """The guardian's name, and phone if known, for a sentence."""
    if g is None:
        return LINE
    phone = nobreak(format_phone(g.phone))     # never broken inside the sentence
    return phrase(N_("{name} (tel. {phone})"), name=_or_line(g.full_name), phone=phone) if phone \
        else _or_line(g.full_name)


def care_letter(ctx: Ctx, kids: list[Child], principals, primary: Guardian | None,
                alternate: Guardian | None) -> list:
    """The family's own letter: medical care and school contacts for ``kids``,
    signed by ``principals``, each of whom is a parent of every one of them."""
    ictx = ctx.for_instrument()
    story = [ictx.heading(N_("Permission for medical care and school")),
             ictx.text(N_("The parent or parents who sign below allow {guardian} to consent to routine and "
                          "emergency medical and dental care for {children}, to receive their health "
                          "information, and to talk with their schools and make everyday school decisions "
                          "for them, while no parent can."), guardian=_who(primary),
                       children=_names(kids))]
    if alternate is not None:
        story.append(ictx.text(N_("If {guardian} cannot act, {alternate} has the same permission."),
                               guardian=_or_line(primary.full_name if primary else None), alternate=_who(alternate)))
    story.append(ictx.text(N_("This letter is the family's own permission. It does not replace the "
                              "designation of a standby guardian."), size=8.8))
    for parent in principals:
        story.append(ictx.signature(N_("Parent's signature"), extra=[(N_("Printed name"), parent.full_name)]))
    return [PageBreak(), *_one_page(ictx, story, keep=len(principals) + 1)]


def _covered(plan: Plan, insts: list[Instrument]):
    """(status, its designation) for each child a designation covers, in plan order."""
    for s in statuses(plan):
        inst = next((i for i in insts if any(c is s.child for c in i.children)), None)
        if inst is not None:
            yield s, inst


def care_letters(ctx: Ctx, plan: Plan, insts: list[Instrument]) -> list:
    """One letter per group of covered children with the same parents and
    guardians, so nobody signs for a child who is not theirs (a niece, a
    stepchild) and each child's own guardians are named."""
    if ctx.blank:
        return care_letter(ctx, [], [Parent(), Parent()], None, Guardian())
    groups: dict[tuple, tuple] = {}
    for s, inst in _covered(plan, insts):
        key = (tuple(p.id for p in s.principals), id(inst.primary), id(inst.alternate))
        groups.setdefault(key, (s.principals, inst.primary, inst.alternate, []))[3].append(s.child)
    story = []
    for principals, primary, alternate, kids in groups.values():
        story += care_letter(ctx, kids, principals, primary, alternate)
    return story


def school_letter(ctx: Ctx, plan: Plan, child: Child, principals, primary: Guardian | None,
                  alternate: Guardian | None) -> list:
    """A short letter a school may keep: who may act for the child. No reason
    is given and nothing else from the packet is on the page."""
    ictx = ctx.for_instrument()
    school = child.school.name or LINE
    story = [ictx.heading(N_("Letter for the school")),
             ictx.fields([(N_("School"), child.school.name), (N_("Student"), child.full_name)], cols=2),
             ictx.text(N_("To {school}: the parent or parents who sign below allow {guardian} to pick up {child}, to "
                          "receive information about {child}, and to talk with the school about what {child} "
                          "needs, while no parent can."), school=school, guardian=_who(primary),
                       child=_or_line(child.full_name))]
    if alternate is not None:
        story.append(ictx.text(N_("If {guardian} cannot act, {alternate} has the same permission."),
                               guardian=_or_line(primary.full_name if primary else None), alternate=_who(alternate)))
    for parent in principals or [Parent()]:
        story.append(ictx.signature(N_("Parent's signature"), extra=[(N_("Printed name"), parent.full_name)]))
    return [PageBreak(), *_one_page(ictx, story, keep=len(principals or [0]) + 1)]


# -- what the guardian needs -----------------------------------------------------

def cover(ctx: Ctx, plan: Plan) -> list:
    story = [ctx.heading(N_("Read this first")),
             ctx.text(N_("This packet is for the standby guardian: the adult who will care for the children if "
                         "the event named in the designation happens. Keep it where you can find it quickly.")),
             *not_covered(ctx, plan)]
    steps = [N_("Each parent signs their own designation in front of two adult witnesses, who then sign and "
                "write their address. Choose witnesses who are not the standby guardian."),
             N_("Where there is a consent page, the other parent signs it."),
             N_("Give the standby guardian a copy of everything. Keep the originals in the family binder."),
             N_("The standby guardian signs the statement only when the event has happened, in front of two "
                "witnesses."),
             N_("Ask a legal aid organization to check the papers.")]
    story.append(ctx.heading(N_("How to sign"), level=2))
    for i, step in enumerate(steps, 1):
        story.append(ctx.text(step, prefix=f"{i}."))
    # the law notes start a page rather than leave their last lines on one of their own
    story.append(keep([ctx.heading(N_("What the law says"), level=2),
                               *S.law_notes(ctx, ["law", "designation", "no_court", "consent", "activation",
                                                  "revoke", "duration", "death", "forms"])]))
    return story


def not_covered(ctx: Ctx, plan: Plan) -> list:
    """Children the designation cannot cover yet, each with the reason."""
    rows = S.not_designated(ctx, plan)
    return [Spacer(1, 2), ctx.box(rows), Spacer(1, 2)] if rows else []


def people(ctx: Ctx, plan: Plan) -> list:
    return [ctx.heading(N_("People to call, in order")),
            *S.call_list(ctx, plan, details=False, blank_rows=0 if plan.contacts else 6),
            ctx.heading(N_("Who may pick up the children")),
            *S.call_list(ctx, plan, pickup_only=True, details=False, blank_rows=0 if plan.contacts else 3),
            ctx.heading(N_("Never release the children to")),
            ctx.text(N_("If a court order (a restraining or protective order) protects the children from "
                        "someone on this list, keep a copy of it here and give one to the school."), size=8.8),
            *S.do_not_release(ctx, plan)]


def locator(ctx: Ctx, plan: Plan) -> list:
    story = [ctx.heading(N_("Parent locator card")),
             ctx.text(N_("The ICE Online Detainee Locator asks for the A-number (9 digits, without the A) and "
                         "the country of birth, or the exact full name and the country of birth. Its country "
                         "list is in English. Nobody under 18 is listed."))]
    pad = 5
    for p in S.slots(plan.parents, 2, Parent):
        english = country_name(p.birth_country, "en")
        own = birth_country_in(p, ctx.langs[0])
        card = ctx.fields([(N_("Full name"), p.full_name), (N_("Date of birth"), ctx.date_str(p.date_of_birth)),
                           (N_("Country of birth"), own), (N_("Country in the locator (English)"), english),
                           (N_("A-number (9 digits)"), locator_a_number(p.a_number))],
                          cols=1, label_frac=0.34, width=ctx.width - 2 * pad)
        health = ctx.fields([(N_("Health needs"), p.medical_notes)], label_frac=0.34, width=ctx.width - 2 * pad)
        story += [Spacer(1, 4), ctx.box([card, health], pad=pad, width=0.8)]
    return story


def render(ctx: Ctx, plan: Plan) -> bytes:
    insts = instruments(plan)
    if ctx.blank:   # one designation for each of two parents, written by hand
        insts = [Instrument(Parent(), (), None, None, 1, (Child(),)), Instrument(Parent(), (), None, None, 2)]
    story = cover(ctx, plan)
    if not insts:
        blockers = [f for f in check(plan, today=ctx.today) if f.level == BLOCKER]
        story += [ctx.heading(N_("No designation can be printed yet")),
                  *[ctx.text(f.message.template, prefix="!", **cast(dict[str, Any], f.message.params)) for f in blockers]]
    for inst in insts:
        story += designation(ctx, plan, inst)
    for inst in insts:
        story += consent(ctx, plan, inst)
    for inst in insts[:1] if ctx.blank else insts:
        primary = inst.primary or Guardian()
        story += activation(ctx, plan, inst, primary, primary, alternate=False)
        if inst.alternate is not None or ctx.blank:
            story += activation(ctx, plan, inst, inst.alternate or Guardian(), primary, alternate=True)
    story += care_letters(ctx, plan, insts)
    for s, inst in _covered(plan, insts):
        story += school_letter(ctx, plan, s.child, s.principals, inst.primary, inst.alternate)
    if ctx.blank:
        story += school_letter(ctx, plan, Child(), [], None, Guardian())
    f = content.first72()
    story += [PageBreak(), ctx.heading(f["title"])]
    story += [ctx.text(step["text"], prefix=f"{ctx.checkbox(False)} {i}.") for i, step in enumerate(f["steps"], 1)]
    story += locator(ctx, plan)
    story += people(ctx, plan)
    story += [ctx.heading(N_("Lawyer and consulate")), *S.legal(ctx, plan)]
    story += [ctx.heading(N_("The children: health and school"))]
    for c in S.slots(plan.children, 2, Child):
        story += S.child_block(ctx, plan, c, citizenship=True, other_parent=False)
    story += [ctx.heading(N_("Where every document is")), *S.documents(ctx, plan)]
    return build(ctx, TITLE, story, subtitle=plan.household.family_name or "")
