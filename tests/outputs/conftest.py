"""Plans for the output tests: the realistic sample and a stress family
(accents, a Vietnamese name, a 600-character medical note, eight contacts,
five children), built from the model dataclasses.  In the stress family two
children cannot be designated yet: Tomás (his other parent's consent is not
known) and Łucja (a niece: no parent of hers is in the plan)."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache
from io import BytesIO

import pytest
from pypdf import PdfReader

from prep_app.model import (
    Attorney,
    Child,
    Consulate,
    Contact,
    Designation,
    Doctor,
    Document,
    DoNotRelease,
    Finances,
    Guardian,
    Household,
    Legal,
    OtherParent,
    Parent,
    Plan,
    School,
    loads,
)
from prep_app.outputs import render
from prep_app.resources import resource_path

TODAY = date(2025, 6, 21)
LONG_NOTE = ("Severe peanut and tree-nut allergy: use the EpiPen in the red pouch, then call 911. "
             "Takes levetiracetam 250 mg twice a day for seizures; never skip a dose. "
             "If a seizure lasts more than five minutes, give the rescue medicine and call 911. "
             "Wears glasses for reading. Mild asthma: inhaler before sports. "
             "Lactose intolerant: no milk at lunch, yogurt is fine. "
             "Afraid of loud alarms; warn her before fire drills and let her hold a friend's hand. "
             "Speaks Portuguese at home and is still learning English; Ms. Ortega translates. "
             "Her grandmother picks her up on Fridays. Final sentence of the long note ends here.")
assert 590 <= len(LONG_NOTE) <= 620, len(LONG_NOTE)

KIDS = ["Lucas Gonçalves", "Sofía Gonçalves", "Tomás Ñañez", "Nguyễn Minh Anh", "Łucja Wiśniewska"]
KIDS_PARENTS = [["p1", "p2"], ["p1", "p2"], ["p2"], ["p1", "p2"], []]
NOT_DESIGNATED = ["Tomás Ñañez", "Łucja Wiśniewska"]
CONTACTS = ["Ana Souza", "Nguyễn Thị Hoa", "Pastor Łukasz Wiśniewski", "Rosa Ñañez",
            "Beatriz Lima", "Daniel Ortiz", "Zoë Ångström", "Chidinma Okafor-Adébáyọ̀"]


def stress_plan() -> Plan:
    children = []
    for i, name in enumerate(KIDS):
        children.append(Child(
            id=f"c{i + 1}", full_name=name, date_of_birth=date(2010 + i, 1 + i, 10 + i), parents=KIDS_PARENTS[i],
            school=School(name=f"Escola Number {i + 1} Elementary", address=f"{i + 10} School Rd, Danbury, CT 06810",
                          phone=f"(203) 555-015{i}", grade=str(i + 1), teacher=f"Teacher {i + 1}"),
            allergies=LONG_NOTE if i == 0 else "Peanuts", medications="Albuterol" if i % 2 else None,
            medical_conditions="Asthma" if i == 1 else None,
            doctor=Doctor(name="Dr. Amy Chen", phone="(203) 555-0160"), insurance="HUSKY A",
            comfort_notes="Blue blanket", us_citizen=i % 2 == 0, has_us_passport=False,
            other_parent=OtherParent(full_name="Carlos Ñañez", phone="+593 99 123 4567", consent=None)
            if i == 2 else OtherParent()))
    contacts = [Contact(id=f"k{i + 1}", full_name=n, relationship=["Aunt", "Friend", "Church", "Grandmother",
                                                                   "Neighbor", "Coworker", "Cousin", "Godmother"][i],
                        phone=f"(203) 555-01{20 + i:02d}", languages=["pt_BR", "en"], call_order=i + 1,
                        authorized_pickup=i % 2 == 0, knows_plan=True, notes="Call after 6 pm" if i == 3 else None)
                for i, n in enumerate(CONTACTS)]
    return Plan(
        household=Household(family_name="Gonçalves Ñañez-Nguyễn", address="41 Elm Street, Apt 2, Danbury, CT 06810",
                            home_phone="(203) 555-0142", languages=["pt_BR", "es", "vi"], notes="Key with neighbor"),
        parents=[Parent(id="p1", full_name="João Gonçalves", date_of_birth=date(1986, 3, 14), phone="(203) 555-0117",
                        country_of_birth="Guatemala", birth_country="GT", a_number="A-987-654-321", employer="Ridgefield Landscaping",
                        medical_notes="Diabetes"),
                 Parent(id="p2", full_name="Nguyễn Thị Lan", date_of_birth=date(1989, 11, 2), phone="(203) 555-0118",
                        country_of_birth="Viet Nam", birth_country="VN", a_number="A-111-222-333")],
        children=children,
        guardians=[Guardian(id="g1", role="primary", full_name="Ana Souza", relationship="Aunt", phone="(203) 555-0123",
                            address="12 Oak Ave, Danbury, CT 06811", has_agreed=True, may_be_at_risk=True),
                   Guardian(id="g2", role="alternate", full_name="Nguyễn Thị Hoa", relationship="Friend",
                            phone="(203) 555-0124", address="88 Main St, Bethel, CT 06801", has_agreed=True)],
        contacts=contacts,
        do_not_release_to=[DoNotRelease(full_name="Marco Pereira", notes="No custody")],
        documents=[Document(type=t, person=p, status=s, original_location=loc, copy_holder="Ana Souza")
                   for t, p, s, loc in [("birth_certificate", "c1", "have", "Red folder in the hall closet"),
                                        ("passport", "p1", "have", "Safe deposit box 17"),
                                        ("immigration_documents", "p2", "requested", "Attorney Vault Room"),
                                        ("us_passport", "c3", "need", None)]],
        legal=Legal(attorney=Attorney(name="Laura Méndez", organization="Hartford Immigrant Legal Aid",
                                      phone="(860) 555-0199", email="lm@example.org"), g28_signed=True,
                    g28_location="Attorney Vault Room",
                    consulate=Consulate(name="Consulado General de Guatemala", phone="(860) 555-0101",
                                        address="1 Example Plaza, Hartford, CT 06103")),
        finances=Finances(bank_notes="Credit union account 4471", bills_notes="Rent on the first",
                          housing_notes="Landlord Pat Doyle", vehicle_notes="2012 Honda Civic",
                          power_of_attorney_holder="Ana Souza"),
        designation=Designation(contingencies=["detained", "cannot_return", "death"]),
        notes="Review every June.")


def sample_plan() -> Plan:
    with open(resource_path("samples", "example-plan.json"), encoding="utf-8") as fp:
        return loads(fp.read())


PLANS = {"sample": sample_plan, "stress": stress_plan, "blank": lambda: None, "empty": Plan}


@cache
def pdf(name: str, plan: str, langs: tuple[str, ...], paper: str = "letter") -> bytes:
    return render(name, PLANS[plan](), list(langs), paper=paper, today=TODAY)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    return re.sub(r"\s+", " ", text)


@cache
def pages(name: str, plan: str, langs: tuple[str, ...], paper: str = "letter") -> list[str]:
    reader = PdfReader(BytesIO(pdf(name, plan, langs, paper)))
    return [norm(p.extract_text()) for p in reader.pages]


def text(name, plan, langs, paper="letter") -> str:
    return " ".join(pages(name, plan, langs, paper))


def squash(s: str) -> str:
    """Without any whitespace: wrapped lines still match."""
    return re.sub(r"\s+", "", norm(s))


@pytest.fixture
def stress():
    return stress_plan()


def is_instrument_page(page: str, langs) -> bool:
    """A page of a legal instrument, whose own footer says "Page n of m of
    this document" (in the printout's first language) instead of the dates."""
    from prep_app.i18n import translator
    template = translator(langs[0]).gettext("Page {n} of {total} of this document")
    pattern = re.escape(template).replace(r"\{n\}", r"\d+").replace(r"\{total\}", r"\d+")
    return re.search(pattern, page) is not None


