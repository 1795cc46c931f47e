"""Exchange format v2: lossless round trip, errors that name the JSON path, v1 migration."""
import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prep_app import model
from prep_app.model import CONSENT_ANSWERS, CONSENT_NOT_NEEDED, CONTINGENCIES, ExchangeError, migrations

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "example-plan.json"
SAMPLE_V1 = Path(__file__).with_name("example-plan-v1.json")


@pytest.fixture
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def sample_v1() -> dict:
    return json.loads(SAMPLE_V1.read_text(encoding="utf-8"))


def test_sample_plan_round_trips_every_value(sample):
    assert sample["version"] == 2
    plan = model.from_dict(sample)
    assert plan.guardians[1].full_name == "Nguyễn Thị Hoa"
    assert plan.children[2].parents == ["p2"] and plan.children[2].other_parent.consent == "yes"
    assert plan.designation.contingencies == ["detained", "cannot_return", "incapacity"]
    assert model.to_dict(plan) == sample
    assert json.loads(model.dumps(plan)) == sample


def test_export_keeps_unicode_readable(sample):
    text = model.dumps(model.from_dict(sample))
    assert "João Gonçalves" in text and "\\u" not in text


def test_missing_optional_keys_are_fine():
    plan = model.loads('{"format": "prep-app-plan", "version": 1, "children": [{"id": "c1"}]}')
    assert plan.children[0].full_name is None
    assert plan.children[0].school.name is None
    assert plan.guardians == []


def _error(data) -> str:
    with pytest.raises(ExchangeError) as caught:
        model.from_dict(data)
    return str(caught.value)


def test_bad_date_names_its_path(sample):
    sample["children"][2]["date_of_birth"] = "2014-13-01"
    assert _error(sample) == 'children[2].date_of_birth: "2014-13-01" is not a date (use YYYY-MM-DD)'


@pytest.mark.parametrize("value", ["14/06/2014", "2014-6-1", "", 20140601])
def test_dates_must_be_iso(sample, value):
    sample["parents"][0]["date_of_birth"] = value
    assert _error(sample).startswith("parents[0].date_of_birth:")


def test_unknown_key_is_named(sample):
    sample["guardians"][1]["nickname"] = "Hoa"
    assert _error(sample) == "guardians[1].nickname: unknown key (check the spelling)"


def test_unknown_top_level_key_is_named(sample):
    sample["pets"] = []
    assert _error(sample).startswith("pets: unknown key")


def test_v1_consents_key_is_unknown_in_v2(sample):
    sample["children"][2]["other_parent"]["consents"] = True
    assert _error(sample) == "children[2].other_parent.consents: unknown key (check the spelling)"


def test_unknown_key_in_a_v1_plan_is_named(sample_v1):
    sample_v1["children"][0]["school"]["principal"] = "Dr. Ruiz"
    assert _error(sample_v1) == "children[0].school.principal: unknown key (check the spelling)"


@pytest.mark.parametrize("keys, value, expected", [
    (("contacts", 0, "call_order"), "1", 'contacts[0].call_order: "1" should be a whole number'),
    (("contacts", 0, "authorized_pickup"), "yes", 'contacts[0].authorized_pickup: "yes" should be true or false'),
    (("children", 0, "school"), "Rogers Park", 'children[0].school: "Rogers Park" should be an object'),
    (("household", "languages"), "es", 'household.languages: "es" should be a list'),
    (("guardians", 0, "role"), "main", 'guardians[0].role: "main" should be one of: primary, alternate'),
    (("documents", 0, "status"), "lost", 'documents[0].status: "lost" should be one of: have, need, requested'),
    (("household", "family_name"), 42, "household.family_name: 42 should be text in quotes"),
    (("parents", 1, "email"), ["a@b"], 'parents[1].email: ["a@b"] should be text in quotes'),
    (("children", 2, "other_parent", "consent"), "maybe",
     'children[2].other_parent.consent: "maybe" should be one of: yes, no, unknown, not_needed'),
    (("children", 2, "other_parent", "consent_reason"), "divorced",
     'children[2].other_parent.consent_reason: "divorced" should be one of: removed_as_guardian,'),
    (("designation", "contingencies"), ["detained", "deported"],
     'designation.contingencies[1]: "deported" should be one of: detained, cannot_return, incapacity, death'),
    (("designation", "contingencies"), "detained", 'designation.contingencies: "detained" should be a list'),
    (("legal", "consulate_on_wallet"), "no", 'legal.consulate_on_wallet: "no" should be true or false'),
])
def test_wrong_types_are_explained(sample, keys, value, expected):
    target = sample
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    assert _error(sample).startswith(expected)


def test_duplicate_ids_are_refused(sample):
    sample["children"][1]["id"] = "c1"
    assert _error(sample) == 'children[1].id: "c1" is already used by children[0]'


def test_ids_must_be_unique_across_kinds(sample):
    sample["contacts"][0]["id"] = "p1"
    assert "already used by parents[0]" in _error(sample)


