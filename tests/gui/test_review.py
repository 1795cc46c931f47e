"""The review step: each finding's Fix lands in the field that answers it,
and a button leads back to the review."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from prep_app.model import Child, Contact, Guardian, OtherParent, Parent, Plan, check
from prep_app.model.plan import Document, School
from prep_app.ui.form import Form
from prep_app.ui.steps import split_path

from .helpers import click
from .test_legal_fields import REVIEW, open_plan


def untidy_family() -> Plan:
    """A plan that sets off most of the review's rules at once."""
    plan = Plan()
    plan.household.home_phone = "12"
    plan.parents = [Parent(id="p1", full_name="Maria Lopez", employer_phone="555")]
    plan.children = [
        Child(id="c1", full_name="Ana Lopez", parents=["p1"], us_citizen=True, date_of_birth=date(2099, 1, 1),
              school=School(phone="1"), other_parent=OtherParent(full_name="Carlos Ruiz", consent="yes")),
        Child(id="c2", full_name="Luis Lopez", parents=["p1"],
              other_parent=OtherParent(consent="not_needed")),
    ]
    plan.guardians = [Guardian(id="g1", role="alternate", full_name="Ana Souza", children=["c1"])]
    plan.contacts = [Contact(id="k1", full_name="Rosa", phone="99")]
    return plan


def family_with_what_the_papers_lack() -> Plan:
    """The rules about what the legal papers and printouts need."""
    plan = Plan()
    plan.household.family_name = "Lopez " * 40
    plan.household.address = "1 Main St, Danbury, CT 06810"
    plan.parents = [Parent(id="p1", full_name="Maria Lopez"), Parent(id="p2")]
    plan.children = [Child(id="c1", parents=["p1"], other_parent=OtherParent(consent="yes"))]
    plan.guardians = [Guardian(id="g1", role="primary", full_name="Ana Souza", phone="(203) 555-0123"),
                      Guardian(id="g2", role="primary", full_name="ana souza", phone="(203) 555-0123")]
    plan.contacts = [Contact(id="k1", full_name="Rosa Diaz", phone="(203) 555-0188"),
                     Contact(id="k2", full_name="Rosa Díaz", phone="(203) 555-0188")]
    plan.documents = [Document(type="passport", person="p1")]
    plan.finances.bank_notes = "Savings 4111 1111 1111 1111"
    return plan


def expected_editors(step, path: str) -> list:
    """The widgets a Fix for *path* may focus: the field's editor (or, when the
    field is hidden, the answer that shows it)."""
    section, index, rest = split_path(path)
    wanted = [rest, path] if rest else [path]
    found = []
    for form in step.findChildren(Form):
        for key in wanted:
            if key in form.editors:
                field = next(f for f in form.fields if f.path == key)
                shown = form.shown_field(field)
                found.append(form.editors[key if shown else field.when[0]])
    return found


@pytest.mark.parametrize("make_plan", [untidy_family, family_with_what_the_papers_lack])
def test_every_fix_lands_in_its_field_and_leads_back_to_the_review(window, ui, qtbot, home, make_plan):
    plan = make_plan()
    findings = check(plan)
    assert len({f.code for f in findings}) >= 8
    ed = open_plan(window, home, plan)
    for finding in findings:
        ed.go(REVIEW)
        assert not ed.to_review_button.isVisible()
        fix = next(b for f, b in ed.review.fix_buttons if f == finding)
        click(qtbot, fix)
        step = ed.steps[ed.current()]
        focused = QApplication.focusWidget()
        assert focused is not None and step.isAncestorOf(focused), finding.path
        _section, _index, rest = split_path(finding.path)
        if rest:
            editors = expected_editors(step, finding.path)
            assert any(e is focused or e.isAncestorOf(focused) for e in editors), (finding.path, focused)
        assert ed.to_review_button.isVisible()
    click(qtbot, ed.to_review_button)
    assert ed.current() == REVIEW and not ed.to_review_button.isVisible()


def pdf_text(path) -> str:
    from pypdf import PdfReader
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_an_account_number_prints_masked_unless_the_family_ticks_the_choice(window, ui, qtbot, home):
    plan = untidy_family()
    plan.finances.bank_notes = "Savings 4111 1111 1111 1234 at People's Bank"
    ed = open_plan(window, home, plan)
    ed.go(REVIEW)
    panel = ed.review.print_panel
    assert panel.full_numbers.isVisibleTo(panel) and not panel.full_numbers.isChecked()
    for name, box in panel.checks.items():
        box.setChecked(name == "plan")
    masked = panel.save_to(home["pdfs"])[0]
    assert "1234" in pdf_text(masked) and "4111111111111234" not in pdf_text(masked)
    panel.full_numbers.setFocus()
    qtbot.keyClick(panel.full_numbers, Qt.Key.Key_Space)
    full = panel.save_to(home["usb"])[0]
    assert "4111111111111234" in pdf_text(full)


def test_the_full_number_choice_is_not_offered_without_such_a_number(window, ui, qtbot, home):
    ed = open_plan(window, home, untidy_family())
    ed.go(REVIEW)
    assert not ed.review.print_panel.full_numbers.isVisibleTo(ed.review.print_panel)


def test_a_chinese_finding_has_no_gap_after_its_full_width_colon(window, ui, qtbot, home):
    from .test_legal_fields import one_family
    window.set_language("zh_Hans")
    ed = open_plan(window, home, one_family())
    ed.go(REVIEW)
    lines = [ed.steps[REVIEW].findings.itemAtPosition(row, 0).widget().text()
             for row in range(ed.steps[REVIEW].findings.rowCount())
             if ed.steps[REVIEW].findings.itemAtPosition(row, 0) is not None]
    assert lines and all("： " not in line for line in lines), lines
    assert any("：" in line for line in lines)


@pytest.mark.parametrize("language", ["es", "zh_Hans"])
def test_preview_save_and_print_show_without_scrolling_on_a_laptop_screen(window, ui, qtbot, home, language):
    """A plan with one thing left to check, at 1366x768 less a taskbar: the
    step's main actions were below the window's bottom, and a volunteer had
    to know to scroll to find Print."""
    from prep_app.model import loads
    from prep_app.resources import resource_path
    plan = loads(resource_path("samples", "example-plan.json").read_text("utf-8"))
    window.set_language(language)
    window.resize(1366, 728)
    ed = open_plan(window, home, plan)
    ed.go(REVIEW)
    QApplication.processEvents()
    assert len(check(plan)) == 1
    panel = ed.steps[REVIEW].print_panel
    for action in (panel.preview_button, panel.save_button, panel.print_button):
        assert action.visibleRegion().boundingRect().height() == action.height(), action.text()
