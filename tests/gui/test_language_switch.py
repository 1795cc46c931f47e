"""The language can be changed on every screen, and the whole window follows
at once, Qt's own dialogs included."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from prep_app.i18n import translator
from prep_app.ui import widgets

from .conftest import PASSPHRASE
from .helpers import answered, click, create_plan, type_into

SPANISH = translator("es")


def choose(picker, code: str) -> None:
    """What a click on a language in the list delivers."""
    index = picker.findData(code)
    picker.setCurrentIndex(index)
    picker.activated.emit(index)


def english_left(widget) -> list[str]:
    """Visible texts still in English although Spanish has them."""
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    return [t for t in texts if t and SPANISH.gettext(t) != t]


def question_buttons(parent) -> list[str]:
    """The buttons of the app's real yes/no question, read while it is open."""
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen.extend(b.text() for b in box.buttons())
        box.reject()

    QTimer.singleShot(0, read_and_close)
    widgets.ask(parent, "?", "?")
    return seen


def test_switching_language_in_the_editor_changes_the_whole_window_and_qt_dialogs(window, ui, qtbot):
    create_plan(qtbot, window)
    ed = window.editor
    ed.go(3)
    assert ed.next_button.text() == "Next →"
    choose(ed.language, "es")
    assert ed.next_button.text() == SPANISH.gettext("Next →") != "Next →"
    assert english_left(window) == []
    assert "&Sí" in question_buttons(window)
    assert window.settings.language == "es"


def test_switching_language_on_the_lock_screen_changes_it_and_the_plan_after(window, ui, qtbot):
    create_plan(qtbot, window)
    click(qtbot, window.editor.lock_button)
    page = window.lock_page
    assert page.unlock_button.text() == "Unlock"
    choose(page.language, "es")
    assert page.unlock_button.text() == SPANISH.gettext("Unlock") != "Unlock"
    assert english_left(window) == []
    type_into(qtbot, page.form.passphrase, PASSPHRASE)
    click(qtbot, page.unlock_button)
    answered(qtbot, page.form)
    assert window.editor.next_button.text() == SPANISH.gettext("Next →")
    assert english_left(window) == []


def test_the_file_dialog_speaks_the_window_language(window, ui, qtbot):
    window.set_language("pt_BR")
    dialog = widgets._dialog(window, "?")
    qtbot.addWidget(dialog)
    labels = [w.text().replace("&", "") for w in dialog.findChildren(QLabel)]
    assert "Look in:" not in labels and "Files of type:" not in labels
    assert translator("pt_BR").gettext("Look in:") in labels