def test_dangling_guardian_child_is_refused(sample):
    sample["guardians"][0]["children"].append("c9")
    assert _error(sample) == 'guardians[0].children[3]: "c9" is not the id of a child in this plan'


def test_invalid_contingency_names_its_path(sample):
    sample["designation"]["contingencies"] = ["deportation"]
    assert _error(sample).startswith('designation.contingencies[0]: "deportation" should be one of:')


@pytest.mark.parametrize("not_a_parent", ["p9", "c1", "g1"])
def test_child_parents_must_be_parents_of_the_plan(sample, not_a_parent):
    sample["children"][1]["parents"] = ["p1", not_a_parent]
    assert _error(sample) == f'children[1].parents[1]: "{not_a_parent}" is not the id of a parent in this plan'


def test_dangling_document_person_is_refused(sample):
    sample["documents"][4]["person"] = "k1"
    assert _error(sample).startswith('documents[4].person: "k1" is not the id of a parent or child')


def test_missing_id_is_refused(sample):
    del sample["parents"][1]["id"]
    assert _error(sample).startswith("parents[1].id: is missing")


def test_not_a_plan():
    assert "not a prep-app plan" in _error({"format": "something-else", "version": 1})
    with pytest.raises(ExchangeError, match="not valid JSON"):
        model.loads("{ this is not json")
    with pytest.raises(ExchangeError, match="must be a JSON object"):
        model.loads("[1, 2]")


def test_newer_version_is_refused_with_advice(sample):
    sample["version"] = migrations.CURRENT_VERSION + 1
    message = _error(sample)
    assert message.startswith("version: ") and "newer prep-app" in message


def test_migration_steps_run_in_order(monkeypatch):
    """A v0 file (a pretend older format) is upgraded through every step, in order."""
    def v0_to_v1(data):
        data["household"] = {"family_name": data.pop("family")}
        return data

    monkeypatch.setitem(migrations.STEPS, 0, v0_to_v1)
    old = {"format": "prep-app-plan", "version": 0, "family": "Ñañez"}
    assert migrations.migrate(copy.deepcopy(old)) == {
        "format": "prep-app-plan", "version": 2, "household": {"family_name": "Ñañez"},
        "designation": {"contingencies": ["detained", "cannot_return"]}}


# -- v1 plans migrate with the defaults docs/exchange-format.md states -----------

def test_v1_sample_migrates_with_the_stated_defaults(sample_v1):
    plan = model.from_dict(copy.deepcopy(sample_v1))
    assert [c.parents for c in plan.children] == [["p1", "p2"]] * 3   # every plan parent
    assert [c.other_parent.consent for c in plan.children] == [None] * 3   # v1 null: not asked yet
    assert [p.birth_country for p in plan.parents] == ["BR", "EC"]        # "Brasil", "Ecuador"
    assert plan.designation.contingencies == ["detained", "cannot_return"]
    assert plan.designation.mention_immigration is None


@pytest.mark.parametrize("consents, consent", [(True, "yes"), (False, "no"), (None, None)])
def test_v1_consents_becomes_consent(sample_v1, consents, consent):
    sample_v1["children"][2]["other_parent"]["consents"] = consents
    other = model.from_dict(sample_v1).children[2].other_parent
    assert (other.consent, other.consent_reason) == (consent, None)


def test_v1_country_that_names_no_country_leaves_birth_country_empty(sample_v1):
    sample_v1["parents"][0]["country_of_birth"] = "Minas Gerais"
    assert model.from_dict(sample_v1).parents[0].birth_country is None


def _keeps(exported, given, path=""):
    """Every value of ``given`` is in ``exported`` (which may have more keys)."""
    if isinstance(given, dict):
        for key, value in given.items():
            assert key in exported, f"{path}.{key} was lost"
            _keeps(exported[key], value, f"{path}.{key}")
    elif isinstance(given, list):
        assert len(exported) == len(given), f"{path} changed length"
        for i, (back, value) in enumerate(zip(exported, given, strict=True)):
            _keeps(back, value, f"{path}[{i}]")
    else:
        assert exported == given, f"{path}: {given!r} came back as {exported!r}"


def test_v1_sample_round_trips_without_loss(sample_v1):
    exported = json.loads(model.dumps(model.from_dict(copy.deepcopy(sample_v1))))
    assert exported["version"] == 2
    assert model.to_dict(model.loads(model.dumps(model.loads(json.dumps(exported))))) == exported
    for child in sample_v1["children"]:   # the one key v2 renames
        child["other_parent"]["consent"] = child["other_parent"].pop("consents")
    del sample_v1["version"]
    _keeps(exported, sample_v1)


def test_reading_a_v1_plan_leaves_the_given_dict_alone(sample_v1):
    before = copy.deepcopy(sample_v1)
    model.from_dict(sample_v1)
    assert sample_v1 == before


