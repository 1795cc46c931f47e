"""A whole family, every step, as a volunteer would click through it."""
from __future__ import annotations

from PySide6.QtCore import Qt

from prep_app.i18n import translator
from prep_app.model import loads
from prep_app.vault import unlock_vault

from .conftest import PASSPHRASE
from .helpers import click, create_plan, form_field, save_pdfs, type_into


def set_choice(combo, value) -> None:
    i = combo.findData(value)
    assert i >= 0, value
    combo.setCurrentIndex(i)


def set_yesno(tri, value) -> None:
    tri.buttons[value].click()


def fill_household(qtbot, step):
    type_into(qtbot, form_field(step, "household.family_name"), "Gonçalves Ñañez")
    set_choice(form_field(step, "first_language"), "pt_BR")
    set_choice(form_field(step, "second_language"), "en")
    type_into(qtbot, form_field(step, "household.address"), "41 Elm Street, Danbury, CT 06810")
    type_into(qtbot, form_field(step, "household.home_phone"), "203-555-0142")


def walk(qtbot, window, ui, home):
    """Walk a family through every step; returns the editor at the review step."""
    create_plan(qtbot, window)
    ed = window.editor
    assert ed.current() == 0
    fill_household(qtbot, ed.steps[0])
    click(qtbot, ed.next_button)

    parents = ed.steps[1]
    assert ed.current() == 1
    click(qtbot, parents.editor.add_button)
    type_into(qtbot, form_field(parents, "full_name"), "João Gonçalves")
    type_into(qtbot, form_field(parents, "date_of_birth"), "1986-03-14")
    type_into(qtbot, form_field(parents, "phone"), "(860) 240-1212")
    set_choice(form_field(parents, "birth_country"), "BR")
    type_into(qtbot, form_field(parents, "a_number"), "A-123-456-789")
    click(qtbot, parents.editor.add_button)
    type_into(qtbot, form_field(parents, "full_name"), "María José Ñañez")
    type_into(qtbot, form_field(parents, "phone"), "not a phone")
    assert parents.editor.form.errors["phone"].isVisibleTo(parents), "gentle phone message"
    type_into(qtbot, form_field(parents, "phone"), "(860) 240-1313")
    assert not parents.editor.form.errors["phone"].isVisibleTo(parents)
    qtbot.keyClick(form_field(parents, "phone"), Qt.Key.Key_Return)   # Enter advances

    children = ed.steps[2]
    assert ed.current() == 2
    click(qtbot, children.editor.add_button)
    type_into(qtbot, form_field(children, "full_name"), "Lucas Gonçalves")
    type_into(qtbot, form_field(children, "date_of_birth"), "2014-06-21")
    type_into(qtbot, form_field(children, "school.name"), "Rogers Park Middle School")
    type_into(qtbot, form_field(children, "allergies"), "Peanuts")
    type_into(qtbot, form_field(children, "comfort_notes"), "Blue blanket")
    set_yesno(form_field(children, "us_citizen"), True)
    set_yesno(form_field(children, "has_us_passport"), False)
    click(qtbot, form_field(children, "parents").boxes["p1"])     # João is Lucas's father
    type_into(qtbot, form_field(children, "other_parent.full_name"), "Carlos Ñañez")
    set_choice(form_field(children, "other_parent.consent"), "yes")
    click(qtbot, ed.next_button)

    guardians = ed.steps[3]
    click(qtbot, guardians.editor.add_button)
    type_into(qtbot, form_field(guardians, "full_name"), "Ana Souza")
    type_into(qtbot, form_field(guardians, "phone"), "(860) 240-1414")
    set_yesno(form_field(guardians, "has_agreed"), True)
    set_yesno(form_field(guardians, "may_be_at_risk"), False)
    click(qtbot, guardians.editor.add_button)
    type_into(qtbot, form_field(guardians, "full_name"), "Nguyễn Thị Hoa")
    assert form_field(guardians, "role").currentData() == "alternate"
    click(qtbot, ed.next_button)
    return ed


