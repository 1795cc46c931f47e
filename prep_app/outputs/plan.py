"""plan.pdf: the family binder.  Everything in the plan, the plan's warnings
in a box on the first page, the call order and where every document is."""
from __future__ import annotations

from reportlab.platypus import Spacer

from ..messages import N_
from ..model.plan import Child, Guardian, Parent, Plan
from . import sections as S
from .fonts import Para, starts_rtl
from .furniture import Ctx, build, esc_para, style

TITLE = N_("Family preparedness plan")


def render(ctx: Ctx, plan: Plan) -> bytes:
    h = plan.household
    story = []
    if not ctx.blank:
        story += S.warnings(ctx, plan)
        n = len(plan.children)
        summary = [" · ".join(parts) for parts in zip(
            ctx.nt("{n} child", "{n} children", n),
            ctx.nt("{n} person to call", "{n} people to call", len(plan.contacts)),
            ctx.nt("{n} document", "{n} documents", len(plan.documents)), strict=False)] if len(ctx.tr) else []
        summary = list(dict.fromkeys(summary))
        if len({starts_rtl(text) for text in summary}) > 1:      # Arabic and English: a column each
            story.append(ctx.side_by_side(summary, [Para(esc_para(text), style("sum", 9)) for text in summary]))
        else:
            story.append(Para(esc_para("   /   ".join(summary)), style("sum", 9)))
    story.append(ctx.text(N_("Keep this binder in a safe place that you can reach quickly. "
                             "Tell the guardian where it is. Look at it again every year.")))

    story.append(ctx.heading(N_("Our family")))
    story.append(ctx.fields([(N_("Family name"), h.family_name), (N_("Home phone"), h.home_phone, "phone")], cols=2))
    story.append(ctx.fields([S.address_row(ctx, N_("Home address"), h.address),
                             (N_("Languages we speak"), S.language_names(ctx, h.languages)),
                             (N_("Notes"), h.notes)], label_frac=0.16))

    story.append(ctx.heading(N_("Parents")))
    for p in S.slots(plan.parents, 2, Parent):
        story.append(Spacer(1, 4))
        story += S.parent_fields(ctx, p)

    story.append(ctx.heading(N_("Children")))
    for c in S.slots(plan.children, 4, Child):   # a blank binder: room for four children
        story += S.child_block(ctx, plan, c)

    story.append(ctx.heading(N_("Guardians")))
    story.append(ctx.text(N_("The guardian cares for the children if no parent can. The alternate "
                             "guardian steps in if the first one cannot.")))
    for g in S.slots(plan.guardians, 2, Guardian):
        story += S.guardian_fields(ctx, plan, g)
    story += S.designation_summary(ctx, plan)

    story.append(ctx.heading(N_("People to call, in order")))
    story += S.call_list(ctx, plan, blank_rows=0 if plan.contacts else 6)

    story.append(ctx.heading(N_("Never release the children to")))
    story += S.do_not_release(ctx, plan)

    story.append(ctx.heading(N_("Where every document is")))
    story += S.documents(ctx, plan)

    story.append(ctx.heading(N_("Lawyer and consulate")))
    story += S.legal(ctx, plan)

    f = plan.finances
    story.append(ctx.heading(N_("Money and home")))
    story.append(ctx.fields([(N_("Bank"), f.bank_notes), (N_("Bills"), f.bills_notes),
                             (N_("Housing"), f.housing_notes), (N_("Car"), f.vehicle_notes),
                             (N_("Who holds the power of attorney"), f.power_of_attorney_holder)],
                            label_frac=0.22))

    story.append(ctx.heading(N_("Other notes")))
    story.append(ctx.fields([(N_("Notes"), plan.notes), (N_("Lawyer's notes"), plan.legal.notes)], label_frac=0.16))
    return build(ctx, TITLE, story, subtitle=h.family_name or "")
