"""A whole evening in the window, in a temporary HOME: create, type, save PDFs
on the laptop, print to a file the test chooses, lock, unlock with the
recovery code, change the passphrase, save a copy on the stick, delete the
PDFs, erase.  Then nothing under HOME, the XDG folders, the temp folder or
the app's folder names the family, the plan's label or a recovery code."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from prep_app.vault import unlock_vault

from . import test_walkthrough
from .helpers import answered, click, create_plan, save_pdfs, type_code, type_into
from .test_walkthrough import walk

NEW_PASSPHRASE = "river mango tuesday song"


def needles_for(names, label, codes) -> list[str]:
    return [*names, label, *codes, *(c.replace("-", "") for c in codes)]


def readable_text(path: Path) -> str:
    """What a curious next user could read in a file: a PDF's text (its bytes
    are compressed), otherwise the bytes as UTF-8 and UTF-16."""
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        from pypdf import PdfReader
        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return data.decode("utf-8", "replace") + data.decode("utf-16-le", "replace")


def files_naming(roots, needles):
    found = []
    for root in roots:
        for dirpath, dirs, files in os.walk(root):
            for name in dirs + files:
                if any(n in name for n in needles):
                    found.append(Path(dirpath) / name)
            for f in files:
                text = readable_text(Path(dirpath) / f)
                if any(n in text for n in needles):
                    found.append(Path(dirpath) / f)
    return found


def test_a_whole_evening_leaves_nothing_on_the_laptop(window, ui, qtbot, home, monkeypatch, caplog):
    import logging
    caplog.set_level(logging.DEBUG)
    from PySide6.QtPrintSupport import QPrinter

    ui.answer = True
    codes = []                                     # the recovery code, as the family saw it

    def create_and_keep_code(*args, **kw):
        codes.append(create_plan(*args, **kw))
        return codes[-1]
    monkeypatch.setattr(test_walkthrough, "create_plan", create_and_keep_code)
    walk(qtbot, window, ui, home)                  # every step, a whole family, label "Blue door"
    ed = window.editor
    ed.go(len(ed.steps) - 1)
    panel = ed.review.print_panel
    laptop_pdfs = home["home"] / "Documents"
    laptop_pdfs.mkdir()
    ui.folder = laptop_pdfs
    save_pdfs(qtbot, panel)                        # PDFs on the laptop, tonight
    printed = home["pdfs"] / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    for name, box in panel.checks.items():
        box.setChecked(name == "wallet")
    assert panel.print_to(printer)
    assert printed.stat().st_mode & 0o077 == 0      # owner-only, like the saved PDFs
    # lock, and unlock with the recovery code: a new passphrase is asked for
    click(qtbot, window.editor.lock_button)
    click(qtbot, window.lock_page.form.use_code)
    type_code(qtbot, window.lock_page.form.code, codes[0])
    click(qtbot, window.lock_page.unlock_button)
    answered(qtbot, window.lock_page.form)
    dialog = window.dialog
    type_into(qtbot, dialog.passphrase, NEW_PASSPHRASE)
    type_into(qtbot, dialog.confirm, NEW_PASSPHRASE)
    click(qtbot, dialog.box.button(QDialogButtonBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: window.message is not None and "new passphrase" in window.message)
    # finish: a copy on the stick, tonight's PDFs deleted, the plan erased
    click(qtbot, window.editor.finish_button)
    finish = window.dialog
    ui.folder = home["usb"]
    click(qtbot, finish.copy_button)
    assert finish.pdfs.isVisibleTo(finish)
    assert (printed.name in finish.pdfs.text() and str(printed.parent) in finish.pdfs.text()) == printed.exists()
    click(qtbot, finish.delete_pdfs_button)
    assert not printed.exists() and list(laptop_pdfs.iterdir()) == []
    click(qtbot, finish.erase_button)
    assert window.stack.currentWidget() is window.start
    window.close()
    QApplication.processEvents()

    copy = next(home["usb"].iterdir())
    assert unlock_vault(copy, passphrase=NEW_PASSPHRASE).plaintext   # the family takes it home
    needles = needles_for(["Gonçalves", "Ñañez", "Souza", "Beatriz"], "Blue door", codes)
    roots = [home[k] for k in ("home", "app", "config", "data", "cache", "tmp")]
    assert files_naming(roots, needles) == []
    assert [r.getMessage() for r in caplog.records if any(n in r.getMessage() for n in needles)] == []
