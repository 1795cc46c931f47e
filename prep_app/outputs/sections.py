"""Blocks that several printouts share (a child's facts, the call list, the
document list, the lawyer and consulate), built from the plan with a Ctx.

Each block decides nothing about *whether* it may appear on an output: the
output module chooses which blocks to use (the school page never asks for
``legal()``); the blocks only take the fields they are asked for.
"""
from __future__ import annotations

from typing import Any, cast

from babel import Locale
from reportlab.platypus import KeepTogether, Spacer, Table

from ..i18n import format_list
from ..messages import N_, Message
from ..model.checks import BLOCKER, check
from ..model.countries import birth_country_in
from ..model.phones import format_phone
from ..model.plan import CONTINGENCIES, Child, Contact, Guardian, Parent, Plan
from ..model.standby import statuses
from . import content
from .fonts import Para
from .furniture import RULE, Ctx, _ts, continued, esc_para, style
from .layout import keep, nobreak, record


def slots(items: list, n: int, factory) -> list:
    """The plan's entries, or ``n`` empty ones for handwriting when there are none."""
    return list(items) if items else [factory() for _ in range(n)]


def address_row(ctx: Ctx, msgid: str, value: str | None) -> tuple:
    """A form row for an address: the address, or two lines to write one by
    hand (street, then town and ZIP code)."""
    if value:
        return (msgid, value)
    lines = Table([[""], [""]], colWidths=["100%"], rowHeights=[17, 17],
                  style=_ts([("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE)]))
    return (msgid, lines, "flowable")


def language_names(ctx: Ctx, codes: list[str]) -> str:
    names = []
    for code in codes or []:
        try:
            names.append(Locale.parse(code).get_display_name(ctx.langs[0]) or code)
        except Exception:
            names.append(code)
    from ..i18n import format_list
    return format_list(names, ctx.langs[0])


def child_names(plan: Plan, ids: list[str]) -> str:
    if not ids:
        return ", ".join(c.full_name or "" for c in plan.children if c.full_name)
    return ", ".join(plan.person_name(i) or i for i in ids)


def warnings(ctx: Ctx, plan: Plan) -> list:
    """The plan's findings in a framed box, blockers first (binder page 1)."""
    findings = sorted(check(plan, today=ctx.today), key=lambda f: f.level != BLOCKER)
    rows = [ctx.heading(N_("Things to fix or check"), level=2)]
    if not findings:
        rows.append(ctx.text(N_("Nothing to fix: the plan has everything it needs.")))
    for f in findings:
        mark = "!" if f.level == BLOCKER else "•"
        texts = []
        for tr in ctx.tr:
            t = f.text(tr.gettext)
            if t not in texts:
                texts.append(t)
        cells = [Para(f"<b>{mark}</b>&nbsp;{esc_para(t)}", style("w", 9, color="#000000" if i == 0 else "#333333"))
                 for i, t in enumerate(texts)]
        rows.append(ctx.side_by_side(texts, cells, width=ctx.width - 16))
    return [ctx.box(rows), Spacer(1, 6)]


def parent_fields(ctx: Ctx, p: Parent, immigration: bool = True) -> list:
    rows = [(N_("Full name"), p.full_name), (N_("Date of birth"), ctx.date_str(p.date_of_birth)),
            (N_("Phone"), p.phone, "phone"), (N_("Email"), p.email)]
    if immigration:
        rows += [(N_("Country of birth"), birth_country_in(p, ctx.langs[0])), (N_("A-number"), p.a_number)]
    rows += [(N_("Employer"), p.employer), (N_("Employer's phone"), p.employer_phone, "phone")]
    out = [ctx.fields(rows, cols=2)]
    out.append(ctx.fields([(N_("Health notes"), p.medical_notes)], label_frac=0.16))
    return record(lambda: continued(ctx, p.full_name or ""), [keep(out)])


def child_school(ctx: Ctx, c: Child) -> list:
    s = c.school
    return [ctx.fields([(N_("School"), s.name), (N_("Grade"), s.grade),
                        (N_("Teacher"), s.teacher), (N_("School phone"), s.phone, "phone")], cols=2),
            ctx.fields([address_row(ctx, N_("School address"), s.address)], label_frac=0.16)]


def child_medical(ctx: Ctx, c: Child, insurance: bool = True) -> list:
    rows = [(N_("Allergies"), c.allergies), (N_("Medicines"), c.medications),
            (N_("Health conditions"), c.medical_conditions)]
    out = [ctx.fields(rows, label_frac=0.16),
           ctx.fields([(N_("Doctor"), c.doctor.name), (N_("Doctor's phone"), c.doctor.phone, "phone")]
                      + ([(N_("Health insurance"), c.insurance)] if insurance else []), cols=2)]
    return out


def child_block(ctx: Ctx, plan: Plan, c: Child, citizenship: bool = True, comfort: bool = True,
                other_parent: bool = True) -> list:
    """Everything about one child (binder and guardian packet)."""
    out = [ctx.heading(N_("Child"), level=2) if not c.full_name else
           Para(f"<b>{esc_para(c.full_name)}</b>", style("cn", 11.5, bold=True, spaceBefore=8, spaceAfter=2,
                                                          keepWithNext=True))]
    rows = [(N_("Full name"), c.full_name), (N_("Date of birth"), ctx.date_str(c.date_of_birth))]
    if citizenship:
        rows += [(N_("U.S. citizen"), ctx.yes_no(c.us_citizen)),
                 (N_("Has a U.S. passport"), ctx.yes_no(c.has_us_passport))]
    out.append(ctx.fields(rows, cols=2))
    out += child_school(ctx, c) + child_medical(ctx, c)
    if comfort:
        out.append(ctx.fields([(N_("What comforts the child"), c.comfort_notes)], label_frac=0.16))
    if other_parent:
        op = c.other_parent
        out.append(ctx.fields([(N_("Parents in this plan"), ", ".join(p.full_name or "" for p in plan.parents_of(c))),
                               (N_("Other parent"), op.full_name), (N_("Other parent's phone"), op.phone, "phone"),
                               (N_("Other parent's consent"), consent_text(ctx, op))], cols=2))
    # a child's details under the child's name, on one page when they fit, else "(continued)"
    return record(lambda: continued(ctx, c.full_name or ""), [keep(out)])


CONSENT = {"yes": N_("Agrees; signs the consent page"), "no": N_("Does not agree"),
           "unknown": N_("Not asked yet, or not known"), "not_needed": N_("Not needed")}
CONSENT_REASON = {"removed_as_guardian": N_("a court removed them as guardian"),
                  "rights_terminated": N_("a court ended their parental rights"),
                  "deceased": N_("has died"), "identity_unknown": N_("not known who they are")}


def consent_text(ctx: Ctx, op) -> str:
    """The other parent's answer in the printout's languages ("Not needed: has died")."""
    if op.consent is None:
        return ""
    texts = ctx.t(CONSENT[op.consent])
    if op.consent == "not_needed" and op.consent_reason:
        reasons = ctx.t(CONSENT_REASON[op.consent_reason])
        texts = [f"{t}: {reasons[min(i, len(reasons) - 1)]}" for i, t in enumerate(texts)]
    return " / ".join(texts)


def guardian_fields(ctx: Ctx, plan: Plan, g: Guardian) -> list:
    role = {"primary": N_("Primary guardian"), "alternate": N_("Alternate guardian")}.get(g.role or "", N_("Guardian"))
    out = [ctx.heading(role, level=2)]
    out.append(ctx.fields([(N_("Full name"), g.full_name), (N_("Relationship"), g.relationship),
                           (N_("Phone"), g.phone, "phone"), (N_("Email"), g.email),
                           (N_("Has agreed"), ctx.yes_no(g.has_agreed)),
                           (N_("Could also be detained"), ctx.yes_no(g.may_be_at_risk))], cols=2))
    out.append(ctx.fields([address_row(ctx, N_("Address"), g.address),
                           (N_("For these children"), child_names(plan, g.children))], label_frac=0.16))
    return record(lambda: continued(ctx, g.full_name or ""), [keep(out)])


def event_list(plan: Plan, activation: bool = False, empty: str = ""):
    """The events the family chose, joined with "or", as a function of the
    translator (first person as in the designation, third person as in the
    guardian's statement)."""
    d = plan.designation
    keys = [k for k in CONTINGENCIES if k in d.contingencies]

    def text(tr) -> str:
        items = [tr.gettext(content.contingency(k, bool(d.mention_immigration), activation)) for k in keys]
        if d.other_contingency:
            items.append(d.other_contingency)
        return format_list(items or [empty], tr.lang, style="or")
    return text


def not_designated(ctx: Ctx, plan: Plan) -> list:
    """Each child the designation cannot cover yet, with the reason and what to do."""
    blocked = [s for s in statuses(plan) if not s.eligible]
    if not blocked or ctx.blank:
        return []
    return [ctx.heading(N_("Children not in the designation yet"), level=2),
            *[ctx.text(problem.template, prefix="!", **cast(dict[str, Any], problem.params))
              for problem in (cast(Message, s.problem) for s in blocked)]]


def designation_summary(ctx: Ctx, plan: Plan) -> list:
    """Binder: when the designation takes effect, and each child it cannot cover yet."""
    d = plan.designation
    out = [ctx.heading(N_("When the standby guardian takes over"), level=2)]
    if ctx.blank or not (d.contingencies or d.other_contingency):
        out.append(ctx.fields([(N_("Events"), None)], label_frac=0.16))
    else:
        out.append(ctx.text(N_("In the words of the designation, it takes effect upon: \"{events}\"."),
                            events=event_list(plan)))
    return out + not_designated(ctx, plan)


def call_list(ctx: Ctx, plan: Plan, pickup_only: bool = False, details: bool = True, blank_rows: int = 0) -> list:
    """People to call, in order (binder), or the adults who may pick up (school)."""
    people: list[Contact] = plan.contacts_in_call_order()
    if pickup_only:
        people = [c for c in people if c.authorized_pickup]
    rows = []
    for i, c in enumerate(people, 1):
        row = [str(c.call_order if c.call_order is not None else i), c.full_name, c.relationship,
               nobreak(format_phone(c.phone))]
        if details:
            row += [language_names(ctx, c.languages),
                    ctx.checkbox(bool(c.authorized_pickup)), ctx.checkbox(bool(c.knows_plan)), c.notes]
        rows.append(row)
    headers = [N_("Order"), N_("Name"), N_("Relationship"), N_("Phone")]
    fracs = [0.07, 0.3, 0.3, 0.33]
    if details:
        headers += [N_("Languages"), N_("May pick up"), N_("Knows the plan"), N_("Notes")]
        fracs = [0.06, 0.19, 0.14, 0.14, 0.12, 0.09, 0.09, 0.17]
    return [ctx.table(headers, rows, fracs, blank_rows=blank_rows or (0 if rows else 4), min_height=16)]


def do_not_release(ctx: Ctx, plan: Plan, blank_rows: int = 0) -> list:
    rows = [[d.full_name, d.notes] for d in plan.do_not_release_to]
    return [ctx.table([N_("Name"), N_("Notes")], rows, [0.4, 0.6],
                      blank_rows=blank_rows or (0 if rows else 2), min_height=16)]


def documents(ctx: Ctx, plan: Plan, blank_rows: int = 0) -> list:
    """Where every document is (binder, guardian packet)."""
    rows = []
    for d in plan.documents:
        rows.append([" / ".join(ctx.t(content.document_type(d.type))),
                     plan.person_name(d.person) or d.person,
                     " / ".join(ctx.t(content.document_status(d.status))) if d.status else "",
                     d.original_location, d.copy_holder, d.notes])
    return [ctx.table([N_("Document"), N_("Whose"), N_("Status"), N_("Where the original is"),
                       N_("Who has a copy"), N_("Notes")], rows,
                      [0.2, 0.15, 0.13, 0.2, 0.14, 0.18], blank_rows=blank_rows or (0 if rows else 5),
                      min_height=16, font=8.6)]


def legal(ctx: Ctx, plan: Plan, g28: bool = True) -> list:
    a, k = plan.legal.attorney, plan.legal.consulate
    out = [ctx.heading(N_("Lawyer"), level=2),
           ctx.fields([(N_("Name"), a.name), (N_("Organization"), a.organization),
                       (N_("Phone"), a.phone, "phone"), (N_("Email"), a.email)], cols=2)]
    if g28:
        out.append(ctx.fields([(N_("Form G-28 signed"), ctx.yes_no(plan.legal.g28_signed)),
                               (N_("Where the G-28 is"), plan.legal.g28_location)], cols=2))
    out += [ctx.heading(N_("Consulate"), level=2),
            ctx.fields([(N_("Name"), k.name), (N_("Phone"), k.phone, "phone")], cols=2),
            ctx.fields([address_row(ctx, N_("Address"), k.address)], label_frac=0.16)]
    return out


def law_notes(ctx: Ctx, ids: list[str]) -> list:
    """Plain-words summaries of the statute, each with its citation."""
    out = []
    for ref_id in ids:
        ref = content.legal_reference(ref_id)
        out.append(KeepTogether([Para(f"<b>{esc_para(ref['citation'])}</b>", style("cit", 8.5, spaceBefore=3)),
                                 ctx.text(ref["text"], size=8.8)]))
    return out
