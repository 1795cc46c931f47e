"""The fields behind the standby-guardian papers (exchange format v2): each
child's parents, the other parent's consent and its reason, when the guardian
takes over, the consulate on the wallet, the country of birth; and the review's
Fix buttons landing on them."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from prep_app.model import Child, Guardian, OtherParent, Parent, Plan, check, dumps, loads
from prep_app.vault import create_vault, unlock_vault

from .conftest import FAST_KDF, PASSPHRASE
from .helpers import answered, click, create_plan, form_field, type_into
from .test_walkthrough import set_choice, set_yesno

REVIEW = 8


def open_plan(window, home, plan: Plan):
    path = home["app"] / "plans" / "abcd1234.prepvault"
    path.parent.mkdir(exist_ok=True)
    create_vault(path, dumps(plan).encode(), PASSPHRASE, "Blue door", kdf=FAST_KDF)
    window.open_session(unlock_vault(path, passphrase=PASSPHRASE))
    return window.editor


def reopen(qtbot, window):
    """Lock (which saves and closes the plan), then unlock it again."""
    click(qtbot, window.editor.lock_button)
    assert window.editor is None
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    assert window.editor is not None
    return window.editor


def saved_plan(window) -> Plan:
    window.session.save_now()
    return loads(unlock_vault(window.session.path, passphrase=PASSPHRASE).plaintext)


def one_family() -> Plan:
    plan = Plan()
    plan.parents = [Parent(id="p1", full_name="Maria Lopez")]
    plan.children = [Child(id="c1", full_name="Ana Lopez", parents=["p1"])]
    return plan


def test_ticking_a_childs_parents_writes_the_plan_and_survives_reopening(window, ui, qtbot, home):
    create_plan(qtbot, window)
    ed = window.editor
    ed.go(1)
    parents = ed.steps[1]
    click(qtbot, parents.editor.add_button)
    type_into(qtbot, form_field(parents, "full_name"), "Joao Goncalves")
    click(qtbot, parents.editor.add_button)                 # a second parent, not named yet
    ed.go(2)
    children = ed.steps[2]
    click(qtbot, children.editor.add_button)
    type_into(qtbot, form_field(children, "full_name"), "Lucas Goncalves")
    checks = form_field(children, "parents")
    assert [checks.texts[k].text() for k in checks.boxes] == ["Joao Goncalves", "Parent 2"]
    assert not any(b.isChecked() for b in checks.boxes.values()), "nobody is a parent until marked"
    assert "Not in the guardian papers yet" in children.editor.list.item(0).text()
    plan = window.session.plan

    click(qtbot, checks.boxes["p2"])
    assert plan.children[0].parents == ["p2"]
    click(qtbot, checks.boxes["p1"])
    assert plan.children[0].parents == ["p1", "p2"]          # in the plan's order
    assert "Not in the guardian papers" not in children.editor.list.item(0).text()
    click(qtbot, checks.texts["p2"])                          # the words toggle the box too
    assert plan.children[0].parents == ["p1"]

    # naming the second parent renames the check box when the step is shown again
    ed.go(1)
    parents.editor.list.setCurrentRow(1)
    type_into(qtbot, form_field(parents, "full_name"), "Maria Nanez")
    ed.go(2)
    assert checks.texts["p2"].text() == "Maria Nanez"

    assert saved_plan(window).children[0].parents == ["p1"]
    ed = reopen(qtbot, window)
    ed.go(2)
    checks = form_field(ed.steps[2], "parents")
    assert checks.boxes["p1"].isChecked() and not checks.boxes["p2"].isChecked()
    assert window.session.plan.children[0].parents == ["p1"]


def test_consent_not_needed_asks_why_and_writes_both(window, ui, qtbot, home):
    ed = open_plan(window, home, one_family())
    ed.go(2)
    step = ed.steps[2]
    consent = form_field(step, "other_parent.consent")
    reason = form_field(step, "other_parent.consent_reason")
    assert not reason.isVisibleTo(step), "the reason is asked only when consent is not needed"
    assert "Not in the guardian papers yet" in step.editor.list.item(0).text()
    assert [consent.itemText(i) for i in range(1, consent.count())] == [
        "Yes, they agree and will sign", "No, they do not agree", "Not asked yet, or we don't know",
        "Not needed"]

    step.focus_path("children[0].parents")                  # scrolled near the top
    QApplication.processEvents()
    set_choice(consent, "not_needed")
    assert reason.isVisibleTo(step)
    step.focus_path("children[0].other_parent.consent_reason")      # at once: scrolled to, in sight
    for _ in range(4):                                        # and still in sight once laid out
        QApplication.processEvents()
    assert QApplication.focusWidget() is reason and not reason.visibleRegion().isEmpty()
    set_choice(reason, "deceased")
    child = window.session.plan.children[0]
    assert (child.other_parent.consent, child.other_parent.consent_reason) == ("not_needed", "deceased")
    assert "Not in the guardian papers" not in step.editor.list.item(0).text()
    saved = saved_plan(window).children[0].other_parent
    assert (saved.consent, saved.consent_reason) == ("not_needed", "deceased")

    # another answer hides the reason and empties it: no stale "deceased" behind a "No"
    set_choice(consent, "no")
    assert not reason.isVisibleTo(step)
    assert (child.other_parent.consent, child.other_parent.consent_reason) == ("no", None)
    set_choice(consent, "not_needed")
    assert reason.currentData() is None


def test_contingency_check_boxes_write_the_designation(window, ui, qtbot, home):
    ed = open_plan(window, home, one_family())
    ed.go(3)
    step = ed.steps[3]
    assert step.tabs.tabText(1) == "When the guardian takes over (not chosen yet)"
    step.tabs.setCurrentIndex(1)
    boxes = form_field(step.designation, "designation.contingencies").boxes
    assert list(boxes) == ["detained", "cannot_return", "incapacity", "death"]
    plan = window.session.plan
    click(qtbot, boxes["death"])
    click(qtbot, boxes["detained"])
    assert plan.designation.contingencies == ["detained", "death"]
    assert step.tabs.tabText(1) == "When the guardian takes over"
    click(qtbot, boxes["death"])
    assert plan.designation.contingencies == ["detained"]
    type_into(qtbot, form_field(step.designation, "designation.other_contingency"), "If both parents travel")
    immigration = form_field(step.designation, "designation.mention_immigration")
    assert None not in immigration.buttons, "a choice the family makes: Yes or No, no Don't know"
    assert not any(b.isChecked() for b in immigration.buttons.values())
    set_yesno(immigration, False)
    assert plan.designation.mention_immigration is False

    ed = reopen(qtbot, window)
    ed.go(3)
    saved = window.session.plan.designation
    assert saved.contingencies == ["detained"]
    assert saved.other_contingency == "If both parents travel"
    assert saved.mention_immigration is False
    boxes = form_field(ed.steps[3].designation, "designation.contingencies").boxes
    assert [k for k, b in boxes.items() if b.isChecked()] == ["detained"]


def test_consulate_on_wallet_is_a_yes_or_no(window, ui, qtbot, home):
    ed = open_plan(window, home, one_family())
    ed.go(6)
    wallet = form_field(ed.steps[6], "legal.consulate_on_wallet")
    assert set(wallet.buttons) == {True, False}
    assert not any(b.isChecked() for b in wallet.buttons.values())
    set_yesno(wallet, True)
    assert window.session.plan.legal.consulate_on_wallet is True
    set_yesno(wallet, False)
    assert window.session.plan.legal.consulate_on_wallet is False
    assert saved_plan(window).legal.consulate_on_wallet is False


def test_country_picker_writes_the_code_in_the_ui_language(window, ui, qtbot, home):
    plan = one_family()
    plan.parents.append(Parent(id="p2", full_name="Rojin Ahmadi", country_of_birth="Kurdistan"))
    ed = open_plan(window, home, plan)
    ed.go(1)
    step = ed.steps[1]
    form = step.editor.form
    combo = form_field(step, "birth_country")
    assert combo.currentData() is None
    assert not form.notes["birth_country"].isVisibleTo(step)
    set_choice(combo, "BR")
    parent = window.session.plan.parents[0]
    assert parent.birth_country == "BR"
    assert parent.country_of_birth == "Brazil"        # the English name, as the locator lists it
    assert combo.currentText() == "Brazil"

    # a typed country that names no country stays in sight until one is chosen
    step.editor.list.setCurrentRow(1)
    note = form.notes["birth_country"]
    assert note.isVisibleTo(step) and "Kurdistan" in note.text()
    set_choice(combo, "IQ")
    assert (window.session.plan.parents[1].birth_country, window.session.plan.parents[1].country_of_birth) \
        == ("IQ", "Iraq")
    assert not note.isVisibleTo(step)

    # the names follow the language, sorted as its readers expect
    window.set_language("pt_BR")
    assert combo.currentData() == "IQ" and combo.currentText() == "Iraque"
    names = [combo.itemText(i) for i in range(1, combo.count())]
    assert names[:3] == ["Afeganistão", "África do Sul", "Albânia"]   # Á with the A's
    assert names.index("Brasil") < names.index("Canadá")
    step.editor.list.setCurrentRow(0)
    assert combo.currentText() == "Brasil"
    assert window.session.plan.parents[0].birth_country == "BR"
    window.set_language("en")
    assert saved_plan(window).parents[1].birth_country == "IQ"


def blocked_family() -> Plan:
    plan = Plan()
    plan.parents = [Parent(id="p1", full_name="Maria Lopez"), Parent(id="p2", full_name="Jose Lopez")]
    plan.children = [
        Child(id="c1", full_name="Niece Rosa"),                                   # no parent marked
        Child(id="c2", full_name="Ana Lopez", parents=["p1"],
              other_parent=OtherParent(full_name="Carlos Ruiz", consent="no")),
        Child(id="c3", full_name="Luis Lopez", parents=["p1"],
              other_parent=OtherParent(consent="not_needed")),                     # no reason yet
    ]
    plan.guardians = [Guardian(id="g1", role="primary", full_name="Ana Souza", phone="(203) 555-0123")]
    return plan


def test_review_fix_buttons_land_on_the_legal_fields(window, ui, qtbot, home):
    plan = blocked_family()
    paths = {f.path for f in check(plan)}
    expected = {"children[0].parents", "children[1].other_parent.consent",
                "children[2].other_parent.consent_reason", "designation.contingencies",
                "guardians[0].address"}
    assert expected <= paths, paths
    ed = open_plan(window, home, plan)
    children, guardians = ed.steps[2], ed.steps[3]

    def fix(path):
        ed.go(REVIEW)
        finding, button = next((f, b) for f, b in ed.review.fix_buttons if f.path == path)
        click(qtbot, button)
        focused = QApplication.focusWidget()
        assert focused is not None and not focused.visibleRegion().isEmpty(), path   # scrolled into view
        return finding, focused

    finding, focused = fix("children[0].parents")
    assert finding.code == "child_not_designated"
    assert ed.current() == 2 and children.editor.list.currentRow() == 0
    assert focused is form_field(children, "parents").boxes["p1"]

    finding, focused = fix("children[1].other_parent.consent")
    assert finding.code == "child_not_designated"
    assert ed.current() == 2 and children.editor.list.currentRow() == 1
    assert focused is form_field(children, "other_parent.consent")

    finding, focused = fix("children[2].other_parent.consent_reason")
    assert finding.code == "child_not_designated"
    assert ed.current() == 2 and children.editor.list.currentRow() == 2
    assert focused is form_field(children, "other_parent.consent_reason")

    _f, focused = fix("designation.contingencies")
    assert ed.current() == 3 and guardians.tabs.currentIndex() == 1
    assert focused is form_field(guardians.designation, "designation.contingencies").boxes["detained"]

    _f, focused = fix("guardians[0].address")
    assert ed.current() == 3 and guardians.tabs.currentIndex() == 0
    assert focused is form_field(guardians, "address")

    # fixing the first child in the window clears its blocker
    ed.go(2)
    children.editor.list.setCurrentRow(0)
    click(qtbot, form_field(children, "parents").boxes["p2"])
    click(qtbot, form_field(children, "parents").boxes["p1"])
    ed.go(REVIEW)
    assert "children[0].parents" not in {f.path for f, _b in ed.review.fix_buttons}
