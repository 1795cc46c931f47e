"""checklist.pdf: every document per person, with boxes to tick by hand:
have / need / asked for, where the original is, who holds a copy."""
from __future__ import annotations

from functools import partial

from reportlab.platypus import Paragraph

from ..messages import N_
from ..model.plan import DOCUMENT_TYPES, Child, Document, Parent, Plan
from . import content
from .furniture import Ctx, build, continued, style
from .layout import record

TITLE = N_("Document checklist")
HEADERS = [N_("Document"), N_("Have it"), N_("Need it"), N_("Asked for it"),
           N_("Where the original is"), N_("Who has a copy"), N_("Notes")]
FRACS = [0.22, 0.07, 0.07, 0.08, 0.2, 0.16, 0.2]


def _row(ctx: Ctx, d: Document) -> list:
    def box(status):
        return Paragraph(ctx.checkbox(d.status == status), style("box", 13, leading=14))
    return [" / ".join(ctx.t(content.document_type(d.type))) if d.type else "",
            box("have"), box("need"), box("requested"), d.original_location, d.copy_holder, d.notes]


def render(ctx: Ctx, plan: Plan) -> bytes:
    story = [ctx.text(N_("Tick a box for each document: do you have it, do you need it, or have you "
                         "asked for it? Write where the original is and who has a copy. "
                         "Never write document numbers here."))]
    persons: list[Parent | Child] = [*plan.parents, *plan.children]
    people = [(p.id, p.full_name) for p in persons]
    known = {pid for pid, _ in people}
    groups = [(name, [d for d in plan.documents if d.person == pid]) for pid, name in people]
    rest = [d for d in plan.documents if d.person not in known]
    if rest:
        groups.append((None, rest))
    if not plan.documents and not people:  # blank form: every type once, whose it is by hand
        rows = [_row(ctx, Document(type=t)) for t in DOCUMENT_TYPES]
        story.append(ctx.table([N_("Document"), *HEADERS[1:4], N_("Whose"), *HEADERS[4:6]],
                               [r[:4] + [""] + r[4:6] for r in rows],
                               [0.22, 0.07, 0.07, 0.08, 0.16, 0.2, 0.2], blank_rows=6, min_height=18))
        return build(ctx, TITLE, story)
    for name, docs in groups:
        heading = (ctx.heading(N_("Documents of {name}"), name=name) if name
                   else ctx.heading(N_("Other documents")))
        table = ctx.table(HEADERS, [_row(ctx, d) for d in docs], FRACS, blank_rows=2, min_height=18)
        label = name or ctx.t(N_("Other documents"))[0]
        story += record(partial(continued, ctx, label), [heading, table])
    return build(ctx, TITLE, story, subtitle=plan.household.family_name or "")
