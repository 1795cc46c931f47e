"""Who may designate a standby guardian for which child (§§45a-624, 45a-624a)."""
import pytest

from prep_app.model import Child, Guardian, OtherParent, Parent, Plan
from prep_app.model.standby import child_status, guardians, instruments, statuses


def family(*children: Child, guardian_list=None) -> Plan:
    return Plan(parents=[Parent(id="p1", full_name="João"), Parent(id="p2", full_name="María")],
                children=list(children),
                guardians=guardian_list if guardian_list is not None else [
                    Guardian(id="g1", role="primary", full_name="Ana"),
                    Guardian(id="g2", role="alternate", full_name="Hoa")])


def child(id, parents, consent=None, reason=None, name=None) -> Child:
    return Child(id=id, full_name=name, parents=list(parents),
                 other_parent=OtherParent(consent=consent, consent_reason=reason))


def test_child_with_no_listed_parent_is_blocked():
    status = child_status(family(child("c1", ["p1", "p2"]), child("c2", [])), 1)
    assert not status.eligible and status.principals == ()
    assert status.path == "children[1].parents"
    assert status.problem.text().startswith("Child 2 cannot be in the designation yet")


def test_two_listed_parents_need_no_consent_page():
    status = child_status(family(child("c1", ["p1", "p2"], consent="no")), 0)
    assert status.eligible and not status.consent_page
    assert [p.id for p in status.principals] == ["p1", "p2"]


def test_one_parent_and_other_parent_agrees_gets_a_consent_page():
    status = child_status(family(child("c1", ["p2"], consent="yes")), 0)
    assert status.eligible and status.consent_page
    assert [p.id for p in status.principals] == ["p2"]


@pytest.mark.parametrize("reason", ["removed_as_guardian", "rights_terminated", "deceased", "identity_unknown"])
def test_consent_not_needed_with_a_reason_is_eligible(reason):
    status = child_status(family(child("c1", ["p1"], consent="not_needed", reason=reason)), 0)
    assert status.eligible and not status.consent_page


@pytest.mark.parametrize("consent, reason, path", [
    ("not_needed", None, "children[0].other_parent.consent_reason"),
    ("no", None, "children[0].other_parent.consent"),
    ("no", "deceased", "children[0].other_parent.consent"),   # a stray reason does not override "no"
    ("unknown", None, "children[0].other_parent.consent"),
    (None, None, "children[0].other_parent.consent"),
])
def test_missing_or_refused_consent_is_blocked_with_the_field_to_fix(consent, reason, path):
    status = child_status(family(child("c1", ["p1"], consent, reason, name="Tomás")), 0)
    assert not status.eligible and status.path == path
    assert status.problem.text().startswith("Tomás cannot be in the designation")


def test_one_instrument_per_signing_parent_covering_only_eligible_children():
    plan = family(child("c1", ["p1", "p2"]),                 # both parents sign
                  child("c2", ["p2"], consent="yes"),       # María signs, the other parent consents
                  child("c3", ["p1"], consent="no"))        # blocked: in no instrument
    docs = instruments(plan)
    assert [(d.number, d.principal.id, [c.id for c in d.children], [c.id for c in d.consents])
            for d in docs] == [(1, "p1", ["c1"], []), (2, "p2", ["c1", "c2"], ["c2"])]
    assert all((d.primary.id, d.alternate.id) == ("g1", "g2") for d in docs)
    assert [s.eligible for s in statuses(plan)] == [True, True, False]


def test_no_eligible_child_means_no_instrument():
    assert instruments(family(child("c1", []), child("c2", ["p1"]))) == []


def test_guardians_of_the_plan_and_of_each_child():
    plan = family(child("c1", ["p1"], consent="yes"), child("c2", ["p1"], consent="yes"), guardian_list=[
        Guardian(id="g1", role="alternate", full_name="Hoa"),
        Guardian(id="g2", role="primary", full_name="Ana", children=["c1"]),   # only for c1
        Guardian(id="g3", role=None, full_name="Rosa")])
    ids = lambda pair: tuple(g.id if g else None for g in pair)  # noqa: E731
    assert ids(guardians(plan)) == ("g2", "g1")
    assert ids(guardians(plan, plan.children[0])) == ("g2", "g1")
    assert ids(guardians(plan, plan.children[1])) == ("g1", "g3")   # no primary for c2: the first named leads
    # different guardians: one designation per pair of guardians
    assert [([c.id for c in d.children], ids((d.primary, d.alternate))) for d in instruments(plan)] == [
        (["c1"], ("g2", "g1")), (["c2"], ("g1", "g3"))]


def test_a_child_without_any_guardian_has_none():
    plan = family(child("c1", ["p1"]), child("c2", ["p1"]),
                  guardian_list=[Guardian(id="g1", role="primary", children=["c1"])])
    assert guardians(plan, plan.children[1]) == (None, None)
    assert guardians(plan, plan.children[0])[1] is None
