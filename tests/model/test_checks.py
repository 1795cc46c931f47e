"""The plan's rules: what blocks a complete plan and what it warns about."""
from datetime import date
from pathlib import Path

import pytest

from prep_app import model
from prep_app.i18n import translator
from prep_app.messages import Message
from prep_app.model import Child, Contact, Guardian, Plan

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "example-plan.json"


@pytest.fixture
def plan() -> Plan:
    return model.loads(SAMPLE.read_text(encoding="utf-8"))


def codes(plan, level=None):
    return {f.code for f in model.check(plan, today=date(2026, 11, 21)) if level in (None, f.level)}


def test_sample_plan_is_complete_with_one_warning(plan):
    assert model.is_complete(plan)
    assert codes(plan) == {"citizen_without_passport"}


def test_plan_without_guardian_cannot_be_complete(plan):
    plan.guardians.clear()
    assert not model.is_complete(plan)
    assert "no_guardian" in codes(plan, model.BLOCKER)
    finding = next(f for f in model.check(plan) if f.code == "no_guardian")
    assert finding.path == "guardians"
    assert "at least one adult" in finding.text()


def test_empty_plan_says_what_is_missing():
    assert codes(Plan(), model.BLOCKER) == {"no_guardian", "no_children"}


def test_guardian_without_phone_is_named_like_a_volunteer_would(plan):
    plan.guardians[1].phone = None
    finding = next(f for f in model.check(plan) if f.code == "guardian_no_phone")
    assert finding.text() == "Guardian 2 (Nguyễn Thị Hoa) has no phone number."
    assert finding.path == "guardians[1].phone"


def test_unnamed_guardian_is_numbered():
    plan = Plan(guardians=[Guardian(id="g1", role="primary", phone="203-555-0123", has_agreed=True)])
    texts = [f.text() for f in model.check(plan)]
    assert "Guardian 1 has no name." in texts


def test_primary_at_risk_without_alternate_warns(plan):
    plan.guardians[0].may_be_at_risk = True
    assert "primary_at_risk_no_alternate" not in codes(plan)  # the alternate covers it
    del plan.guardians[1]
    assert "primary_at_risk_no_alternate" in codes(plan, model.WARNING)


@pytest.mark.parametrize("consent, path", [
    ("no", "children[2].other_parent.consent"),
    ("unknown", "children[2].other_parent.consent"),
    (None, "children[2].other_parent.consent"),
    ("not_needed", "children[2].other_parent.consent_reason"),
])
def test_child_who_cannot_be_designated_blocks_the_plan(plan, consent, path):
    plan.children[2].other_parent.consent = consent
    assert not model.is_complete(plan)
    finding = next(f for f in model.check(plan) if f.code == "child_not_designated")
    assert (finding.level, finding.path) == (model.BLOCKER, path)
    assert finding.text().startswith("Tomás Ñañez cannot be in the designation")


def test_child_without_listed_parent_blocks_and_unnamed_child_is_numbered(plan):
    plan.children[2].parents = []
    plan.children[2].full_name = None
    finding = next(f for f in model.check(plan) if f.code == "child_not_designated")
    assert finding.path == "children[2].parents"
    assert finding.text().startswith("Child 3 cannot be in the designation yet") and "45a-624" in finding.text()


def test_plan_without_contingency_is_not_complete(plan):
    plan.designation.contingencies = []
    assert not model.is_complete(plan)
    finding = next(f for f in model.check(plan) if f.code == "no_contingency")
    assert (finding.level, finding.path) == (model.BLOCKER, "designation.contingencies")
    plan.designation.other_contingency = "If I am in hospital for more than a week"
    assert model.is_complete(plan)


def test_guardian_without_address_warns(plan):
    plan.guardians[1].address = ""
    finding = next(f for f in model.check(plan) if f.code == "guardian_no_address")
    assert (finding.level, finding.path) == (model.WARNING, "guardians[1].address")
    assert finding.text().startswith("Guardian 2 (Nguyễn Thị Hoa) has no address.")