# A 200-character name (the longest a school page must hold on one page), as
# families write it: many given names and both family names, with accents.
LONG_NAME = ("María de los Ángeles Guadalupe Esperanza Concepción Inmaculada Dolores "
             "Gonçalves Ñañez-Nguyễn da Silva Santos Oliveira Pereira Rodrigues Fernandes "
             "Carvalho Almeida Ribeiro Araújo Barbosa Teixeira Lima")
assert len(LONG_NAME) == 200, len(LONG_NAME)


LONG_EVENT = ("my being held in immigration custody or in any jail or prison in any state, or being unable "
              "to come back to our home in Danbury within forty-eight hours for any reason, including an "
              "illness, an accident, a hospital stay, a deportation or a travel ban")


def stress_long_plan() -> Plan:
    """The stress family with a 200-character name on the child with the long
    note and on a parent, all eight contacts allowed to pick the children up,
    and an "other event" for the designation in the family's own long words."""
    plan = stress_plan()
    plan.children[0].full_name = LONG_NAME
    plan.parents[0].full_name = LONG_NAME.replace("María de los Ángeles", "João Pedro dos Anjos")[:200]
    plan.designation.other_contingency = LONG_EVENT
    for contact in plan.contacts:
        contact.authorized_pickup = True
    plan.contacts[1].phone = "+593 99 555 0199"    # a number from abroad, longer than a local one
    return plan


PLANS["stress_long"] = stress_long_plan


# The stress family written in the scripts Connecticut families write their
# names in.  SCRIPT_NAMES: every name the printouts must show exactly.
SCRIPT_KIDS = ["فاطمة الزهراء", "王小明", "Nguyễn Văn Đức", "Zbigniew Brzęczyszczykiewicz", "Wòdlèy Jan-Batis"]
SCRIPT_CONTACTS = ["Fatima الزهراء", "陳美玲", "김민준", "さくら タナカ", "שרה כהן", "Μαρία Παπαδοπούλου",
                   "Оксана Шевченко", "Mèsidye Pòl Désir"]
SCRIPT_FAMILY = "王 Wang-Haddad"
SCRIPT_GUARDIANS = ["Layla Haddad ليلى", "Nguyễn Thị Hoa"]
SCRIPT_NAMES = SCRIPT_KIDS + SCRIPT_CONTACTS + SCRIPT_GUARDIANS
EMOJI_NOTE = "Sleeps with her 🧸; loves 🦖 stories"     # neither emoji is in any bundled font


def scripts_plan() -> Plan:
    plan = stress_plan()
    plan.household.family_name = SCRIPT_FAMILY
    for person, name in zip(plan.children + plan.contacts + plan.guardians, SCRIPT_NAMES, strict=True):
        person.full_name = name
    for document in plan.documents:
        document.copy_holder = SCRIPT_GUARDIANS[0]
    plan.finances.power_of_attorney_holder = SCRIPT_GUARDIANS[0]
    plan.children[1].comfort_notes = EMOJI_NOTE
    return plan


PLANS["scripts"] = scripts_plan
