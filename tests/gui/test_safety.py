"""Shared-laptop safety: idle lock, wrong passphrase, damaged file, finish and
erase, and that nothing about the family is written outside the vault."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel

from prep_app.model import Plan, dumps, loads
from prep_app.vault import WrongSecretError, create_vault, unlock_vault

from .conftest import FAST_KDF, PASSPHRASE
from .helpers import answered, click, create_plan, form_field, save_pdfs, type_code, type_into
from .test_walkthrough import walk

FAMILY = ["Gonçalves", "Ñañez", "Nguyễn", "Souza", "Lucas", "Pereira", "Beatriz", "Lukasz"]


def visible_texts(widget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton) if w.isVisibleTo(widget)]
    return "\n".join(texts)


def stored_vault(home, name="Family Rosa", label="Green gate") -> Path:
    plan = Plan()
    plan.household.family_name = name
    path = home["app"] / "plans" / "abcd1234.prepvault"
    path.parent.mkdir(exist_ok=True)
    create_vault(path, dumps(plan).encode(), PASSPHRASE, label, kdf=FAST_KDF)
    return path


def test_idle_lock_shows_nothing_and_unlocks(window, ui, qtbot, home):
    create_plan(qtbot, window, "Blue door")
    ed = window.editor
    type_into(qtbot, form_field(ed.steps[0], "household.family_name"), "Gonçalves Ñañez")
    ed.go(2)
    window.set_idle_ms(150)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page, timeout=3000)
    assert window.session is None and window.editor is None
    shown = visible_texts(window)
    assert "Gonçalves" not in shown and "Blue door" not in shown
    assert window.windowTitle() == "prep-app"
    # a wrong passphrase: calm message, still locked
    type_into(qtbot, window.lock_page.form.passphrase, "wrong wrong wrong")
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    assert window.lock_page.form.problem.isVisibleTo(window.lock_page)
    assert window.stack.currentWidget() is window.lock_page
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    qtbot.keyClick(window.lock_page.form.passphrase, Qt.Key.Key_Return)
    answered(qtbot, window.lock_page.form)
    assert window.editor is not None and window.editor.current() == 2   # back where they were
    assert window.session.plan.household.family_name == "Gonçalves Ñañez"


def test_lock_button_and_recovery_code(window, ui, qtbot, home):
    code = create_plan(qtbot, window, "Blue door")
    click(qtbot, window.editor.lock_button)
    assert window.stack.currentWidget() is window.lock_page
    click(qtbot, window.lock_page.form.use_code)
    type_code(qtbot, window.lock_page.form.code, code)
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    assert window.editor is not None
    # the recovery code opened it: a new passphrase is offered at once
    dialog = window.dialog
    assert dialog is not None and not dialog.ask_label
    new = "river mango tuesday song"
    type_into(qtbot, dialog.passphrase, new)
    type_into(qtbot, dialog.confirm, new)
    click(qtbot, dialog.box.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: window.message is not None)
    assert "new passphrase is set" in window.message
    path = window.session.path
    assert unlock_vault(path, passphrase=new).plaintext == unlock_vault(path, recovery_code=code).plaintext
    # and the old passphrase opens nothing left in the folder (no .bak under the old key)
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    with pytest.raises(WrongSecretError):
        unlock_vault(path, passphrase=PASSPHRASE)


def _opened_window(ui, qtbot):
    from prep_app.ui.main_window import MainWindow
    from prep_app.ui.settings import Settings
    window = MainWindow(Settings(), kdf=FAST_KDF, dialogs=ui.dialogs())
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_plans_on_the_laptop_are_listed_when_the_window_opens(ui, qtbot, home):
    stored_vault(home, label="Green gate")
    window = _opened_window(ui, qtbot)
    qtbot.waitUntil(lambda: window.start.plans.count() == 1)
    assert "Green gate" in window.start.plans.item(0).text()
    assert window.start.plans.isVisible() and not window.start.no_plans.isVisible()


def test_no_dialog_is_the_systems_own(ui, qtbot):
    """The system's own file dialogs keep the folders they visited outside
    the app.  Each file dialog and message box refuses them itself, and once
    the window is on screen the whole application does."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from prep_app.ui import dialogs
    no_native = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    QCoreApplication.setAttribute(no_native, False)        # as in a new process
    box = dialogs._MessageBox(QMessageBox.Icon.Information, "t", "x", QMessageBox.StandardButton.Ok)
    folder = dialogs._dialog(None, "t")
    assert box.testOption(QMessageBox.Option.DontUseNativeDialog)
    assert folder.testOption(QFileDialog.Option.DontUseNativeDialog)
    _opened_window(ui, qtbot)
    qtbot.waitUntil(lambda: QCoreApplication.testAttribute(no_native))


def test_wrong_passphrase_keeps_file(window, ui, qtbot, home):
    from prep_app.ui.passphrase import UnlockDialog
    path = stored_vault(home)
    before = path.read_bytes()
    window.refresh_plans()
    assert window.start.plans.count() == 1
    assert "Green gate" in window.start.plans.item(0).text()
    assert "Rosa" not in window.start.plans.item(0).text()
    window.start.plans.setCurrentRow(0)
    click(qtbot, window.start.open_button)
    dialog = window.dialog
    assert isinstance(dialog, UnlockDialog)
    type_into(qtbot, dialog.form.passphrase, "not the passphrase")
    qtbot.keyClick(dialog.form.passphrase, Qt.Key.Key_Return)
    answered(qtbot, dialog.form)
    assert dialog.isVisible() and dialog.form.problem.isVisibleTo(dialog)
    assert "passphrase" in dialog.form.problem.text().lower()
    assert path.read_bytes() == before
    # the same in Spanish, Qt's own Cancel button included
    window.set_language("es")
    qtbot.wait(20)                      # Qt posts its LanguageChange events
    cancel = dialog.box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancelar"
    click(qtbot, cancel)
    assert window.editor is None and path.read_bytes() == before


