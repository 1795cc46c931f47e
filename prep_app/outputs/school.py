"""school.pdf: one page per child for the school office.

Only what a school needs to keep the child safe: never an A-number, a
country of birth, citizenship, anything about immigration, the lawyer, the
consulate, money or where documents are kept.  This module reads only the
fields it prints; it does not call the shared blocks that carry those facts.
"""
from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak, Spacer

from ..messages import N_
from ..model.people import pickup_list
from ..model.phones import format_phone
from ..model.plan import Child, Parent, Plan
from . import sections as S
from .furniture import Ctx, SetSubtitle, build

TITLE = N_("Information for the school")


def pickup_rows(plan: Plan, child: Child) -> list[list]:
    """Who may pick the child up, in order, each person once (the model decides who is the same person)."""
    return [[str(n), p.full_name, p.relationship, format_phone(p.phone)]
            for n, p in enumerate(pickup_list(plan, child), 1)]


def child_page(ctx: Ctx, plan: Plan, c: Child) -> list:
    s = c.school
    story = [SetSubtitle(c.full_name or ""), ctx.heading(N_("Student"))]
    story.append(ctx.fields([(N_("Full name"), c.full_name), (N_("Date of birth"), ctx.date_str(c.date_of_birth)),
                             (N_("School"), s.name), (N_("Grade"), s.grade),
                             (N_("Teacher"), s.teacher), (N_("School phone"), s.phone, "phone")], cols=2))
    story.append(ctx.heading(N_("Who may pick up this child, in order")))
    story.append(ctx.text(N_("If no parent can be reached, please call these adults in this order. "
                             "They may pick up the child."), size=8.4))
    rows = pickup_rows(plan, c)
    story.append(ctx.table([N_("Order"), N_("Name"), N_("Relationship"), N_("Phone")], rows,
                           [0.08, 0.38, 0.27, 0.27], blank_rows=0 if rows else 4, min_height=16))
    story.append(ctx.heading(N_("Never release the child to")))
    story += S.do_not_release(ctx, plan)
    story.append(ctx.heading(N_("Health")))
    story += S.child_medical(ctx, c, insurance=False)
    story.append(ctx.heading(N_("Parents")))
    parents = plan.parents or [Parent(), Parent()]
    story.append(ctx.fields([row for p in parents for row in
                             ((N_("Parent"), p.full_name), (N_("Phone"), p.phone, "phone"))], cols=2))
    story.append(Spacer(1, 4))
    story.append(KeepTogether([ctx.text(N_("I allow the school to release my child to the adults listed above.")),
                               ctx.signature(N_("Parent's signature"))]))
    return story


def render(ctx: Ctx, plan: Plan) -> bytes:
    story = []
    for i, c in enumerate(S.slots(plan.children, 1, Child)):
        if i:
            story.append(PageBreak())
        story += child_page(ctx, plan, c)
    return build(ctx, TITLE, story)
