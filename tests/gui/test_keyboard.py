"""The keyboard alone can run the evening: a ring shows where it is, and
each step opens with the cursor where the typing starts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from prep_app.ui.style import RING_COLOR

from .helpers import click, form_field
from .test_legal_fields import one_family, open_plan


def ring_pixels(widget) -> int:
    image = widget.grab().toImage()
    near = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if abs(c.red() - RING_COLOR.red()) + abs(c.green() - RING_COLOR.green()) + abs(c.blue() - RING_COLOR.blue()) < 40:
                near += 1
    return near


def ring_gained(ed, widget) -> int:
    """Ring-coloured pixels *widget* gains when the keyboard moves to it from Back."""
    ed.back_button.setFocus()
    QApplication.processEvents()
    without = ring_pixels(widget)
    widget.setFocus()
    QApplication.processEvents()
    assert widget.hasFocus()
    return ring_pixels(widget) - without


def test_focus_shows_a_thick_ring_on_buttons_the_step_list_and_choices(window, ui, qtbot, home):
    ed = open_plan(window, home, one_family())
    ed.go(2)
    citizen = next(iter(form_field(ed.steps[2], "us_citizen").buttons.values()))
    targets = [ed.next_button, ed.step_list, citizen]
    for widget in targets:
        # a 3-px ring around the widget (or the list's current row) is many pixels, not a dotted line
        assert ring_gained(ed, widget) >= 2 * (widget.width() if widget is not ed.step_list else 150), widget


def test_next_and_a_click_on_a_step_put_the_cursor_in_its_first_field(window, ui, qtbot, home):
    ed = open_plan(window, home, one_family())
    ed.go(0)
    click(qtbot, ed.next_button)
    parents = ed.steps[1]
    assert QApplication.focusWidget() is form_field(parents, parents.editor.form.fields[0].path)
    legal_row = ed.step_list.visualItemRect(ed.step_list.item(6)).center()
    qtbot.mouseClick(ed.step_list.viewport(), Qt.MouseButton.LeftButton, pos=legal_row)
    legal = ed.steps[6]
    assert ed.current() == 6 and QApplication.focusWidget() is legal.form.editors[legal.fields[0].path]


def test_arrow_keys_in_the_step_list_stay_in_the_list(window, ui, qtbot, home):
    ed = open_plan(window, home, one_family())
    ed.step_list.setFocus()
    qtbot.keyClick(ed.step_list, Qt.Key.Key_Down)
    qtbot.keyClick(ed.step_list, Qt.Key.Key_Down)
    assert ed.current() == 2 and ed.step_list.hasFocus()


def test_text_fields_text_boxes_and_drop_down_lists_show_the_ring_too(window, ui, qtbot, home):
    """Every kind of field the steps hold shows where the keyboard is: the
    platform drew a 1-px outline on a text field and nothing at all on a
    drop-down list or a text box."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
    ed = open_plan(window, home, one_family())
    ed.go(2)
    editors = list(ed.steps[2].editor.form.editors.values())     # the child's own fields
    for kind in (QLineEdit, QComboBox, QPlainTextEdit):
        widget = next(e for e in editors if isinstance(e, kind) and e.isVisible())
        assert ring_gained(ed, widget) >= 2 * widget.width(), kind.__name__


def test_the_start_screen_opens_with_the_keyboard_on_start_a_new_plan(window, ui, qtbot):
    """Enter starts a plan; the ring is not on "English" while Spanish is chosen."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.start.new_button