def test_whole_family_every_step(window, ui, qtbot, home):
    ed = walk(qtbot, window, ui, home)

    # -- switch language mid-way: the visible texts change, no restart ------------
    before = (ed.next_button.text(), ed.title.text(), ed.step_list.item(0).text())
    window.set_language("es")
    es = translator("es").gettext
    assert ed.next_button.text() == es("Next →")
    assert ed.step_list.item(0).text() == "1. " + es("Household and languages")
    after = (ed.next_button.text(), ed.title.text(), ed.step_list.item(0).text())
    assert all(a != b for a, b in zip(after, before, strict=True)), (before, after)
    assert window.start.lang_buttons["es"].isChecked()
    window.set_language("en")
    assert ed.next_button.text() == "Next →"

    contacts = ed.steps[4]
    assert ed.current() == 4
    for name, phone in (("Beatriz Lima", "(860) 240-1515"), ("Pastor Lukasz", "(860) 240-1616"),
                        ("Ana Souza", "(860) 240-1414")):
        click(qtbot, contacts.contacts.add_button)
        type_into(qtbot, form_field(contacts.contacts, "full_name"), name)
        type_into(qtbot, form_field(contacts.contacts, "phone"), phone)
    set_yesno(form_field(contacts.contacts, "authorized_pickup"), True)
    # Ana should be called first: up, up
    click(qtbot, contacts.contacts.up_button)
    click(qtbot, contacts.contacts.up_button)
    plan = window.session.plan
    assert [c.full_name for c in plan.contacts] == ["Ana Souza", "Beatriz Lima", "Pastor Lukasz"]
    assert [c.call_order for c in plan.contacts] == [1, 2, 3]
    assert contacts.contacts.list.item(0).text().startswith("1. Ana Souza")
    click(qtbot, contacts.never.add_button)
    type_into(qtbot, form_field(contacts.never, "full_name"), "Marco Pereira")
    click(qtbot, ed.next_button)

    docs = ed.steps[5]
    click(qtbot, docs.usual)
    assert len(plan.documents) >= 7
    docs.editor.list.setCurrentRow(0)
    set_choice(form_field(docs.editor, "status"), "have")
    type_into(qtbot, form_field(docs.editor, "original_location"), "Red folder, bedroom closet")
    click(qtbot, ed.next_button)

    legal = ed.steps[6]
    type_into(qtbot, form_field(legal, "legal.attorney.name"), "CT Legal Aid")
    type_into(qtbot, form_field(legal, "legal.attorney.phone"), "(860) 240-1717")
    set_yesno(form_field(legal, "legal.g28_signed"), False)
    type_into(qtbot, form_field(legal, "legal.consulate.name"), "Consulado-Geral do Brasil em Hartford")
    click(qtbot, ed.next_button)

    money = ed.steps[7]
    type_into(qtbot, form_field(money, "finances.housing_notes"), "Rent due on the 1st")
    click(qtbot, ed.next_button)

    review = ed.steps[8]
    assert ed.current() == 8 and not ed.next_button.isVisible()
    codes = {f.code for f, _b in review.fix_buttons}
    assert "citizen_without_passport" in codes and "guardian_no_phone" in codes
    # Fix jumps to the step and focuses the field
    finding, fix = next((f, b) for f, b in review.fix_buttons if f.code == "guardian_no_phone")
    click(qtbot, fix)
    assert ed.current() == 3
    assert guardians_focus(ed) is form_field(ed.steps[3], "phone")
    assert ed.steps[3].editor.list.currentRow() == 1
    type_into(qtbot, form_field(ed.steps[3], "phone"), "(860) 240-1818")
    ed.go(8)
    assert "guardian_no_phone" not in {f.code for f, _b in review.fix_buttons}

    # -- print: save PDFs where the user chose and read them back ----------------
    panel = review.print_panel
    assert panel.chosen_languages() == ["pt_BR", "en"]       # family's first language and English
    ui.folder = home["pdfs"]
    save_pdfs(qtbot, panel)
    written = sorted(p.name for p in home["pdfs"].iterdir())
    assert written == sorted(["plano-familiar.pdf", "tutor-de-reserva.pdf", "escola.pdf",     # named in Portuguese
                              "cartoes-carteira.pdf", "lista-de-documentos.pdf"])
    from pypdf import PdfReader
    text = "".join(page.extract_text() for page in PdfReader(home["pdfs"] / "plano-familiar.pdf").pages)
    assert "Ana Souza" in text and "Lucas" in text
    school = "".join(page.extract_text() for page in PdfReader(home["pdfs"] / "escola.pdf").pages)
    assert "Lucas" in school and "A-123-456-789" not in school

    # -- everything typed is in the encrypted file, nowhere else ---------------
    qtbot.wait(50)
    window.session.save_now()
    saved = loads(unlock_vault(window.session.path, passphrase=PASSPHRASE).plaintext)
    assert saved.parents[0].full_name == "João Gonçalves"
    assert saved.guardians[1].full_name == "Nguyễn Thị Hoa"
    assert saved.children[0].parents == ["p1"]
    assert saved.children[0].other_parent.consent == "yes"
    assert saved.parents[0].birth_country == "BR"
    assert saved.household.languages == ["pt_BR", "en"]
    assert [c.full_name for c in saved.contacts_in_call_order()][0] == "Ana Souza"


def guardians_focus(ed):
    from PySide6.QtWidgets import QApplication
    return QApplication.focusWidget()
