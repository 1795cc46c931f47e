"""The review's rules for what the legal papers and the printouts need
(issue 10): each finding names the field to fix, in words that match the
answer given."""
from datetime import date
from pathlib import Path

import pytest

from prep_app import model
from prep_app.model import Contact, Document, Guardian, Plan
from prep_app.model.checks import MAX_NAME_LENGTH
from prep_app.model.numbers import masked
from prep_app.model.people import pickup_list

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "example-plan.json"


@pytest.fixture
def plan() -> Plan:
    return model.loads(SAMPLE.read_text(encoding="utf-8"))


def found(plan, code):
    return [f for f in model.check(plan, today=date(2026, 11, 21)) if f.code == code]


def paths(plan, code):
    return [f.path for f in found(plan, code)]


# -- guardians ------------------------------------------------------------------

def test_no_alternate_guardian_is_a_mild_warning(plan):
    assert paths(plan, "no_alternate_guardian") == []
    plan.guardians.pop()            # Nguyễn Thị Hoa, the alternate
    [finding] = found(plan, "no_alternate_guardian")
    assert (finding.level, finding.path) == (model.WARNING, "guardians")
    assert "no alternate guardian" in finding.text()


def test_a_primary_at_risk_without_alternate_gets_the_stronger_warning_only(plan):
    plan.guardians.pop()
    plan.guardians[0].may_be_at_risk = True
    assert paths(plan, "primary_at_risk_no_alternate") == ["guardians[0].may_be_at_risk"]
    assert paths(plan, "no_alternate_guardian") == []


def test_the_same_adult_as_primary_and_alternate_is_a_duplicate(plan):
    plan.guardians[1].full_name = "ANA  SOUZA"
    [finding] = found(plan, "duplicate_guardian")
    assert finding.path == "guardians[1].full_name"
    assert "Guardian 2 (ANA  SOUZA) seems to be the same person as Guardian 1 (Ana Souza)" in finding.text()


# -- what the designation, consent page and statement print ---------------------

def test_a_signing_parent_without_a_name_is_asked_for_it(plan):
    plan.parents[1].full_name = None
    [finding] = found(plan, "parent_no_name")
    assert (finding.level, finding.path) == (model.WARNING, "parents[1].full_name")
    assert finding.text().startswith("Parent 2 has no name.")


def test_a_parent_who_signs_no_designation_needs_no_name_for_it(plan):
    plan.parents[1].full_name = None
    for child in plan.children:       # María José is nobody's listed parent any more
        child.parents = ["p1"]
        child.other_parent.consent = "yes"
        child.other_parent.full_name = "María José Ñañez"
    assert paths(plan, "parent_no_name") == []


def test_the_statement_needs_the_home_address(plan):
    plan.household.address = None
    [finding] = found(plan, "household_no_address")
    assert finding.path == "household.address"
    assert "statement" in finding.text()


def test_the_consent_page_needs_the_other_parents_name(plan):
    plan.children[2].other_parent.full_name = None      # Carlos agrees, his name was left out
    [finding] = found(plan, "other_parent_no_name")
    assert finding.path == "children[2].other_parent.full_name"
    assert finding.text().startswith("Child 3 (Tomás Ñañez): the other parent agrees")
    plan.children[2].other_parent.consent = "no"        # no consent page: another finding says why
    assert paths(plan, "other_parent_no_name") == []


def test_consent_left_at_dont_know_says_we_do_not_know_not_no(plan):
    plan.children[2].other_parent.consent = "unknown"
    [finding] = found(plan, "child_not_designated")
    assert finding.path == "children[2].other_parent.consent"
    assert "we do not know if the other parent agrees" in finding.text()
    assert "does not agree" not in finding.text()


def test_a_child_without_a_name(plan):
    plan.children[1].full_name = ""
    [finding] = found(plan, "child_no_name")
    assert finding.path == "children[1].full_name"
    assert finding.text().startswith("Child 2 has no name.")


# -- documents --------------------------------------------------------------------

def test_a_document_without_a_status_asks_have_need_or_asked(plan):
    plan.documents[5].status = None         # João's passport
    [finding] = found(plan, "document_no_status")
    assert (finding.level, finding.path) == (model.WARNING, "documents[5].status")
    assert finding.text() == ("Document 6 (Passport, João Gonçalves): say if you have it, need it, "
                              "or have asked for it.")


def test_the_document_type_is_named_in_the_readers_language():
    from prep_app.i18n import translator
    plan = Plan(documents=[Document(type="birth_certificate")])
    [finding] = found(plan, "document_no_status")
    assert finding.text(translator("es").gettext).startswith("Documento 1 (Acta de nacimiento)")


# -- account and card numbers in free text ----------------------------------------

@pytest.mark.parametrize("typed", ["Checking 123456789012 at Webster Bank", "acct 1234-5678-9012",
                                   "Visa 4111 1111 1111 1111"])
