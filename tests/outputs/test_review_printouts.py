"""What the printouts do with the review's findings (issue 10): account
numbers cut to their last 4 digits unless the family chooses, each pickup
adult listed once, file names in the first print language."""
from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from prep_app.model import Contact
from prep_app.outputs import OUTPUTS, ascii_stem, file_names, render, render_all

from .conftest import TODAY, norm, sample_plan, squash

ACCOUNT = "1234 5678 9012"


def pdf_text(data: bytes) -> str:
    return " ".join(norm(page.extract_text()) for page in PdfReader(BytesIO(data)).pages)


def plan_with_account_numbers():
    plan = sample_plan()
    plan.finances.bank_notes = f"Checking {ACCOUNT} at Webster Bank"
    plan.contacts[4].notes = "Has a key; her card 5555555555554444 for emergencies"
    return plan


def test_account_and_card_numbers_print_as_their_last_four_digits():
    body = squash(pdf_text(render("plan", plan_with_account_numbers(), ["pt_BR", "en"], today=TODAY)))
    assert squash("Checking •••• 9012 at Webster Bank") in body
    assert squash("•••• 4444") in body
    assert "123456789012" not in body and "5555555555554444" not in body
    assert squash("A-123-456-789") in body and squash("(203) 555-0127") in body     # not account numbers


def test_the_family_can_choose_to_print_the_whole_number(tmp_path):
    [path] = render_all(plan_with_account_numbers(), ["en"], tmp_path, only=["plan"], today=TODAY,
                        show_full_numbers=True)
    body = squash(pdf_text(path.read_bytes()))
    assert squash(f"Checking {ACCOUNT} at Webster Bank") in body and "5555555555554444" in body
    assert squash("Checking •••• 9012") not in body


def test_the_school_lists_a_person_entered_twice_once():
    plan = sample_plan()       # Ana Souza is contact 1 and the primary guardian
    plan.contacts.append(Contact(id="k7", full_name="ANA SOUZA", relationship="Tia", phone="203.555.0123",
                                 call_order=7, authorized_pickup=True))
    first_page = PdfReader(BytesIO(render("school", plan, ["en"], today=TODAY))).pages[0]
    page = norm(first_page.extract_text())
    assert page.casefold().count("ana souza") == 1
    assert page.count("(203) 555-0123") == 1
    assert "Beatriz Lima" in page and "Nguyễn Thị Hoa" in page     # the others are all still there


def test_pdf_file_names_are_in_the_first_language(tmp_path):
    paths = render_all(sample_plan(), ["es", "en"], tmp_path, today=TODAY)
    assert [p.name for p in paths] == ["plan-familiar.pdf", "tutor-de-reserva.pdf", "escuela.pdf",
                                       "tarjetas-billetera.pdf", "lista-de-documentos.pdf"]
    assert list(file_names("en").values()) == [f"{name}.pdf" for name in OUTPUTS]


def test_file_names_keep_only_plain_letters_digits_and_dashes():
    assert ascii_stem("Cartões para a carteira.pdf") == "cartoes-para-a-carteira"
    assert ascii_stem("Guía / niños: 2º año") == "guia-ninos-2o-ano"
    assert ascii_stem("Kế hoạch gia đình.pdf") == "ke-hoach-gia-dinh"          # đ has no decomposition
    assert ascii_stem("Lista dokumentów Łucji") == "lista-dokumentow-lucji"
    assert ascii_stem("家庭计划") == ""        # nothing left: the English name is used
