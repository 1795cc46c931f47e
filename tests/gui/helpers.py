"""Driving the window like a person: type ASCII with keyClicks, accented
text with setText (keyClicks aborts on non-ASCII in PySide6 6.12)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from .conftest import PASSPHRASE


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    if text.isascii():
        if isinstance(widget, QLineEdit):
            widget.clear()
        qtbot.keyClicks(widget, text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
        widget.textEdited.emit(text)   # what typing would have emitted


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start_plan(qtbot, window, plan_label: str = "Blue door", passphrase: str = PASSPHRASE):
    """New plan, label and passphrase typed: returns the recovery-code dialog."""
    from prep_app.ui.passphrase import CreatePlanDialog, RecoveryCodeDialog
    click(qtbot, window.start.new_button)
    dialog = window.dialog
    assert isinstance(dialog, CreatePlanDialog)
    type_into(qtbot, dialog.label_edit, plan_label)
    type_into(qtbot, dialog.passphrase, passphrase)
    type_into(qtbot, dialog.confirm, passphrase)
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)      # Enter accepts
    qtbot.waitUntil(lambda: isinstance(window.dialog, RecoveryCodeDialog))
    return window.dialog


def create_plan(qtbot, window, plan_label: str = "Blue door", passphrase: str = PASSPHRASE):
    code_dialog = start_plan(qtbot, window, plan_label, passphrase)
    code = code_dialog.code
    shown = code_dialog.code_label   # the whole code is visible, never clipped
    assert shown.width() >= shown.sizeHint().width()
    assert shown.text().replace("\n", "") == code
    click(qtbot, code_dialog.done_box)
    click(qtbot, code_dialog.continue_button)
    qtbot.waitUntil(lambda: window.editor is not None)
    qtbot.waitUntil(window.isActiveWindow)      # the keyboard is back in the window
    return code


def form_field(step_or_editor, path):
    """The editor of a field in a step, a list editor or a form."""
    from prep_app.ui.form import Form
    if isinstance(step_or_editor, Form):
        return step_or_editor.editors[path]
    form = getattr(step_or_editor, "form", None) or step_or_editor.editor.form
    return form.editors[path]


def answered(qtbot, form) -> None:
    """The key is derived on another thread: wait for the form's answer."""
    qtbot.waitUntil(lambda: not form.busy, timeout=10_000)


def type_code(qtbot, entry, code: str) -> None:
    """Type a recovery code as a person does: group after group, each in its box
    (the boxes move on by themselves; keyClicks would keep typing into one)."""
    groups = code.replace(" ", "-").split("-")
    for field, group in zip(entry.fields, groups, strict=True):
        qtbot.keyClicks(field, group)


def save_pdfs(qtbot, panel) -> None:
    """Click Save PDFs: they are written on another thread, wait for the panel's answer."""
    click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
