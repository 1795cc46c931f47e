"""guardian.pdf: the packet for the temporary (standby) guardian.

The designation holds every element of Conn. Gen. Stat. §45a-624b, then the
other parent's consent (§45a-624a), the activation statement of §45a-624c to
sign later, the first 72 hours, the parent locator card, lawyer and consulate,
the children's medical and school facts and where the documents are.  No
finances: the guardian gets what is needed to care for the children.
"""
from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from ..messages import N_
from ..model.plan import Child, Guardian, OtherParent, Parent, Plan
from . import content
from . import sections as S
from .furniture import Ctx, build, esc, style

TITLE = N_("Standby guardian packet")
CITE = "Conn. Gen. Stat. §§45a-624 – 45a-624g"


def _cite(text: str):
    return Paragraph(f"<b>{esc(text)}</b>", style("cite", 9, spaceAfter=4))


def _witnesses(ctx: Ctx) -> list:
    out = []
    for n in (1, 2):
        out.append(ctx.signature(N_("Witness {n}: signature"), n=n, extra=[
            (N_("Printed name"), None), (N_("Street address"), None),
            (N_("City"), None), (N_("State and zip code"), None)]))
    return out


def designation(ctx: Ctx, plan: Plan) -> list:
    d = content.designation()
    h = plan.household
    story = [ctx.heading(d["title"]), _cite(f"{CITE}; §45a-624b"), ctx.text(d["intro"])]
    parents = S.slots(plan.parents, 2, Parent)
    story.append(ctx.heading(N_("Parent who makes this designation"), level=2))
    for p in parents:
        story.append(ctx.fields([(N_("Full name"), p.full_name), (N_("Phone"), p.phone, "phone")], cols=2))
        story.append(ctx.fields([(N_("Address"), h.address)], label_frac=0.16))
    guardians = plan.guardians or [Guardian(role="primary"), Guardian(role="alternate")]
    for g in guardians:
        msgid = N_("Alternate standby guardian") if g.role == "alternate" else N_("Standby guardian")
        story.append(ctx.heading(msgid, level=2))
        story.append(ctx.fields([(N_("Full name"), g.full_name), (N_("Relationship"), g.relationship),
                                 (N_("Phone"), g.phone, "phone"), (N_("For these children"),
                                                                   S.child_names(plan, g.children))], cols=2))
        story.append(ctx.fields([(N_("Address"), g.address)], label_frac=0.16))
    story.append(ctx.heading(N_("Children"), level=2))
    story.append(ctx.table([N_("Full name"), N_("Date of birth")],
                           [[c.full_name, ctx.date_str(c.date_of_birth)] for c in plan.children],
                           [0.6, 0.4], blank_rows=0 if plan.children else 4, min_height=16))
    story.append(ctx.heading(d["event_label"], level=2))
    story.append(ctx.text(d["event_text"]))
    story.append(ctx.fields([(N_("Other event"), None)], label_frac=0.16))
    story.append(Spacer(1, 6))
    story.append(ctx.text(d["parent_statement"]))
    for p in parents:
        story.append(ctx.signature(N_("Parent's signature"), extra=[(N_("Printed name"), p.full_name)]))
    story.append(ctx.heading(N_("Witnesses"), level=2))
    story.append(ctx.text(d["witness_statement"]))
    story += _witnesses(ctx)
    story += consent(ctx, plan)
    story += S.law_notes(ctx, ["forms"])
    return story


def consent(ctx: Ctx, plan: Plan) -> list:
    d = content.designation()
    story = [ctx.heading(d["consent_title"], level=2), _cite("Conn. Gen. Stat. §45a-624a"),
             ctx.text(content.legal_reference("consent")["text"], size=8.8)]
    if len(plan.parents) >= 2:
        story.append(ctx.text(d["consent_both_parents"]))
    others: dict[str, tuple[OtherParent, list[Child]]] = {}
    for c in plan.children:
        if c.other_parent.full_name:
            others.setdefault(c.other_parent.full_name, (c.other_parent, []))[1].append(c)
    if not others and len(plan.parents) < 2:
        others[""] = (OtherParent(), [])
    for op, kids in others.values():
        block = [ctx.fields([(N_("Other parent"), op.full_name), (N_("Phone"), op.phone, "phone"),
                             (N_("Children"), ", ".join(k.full_name or "" for k in kids)),
                             (N_("Agrees"), ctx.yes_no(op.consents))], cols=2),
                 ctx.text(d["consent_statement"]),
                 ctx.signature(N_("Other parent's signature"))]
        story.append(KeepTogether(block))
    return story


def activation(ctx: Ctx, plan: Plan) -> list:
    a = content.activation()
    g = next((g for g in plan.guardians if g.role == "primary"), plan.guardians[0] if plan.guardians else Guardian())
    parents = ", ".join(p.full_name for p in plan.parents if p.full_name)
    story = [PageBreak(), ctx.heading(a["title"]), _cite("Conn. Gen. Stat. §45a-624c"),
             ctx.text(a["intro"]), Spacer(1, 4), ctx.text(a["statement"]),
             ctx.fields([(N_("Standby guardian"), g.full_name), (N_("Named by (parent)"), parents or None),
                         (a["date_label"], None)], label_frac=0.3),
             ctx.signature(N_("Standby guardian's signature")),
             ctx.heading(N_("Witnesses"), level=2)]
    story += _witnesses(ctx)
    story += S.law_notes(ctx, ["duration", "death"])
    return story


def first72(ctx: Ctx, plan: Plan) -> list:
    f = content.first72()
    story = [PageBreak(), ctx.heading(f["title"])]
    for i, step in enumerate(f["steps"], 1):
        story.append(ctx.text(step["text"], prefix=f"{ctx.checkbox(False)} {i}."))
    story.append(ctx.heading(N_("Parent locator card"), level=1))
    story.append(ctx.text(N_("The ICE Online Detainee Locator asks for the A-number and the country of "
                             "birth, or the full name and the country of birth.")))
    for p in S.slots(plan.parents, 2, Parent):
        card = ctx.fields([(N_("Full name"), p.full_name), (N_("Date of birth"), ctx.date_str(p.date_of_birth)),
                           (N_("Country of birth"), p.country_of_birth), (N_("A-number"), p.a_number)], cols=2)
        story += [Spacer(1, 4), ctx.box([card], pad=5, width=0.8)]
    story.append(ctx.heading(N_("Lawyer and consulate")))
    story += S.legal(ctx, plan)
    return story


def render(ctx: Ctx, plan: Plan) -> bytes:
    story = designation(ctx, plan) + activation(ctx, plan) + first72(ctx, plan)
    story += [PageBreak(), ctx.heading(N_("The children: health and school"))]
    for c in S.slots(plan.children, 2, Child):
        story += S.child_block(ctx, plan, c, citizenship=True, other_parent=False)
    story.append(ctx.heading(N_("Where every document is")))
    story += S.documents(ctx, plan)
    story.append(ctx.heading(N_("What the law says")))
    story += S.law_notes(ctx, ["law", "designation", "consent", "activation", "duration", "death", "forms"])
    return build(ctx, TITLE, story, subtitle=plan.household.family_name or "")
