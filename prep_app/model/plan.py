"""The family plan as plain Python objects (exchange format v2).

Every scalar is optional (``None`` means "not filled in"), so a half-finished
plan from a workshop is still a valid plan; the rules about what a *complete*
plan needs live in :mod:`prep_app.model.checks`.  Fields are declared once
here and the JSON reader/writer in :mod:`prep_app.model.exchange` walks them,
so adding a field is a one-line change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DOCUMENT_TYPES = (
    "birth_certificate", "passport", "us_passport", "consular_id",
    "social_security_card", "itin", "immigration_documents", "medical_records",
    "school_records", "lease", "bank_records", "tax_records", "vehicle_title",
    "marriage_certificate", "custody_order", "power_of_attorney",
    "standby_guardian_designation", "other",
)
DOCUMENT_STATUSES = ("have", "need", "requested")
GUARDIAN_ROLES = ("primary", "alternate")
# The other parent's consent to a standby guardian (Conn. Gen. Stat. §45a-624a).
CONSENT_ANSWERS = ("yes", "no", "unknown", "not_needed")
# Why the other parent's consent is not needed: the statute's two exceptions,
# a parent who has died ("both parents are alive" no longer holds), and a parent
# nobody can name (a lawyer should confirm that case).
CONSENT_NOT_NEEDED = ("removed_as_guardian", "rights_terminated", "deceased", "identity_unknown")
# The events the family chooses for the designation to take effect.
CONTINGENCIES = ("detained", "cannot_return", "incapacity", "death")


def choices(*allowed: str):
    """Field metadata: the only strings this field may hold."""
    return {"choices": allowed}


@dataclass
class Household:
    family_name: str | None = None
    address: str | None = None
    home_phone: str | None = None
    languages: list[str] = field(default_factory=list)
    notes: str | None = None


@dataclass
class Parent:
    id: str = ""
    full_name: str | None = None
    date_of_birth: date | None = None
    phone: str | None = None
    email: str | None = None
    country_of_birth: str | None = None
    birth_country: str | None = None        # ISO 3166 code ("BR"): the detainee locator's country list
    a_number: str | None = None
    employer: str | None = None
    employer_phone: str | None = None
    medical_notes: str | None = None


@dataclass
class School:
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    grade: str | None = None
    teacher: str | None = None


@dataclass
class Doctor:
    name: str | None = None
    phone: str | None = None


@dataclass
class OtherParent:
    """The child's parent who is not listed among the plan's parents.  Both
    living parents must consent to a standby guardian (§45a-624a)."""
    full_name: str | None = None
    phone: str | None = None
    consent: str | None = field(default=None, metadata=choices(*CONSENT_ANSWERS))  # None: not asked yet
    consent_reason: str | None = field(default=None, metadata=choices(*CONSENT_NOT_NEEDED))


@dataclass
class Child:
    id: str = ""
    full_name: str | None = None
    date_of_birth: date | None = None
    # ids of the plan's parents who are this child's parent or legal guardian:
    # only they may designate a standby guardian for the child (§45a-624)
    parents: list[str] = field(default_factory=list)
    school: School = field(default_factory=School)
    allergies: str | None = None
    medications: str | None = None
    medical_conditions: str | None = None
    doctor: Doctor = field(default_factory=Doctor)
    insurance: str | None = None
    comfort_notes: str | None = None
    us_citizen: bool | None = None
    has_us_passport: bool | None = None
    other_parent: OtherParent = field(default_factory=OtherParent)


@dataclass
class Guardian:
    id: str = ""
    role: str | None = field(default=None, metadata=choices(*GUARDIAN_ROLES))
    full_name: str | None = None
    relationship: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    has_agreed: bool | None = None
    may_be_at_risk: bool | None = None
    children: list[str] = field(default_factory=list)


@dataclass
class Contact:
    id: str = ""
    full_name: str | None = None
    relationship: str | None = None
    phone: str | None = None
    languages: list[str] = field(default_factory=list)
    call_order: int | None = None
    authorized_pickup: bool | None = None
    knows_plan: bool | None = None
    notes: str | None = None


@dataclass
class DoNotRelease:
    full_name: str | None = None
    notes: str | None = None


@dataclass
class Document:
    type: str | None = field(default=None, metadata=choices(*DOCUMENT_TYPES))
    person: str | None = None
    status: str | None = field(default=None, metadata=choices(*DOCUMENT_STATUSES))
    original_location: str | None = None
    copy_holder: str | None = None
    notes: str | None = None


@dataclass
class Attorney:
    name: str | None = None
    organization: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class Consulate:
    name: str | None = None
    phone: str | None = None
    address: str | None = None


@dataclass
class Legal:
    attorney: Attorney = field(default_factory=Attorney)
    g28_signed: bool | None = None
    g28_location: str | None = None
    consulate: Consulate = field(default_factory=Consulate)
    consulate_on_wallet: bool | None = None   # a consulate on a wallet card tells anyone the nationality
    notes: str | None = None


@dataclass
class Finances:
    bank_notes: str | None = None
    bills_notes: str | None = None
    housing_notes: str | None = None
    vehicle_notes: str | None = None
    power_of_attorney_holder: str | None = None


@dataclass
class Designation:
    """What the family chooses for the standby-guardian designation."""
    contingencies: list[str] = field(default_factory=list, metadata=choices(*CONTINGENCIES))
    other_contingency: str | None = None      # the family's own words, added to the list
    # the detention wording names immigration only if the family asks: the
    # papers travel to schools and doctors
    mention_immigration: bool | None = None


@dataclass
class Plan:
    household: Household = field(default_factory=Household)
    parents: list[Parent] = field(default_factory=list)
    children: list[Child] = field(default_factory=list)
    guardians: list[Guardian] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    do_not_release_to: list[DoNotRelease] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    legal: Legal = field(default_factory=Legal)
    finances: Finances = field(default_factory=Finances)
    designation: Designation = field(default_factory=Designation)
    notes: str | None = None

    # -- lookups the outputs and the UI all need -------------------------------
    def person_name(self, person_id: str | None) -> str | None:
        """Full name of the parent or child with this id (documents name people by id)."""
        people: list[Parent | Child] = [*self.parents, *self.children]
        for person in people:
            if person.id == person_id:
                return person.full_name
        return None

    def parents_of(self, child: Child) -> list[Parent]:
        """The listed parents (or legal guardians) of a child, in plan order."""
        return [p for p in self.parents if p.id in child.parents]

    def contacts_in_call_order(self) -> list[Contact]:
        """Contacts sorted by call_order; those without one keep their place at the end."""
        numbered = sorted((c for c in self.contacts if c.call_order is not None),
                          key=lambda c: c.call_order or 0)
        return numbered + [c for c in self.contacts if c.call_order is None]

    def guardians_for(self, child_id: str) -> list[Guardian]:
        """Guardians named for a child, primary first.  A guardian who lists no
        children is taken to be named for all of them."""
        named = [g for g in self.guardians if not g.children or child_id in g.children]
        return sorted(named, key=lambda g: g.role != "primary")

    def print_languages(self, known, interface: str = "en") -> list[str]:
        """Default languages for printing: the family's first language and English
        (what a school secretary reads); the interface language if none is set."""
        family = [code for code in self.household.languages if code in known]
        first = family[0] if family else (interface if interface in known else "en")
        second = "en" if first != "en" else (family[1] if len(family) > 1 else None)
        return [first, second] if second else [first]

    def forget(self, person_id: str) -> None:
        """Drop references to a removed person, so no id is left dangling.
        A guardian whose only named child is removed is then named for all
        the children (an empty list), which is the format's meaning of []."""
        for guardian in self.guardians:
            if person_id in guardian.children:
                guardian.children.remove(person_id)
        for child in self.children:
            if person_id in child.parents:
                child.parents.remove(person_id)
        for document in self.documents:
            if document.person == person_id:
                document.person = None

    def next_id(self, prefix: str) -> str:
        """A fresh id such as ``c4`` that no person in the plan uses yet."""
        people: list[Parent | Child | Guardian | Contact] = [*self.parents, *self.children, *self.guardians,
                                                             *self.contacts]
        used = {p.id for p in people}
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"
