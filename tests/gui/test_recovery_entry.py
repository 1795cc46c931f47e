"""The recovery code is typed as it is printed: eight boxes of four digits."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from .helpers import answered, click, create_plan, type_code


def lock_in_code_mode(qtbot, window) -> str:
    code = create_plan(qtbot, window, "Blue door")
    click(qtbot, window.editor.lock_button)
    click(qtbot, window.lock_page.form.use_code)
    return code


def with_typo_in_group(code: str, group: int) -> str:
    groups = code.split("-")
    digits = groups[group - 1]
    groups[group - 1] = digits[:2] + str((int(digits[2]) + 1) % 10) + digits[3]    # one digit wrong
    return "-".join(groups)


def test_a_typo_selects_only_its_group_and_the_others_stay(window, ui, qtbot):
    code = lock_in_code_mode(qtbot, window)
    entry = window.lock_page.form.code
    typed = with_typo_in_group(code, 3)
    assert typed != code
    type_code(qtbot, entry, typed)
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    assert "3" in window.lock_page.form.problem.text() and window.editor is None
    third = entry.fields[2]
    assert QApplication.focusWidget() is third and third.selectedText() == typed.split("-")[2]
    assert entry.text() == typed                      # nothing else to type again
    qtbot.keyClicks(third, code.split("-")[2])        # the four right digits replace the selection
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    assert window.editor is not None


def test_typing_moves_on_and_a_pasted_code_fills_every_box(window, ui, qtbot):
    code = lock_in_code_mode(qtbot, window)
    entry = window.lock_page.form.code
    qtbot.keyClicks(entry.fields[0], code[:4])
    assert QApplication.focusWidget() is entry.fields[1]
    entry.clear()
    QApplication.clipboard().setText(code.replace("-", " "))
    entry.fields[0].setFocus()
    qtbot.keySequence(entry.fields[0], QKeySequence.StandardKey.Paste)
    assert [f.text() for f in entry.fields] == code.split("-")
    qtbot.keyClick(entry.fields[7], Qt.Key.Key_Backspace)
    qtbot.keyClicks(entry.fields[7], "x")             # not a digit: refused
    assert entry.fields[7].text() == code.split("-")[7][:3]


def test_the_lock_screen_asks_for_the_code_in_code_mode(window, ui, qtbot):
    lock_in_code_mode(qtbot, window)
    assert "recovery code" in window.lock_page.intro.text() and "passphrase" not in window.lock_page.intro.text()
    click(qtbot, window.lock_page.form.use_code)
    assert "passphrase" in window.lock_page.intro.text()
