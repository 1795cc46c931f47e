"""Account and card numbers typed into free text, and keeping them off paper.

The money step asks for the bank's name and the last 4 digits, never a whole
number; families type one anyway.  :func:`account_numbers` finds them (the
review warns), :func:`masked` hides all but their last 4 digits in a copy of
the plan (the printouts use it unless the family chooses to print them).

A number is a run of at least 8 digits, single spaces or dashes allowed
between them: bank accounts, routing numbers and every payment card (13 to
19 digits, so no Luhn check is needed to catch one).  Phone numbers, dates
and ZIP+4 codes are left alone, since notes are full of them ("call her at
203-555-0142").
"""
from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..messages import N_, Message
from .phones import is_valid_phone
from .plan import Plan

MIN_DIGITS = 8
MASK = "\u2022\u2022\u2022\u2022"       # ••••
# not inside a word or an A-number ("A-123-456-789"), and not running on into letters
_RUN = re.compile(r"(?<![\w-])\+?\d(?:[ -]?\d)+(?!\w)")
_DATE = re.compile(r"\d{4}[- ]\d{1,2}[- ]\d{1,2}|\d{1,2}[- ]\d{1,2}[- ]\d{4}")
_ZIP4 = re.compile(r"\d{5}-\d{4}")


def _is_account_number(run: str) -> bool:
    if len(re.sub(r"\D", "", run)) < MIN_DIGITS:
        return False
    return not (_DATE.fullmatch(run) or _ZIP4.fullmatch(run) or is_valid_phone(run))


def account_numbers(text: str | None) -> list[str]:
    """The account or card numbers in *text*, as typed."""
    return [m.group() for m in _RUN.finditer(text or "") if _is_account_number(m.group())]


def last_four(number: str) -> str:
    """'•••• 1234': what may be printed of an account number."""
    return f"{MASK} {re.sub(r'[^0-9]', '', number)[-4:]}"


def mask_numbers(text: str | None) -> str | None:
    """*text* with every account or card number cut to its last 4 digits."""
    if not text:
        return text
    return _RUN.sub(lambda m: last_four(m.group()) if _is_account_number(m.group()) else m.group(), text)


@dataclass(frozen=True)
class FreeText:
    path: str           # exchange-format path ("finances.bank_notes")
    label: Message      # what the volunteer sees it called
    owner: object       # the dataclass holding it
    attr: str

    @property
    def value(self) -> str | None:
        return getattr(self.owner, self.attr)


def _of(field: str, kind: str, index: int, name: str | None) -> Message:
    """'Notes, Contact 3 (Rosa Ñañez)'."""
    who = (Message(N_("{kind} {n} ({name})"), {"kind": Message(kind), "n": index + 1, "name": name}) if name
           else Message(N_("{kind} {n}"), {"kind": Message(kind), "n": index + 1}))
    return Message(N_("{field}, {who}"), {"field": Message(field), "who": who})


def free_texts(plan: Plan) -> Iterator[FreeText]:
    """Every field where a family writes in their own words and which a
    printout shows.  Not names, phones, addresses, the A-number or the health
    insurance (its member number is what a doctor's office asks the guardian for)."""
    h, f, legal = plan.household, plan.finances, plan.legal
    yield FreeText("household.notes", Message(N_("Family notes")), h, "notes")
    for i, p in enumerate(plan.parents):
        yield FreeText(f"parents[{i}].medical_notes", _of(N_("Health notes"), N_("Parent"), i, p.full_name),
                       p, "medical_notes")
    for i, c in enumerate(plan.children):
        for attr, label in (("allergies", N_("Allergies")), ("medications", N_("Medicines")),
                            ("medical_conditions", N_("Health conditions")),
                            ("comfort_notes", N_("What comforts the child"))):
            yield FreeText(f"children[{i}].{attr}", _of(label, N_("Child"), i, c.full_name), c, attr)
    for i, k in enumerate(plan.contacts):
        yield FreeText(f"contacts[{i}].notes", _of(N_("Notes"), N_("Contact"), i, k.full_name), k, "notes")
    for i, d in enumerate(plan.do_not_release_to):
        yield FreeText(f"do_not_release_to[{i}].notes", _of(N_("Notes"), N_("Person never to release to"), i, d.full_name),
                       d, "notes")
    for i, doc in enumerate(plan.documents):
        for attr, label in (("original_location", N_("Where the original is")),
                            ("copy_holder", N_("Who has a copy")), ("notes", N_("Notes"))):
            yield FreeText(f"documents[{i}].{attr}", _of(label, N_("Document"), i, None), doc, attr)
    yield FreeText("legal.g28_location", Message(N_("Where the G-28 is")), legal, "g28_location")
    yield FreeText("legal.notes", Message(N_("Lawyer's notes")), legal, "notes")
    for attr, label in (("bank_notes", N_("Bank")), ("bills_notes", N_("Bills")), ("housing_notes", N_("Housing")),
                        ("vehicle_notes", N_("Car")), ("power_of_attorney_holder", N_("Who holds the power of attorney"))):
        yield FreeText(f"finances.{attr}", Message(label), f, attr)
    yield FreeText("notes", Message(N_("Other notes")), plan, "notes")


def masked(plan: Plan) -> Plan:
    """A copy of *plan* whose free text shows only the last 4 digits of any
    account or card number; the plan itself is left as typed."""
    copied = copy.deepcopy(plan)
    for text in free_texts(copied):
        setattr(text.owner, text.attr, mask_numbers(text.value))
    return copied
