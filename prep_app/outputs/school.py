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
from ..model.plan import Child, Plan
from . import sections as S
from .furniture import Ctx, SetSubtitle, build, continued, frame_height
from .layout import fit_page, nobreak

TITLE = N_("Information for the school")


def pickup_rows(plan: Plan, child: Child) -> list[list]:
    """Who may pick the child up, in order, each person once (the model decides who is the same person)."""
    return [[str(n), p.full_name, p.relationship, nobreak(format_phone(p.phone))]
            for n, p in enumerate(pickup_list(plan, child), 1)]


def child_page(ctx: Ctx, plan: Plan, c: Child) -> list:
    """One page for the child, whatever the name, the notes or the number of
    adults: shrunk a little when it must be; failing that, a second page
    marked as the child's, with the signature on each page."""
    s = c.school
    student = [ctx.heading(N_("Student")),
               ctx.fields([(N_("Full name"), c.full_name)], label_frac=0.16),
               ctx.fields([(N_("Date of birth"), ctx.date_str(c.date_of_birth)), (N_("Grade"), s.grade),
                           (N_("School"), s.name), (N_("Teacher"), s.teacher),
                           (N_("School phone"), s.phone, "phone")], cols=2)]
    rows = pickup_rows(plan, c)
    pickup = [ctx.heading(N_("Who may pick up this child, in order")),
              ctx.text(N_("If no parent can be reached, please call these adults in this order. "
                          "They may pick up the child."), size=8.4),
              ctx.table([N_("Order"), N_("Name"), N_("Relationship"), N_("Phone")], rows,
                        [0.08, 0.38, 0.27, 0.27], blank_rows=0 if rows else 4, min_height=16),
              ctx.heading(N_("Never release the child to")), *S.do_not_release(ctx, plan)]
    health = [ctx.heading(N_("Health")), *S.child_medical(ctx, c, insurance=False)]
    family = [ctx.heading(N_("Parents")),
              ctx.table([N_("Parent"), N_("Phone")],
                        [[p.full_name, nobreak(format_phone(p.phone))] for p in plan.parents],
                        [0.73, 0.27], blank_rows=0 if plan.parents else 2, min_height=16)]

    def signature() -> list:
        return [Spacer(1, 4), ctx.text(N_("I allow the school to release my child to the adults listed above.")),
                ctx.signature(N_("Parent's signature"))]

    height = frame_height(ctx)
    page = fit_page([*student, *pickup, *health, *family, *signature()], ctx.width, height)
    if page is not None:
        return [SetSubtitle(c.full_name or ""), page]
    # too much for one page: the pickup list with its signature, then the rest, marked as this child's
    first = [*student, *pickup, *signature()]
    second = [continued(ctx, c.full_name or ""), *health, *family, *signature()]
    return [SetSubtitle(c.full_name or ""), fit_page(first, ctx.width, height) or KeepTogether(first),
            PageBreak(), fit_page(second, ctx.width, height) or KeepTogether(second)]


def render(ctx: Ctx, plan: Plan) -> bytes:
    story = []
    for i, c in enumerate(S.slots(plan.children, 1, Child)):
        if i:
            story.append(PageBreak())
        story += child_page(ctx, plan, c)
    return build(ctx, TITLE, story)
