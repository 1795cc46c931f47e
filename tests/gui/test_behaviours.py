"""Behaviours a volunteer relies on that once broke without a test failing
(issue 13): typing postpones the lock, the idle minutes and the language
chosen on the start screen are applied and kept, Escape cannot lose the
recovery code, removing a person keeps the plan loadable, a bad date keeps
the good one."""
from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt

from prep_app.model import loads
from prep_app.vault import unlock_vault

from .conftest import PASSPHRASE
from .helpers import click, create_plan, form_field, start_plan, type_into


def test_typing_postpones_the_idle_lock(window, ui, qtbot):
    create_plan(qtbot, window)
    field = form_field(window.editor.steps[0], "household.address")
    window.set_idle_ms(700)
    for _ in range(12):                             # 1.2 s of typing, a key every 0.1 s
        qtbot.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(100)
    assert window.editor is not None and window.stack.currentWidget() is window.editor
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page, timeout=3000)


def test_idle_minutes_chosen_on_the_start_screen_apply_and_are_kept(window, ui, qtbot, home):
    idle = window.start.idle
    assert idle.currentText() == "5 min"           # the default
    idle.setFocus()
    qtbot.keyClick(idle, Qt.Key.Key_Up)             # 3 min
    qtbot.keyClick(idle, Qt.Key.Key_Up)             # 2 min
    assert idle.currentText() == "2 min"
    assert window.idle.timer.interval() == 2 * 60_000
    kept = json.loads((home["app"] / "settings.json").read_text("utf-8"))
    assert kept["idle_minutes"] == 2
    assert (home["app"] / "settings.json").stat().st_mode & 0o077 == 0     # owner-only


def test_the_language_chosen_is_kept_and_used_at_the_next_start(window, ui, qtbot, home):
    from prep_app.ui.app import make_window
    from prep_app.ui.lang import LANG
    from prep_app.ui.settings import Settings
    click(qtbot, window.start.lang_buttons["es"])
    assert json.loads((home["app"] / "settings.json").read_text("utf-8"))["language"] == "es"
    LANG.set("en")
    again = make_window(Settings.load())             # what the next start does
    qtbot.addWidget(again)
    assert LANG.code == "es" and again.start.new_button.text() == LANG.gettext("Start a new plan")
    assert again.start.new_button.text() != "Start a new plan"


def test_escape_does_not_close_the_recovery_code_dialog(window, ui, qtbot):
    dialog = start_plan(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and window.dialog is dialog


def test_removing_a_parent_keeps_the_plan_loadable(window, ui, qtbot):
    create_plan(qtbot, window)
    ed = window.editor
    ed.go(1)
    parents = ed.steps[1]
    for name in ("João Souza", "Maria Souza"):
        click(qtbot, parents.editor.add_button)
        type_into(qtbot, form_field(parents, "full_name"), name)
    ed.go(2)
    children = ed.steps[2]
    click(qtbot, children.editor.add_button)
    type_into(qtbot, form_field(children, "full_name"), "Lucas Souza")
    ticks = form_field(children, "parents")
    for box in ticks.boxes.values():
        box.setChecked(True)
    ed.go(1)
    parents.editor.list.setCurrentRow(0)
    click(qtbot, parents.editor.remove_button)
    window.session.save_now()
    plan = loads(unlock_vault(window.session.path, passphrase=PASSPHRASE).plaintext)
    assert [p.full_name for p in plan.parents] == ["Maria Souza"]
    assert plan.children[0].parents == [plan.parents[0].id]


def test_a_mistyped_date_keeps_the_date_already_there(window, ui, qtbot):
    create_plan(qtbot, window)
    ed = window.editor
    ed.go(2)
    children = ed.steps[2]
    click(qtbot, children.editor.add_button)
    born = form_field(children, "date_of_birth")
    type_into(qtbot, born, "2014-06-21")
    assert window.session.plan.children[0].date_of_birth == date(2014, 6, 21)
    type_into(qtbot, born, "2014-13-01")
    assert window.session.plan.children[0].date_of_birth == date(2014, 6, 21)
    assert children.editor.form.errors["date_of_birth"].isVisibleTo(children)


def test_document_types_read_the_same_on_screen_and_on_paper(window, ui, qtbot):
    """One list of names (resources/content/documents.json): the screen said
    "Tax papers" where the checklist printed "Tax returns"."""
    from prep_app.i18n import translator
    from prep_app.model import DOCUMENT_TYPES
    from prep_app.outputs import content
    create_plan(qtbot, window)
    window.set_language("es")
    ed = window.editor
    ed.go(5)
    docs = ed.steps[5]
    click(qtbot, docs.editor.add_button)
    combo = form_field(docs, "type")
    shown = {combo.itemData(i): combo.itemText(i) for i in range(combo.count()) if combo.itemData(i)}
    printed = {t: translator("es").gettext(content.document_type(t)) for t in DOCUMENT_TYPES}
    assert shown == printed


def test_the_window_opens_inside_a_small_screen_with_its_buttons_visible(ui, qtbot, home):
    from prep_app.ui.app import make_window, show_fitted
    from prep_app.ui.settings import Settings
    window = make_window(Settings.load())
    qtbot.addWidget(window)
    show_fitted(window)
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    assert free.width() < 1360 or free.height() < 880          # the offscreen screen is a small laptop's
    assert free.contains(window.frameGeometry())
    idle_box = window.start.idle
    bottom_right = idle_box.mapToGlobal(idle_box.rect().bottomRight())
    assert free.contains(bottom_right)


def squeezed_texts(dialog) -> list[str]:
    """Wrapped texts given less height than they need, or lying outside the dialog."""
    from PySide6.QtWidgets import QLabel
    bad = []
    for text in dialog.findChildren(QLabel):
        if not text.isVisibleTo(dialog) or not text.wordWrap():
            continue
        inside = dialog.rect().contains(text.mapTo(dialog, text.rect().bottomRight()))
        if text.height() < text.heightForWidth(text.width()) or not inside:
            bad.append(text.text())
    return bad


def test_the_new_plan_dialog_grows_with_its_message_at_large_text(window, ui, qtbot):
    from PySide6.QtWidgets import QApplication

    from prep_app.ui.app import set_text_scale
    from prep_app.ui.passphrase import CreatePlanDialog
    from prep_app.ui.widgets import fit_dialog
    app = QApplication.instance()
    set_text_scale(app, 1.5)
    try:
        window.set_language("es")
        dialog = CreatePlanDialog(window)
        qtbot.addWidget(dialog)
        dialog.show()
        fit_dialog(dialog)
        dialog.label_edit.setText("Blue door")
        dialog.passphrase.setText("mango river tuesday")
        dialog.confirm.setText("mango rivers")
        dialog.accept()                             # the two passphrases differ
        assert dialog.problem.isVisible()
        qtbot.waitUntil(lambda: squeezed_texts(dialog) == [], timeout=2000)   # once the layout settles
        ok = dialog.box
        assert dialog.rect().contains(ok.mapTo(dialog, ok.rect().bottomRight()))
    finally:
        set_text_scale(app, 1.0)