@pytest.mark.parametrize("reason, warns", [("identity_unknown", True), ("deceased", False),
                                           ("rights_terminated", False)])
def test_unknown_other_parent_asks_for_a_lawyer(plan, reason, warns):
    plan.children[2].other_parent.consent = "not_needed"
    plan.children[2].other_parent.consent_reason = reason
    assert model.is_complete(plan)
    found = [f for f in model.check(plan) if f.code == "other_parent_unknown"]
    assert [(f.level, f.path) for f in found] == (
        [(model.WARNING, "children[2].other_parent.consent_reason")] if warns else [])
    assert all("Child 3 (Tomás Ñañez)" in f.text() and "lawyer" in f.text() for f in found)


def test_a_reason_left_over_from_an_earlier_answer_asks_nothing(plan):
    # a hand-edited file: the other parent now agrees, an old "identity unknown" stayed behind
    plan.children[2].other_parent.consent = "yes"
    plan.children[2].other_parent.consent_reason = "identity_unknown"
    assert "other_parent_unknown" not in codes(plan)


def test_citizen_child_without_passport_warns(plan):
    child = plan.children[0]
    assert child.us_citizen and not child.has_us_passport
    assert "citizen_without_passport" in codes(plan)
    child.has_us_passport = True
    assert "citizen_without_passport" not in codes(plan)


def test_invalid_phone_is_a_warning_and_the_number_is_kept(plan):
    plan.contacts[2].phone = "555-12"
    finding = next(f for f in model.check(plan) if f.code == "bad_phone")
    assert finding.path == "contacts[2].phone"
    assert '"555-12"' in finding.text() and "Contact 3" in finding.text()
    assert model.loads(model.dumps(plan)).contacts[2].phone == "555-12"


# every bad-phone message is one whole sentence per kind of phone: no translation
# glues "of" to "the employer" ("de el empleador", "de o empregador")
WHOLE_SENTENCES = {
    "household.home_phone": 'The home phone number "{phone}" does not look right.',
    "parents[1].phone": 'The phone number "{phone}" of {who} does not look right.',
    "parents[1].employer_phone": 'The work phone number "{phone}" of {who} does not look right.',
    "children[0].school.phone": 'The school phone number "{phone}" for {who} does not look right.',
    "children[0].doctor.phone": 'The doctor\'s phone number "{phone}" for {who} does not look right.',
    "children[0].other_parent.phone": 'The phone number "{phone}" of the other parent of {who} does not look right.',
    "legal.attorney.phone": 'The lawyer\'s phone number "{phone}" does not look right.',
    "legal.consulate.phone": 'The consulate\'s phone number "{phone}" does not look right.',
}


@pytest.mark.parametrize("path", WHOLE_SENTENCES)
def test_each_kind_of_phone_has_its_own_sentence(plan, path):
    target, *keys = path.replace("[", ".").replace("]", "").split(".")
    obj = getattr(plan, target)
    for key in keys[:-1]:
        obj = obj[int(key)] if key.isdigit() else getattr(obj, key)
    setattr(obj, keys[-1], "555-12")
    finding = next(f for f in model.check(plan) if f.code == "bad_phone")
    assert finding.path == path
    assert finding.message.template == WHOLE_SENTENCES[path]
    assert all(not isinstance(v, Message) or v.template in ("{kind} {n}", "{kind} {n} ({name})")
               for v in finding.message.params.values())   # "who" is only "Parent 2 (...)"


def test_bad_work_phone_reads_as_one_sentence_in_every_language(plan):
    plan.parents[1].employer_phone = "555-12"
    finding = next(f for f in model.check(plan) if f.code == "bad_phone")
    assert finding.text() == ('The work phone number "555-12" of Parent 2 (María José Ñañez) '
                              "does not look right.")
    for lang in ("es", "pt_BR"):
        shown = finding.text(translator(lang).gettext)
        assert '"555-12"' in shown and "María José Ñañez" in shown
        for glued in ("de el ", "de o ", "the employer of", "el empleador de", "o empregador de"):
            assert glued not in shown, (lang, shown)


