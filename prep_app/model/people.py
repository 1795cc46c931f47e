"""The same person entered twice, and the school's pickup list without repeats.

Two entries are one person when their names are the same once case, accents
and spacing are set aside ("José  Garcia" and "jose garcía"), or when they
have the same phone number and the same first name, or a phone and no name.
A shared phone alone is not enough: a couple often gives one home number,
and dropping one of them from a pickup list would keep a child waiting.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .phones import phone_key
from .plan import Child, Contact, Guardian, Plan

Person = Contact | Guardian


def name_key(name: str | None) -> str:
    """A name as compared: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def same_person(a: Person, b: Person) -> bool:
    name_a, name_b = name_key(a.full_name), name_key(b.full_name)
    if name_a and name_a == name_b:
        return True
    phone_a, phone_b = phone_key(a.phone), phone_key(b.phone)
    if not phone_a or phone_a != phone_b:
        return False
    return not name_a or not name_b or name_a.split()[0] == name_b.split()[0]


def repeats(people: Sequence[Person]) -> list[tuple[int, int]]:
    """(first, later) index pairs of entries that are the same person; each
    later entry is paired with the first one it repeats."""
    out = []
    for j, later in enumerate(people):
        first = next((i for i in range(j) if same_person(people[i], later)), None)
        if first is not None:
            out.append((first, j))
    return out


def pickup_list(plan: Plan, child: Child) -> list[Person]:
    """Who may pick *child* up, in order: the contacts allowed to, in call
    order, then the child's guardians; each person once, first place kept."""
    candidates: list[Person] = [c for c in plan.contacts_in_call_order() if c.authorized_pickup]
    candidates += plan.guardians_for(child.id)
    kept: list[Person] = []
    for person in candidates:
        if not any(same_person(person, other) for other in kept):
            kept.append(person)
    return kept
