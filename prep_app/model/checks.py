"""The rules a plan is held to, in words a volunteer understands.

``check(plan)`` returns findings.  A *blocker* means the plan cannot be printed
as complete (no guardian named); a *warning* is a risk the family should see
(the UI's review step and the binder's first page show them).

Messages are :class:`prep_app.messages.Message` templates, translated when shown.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..messages import N_, Message
from .phones import is_valid_phone
from .plan import Plan

BLOCKER = "blocker"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    level: str          # BLOCKER or WARNING
    code: str           # stable name for tests and the UI ("no_guardian")
    path: str           # exchange-format path of the field to fix ("guardians[1].phone")
    message: Message

    def text(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        return self.message.text(gettext)


def _who(kind_template: str, index: int, name: str | None) -> Message:
    """'Guardian 2' or, when a name is known, 'Guardian 2 (Ana Souza)'."""
    if name:
        return Message(N_("{kind} {n} ({name})"), {"kind": Message(kind_template), "n": index + 1, "name": name})
    return Message(N_("{kind} {n}"), {"kind": Message(kind_template), "n": index + 1})


def check(plan: Plan, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    found: list[Finding] = []

    def add(level, code, path, template, **params):
        found.append(Finding(level, code, path, Message(template, params)))

    # -- guardians ---------------------------------------------------------
    if not plan.guardians:
        add(BLOCKER, "no_guardian", "guardians",
            N_("No guardian is named yet. Name at least one adult who would care for the children."))
    for i, g in enumerate(plan.guardians):
        who = _who(N_("Guardian"), i, g.full_name)
        if not g.full_name:
            add(BLOCKER, "guardian_no_name", f"guardians[{i}].full_name", N_("{who} has no name."), who=who)
        if not g.phone:
            add(WARNING, "guardian_no_phone", f"guardians[{i}].phone", N_("{who} has no phone number."), who=who)
        if g.has_agreed is not True:
            add(WARNING, "guardian_not_agreed", f"guardians[{i}].has_agreed",
                N_("{who} has not yet agreed to care for the children. Ask them before you sign."), who=who)
    primaries = [g for g in plan.guardians if g.role == "primary"]
    alternates = [g for g in plan.guardians if g.role == "alternate"]
    if plan.guardians and not primaries:
        add(WARNING, "no_primary_guardian", "guardians[0].role",
            N_("No guardian is marked as the primary guardian."))
    if any(g.may_be_at_risk for g in primaries) and not alternates:
        i = plan.guardians.index(next(g for g in primaries if g.may_be_at_risk))
        add(WARNING, "primary_at_risk_no_alternate", f"guardians[{i}].may_be_at_risk",
            N_("The primary guardian could also be detained, and there is no alternate guardian. "
               "Name a second adult who is not at risk."))

    # -- children ----------------------------------------------------------
    if not plan.children:
        add(BLOCKER, "no_children", "children", N_("No children are in the plan yet."))
    for i, c in enumerate(plan.children):
        who = _who(N_("Child"), i, c.full_name)
        if plan.guardians and not plan.guardians_for(c.id):
            add(WARNING, "child_without_guardian", f"children[{i}]",
                N_("{who} has no guardian named."), who=who)
        consent = c.other_parent.consents
        if c.other_parent.full_name and consent is None:
            add(WARNING, "other_parent_consent_unknown", f"children[{i}].other_parent.consents",
                N_("{who}: we do not know if the other parent agrees. Both living parents must "
                   "consent to a standby guardian (Conn. Gen. Stat. §45a-624a)."), who=who)
        elif consent is False:
            add(WARNING, "other_parent_refuses", f"children[{i}].other_parent.consents",
                N_("{who}: the other parent does not agree to the standby guardian. Talk to a "
                   "lawyer before you sign (Conn. Gen. Stat. §45a-624a)."), who=who)
        if c.us_citizen and c.has_us_passport is not True:
            add(WARNING, "citizen_without_passport", f"children[{i}].has_us_passport",
                N_("{who} is a U.S. citizen without a U.S. passport. A passport lets the child "
                   "travel to join a parent."), who=who)

    # -- people to call ----------------------------------------------------
    if not plan.contacts:
        add(WARNING, "no_contacts", "contacts", N_("Nobody is on the list of people to call yet."))
    if plan.children and not plan.guardians and not any(c.authorized_pickup for c in plan.contacts):
        add(WARNING, "no_pickup", "contacts",
            N_("Nobody is allowed to pick the children up from school yet."))

    # -- phones and dates anywhere in the plan ----------------------------
    for path, who, phone in _phones(plan):
        if phone and not is_valid_phone(phone):
            add(WARNING, "bad_phone", path,
                N_('The phone number "{phone}" of {who} does not look right.'), phone=phone, who=who)
    for kind, label in (("parents", N_("Parent")), ("children", N_("Child"))):
        for i, person in enumerate(getattr(plan, kind)):
            if person.date_of_birth and person.date_of_birth > today:
                add(WARNING, "birth_in_future", f"{kind}[{i}].date_of_birth",
                    N_("The date of birth of {who} is in the future."),
                    who=_who(label, i, person.full_name))
    return found


def blockers(plan: Plan) -> list[Finding]:
    return [f for f in check(plan) if f.level == BLOCKER]


def is_complete(plan: Plan) -> bool:
    """Can the plan be printed as complete?  (Incomplete plans still print, marked so.)"""
    return not blockers(plan)


def _phones(plan: Plan):
    """(path, who, phone) for every phone number in the plan."""
    yield "household.home_phone", Message(N_("the household")), plan.household.home_phone
    for i, p in enumerate(plan.parents):
        who = _who(N_("Parent"), i, p.full_name)
        yield f"parents[{i}].phone", who, p.phone
        yield f"parents[{i}].employer_phone", Message(N_("the employer of {who}"), {"who": who}), p.employer_phone
    for i, c in enumerate(plan.children):
        who = _who(N_("Child"), i, c.full_name)
        yield f"children[{i}].school.phone", Message(N_("the school of {who}"), {"who": who}), c.school.phone
        yield f"children[{i}].doctor.phone", Message(N_("the doctor of {who}"), {"who": who}), c.doctor.phone
        yield f"children[{i}].other_parent.phone", Message(N_("the other parent of {who}"), {"who": who}), c.other_parent.phone
    for i, g in enumerate(plan.guardians):
        yield f"guardians[{i}].phone", _who(N_("Guardian"), i, g.full_name), g.phone
    for i, c in enumerate(plan.contacts):
        yield f"contacts[{i}].phone", _who(N_("Contact"), i, c.full_name), c.phone
    yield "legal.attorney.phone", Message(N_("the lawyer")), plan.legal.attorney.phone
    yield "legal.consulate.phone", Message(N_("the consulate")), plan.legal.consulate.phone