def test_birth_date_in_the_future_warns(plan):
    plan.children[1].date_of_birth = date(2030, 1, 1)
    assert "birth_in_future" in codes(plan)


def test_child_left_out_by_every_guardian_warns():
    plan = Plan(children=[Child(id="c1", full_name="Ana"), Child(id="c2", full_name="Bia")],
                guardians=[Guardian(id="g1", role="primary", full_name="Rosa", children=["c1"],
                                    phone="(203) 555-0123", has_agreed=True)],
                contacts=[Contact(id="k1", full_name="Rosa", phone="(203) 555-0123")])
    findings = [f for f in model.check(plan) if f.code == "child_without_guardian"]
    assert [f.path for f in findings] == ["children[1]"]


def test_messages_translate_through_the_given_gettext(plan):
    plan.guardians[1].phone = None
    finding = next(f for f in model.check(plan) if f.code == "guardian_no_phone")
    spanish = {"{who} has no phone number.": "{who} no tiene número de teléfono.",
               "Guardian": "Tutor", "{kind} {n} ({name})": "{kind} {n} ({name})"}
    assert finding.text(lambda s: spanish.get(s, s)) == "Tutor 2 (Nguyễn Thị Hoa) no tiene número de teléfono."


def test_phones_are_formatted_by_country():
    assert model.format_phone("203.555.0142") == "(203) 555-0142"
    assert model.format_phone("+52 55 1234 5678") == "+52 55 1234 5678"
    assert model.format_phone("not a number") == "not a number"
    assert model.format_phone(None) == ""


def test_call_order_sorts_and_keeps_unnumbered_last():
    plan = Plan(contacts=[Contact(id="k1", full_name="C", call_order=None),
                          Contact(id="k2", full_name="B", call_order=2),
                          Contact(id="k3", full_name="A", call_order=1)])
    assert [c.full_name for c in plan.contacts_in_call_order()] == ["A", "B", "C"]


def test_guardians_for_a_child_put_the_primary_first(plan):
    assert [g.id for g in plan.guardians_for("c3")] == ["g1", "g2"]
    plan.guardians.reverse()
    assert [g.id for g in plan.guardians_for("c3")] == ["g1", "g2"]


def test_removing_a_parent_drops_them_from_each_childs_parents(plan):
    removed = plan.parents.pop(0)
    plan.forget(removed.id)
    assert [c.parents for c in plan.children] == [["p2"], ["p2"], ["p2"]]
    assert all(d.person != removed.id for d in plan.documents)
    assert model.loads(model.dumps(plan)).children[0].parents == ["p2"]  # the plan still reads back


def test_removing_a_child_leaves_no_dangling_id(plan):
    removed = plan.children.pop(0)
    plan.forget(removed.id)
    assert removed.id not in plan.guardians[0].children
    assert all(d.person != removed.id for d in plan.documents)
    assert model.loads(model.dumps(plan)).children[0].id == "c2"  # the plan still reads back


@pytest.mark.parametrize("family, interface, expected", [
    (["pt_BR", "en"], "en", ["pt_BR", "en"]),
    (["es"], "pt_BR", ["es", "en"]),
    (["en", "es"], "en", ["en", "es"]),
    ([], "es", ["es", "en"]),
    ([], "en", ["en"]),
    (["vi"], "en", ["en"]),            # a language with no catalog yet is skipped
])
def test_print_languages_default_to_the_familys_first_and_english(family, interface, expected):
    plan = Plan()
    plan.household.languages = family
    assert plan.print_languages({"en", "es", "pt_BR"}, interface) == expected


def test_an_unknown_passport_is_not_called_missing(plan):
    """The review said "without a U.S. passport" when the answer was "don't know"."""
    child = plan.children[0]
    child.has_us_passport = None
    finding = next(f for f in model.check(plan) if f.code == "citizen_without_passport")
    assert "without" not in finding.text() and "Find out" in finding.text()
    child.has_us_passport = False
    finding = next(f for f in model.check(plan) if f.code == "citizen_without_passport")
    assert "without a U.S. passport" in finding.text()
