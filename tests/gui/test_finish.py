"""Files that linger (issue 9, findings 5 and 9): PDFs saved tonight are
listed at the finish and can be deleted; the save dialog starts at the
family's stick; printing never falls back to "print to file"; closing a plan
opened from a file names the files that stay."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from prep_app.model import Plan, dumps
from prep_app.vault import create_vault

from .conftest import FAST_KDF, PASSPHRASE
from .helpers import click, create_plan, form_field, save_pdfs, type_into


def to_review(window):
    window.editor.go(len(window.editor.steps) - 1)
    return window.editor.review.print_panel


def test_finish_lists_tonights_pdfs_and_deletes_them(window, ui, qtbot, home):
    from prep_app.ui.finish import FinishDialog
    create_plan(qtbot, window, "Blue door")
    type_into(qtbot, form_field(window.editor.steps[0], "household.family_name"), "Souza")
    panel = to_review(window)
    ui.folder = home["pdfs"]                         # a folder on the laptop
    save_pdfs(qtbot, panel)
    on_laptop = sorted(home["pdfs"].glob("*.pdf"))
    assert len(on_laptop) == 5
    assert all(p.stat().st_mode & 0o077 == 0 for p in on_laptop)     # owner-only
    click(qtbot, window.editor.lock_button)          # remembered across a lock
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    qtbot.waitUntil(lambda: window.editor is not None)
    click(qtbot, window.editor.finish_button)
    dialog = window.dialog
    assert isinstance(dialog, FinishDialog)
    assert dialog.pdfs.isVisibleTo(dialog)
    listed = dialog.pdfs.text()
    assert all(p.name in listed for p in on_laptop)
    assert listed.count(str(on_laptop[0].parent)) == 1         # the folder once, then its files
    # the family saves its copy on the stick; PDFs saved there are not listed,
    # and the next save dialog starts there
    ui.folder = home["usb"]
    click(qtbot, dialog.copy_button)
    click(qtbot, dialog.delete_pdfs_button)
    assert list(home["pdfs"].iterdir()) == []
    assert not dialog.pdfs.isVisibleTo(dialog)
    click(qtbot, dialog.cancel_button)
    panel = to_review(window)
    save_pdfs(qtbot, panel)
    assert ui.starts[-1] == str(home["usb"])
    click(qtbot, window.editor.finish_button)
    assert not window.dialog.pdfs.isVisibleTo(window.dialog)


def test_closing_a_plan_opened_from_a_file_names_the_files_that_stay(window, ui, qtbot, home):
    from prep_app.vault.atomic import backup_path
    downloads = home["home"] / "Downloads"
    downloads.mkdir()
    path = downloads / "plan.prepvault"
    create_vault(path, dumps(Plan()).encode(), PASSPHRASE, "Green gate", kdf=FAST_KDF)
    ui.open_path = path
    click(qtbot, window.start.file_button)
    type_into(qtbot, window.dialog.form.passphrase, PASSPHRASE)
    qtbot.keyClick(window.dialog.form.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)
    type_into(qtbot, form_field(window.editor.steps[0], "household.family_name"), "Souza")
    click(qtbot, window.editor.finish_button)             # saves: the old version becomes the .bak
    dialog = window.dialog
    assert backup_path(path).exists()
    assert dialog.files.text().split("\n") == [str(path), str(backup_path(path))]
    shown = " ".join(w.text() for w in dialog.findChildren(type(dialog.files)) if w.isVisibleTo(dialog))
    assert "leaves nothing" not in shown


def test_print_never_falls_back_to_a_file(window, ui, qtbot, home):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
    create_plan(qtbot, window)
    panel = to_review(window)
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            seen.append(dialog.printer().outputFormat())
            dialog.reject()
    timer = QTimer()                  # the dialog opens once the PDFs are rendered, off the window's thread
    timer.timeout.connect(look)
    timer.start(20)
    click(qtbot, panel.print_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    timer.stop()
    if QPrinterInfo.availablePrinters():
        assert seen == [QPrinter.OutputFormat.NativeFormat]
    else:                 # no printer: say so; never a dialog that only prints to a file
        assert seen == []
        assert "No printer" in panel.status.text()
    leftovers = [p for d in ("home", "tmp", "pdfs") for p in home[d].rglob("*") if p.is_file()]
    assert leftovers == []


def test_a_failed_pdf_save_is_logged_without_its_folder(window, ui, qtbot, home, caplog):
    create_plan(qtbot, window)
    panel = to_review(window)
    family_folder = home["home"] / "Familia Souza"
    family_folder.write_text("a file where the folder should be")
    ui.folder = family_folder
    save_pdfs(qtbot, panel)
    assert "could not be saved" in panel.status.text()
    logged = [r.getMessage() for r in caplog.records]
    assert any("saving PDFs failed" in m for m in logged)
    assert not [m for m in logged if "Souza" in m]


def test_a_plan_locked_while_its_pdfs_are_saved_leaves_none_behind(window, ui, qtbot, home, monkeypatch):
    """The PDFs are written on another thread: a lock meanwhile lets go of the
    list Finish reads, so the files written, before the lock and after, are
    deleted when the save ends; none stays on the laptop unknown."""
    import threading

    from prep_app import outputs
    from prep_app.ui.background import Job
    create_plan(qtbot, window, "Blue door")
    type_into(qtbot, form_field(window.editor.steps[0], "household.family_name"), "Souza")
    panel = to_review(window)
    render, go_on = outputs.render, threading.Event()

    def render_then_wait(name, *args, **kw):
        if name == "school":           # the third printout waits for the lock
            assert go_on.wait(10)
        return render(name, *args, **kw)
    monkeypatch.setattr(outputs, "render", render_then_wait)
    ui.folder = home["pdfs"]
    click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: len(list(home["pdfs"].glob("*.pdf"))) == 2)      # two written
    click(qtbot, window.editor.lock_button)
    go_on.set()
    qtbot.waitUntil(lambda: not QApplication.instance().findChildren(Job), timeout=10_000)
    assert list(home["pdfs"].iterdir()) == []
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    qtbot.waitUntil(lambda: window.editor is not None)
    click(qtbot, window.editor.finish_button)
    assert not window.dialog.pdfs.isVisibleTo(window.dialog)


def test_a_save_ending_just_as_the_plan_locks_leaves_none_behind(window, ui, qtbot, home, monkeypatch):
    """The save's end is already on its way to the window when the plan locks
    (the panel is still there when it arrives, its session let go)."""
    import threading
    import time

    from prep_app import outputs
    create_plan(qtbot, window, "Blue door")
    panel = to_review(window)
    render_all, go_on = outputs.render_all, threading.Event()

    def wait_then_save(*args, **kw):
        assert go_on.wait(10)
        return render_all(*args, **kw)
    monkeypatch.setattr(outputs, "render_all", wait_then_save)
    ui.folder = home["pdfs"]
    click(qtbot, panel.save_button)
    go_on.set()
    while any(t.name == "prep-app-job" for t in threading.enumerate()):   # the events wait meanwhile
        time.sleep(0.01)
    assert len(list(home["pdfs"].glob("*.pdf"))) == 5
    window.lock()                     # what the lock button does, before the save's end is delivered
    qtbot.waitUntil(lambda: not list(home["pdfs"].iterdir()), timeout=10_000)
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    qtbot.waitUntil(lambda: window.editor is not None)
    click(qtbot, window.editor.finish_button)
    assert not window.dialog.pdfs.isVisibleTo(window.dialog)


def test_the_pdfs_left_are_listed_one_file_a_line_under_their_folder(tmp_path):
    """A row of names broke at a hyphen ("cartoes-" / "carteira.pdf")."""
    from prep_app.ui.finish import files_by_folder
    names = ["plano-familiar.pdf", "cartoes-carteira.pdf", "lista-de-documentos.pdf"]
    shown = files_by_folder([tmp_path / name for name in names]).split("\n")
    assert shown[0] == f"{tmp_path}{os.sep}"
    assert [line.strip() for line in shown[1:]] == names
