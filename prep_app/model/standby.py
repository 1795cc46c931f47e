"""Who may designate a standby guardian for which child (Conn. Gen. Stat.
§§45a-624, 45a-624a), decided child by child.  No Qt, no printing: the binder,
the guardian packet, the review step and the CLI all ask this module.

* Only a parent or legal guardian, as principal, may designate (§45a-624): the
  plan's parents ticked as this child's parents.
* If both parents are alive, both must consent, unless one was removed as
  guardian or had parental rights terminated (§45a-624a).  When both parents
  are in the plan, each signs a designation of their own; when one is not, the
  other parent signs the consent page, or the plan says why that is not needed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import N_, Message
from .plan import Child, Guardian, Parent, Plan

# reasons the other parent's consent is not needed that a lawyer should confirm
NEEDS_LAWYER = ("identity_unknown",)


@dataclass(frozen=True)
class ChildStatus:
    child: Child
    index: int                         # position in plan.children (for paths)
    principals: tuple[Parent, ...]     # who signs a designation for this child
    problem: Message | None = None     # why the child cannot be designated yet, and what to do
    path: str = ""                     # the field that would fix it
    consent_page: bool = False         # the other parent signs the §45a-624a consent page

    @property
    def eligible(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Instrument:
    """One designation: a principal, the guardians, the children it covers."""
    principal: Parent
    children: tuple[Child, ...]
    primary: Guardian | None
    alternate: Guardian | None
    number: int = 1                    # 1-based, for "Designation 2 of 2"
    consents: tuple[Child, ...] = field(default=())   # children whose other parent must consent


def child_status(plan: Plan, index: int) -> ChildStatus:
    child = plan.children[index]
    principals = tuple(plan.parents_of(child))
    base = f"children[{index}]"

    def blocked(template: str, path: str) -> ChildStatus:
        return ChildStatus(child, index, principals, Message(template, {"child": _child_name(child, index)}), path)

    if not principals:
        return blocked(N_("{child} cannot be in the designation yet: no parent or legal guardian of "
                          "this child is listed. Only a parent or legal guardian may name a standby "
                          "guardian (Conn. Gen. Stat. §45a-624). In the Children step, tick the "
                          "child's parents; if they are not in the plan, ask a lawyer."),
                       f"{base}.parents")
    if len(principals) >= 2:
        return ChildStatus(child, index, principals)
    other = child.other_parent
    if other.consent == "yes":
        return ChildStatus(child, index, principals, consent_page=True)
    if other.consent == "not_needed":
        if other.consent_reason:
            return ChildStatus(child, index, principals)
        return blocked(N_("{child} cannot be in the designation yet: say why the other parent's "
                          "consent is not needed."), f"{base}.other_parent.consent_reason")
    if other.consent == "no":
        return blocked(N_("{child} cannot be in the designation: the other parent does not agree, and "
                          "in Connecticut both living parents must agree (Conn. Gen. Stat. §45a-624a). "
                          "Talk to a lawyer about what else can protect this child."),
                       f"{base}.other_parent.consent")
    return blocked(N_("{child} cannot be in the designation yet: we do not know if the other parent "
                      "agrees. Both living parents must agree (Conn. Gen. Stat. §45a-624a). Ask the "
                      "other parent to sign the consent page, or say why their consent is not needed."),
                   f"{base}.other_parent.consent")


def statuses(plan: Plan) -> list[ChildStatus]:
    return [child_status(plan, i) for i in range(len(plan.children))]


def instruments(plan: Plan) -> list[Instrument]:
    """One designation per signing parent and pair of guardians, for the
    eligible children.  Each follows the statutory form, which speaks for one
    principal ("I ... do hereby appoint"), so two parents each sign their own."""
    groups: dict[tuple, list[ChildStatus]] = {}
    for status in statuses(plan):
        if not status.eligible:
            continue
        primary, alternate = guardians(plan, status.child)
        for parent in status.principals:
            groups.setdefault((parent.id, id(primary), id(alternate)), []).append(status)
    out: list[Instrument] = []
    for (parent_id, _p, _a), group in groups.items():
        parent = next(p for p in plan.parents if p.id == parent_id)
        primary, alternate = guardians(plan, group[0].child)
        out.append(Instrument(parent, tuple(s.child for s in group), primary, alternate, len(out) + 1,
                              tuple(s.child for s in group if s.consent_page)))
    return out


def guardians(plan: Plan, child: Child | None = None) -> tuple[Guardian | None, Guardian | None]:
    """The standby guardian (primary) and the alternate, of one child or of the plan."""
    named = plan.guardians_for(child.id) if child is not None else list(plan.guardians)
    primary = next((g for g in named if g.role == "primary"), named[0] if named else None)
    others = [g for g in named if g is not primary]
    alternate = next((g for g in others if g.role == "alternate"), others[0] if others else None)
    return primary, alternate


def _child_name(child: Child, index: int) -> Message | str:
    if child.full_name:
        return child.full_name
    return Message(N_("Child {n}"), {"n": index + 1})
