"""Data entry in the form fields (issue 10): dates in the order the family's
language writes them, with a calendar; phones formatted as the cursor leaves
them; a ZIP code short of a digit; Tab into a Yes / No / Don't know group."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from prep_app.model import dumps

from .helpers import click, create_plan, form_field, type_into

# a popup window on the offscreen platform: it cannot raise it or grab the keyboard
popup_on_offscreen = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _new_child(qtbot, window):
    window.editor.go(2)
    children = window.editor.steps[2]
    click(qtbot, children.editor.add_button)
    return children


def _stored_birth_date(window) -> str:
    """The child's date of birth as the plan file writes it."""
    return next(line.strip() for line in dumps(window.session.plan).splitlines() if "date_of_birth" in line)


def ui_text(template: str) -> str:
    from prep_app.ui.lang import LANG
    return LANG.gettext(template)


@pytest.mark.parametrize(("lang", "typed", "ambiguous", "read_as"), [
    ("es", "15/03/2016", "05/03/2016", date(2016, 3, 5)),      # day first: the 5th of March
    ("en", "03/15/2016", "05/03/2016", date(2016, 5, 3)),      # month first: May 3rd
])
def test_a_date_typed_in_the_languages_order_is_stored_as_iso(window, ui, qtbot, lang, typed, ambiguous, read_as):
    create_plan(qtbot, window)
    window.set_language(lang)
    children = _new_child(qtbot, window)
    born = form_field(children, "date_of_birth")
    type_into(qtbot, born, typed)
    assert window.session.plan.children[0].date_of_birth == date(2016, 3, 15)
    assert _stored_birth_date(window) == '"date_of_birth": "2016-03-15",'
    type_into(qtbot, born, ambiguous)                        # could be read either way
    assert _stored_birth_date(window) == f'"date_of_birth": "{read_as.isoformat()}",'
    assert not children.editor.form.errors["date_of_birth"].isVisibleTo(children)


def test_switching_language_reformats_the_shown_date(window, ui, qtbot):
    create_plan(qtbot, window)
    children = _new_child(qtbot, window)
    born = form_field(children, "date_of_birth")
    type_into(qtbot, born, "03/15/2016")
    window.set_language("es")
    assert born.text() == "15/03/2016"
    assert not children.editor.form.errors["date_of_birth"].isVisibleTo(children)
    window.set_language("en")
    assert born.text() == "03/15/2016"
    assert window.session.plan.children[0].date_of_birth == date(2016, 3, 15)


@popup_on_offscreen
def test_an_empty_date_stays_empty_after_the_form_is_touched(window, ui, qtbot):
    create_plan(qtbot, window)
    children = _new_child(qtbot, window)
    born = form_field(children, "date_of_birth")
    born.setFocus()
    qtbot.keyClick(born, Qt.Key.Key_Tab)                              # in and out
    qtbot.keyClick(born, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)   # the calendar, then Escape
    assert born.calendar is not None and born.calendar.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not born.calendar.isVisible()
    window.set_language("es")
    type_into(qtbot, form_field(children, "full_name"), "Lucas")
    window.set_language("en")
    assert born.text() == ""
    assert window.session.plan.children[0].date_of_birth is None
    assert '"date_of_birth": null' in _stored_birth_date(window)


@popup_on_offscreen
def test_the_calendar_popup_sets_the_field(window, ui, qtbot):
    create_plan(qtbot, window)
    window.set_language("es")
    children = _new_child(qtbot, window)
    born = form_field(children, "date_of_birth")
    icon = next(w for w in born.calendar_action.associatedObjects() if w is not born)
    qtbot.mouseClick(icon, Qt.MouseButton.LeftButton)
    calendar = born.calendar
    assert calendar is not None and calendar.isVisible()
    calendar.setSelectedDate(QDate(2016, 3, 14))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)      # one day on, then Enter
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert born.text() == "15/03/2016"
    assert window.session.plan.children[0].date_of_birth == date(2016, 3, 15)


def _guardian_phone(qtbot, window):
    window.editor.go(3)
    guardians = window.editor.steps[3]
    click(qtbot, guardians.editor.add_button)
    return guardians, form_field(guardians, "phone")


def test_a_phone_is_formatted_when_the_cursor_leaves_it(window, ui, qtbot):
    create_plan(qtbot, window)
    guardians, phone = _guardian_phone(qtbot, window)
    type_into(qtbot, phone, "2035551234")
    assert phone.text() == "2035551234"                  # not while typing
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert not phone.hasFocus()
    assert phone.text() == "(203) 555-1234"
    assert window.session.plan.guardians[0].phone == "(203) 555-1234"


def test_an_invalid_phone_is_left_as_typed(window, ui, qtbot):
    create_plan(qtbot, window)
    guardians, phone = _guardian_phone(qtbot, window)
    type_into(qtbot, phone, "203555")
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    assert not phone.hasFocus()
    assert phone.text() == "203555"
    assert window.session.plan.guardians[0].phone == "203555"
    assert guardians.editor.form.errors["phone"].isVisibleTo(guardians)


def test_a_four_digit_zip_shows_the_message_and_is_not_stored(window, ui, qtbot):
    create_plan(qtbot, window)
    window.set_language("es")
    home = window.editor.steps[0]
    address = form_field(home, "household.address")
    error = home.form.errors["household.address"]
    type_into(qtbot, address, "41 Elm Street, Danbury, CT 6810")
    assert error.isVisibleTo(home)
    assert error.text() == "⚠ " + ui_text("A ZIP code has five digits. Connecticut ones start with 06, "
                                          "for example CT 06810.")
    assert "6810" not in (window.session.plan.household.address or "")
    type_into(qtbot, address, "41 Elm Street, Danbury, CT 06810")
    assert not error.isVisibleTo(home)
    assert window.session.plan.household.address == "41 Elm Street, Danbury, CT 06810"


def test_tab_into_a_choice_group_focuses_the_selected_answer(window, ui, qtbot):
    create_plan(qtbot, window)
    children = _new_child(qtbot, window)
    citizen = form_field(children, "us_citizen")
    before = form_field(children, "comfort_notes")           # the field before the group
    click(qtbot, citizen.buttons[False])                      # first child: No
    click(qtbot, children.editor.add_button)                  # second child: Don't know, as loaded
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is citizen.buttons[None]
    children.editor.list.setCurrentRow(0)                     # back to the first child
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is citizen.buttons[False]


def _ink_width(widget) -> int:
    """How far right the widget draws anything but its background, in pixels."""
    image = widget.grab().toImage()
    back = image.pixelColor(image.width() - 1, image.height() - 1)
    return max((x for x in range(image.width()) for y in range(image.height())
                if image.pixelColor(x, y) != back), default=0)


def test_a_name_with_angle_brackets_shows_as_typed(ui, qtbot):
    """A typed name is text, never HTML: "<b>Ana</b> & <i>Luis</i>" beside a
    child's parents box and in a label shows its brackets (read as HTML it
    would show a bold "Ana & Luis", half as wide)."""
    from prep_app.ui.choices import Checks
    from prep_app.ui.widgets import label
    typed = "<b>Ana</b> & <i>Luis</i>"
    checks = Checks()
    checks.set_options([("p1", typed)])
    hint = label(kind="hint")
    hint.setText(typed)
    for shown in (checks.texts["p1"], hint):
        shown.setParent(None)
        qtbot.addWidget(shown)
        shown.resize(600, 40)
        as_html = shown.fontMetrics().horizontalAdvance("Ana & Luis")
        assert _ink_width(shown) > 1.5 * as_html
