"""Exchange format v1: lossless round trip and errors that name the JSON path."""
import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prep_app import model
from prep_app.model import ExchangeError

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "example-plan.json"


@pytest.fixture
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_sample_plan_round_trips_every_value(sample):
    plan = model.from_dict(sample)
    assert plan.guardians[1].full_name == "Nguyễn Thị Hoa"
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


@pytest.mark.parametrize("keys, value, expected", [
    (("contacts", 0, "call_order"), "1", 'contacts[0].call_order: "1" should be a whole number'),
    (("contacts", 0, "authorized_pickup"), "yes", 'contacts[0].authorized_pickup: "yes" should be true or false'),
    (("children", 0, "school"), "Rogers Park", 'children[0].school: "Rogers Park" should be an object'),
    (("household", "languages"), "es", 'household.languages: "es" should be a list'),
    (("guardians", 0, "role"), "main", 'guardians[0].role: "main" should be one of: primary, alternate'),
    (("documents", 0, "status"), "lost", 'documents[0].status: "lost" should be one of: have, need, requested'),
    (("household", "family_name"), 42, "household.family_name: 42 should be text in quotes"),
    (("parents", 1, "email"), ["a@b"], 'parents[1].email: ["a@b"] should be text in quotes'),
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
    sample["version"] = 2
    assert "newer prep-app" in _error(sample)


def test_migration_steps_run_in_order(monkeypatch, sample):
    """A v0 file (a pretend older format) is upgraded through STEPS before it is read."""
    from prep_app.model import migrations

    def v0_to_v1(data):
        data["household"] = {"family_name": data.pop("family")}
        return data

    monkeypatch.setitem(migrations.STEPS, 0, v0_to_v1)
    old = {"format": "prep-app-plan", "version": 0, "family": "Ñañez"}
    assert migrations.migrate(copy.deepcopy(old)) == {
        "format": "prep-app-plan", "version": 1, "household": {"family_name": "Ñañez"}}


# -- property: any Unicode survives import then export -------------------------

text = st.one_of(st.none(), st.text(max_size=40))
flag = st.one_of(st.none(), st.booleans())
day = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
phones = st.one_of(st.none(), st.text(max_size=20))


def people(prefix, fields, count):
    return st.lists(st.fixed_dictionaries(fields), max_size=count).map(
        lambda items: [{"id": f"{prefix}{i + 1}", **item} for i, item in enumerate(items)])


plans = st.fixed_dictionaries({
    "household": st.fixed_dictionaries({"family_name": text, "address": text, "home_phone": phones,
                                        "languages": st.lists(st.text(max_size=5), max_size=3),
                                        "notes": text}),
    "parents": people("p", {"full_name": text, "date_of_birth": day, "a_number": text,
                            "country_of_birth": text, "medical_notes": text}, 2),
    "children": people("c", {"full_name": text, "date_of_birth": day, "us_citizen": flag,
                             "school": st.fixed_dictionaries({"name": text, "grade": text}),
                             "other_parent": st.fixed_dictionaries({"full_name": text, "consents": flag})}, 3),
    "contacts": people("k", {"full_name": text, "call_order": st.one_of(st.none(), st.integers(-5, 99)),
                             "languages": st.lists(text.filter(bool), max_size=2), "notes": text}, 3),
    "do_not_release_to": st.lists(st.fixed_dictionaries({"full_name": text, "notes": text}), max_size=2),
    "notes": text,
})


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_round_trip_with_arbitrary_unicode(body):
    data = {"format": "prep-app-plan", "version": 1, **body}
    exported = json.loads(model.dumps(model.from_dict(data)))
    again = model.to_dict(model.from_dict(exported))
    assert again == exported
    # every value that was given comes back unchanged
    assert exported["household"] == {**exported["household"], **data["household"]}
    for kind in ("parents", "children", "contacts"):
        for given_person, back in zip(data[kind], exported[kind], strict=True):
            for key, value in given_person.items():
                if isinstance(value, dict):
                    assert {**back[key], **value} == back[key]
                else:
                    assert back[key] == value
    assert exported["notes"] == data["notes"]