@pytest.mark.parametrize("version", [1, 2])
def test_null_reads_as_absent_for_lists_and_objects(version):
    plan = model.from_dict({
        "format": "prep-app-plan", "version": version,
        "household": {"languages": None, "family_name": None},
        "parents": [{"id": "p1", "country_of_birth": None, "date_of_birth": None}],
        "children": [{"id": "c1", "school": None, "doctor": None, "other_parent": None}],
        "guardians": [{"id": "g1", "role": None, "children": None}],
        "contacts": None, "documents": None, "do_not_release_to": None,
        "legal": {"attorney": None, "consulate": None}, "finances": None, "notes": None})
    assert plan.household.languages == [] and plan.contacts == []
    assert plan.children[0].school == model.School() and plan.children[0].other_parent == model.OtherParent()
    assert plan.guardians[0].children == [] and plan.legal.attorney == model.Attorney()
    assert plan.children[0].parents == (["p1"] if version == 1 else [])


def test_v1_plan_with_null_lists_imports():
    plan = model.from_dict({"format": "prep-app-plan", "version": 1, "parents": None, "children": None,
                            "household": {"languages": None}})
    assert plan.children == [] and plan.parents == [] and plan.household.languages == []
    assert plan.designation.contingencies == ["detained", "cannot_return"]


def test_v2_nulls_in_new_keys_read_as_absent(sample):
    sample["children"][0]["parents"] = None
    sample["designation"] = {"contingencies": None, "other_contingency": None, "mention_immigration": None}
    plan = model.from_dict(sample)
    assert plan.children[0].parents == []
    assert plan.designation == model.Designation()


# -- property: any Unicode survives import then export -------------------------

text = st.one_of(st.none(), st.text(max_size=40))
flag = st.one_of(st.none(), st.booleans())
day = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
phones = st.one_of(st.none(), st.text(max_size=20))


choice = lambda allowed: st.one_of(st.none(), st.sampled_from(allowed))  # noqa: E731


def people(prefix, fields, count):
    return st.lists(st.fixed_dictionaries(fields), max_size=count).map(
        lambda items: [{"id": f"{prefix}{i + 1}", **item} for i, item in enumerate(items)])


@st.composite
def plans(draw):
    parents = draw(people("p", {"full_name": text, "date_of_birth": day, "a_number": text,
                                "country_of_birth": text, "birth_country": text, "medical_notes": text}, 2))
    parent_ids = [p["id"] for p in parents]
    other_parent = st.fixed_dictionaries({"full_name": text, "consent": choice(CONSENT_ANSWERS),
                                          "consent_reason": choice(CONSENT_NOT_NEEDED)})
    return {
        "household": draw(st.fixed_dictionaries({
            "family_name": text, "address": text, "home_phone": phones,
            "languages": st.lists(st.text(max_size=5), max_size=3), "notes": text})),
        "parents": parents,
        "children": draw(people("c", {"full_name": text, "date_of_birth": day, "us_citizen": flag,
                                      "parents": st.lists(st.sampled_from(parent_ids), unique=True)
                                      if parent_ids else st.just([]),
                                      "school": st.fixed_dictionaries({"name": text, "grade": text}),
                                      "other_parent": other_parent}, 3)),
        "contacts": draw(people("k", {"full_name": text, "call_order": st.one_of(st.none(), st.integers(-5, 99)),
                                      "languages": st.lists(text.filter(bool), max_size=2), "notes": text}, 3)),
        "do_not_release_to": draw(st.lists(st.fixed_dictionaries({"full_name": text, "notes": text}), max_size=2)),
        "legal": draw(st.fixed_dictionaries({"consulate_on_wallet": flag})),
        "designation": draw(st.fixed_dictionaries({
            "contingencies": st.lists(st.sampled_from(CONTINGENCIES), unique=True),
            "other_contingency": text, "mention_immigration": flag})),
        "notes": draw(text),
    }


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_round_trip_with_arbitrary_unicode(body):
    data = {"format": "prep-app-plan", "version": 2, **body}
    exported = json.loads(model.dumps(model.from_dict(copy.deepcopy(data))))
    assert model.to_dict(model.from_dict(exported)) == exported
    _keeps(exported, data)   # every value that was given comes back unchanged


def test_a_country_picked_from_the_list_reads_in_each_language_and_survives_the_round_trip():
    from prep_app.model.countries import birth_country_in, choose_birth_country
    parent = model.Parent(id="p1", country_of_birth="Kurdistan")       # typed before there was a list
    assert birth_country_in(parent, "es") == "Kurdistan"                # nothing lost from sight
    choose_birth_country(parent, "IQ")
    assert (parent.birth_country, parent.country_of_birth) == ("IQ", "Iraq")   # the locator's English
    assert birth_country_in(parent, "es") == "Irak" and birth_country_in(parent, "pt_BR") == "Iraque"
    back = model.loads(model.dumps(model.Plan(parents=[parent]))).parents[0]
    assert (back.birth_country, back.country_of_birth) == ("IQ", "Iraq")
