"""The language can be changed on every screen, and the whole window follows
at once, Qt's own dialogs included."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from prep_app.i18n import translator
from prep_app.ui import dialogs

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

    QApplication.processEvents()        # a language just chosen has reached every window
    QTimer.singleShot(0, read_and_close)
    dialogs.ask(parent, "?", "?")
    return seen


def test_switching_language_in_the_editor_changes_the_whole_window_and_qt_dialogs(window, ui, qtbot):
    create_plan(qtbot, window)
    ed = window.editor
    ed.go(3)
    assert ed.next_button.text() == "Next →"
    choose(ed.language, "es")
    assert ed.next_button.text() == SPANISH.gettext("Next →") != "Next →"
    assert english_left(window) == []
    assert SPANISH.gettext("Yes") in question_buttons(window) and "Yes" not in question_buttons(window)
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
    dialog = dialogs._dialog(window, "?")
    qtbot.addWidget(dialog)
    labels = [w.text().replace("&", "") for w in dialog.findChildren(QLabel)]
    assert "Look in:" not in labels and "Files of type:" not in labels
    assert translator("pt_BR").gettext("Look in:") in labels


def test_each_language_is_named_in_itself_as_babel_names_it():
    from prep_app.i18n import LANGUAGES
    from prep_app.resources import language_codes
    from prep_app.ui.lang import NATIVE_NAMES
    assert len(language_codes()) >= 9
    assert {code: NATIVE_NAMES[code] for code in language_codes()} == LANGUAGES


def test_the_window_mirrors_for_each_language_babel_writes_right_to_left():
    from babel import Locale

    from prep_app.resources import language_codes
    from prep_app.ui.lang import writes_right_to_left
    assert {code: writes_right_to_left(code) for code in language_codes()} == \
        {code: Locale.parse(code).text_direction == "rtl" for code in language_codes()}
    assert writes_right_to_left("ar") and not writes_right_to_left("en")


def test_arabic_mirrors_the_whole_window_and_english_puts_it_back(window, ui, qtbot):
    from PySide6.QtCore import Qt
    create_plan(qtbot, window)
    ed = window.editor
    ed.go(3)
    choose(ed.language, "ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    QApplication.processEvents()           # the layouts place the widgets anew
    assert ed.next_button.mapTo(window, ed.next_button.rect().center()).x() < \
        ed.back_button.mapTo(window, ed.back_button.rect().center()).x()          # Next on the left
    assert ed.step_list.mapTo(window, ed.step_list.rect().center()).x() > window.width() // 2
    assert ed.next_button.text() == translator("ar").gettext("Next →")
    choose(ed.language, "en")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    QApplication.processEvents()
    assert ed.step_list.mapTo(window, ed.step_list.rect().center()).x() < window.width() // 2


def test_qt_dialogs_speak_a_language_qt_has_no_catalog_for(window, ui, qtbot):
    creole = translator("ht")
    window.set_language("ht")
    buttons = question_buttons(window)
    assert creole.gettext("Yes") in buttons and creole.gettext("No") in buttons and "Yes" not in buttons
    dialog = dialogs._dialog(window, "?")
    qtbot.addWidget(dialog)
    labels = [w.text().replace("&", "") for w in dialog.findChildren(QLabel)]
    assert creole.gettext("Look in:") in labels


def test_chinese_loads_qts_own_simplified_chinese_catalog(window, ui):
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    window.set_language("zh_Hans")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