def test_a_full_account_number_in_the_money_notes_warns_without_repeating_it(plan, typed):
    plan.finances.bank_notes = typed
    [finding] = found(plan, "account_number_in_text")
    assert (finding.level, finding.path) == (model.WARNING, "finances.bank_notes")
    digits = "".join(ch for ch in typed if ch.isdigit())
    assert f"•••• {digits[-4:]}" in finding.text() and digits not in finding.text().replace(" ", "")
    assert "last 4 digits" in finding.text()


@pytest.mark.parametrize("typed", ["Webster Bank, account ending 9012", "Call Ana at 203-555-0142",
                                   "Call +52 55 1234 5678 after 6", "Opened 2024-03-15", "PO Box 7, CT 06810-1234",
                                   "A-number A-123-456-789"])
def test_phones_dates_zip_codes_and_last_four_digits_are_not_account_numbers(plan, typed):
    plan.finances.bank_notes = typed
    assert found(plan, "account_number_in_text") == []


def test_a_card_number_in_any_note_is_found(plan):
    plan.contacts[2].notes = "Lent us her card 5555555555554444"
    assert paths(plan, "account_number_in_text") == ["contacts[2].notes"]


def test_masking_keeps_the_plan_as_typed(plan):
    plan.finances.bank_notes = "acct 1234-5678-9012, routing 021000021"
    copy = masked(plan)
    assert copy.finances.bank_notes == "acct •••• 9012, routing •••• 0021"
    assert plan.finances.bank_notes == "acct 1234-5678-9012, routing 021000021"
    assert copy.parents[0].a_number == "A-123-456-789" and copy.contacts[0].phone == "(203) 555-0123"


# -- the same person twice ------------------------------------------------------------

def test_the_same_contact_typed_twice_is_found(plan):
    plan.contacts.append(Contact(id="k7", full_name="beatriz  lima", phone="(203) 555-0199"))
    [finding] = found(plan, "duplicate_contact")
    assert finding.path == "contacts[6].full_name"
    assert finding.text() == ("Contact 7 (beatriz  lima) seems to be the same person as Contact 5 (Beatriz Lima). "
                              "If so, remove one of them.")


def test_same_phone_and_first_name_is_the_same_contact_but_a_shared_home_phone_is_not(plan):
    plan.contacts.append(Contact(id="k7", full_name="Daniel O.", phone="203.555.0128"))
    assert paths(plan, "duplicate_contact") == ["contacts[6].full_name"]
    plan.contacts[6].full_name = "Marta Ortiz"           # Daniel's wife, one phone at home
    assert paths(plan, "duplicate_contact") == []


def test_the_pickup_list_has_each_person_once(plan):
    plan.contacts.append(Contact(id="k7", full_name="ANA SOUZA", phone="203 555 0123", call_order=7,
                                 authorized_pickup=True))
    names = [p.full_name for p in pickup_list(plan, plan.children[0])]
    assert names == ["Ana Souza", "Nguyễn Thị Hoa", "Beatriz Lima"]


def test_a_guardian_also_on_the_call_list_is_not_a_duplicate(plan):
    assert plan.contacts[0].full_name == plan.guardians[0].full_name
    assert found(plan, "duplicate_contact") == found(plan, "duplicate_guardian") == []


# -- names the printouts cannot hold ----------------------------------------------------

def test_a_name_too_long_to_print_gets_a_clear_message(plan):
    plan.contacts[3].full_name = "R" * MAX_NAME_LENGTH
    assert found(plan, "name_too_long") == []
    plan.contacts[3].full_name += "x"
    [finding] = found(plan, "name_too_long")
    assert finding.path == "contacts[3].full_name"
    assert finding.text().startswith(f"The name of Contact 4 is too long for the printouts: it has "
                                     f"{MAX_NAME_LENGTH + 1} characters, and there is room for {MAX_NAME_LENGTH}.")


def test_a_long_family_name_and_other_parent_name(plan):
    plan.household.family_name = "Gonçalves " * 6
    plan.children[2].other_parent.full_name = "Carlos " * 8
    assert paths(plan, "name_too_long") == ["household.family_name", "children[2].other_parent.full_name"]


def test_the_sample_plan_triggers_none_of_the_new_rules(plan):
    new = {"no_alternate_guardian", "duplicate_guardian", "parent_no_name", "household_no_address",
           "other_parent_no_name", "child_no_name", "document_no_status", "account_number_in_text",
           "duplicate_contact", "name_too_long"}
    assert not new & {f.code for f in model.check(plan)}
    plan.guardians.append(Guardian(id="g3", role="alternate", full_name="Rosa Ñañez"))
    assert not {"no_alternate_guardian", "duplicate_guardian"} & {f.code for f in model.check(plan)}
