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
from typing import cast

from ..messages import N_, Message
from ..resources import content_data
from .numbers import account_numbers, free_texts, last_four
from .people import repeats
from .phones import is_valid_phone
from .plan import Plan
from .printable import PLACEHOLDER, unprintable_fields
from .standby import NEEDS_LAWYER, statuses

BLOCKER = "blocker"
WARNING = "warning"

# The longest name every printout shows whole and readable.  The tightest
# place is a page header (the child's name on the school page, the family
# name on the others): 45 % of the A4 text width, 229 pt, where the name
# shrinks to fit.  50 characters of an ordinary name in mixed case still fit
# at 8 pt there (53 do; 46 capitals do at 8 pt, 52 at 7 pt); past about 80 the
# header cuts it.  Everywhere else names wrap.
MAX_NAME_LENGTH = 50


@dataclass(frozen=True)
class Finding:
    level: str          # BLOCKER or WARNING
    code: str           # stable name for tests and the UI ("no_guardian")
    path: str           # exchange-format path of the field to fix ("guardians[1].phone")
    message: Message

    def text(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        return self.message.text(gettext)


def _who(kind_template: str, index: int, name: str | Message | None) -> Message:
    """'Guardian 2' or, when a name is known, 'Guardian 2 (Ana Souza)'."""
    if name:
        return Message(N_("{kind} {n} ({name})"), {"kind": Message(kind_template), "n": index + 1, "name": name})
    return Message(N_("{kind} {n}"), {"kind": Message(kind_template), "n": index + 1})


def _finding(level: str, code: str, path: str, template: str, **params) -> Finding:
    return Finding(level, code, path, Message(template, params))


def _guardian_rules(plan: Plan):
    if not plan.guardians:
        yield _finding(BLOCKER, "no_guardian", "guardians",
                       N_("No guardian is named yet. Name at least one adult who would care for the children."))
    for i, g in enumerate(plan.guardians):
        who = _who(N_("Guardian"), i, g.full_name)
        if not g.full_name:
            yield _finding(BLOCKER, "guardian_no_name", f"guardians[{i}].full_name", N_("{who} has no name."), who=who)
        if not g.phone:
            yield _finding(WARNING, "guardian_no_phone", f"guardians[{i}].phone", N_("{who} has no phone number."), who=who)
        if not g.address:
            yield _finding(WARNING, "guardian_no_address", f"guardians[{i}].address",
                           N_("{who} has no address. The designation must give the guardian's address."), who=who)
        if g.has_agreed is not True:
            yield _finding(WARNING, "guardian_not_agreed", f"guardians[{i}].has_agreed",
                           N_("{who} has not yet agreed to care for the children. Ask them before you sign."), who=who)
    primaries = [g for g in plan.guardians if g.role == "primary"]
    alternates = [g for g in plan.guardians if g.role == "alternate"]
    if plan.guardians and not primaries:
        yield _finding(WARNING, "no_primary_guardian", "guardians[0].role",
                       N_("No guardian is marked as the primary guardian."))
    if any(g.may_be_at_risk for g in primaries) and not alternates:
        i = plan.guardians.index(next(g for g in primaries if g.may_be_at_risk))
        yield _finding(WARNING, "primary_at_risk_no_alternate", f"guardians[{i}].may_be_at_risk",
                       N_("The primary guardian could also be detained, and there is no alternate guardian. "
                          "Name a second adult who is not at risk."))
    elif plan.guardians and not alternates:
        yield _finding(WARNING, "no_alternate_guardian", "guardians",
                       N_("There is no alternate guardian. Name a second adult who can care for the children "
                          "if the first guardian cannot."))
    for first, later in repeats(plan.guardians):
        yield _finding(WARNING, "duplicate_guardian", f"guardians[{later}].full_name",
                       N_("{who} seems to be the same person as {first}. The alternate guardian must be "
                          "another adult. If it is the same person, remove one of them."),
                       who=_who(N_("Guardian"), later, plan.guardians[later].full_name),
                       first=_who(N_("Guardian"), first, plan.guardians[first].full_name))


def _child_rules(plan: Plan):
    if not plan.children:
        yield _finding(BLOCKER, "no_children", "children", N_("No children are in the plan yet."))
    for i, c in enumerate(plan.children):
        who = _who(N_("Child"), i, c.full_name)
        if not c.full_name:
            yield _finding(WARNING, "child_no_name", f"children[{i}].full_name",
                           N_("{who} has no name. The designation and the school page need the child's full name."),
                           who=who)
        if plan.guardians and not plan.guardians_for(c.id):
            yield _finding(WARNING, "child_without_guardian", f"children[{i}]",
                           N_("{who} has no guardian named."), who=who)
        if c.us_citizen and c.has_us_passport is False:
            yield _finding(WARNING, "citizen_without_passport", f"children[{i}].has_us_passport",
                           N_("{who} is a U.S. citizen without a U.S. passport. A passport lets the child "
                              "travel to join a parent."), who=who)
        elif c.us_citizen and c.has_us_passport is None:    # "don't know" is not "no"
            yield _finding(WARNING, "citizen_without_passport", f"children[{i}].has_us_passport",
                           N_("{who} is a U.S. citizen. Find out if the child has a U.S. passport: it lets "
                              "the child travel to join a parent."), who=who)


def _designation_rules(plan: Plan):
    """Who may designate whom (§§45a-624, 45a-624a), and when it takes effect."""
    for status in statuses(plan):
        if not status.eligible:
            yield Finding(BLOCKER, "child_not_designated", status.path, cast(Message, status.problem))
        elif (len(status.principals) == 1 and status.child.other_parent.consent == "not_needed"
              and status.child.other_parent.consent_reason in NEEDS_LAWYER):
            yield _finding(WARNING, "other_parent_unknown", f"children[{status.index}].other_parent.consent_reason",
                           N_("{who}: the other parent is not known. Ask a lawyer to confirm that their consent "
                              "is not needed."), who=_who(N_("Child"), status.index, status.child.full_name))
    yield from _paper_rules(plan)
    if plan.children and not plan.designation.contingencies and not plan.designation.other_contingency:
        yield _finding(BLOCKER, "no_contingency", "designation.contingencies",
                       N_("Choose when the standby guardian takes over (for example, if a parent is detained)."))


def _paper_rules(plan: Plan):
    """What the designation, the consent page and the guardian's statement
    print about the parents (§§45a-624a, 45a-624b, 45a-624c forms)."""
    eligible = [s for s in statuses(plan) if s.eligible]
    signing = {p.id for s in eligible for p in s.principals}
    for i, p in enumerate(plan.parents):
        if p.id in signing and not p.full_name:
            yield _finding(WARNING, "parent_no_name", f"parents[{i}].full_name",
                           N_("{who} has no name. The designation must give the name of the parent who signs it."),
                           who=_who(N_("Parent"), i, None))
    if eligible and not plan.household.address:
        yield _finding(WARNING, "household_no_address", "household.address",
                       N_("The home address is missing. The standby guardian's statement must give the "
                          "parent's address."))
    for s in eligible:
        if s.consent_page and not s.child.other_parent.full_name:
            yield _finding(WARNING, "other_parent_no_name", f"children[{s.index}].other_parent.full_name",
                           N_("{who}: the other parent agrees, but their name is missing. The consent page "
                              "needs the other parent's name."),
                           who=_who(N_("Child"), s.index, s.child.full_name))


def _contact_rules(plan: Plan):
    if not plan.contacts:
        yield _finding(WARNING, "no_contacts", "contacts", N_("Nobody is on the list of people to call yet."))
    if plan.children and not plan.guardians and not any(c.authorized_pickup for c in plan.contacts):
        yield _finding(WARNING, "no_pickup", "contacts",
                       N_("Nobody is allowed to pick the children up from school yet."))
    for first, later in repeats(plan.contacts):
        yield _finding(WARNING, "duplicate_contact", f"contacts[{later}].full_name",
                       N_("{who} seems to be the same person as {first}. If so, remove one of them."),
                       who=_who(N_("Contact"), later, plan.contacts[later].full_name),
                       first=_who(N_("Contact"), first, plan.contacts[first].full_name))


def _document_rules(plan: Plan):
    for i, d in enumerate(plan.documents):
        if d.status is None:
            types = content_data("documents")["types"]      # the English names, as printed
            name: Message = Message(types.get(d.type or "other", types["other"]))
            if person := plan.person_name(d.person):
                name = Message(N_("{field}, {who}"), {"field": name, "who": person})
            yield _finding(WARNING, "document_no_status", f"documents[{i}].status",
                           N_("{who}: say if you have it, need it, or have asked for it."),
                           who=_who(N_("Document"), i, name))


def _free_text_rules(plan: Plan):
    for text in free_texts(plan):
        numbers = account_numbers(text.value)
        if numbers:
            yield _finding(WARNING, "account_number_in_text", text.path,
                           N_('"{field}" has a long number ({number}) that looks like an account or card number. '
                              "Do not write the whole number: write the bank's name and the last 4 digits only."),
                           field=text.label, number=last_four(numbers[0]))


def _name_length_rules(plan: Plan):
    family = plan.household.family_name or ""
    if len(family) > MAX_NAME_LENGTH:
        yield _finding(WARNING, "name_too_long", "household.family_name",
                       N_("The family name is too long for the printouts: it has {n} characters, and there is "
                          "room for {limit}. Write a shorter form."), n=len(family), limit=MAX_NAME_LENGTH)
    for path, who, name in _names(plan):
        if len(name or "") > MAX_NAME_LENGTH:
            yield _finding(WARNING, "name_too_long", path,
                           N_("The name of {who} is too long for the printouts: it has {n} characters, and there "
                              "is room for {limit}. Write a shorter form, for example without a middle name."),
                           who=who, n=len(name or ""), limit=MAX_NAME_LENGTH)


def _printable_rules(plan: Plan):
    for path, chars in unprintable_fields(plan):
        yield _finding(WARNING, "unprintable_characters", path,
                       N_("This field has characters the printouts cannot show ({chars}): they will print as "
                          "{placeholder}. Write them in words instead, or leave them out."),
                       chars=" ".join(chars), placeholder=PLACEHOLDER)


def _names(plan: Plan):
    """(path, who, name) for every person's name the printouts show; *who*
    never quotes the name itself, which is what is too long."""
    lists = (("parents", N_("Parent")), ("children", N_("Child")), ("guardians", N_("Guardian")),
             ("contacts", N_("Contact")), ("do_not_release_to", N_("Person never to release to")))
    for kind, label in lists:
        for i, person in enumerate(getattr(plan, kind)):
            yield f"{kind}[{i}].full_name", _who(label, i, None), person.full_name
    for i, c in enumerate(plan.children):
        yield (f"children[{i}].other_parent.full_name",
               Message(N_("the other parent of {who}"), {"who": _who(N_("Child"), i, c.full_name)}),
               c.other_parent.full_name)


def _phone_and_date_rules(plan: Plan, today: date):
    for path, template, who, phone in _phones(plan):
        if phone and not is_valid_phone(phone):
            yield Finding(WARNING, "bad_phone", path, Message(template, {"phone": phone, "who": who}))
    for kind, label in (("parents", N_("Parent")), ("children", N_("Child"))):
        for i, person in enumerate(getattr(plan, kind)):
            if person.date_of_birth and person.date_of_birth > today:
                yield _finding(WARNING, "birth_in_future", f"{kind}[{i}].date_of_birth",
                               N_("The date of birth of {who} is in the future."),
                               who=_who(label, i, person.full_name))


def check(plan: Plan, today: date | None = None) -> list[Finding]:
    """Every finding, group by group, in the order the review shows them."""
    return [*_guardian_rules(plan), *_child_rules(plan), *_designation_rules(plan),
            *_contact_rules(plan), *_document_rules(plan), *_free_text_rules(plan), *_name_length_rules(plan),
            *_printable_rules(plan),
            *_phone_and_date_rules(plan, today or date.today())]


def blockers(plan: Plan) -> list[Finding]:
    return [f for f in check(plan) if f.level == BLOCKER]


def is_complete(plan: Plan) -> bool:
    """Can the plan be printed as complete?  (Incomplete plans still print, marked so.)"""
    return not blockers(plan)


def _phones(plan: Plan):
    """(path, message template, who, phone) for every phone number in the plan.
    Each kind of phone has its own whole sentence, so no translation has to
    glue "of" to "the employer" ("de el empleador")."""
    yield ("household.home_phone", N_('The home phone number "{phone}" does not look right.'),
           None, plan.household.home_phone)
    for i, p in enumerate(plan.parents):
        who = _who(N_("Parent"), i, p.full_name)
        yield f"parents[{i}].phone", N_('The phone number "{phone}" of {who} does not look right.'), who, p.phone
        yield (f"parents[{i}].employer_phone", N_('The work phone number "{phone}" of {who} does not look right.'),
               who, p.employer_phone)
    for i, c in enumerate(plan.children):
        who = _who(N_("Child"), i, c.full_name)
        yield (f"children[{i}].school.phone", N_('The school phone number "{phone}" for {who} does not look right.'),
               who, c.school.phone)
        yield (f"children[{i}].doctor.phone", N_("The doctor's phone number \"{phone}\" for {who} does not look right."),
               who, c.doctor.phone)
        yield (f"children[{i}].other_parent.phone",
               N_('The phone number "{phone}" of the other parent of {who} does not look right.'),
               who, c.other_parent.phone)
    for i, g in enumerate(plan.guardians):
        yield (f"guardians[{i}].phone", N_('The phone number "{phone}" of {who} does not look right.'),
               _who(N_("Guardian"), i, g.full_name), g.phone)
    for i, contact in enumerate(plan.contacts):
        yield (f"contacts[{i}].phone", N_('The phone number "{phone}" of {who} does not look right.'),
               _who(N_("Contact"), i, contact.full_name), contact.phone)
    yield "legal.attorney.phone", N_("The lawyer's phone number \"{phone}\" does not look right."), None, plan.legal.attorney.phone
    yield ("legal.consulate.phone", N_("The consulate's phone number \"{phone}\" does not look right."),
           None, plan.legal.consulate.phone)