def test_damaged_file_calm_message_and_kept(window, ui, qtbot, home):
    path = stored_vault(home)
    data = bytearray(path.read_bytes())
    data[-20] ^= 0xFF                      # tampered body
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    ui.open_path = path
    click(qtbot, window.start.file_button)
    dialog = window.dialog
    type_into(qtbot, dialog.form.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.form.passphrase, Qt.Key.Key_Return)
    answered(qtbot, dialog.form)
    assert ui.messages, "a calm message is shown"
    assert window.editor is None
    assert path.read_bytes() == before
    # a foreign file (not a plan at all)
    foreign = home["usb"] / "photo.prepvault"
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 100)
    ui.messages.clear()
    ui.open_path = foreign
    dialog.close()
    click(qtbot, window.start.file_button)
    type_into(qtbot, window.dialog.form.passphrase, PASSPHRASE)
    form = window.dialog.form
    qtbot.keyClick(form.passphrase, Qt.Key.Key_Return)
    answered(qtbot, form)
    assert ui.messages and foreign.read_bytes() == b"\x89PNG\r\n\x1a\n" + b"x" * 100


def test_finish_and_erase_leaves_nothing(window, ui, qtbot, home, monkeypatch):
    from prep_app.ui.finish import FinishDialog
    ui.answer, asked = False, ui.asked      # "No"
    create_plan(qtbot, window, "Blue door")
    type_into(qtbot, form_field(window.editor.steps[0], "household.family_name"), "Gonçalves Ñañez")
    window.session.save_now()
    window.session.changed()
    window.session.save_now()               # a second save makes a .bak too
    plans_dir = home["app"] / "plans"
    assert any(plans_dir.iterdir())
    click(qtbot, window.editor.finish_button)
    dialog = window.dialog
    assert isinstance(dialog, FinishDialog)
    # erasing without a copy asks in a separate box, default No: a double-click erases nothing
    for _click in range(2):                      # a double-click is two clicks in a row
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert asked and "gone for good" in asked[0]
    assert dialog.isVisible() and dialog.warning.isVisibleTo(dialog)
    assert window.session is not None and any(plans_dir.iterdir())
    asked.clear()
    ui.folder = home["usb"]
    click(qtbot, dialog.copy_button)
    copies = list(home["usb"].iterdir())
    assert len(copies) == 1
    click(qtbot, dialog.erase_button)                  # with a copy saved: no question
    assert asked == []
    assert window.editor is None and window.stack.currentWidget() is window.start
    assert list(plans_dir.iterdir()) == []
    assert window.start.plans.count() == 0
    # the copy on the "USB stick" opens with the same passphrase
    plan = loads(unlock_vault(copies[0], passphrase=PASSPHRASE).plaintext)
    assert plan.household.family_name == "Gonçalves Ñañez"


def test_print_through_printer_to_pdf(window, ui, qtbot, home):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter
    create_plan(qtbot, window)
    window.editor.go(8)
    panel = window.editor.review.print_panel
    for name, box in panel.checks.items():
        box.setChecked(name == "wallet")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = home["pdfs"] / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert panel.print_to(printer)
    assert len(PdfReader(out).pages) >= 1


def test_blank_forms_from_start(window, ui, qtbot, home):
    from pypdf import PdfReader
    click(qtbot, window.start.blank_button)
    panel = window.dialog.panel
    panel.lang1.setCurrentIndex(panel.lang1.findData("es"))
    ui.folder = home["pdfs"]
    save_pdfs(qtbot, panel)
    assert PdfReader(home["pdfs"] / "escuela.pdf").pages           # named in the first language


def test_no_family_data_anywhere_but_the_vault(window, ui, qtbot, home, tmp_path):
    """Leak test: a full session, then grep every file the app could have written."""
    walk(qtbot, window, ui, home)
    ed = window.editor
    ed.go(8)
    ui.folder = home["pdfs"]
    save_pdfs(qtbot, ed.review.print_panel)
    click(qtbot, ed.lock_button)
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    window.set_language("pt_BR")
    assert window.windowTitle() == "prep-app"
    window.close()
    QApplication.processEvents()
    leaks = []
    for root in (home["home"], home["app"], home["config"], home["data"], home["cache"], home["tmp"]):
        for dirpath, _dirs, files in os.walk(root):
            for f in files:
                p = Path(dirpath) / f
                data = p.read_bytes()
                for name in FAMILY:
                    for enc in ("utf-8", "utf-16-le"):
                        if name.encode(enc) in data:
                            leaks.append((p, name))
    assert leaks == []
    written = {p.relative_to(home["app"]).as_posix() for p in home["app"].rglob("*") if p.is_file()}
    assert all(w == "settings.json" or w.startswith("plans/") for w in written), written
    assert not (home["config"] / "QtProject.conf").exists()
    assert not list(home["home"].rglob("recently-used.xbel"))
