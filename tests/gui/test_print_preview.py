"""Preview and printing on every platform (issue 10): pages are drawn by
PDFium (pypdfium2) in memory, with no external program; printing draws them
at the printer's resolution without loss, on the PDFs' own paper."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication

from prep_app.outputs import render
from prep_app.ui import print_panel

from .helpers import click, create_plan

LETTER_POINTS = (612, 792)


def only(panel, *names):
    for name, box in panel.checks.items():
        box.setChecked(name in names)


def gray_rows(image: QImage) -> list[bytes]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits, stride = bytes(gray.constBits()), gray.bytesPerLine()
    return [bits[y * stride:y * stride + gray.width()] for y in range(gray.height())]


def dark_pixels(image: QImage) -> int:
    return sum(sum(1 for v in row if v < 128) for row in gray_rows(image))


def differing_pixels(a: QImage, b: QImage) -> int:
    """Pixels clearly lighter or darker in one image than in the other, at a
    quarter of the size: two renderings of the same page differ only in how
    text edges are smoothed."""
    assert a.size() == b.size()
    a, b = (im.scaled(im.size() / 4, mode=Qt.TransformationMode.SmoothTransformation) for im in (a, b))
    return sum(sum(1 for x, y in zip(ra, rb, strict=True) if abs(x - y) > 64)
               for ra, rb in zip(gray_rows(a), gray_rows(b), strict=True))


def test_preview_renders_page_images_without_pdftoppm(window, ui, qtbot, home, tmp_path, monkeypatch):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))            # no pdftoppm, no program at all
    create_plan(qtbot, window)
    window.editor.go(len(window.editor.steps) - 1)
    panel = window.editor.review.print_panel
    only(panel, "wallet", "school")
    expected = sum(len(PdfReader(io.BytesIO(panel.render_output(n))).pages) for n in ("school", "wallet"))
    click(qtbot, panel.preview_button)
    qtbot.waitUntil(lambda: panel.preview_dialog is not None and panel.preview_dialog.isVisible())
    pages = [page.pixmap().toImage() for page in panel.preview_dialog.page_labels]
    assert len(pages) == expected
    for image in pages:
        assert image.width() / image.height() == pytest.approx(LETTER_POINTS[0] / LETTER_POINTS[1], abs=0.01)
        assert dark_pixels(image) > 500                  # the text is there, not a white sheet
    panel.preview_dialog.close()


def test_preview_is_drawn_off_the_windows_thread_under_a_busy_sign(window, ui, qtbot, home):
    create_plan(qtbot, window)
    window.editor.go(len(window.editor.steps) - 1)
    panel = window.editor.review.print_panel
    click(qtbot, panel.preview_button)
    # back in the event loop before the pages are drawn: busy, and no second click
    assert panel.preview_dialog is None
    assert panel.cursor().shape() == Qt.CursorShape.WaitCursor
    assert not panel.preview_button.isEnabled() and not panel.print_button.isEnabled()
    qtbot.waitUntil(lambda: panel.preview_dialog is not None and panel.preview_dialog.isVisible())
    assert panel.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert panel.preview_button.isEnabled() and panel.print_button.isEnabled()
    panel.preview_dialog.close()


def test_printing_renders_at_the_printers_resolution_on_letter(window, ui, qtbot, home):
    create_plan(qtbot, window)
    window.editor.go(len(window.editor.steps) - 1)
    panel = window.editor.review.print_panel
    only(panel, "wallet")
    wallet = panel.render_output("wallet")
    pages = len(PdfReader(io.BytesIO(wallet)).pages)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = home["pdfs"] / "printed.pdf"                 # the user chose this file
    printer.setOutputFileName(str(out))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageMargins(QMarginsF(18, 18, 18, 54), QPageLayout.Unit.Point)   # a printer's unprintable edges
    printer.setResolution(300)
    assert panel.print_to(printer)
    printed = PdfReader(out)
    assert len(printed.pages) == pages
    for page in printed.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == LETTER_POINTS
        images = [x.get_object() for x in page["/Resources"]["/XObject"].values()]     # the page, in bands
        assert {im["/Width"] for im in images} == {int(8.5 * 300)}
        assert sum(im["/Height"] for im in images) == 11 * 300
        assert not [im for im in images if "/DCTDecode" in str(im.get("/Filter"))]     # lossless: no JPEG
    # the printed page looks like the PDF's: same place, same size, nothing cut off
    printed_page, pdf_page = print_panel.rasterize(out.read_bytes(), last=1)[0], print_panel.rasterize(wallet, last=1)[0]
    assert dark_pixels(pdf_page) > 500
    assert differing_pixels(printed_page, pdf_page) < printed_page.width() * printed_page.height() / 16 / 200
    assert out.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(("paper", "expected"), [("letter", QPageSize.PageSizeId.Letter),
                                                 ("a4", QPageSize.PageSizeId.A4)])
def test_print_dialog_opens_on_the_pdfs_paper_size(window, ui, qtbot, monkeypatch, paper, expected):
    # a laptop with one printer; this test machine may have none (Qt then
    # gives a PDF printer, which is enough to open the dialog)
    monkeypatch.setattr(print_panel, "available_printers", lambda: [QPrinterInfo()])
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            seen.append(dialog.printer().pageLayout().pageSize().id())
            dialog.reject()
    QTimer.singleShot(0, look)          # runs inside the dialog's own event loop, once it shows
    assert print_panel.choose_printer(window, render("wallet", None, ["en"], paper=paper)) is None
    assert seen == [expected]


def gate(monkeypatch, module, name):
    """*module.name* waits on another thread until the returned event is set:
    work that still ran on the window's thread would never see it set."""
    import threading
    real, go_on = getattr(module, name), threading.Event()

    def gated(*args, **kw):
        assert go_on.wait(10)
        return real(*args, **kw)
    monkeypatch.setattr(module, name, gated)
    return go_on


def to_print_step(qtbot, window, ui, home):
    create_plan(qtbot, window)
    window.editor.go(len(window.editor.steps) - 1)
    ui.folder = home["pdfs"]
    return window.editor.review.print_panel


def test_the_event_loop_keeps_turning_while_the_pdfs_are_saved(window, ui, qtbot, home, monkeypatch):
    from prep_app import outputs
    panel = to_print_step(qtbot, window, ui, home)
    go_on = gate(monkeypatch, outputs, "render_all")
    ticks = []

    def tick():                   # a timer on the window's thread, while the save waits for it
        ticks.append(panel.busy)
        go_on.set()
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    timer.stop()
    assert True in ticks
    assert len(list(home["pdfs"].glob("*.pdf"))) == 5


def test_buttons_are_disabled_while_saving_and_enabled_after(window, ui, qtbot, home, monkeypatch):
    from prep_app import outputs
    panel = to_print_step(qtbot, window, ui, home)
    go_on = gate(monkeypatch, outputs, "render_all")
    click(qtbot, panel.save_button)
    buttons = (panel.preview_button, panel.save_button, panel.print_button)
    assert not any(b.isEnabled() for b in buttons)
    assert panel.cursor().shape() == Qt.CursorShape.WaitCursor
    assert "Saving" in panel.status.text()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)      # a second click does nothing
    assert len(ui.starts) == 1                                          # no second folder dialog
    go_on.set()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert all(b.isEnabled() for b in buttons)
    assert panel.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_saved_pdfs_land_in_the_folder_and_the_status_says_so(window, ui, qtbot, home):
    panel = to_print_step(qtbot, window, ui, home)
    only(panel, "wallet", "school")
    click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    saved = sorted(home["pdfs"].glob("*.pdf"))
    assert [p.name for p in saved] == ["school.pdf", "wallet.pdf"]
    assert all(PdfReader(p).pages for p in saved)
    shown = panel.status.text().replace("\u2068", "").replace("\u2069", "")     # invisible isolates
    assert shown == f"✓ Saved 2 PDFs in {home['pdfs']}"
    assert sorted(window.session.pdfs_left()) == saved           # Finish offers to delete them


def test_a_new_action_clears_the_last_ones_message(window, ui, qtbot, home, monkeypatch):
    from prep_app import outputs
    panel = to_print_step(qtbot, window, ui, home)
    ui.folder = home["home"] / "a file"
    ui.folder.write_text("where the folder should be")
    click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.status.text().startswith("⚠")
    go_on = gate(monkeypatch, outputs, "render_all")
    ui.folder = home["pdfs"]
    click(qtbot, panel.save_button)
    assert "Saving" in panel.status.text() and not panel.status.text().startswith("⚠")
    go_on.set()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.status.text().startswith("✓")
    monkeypatch.setattr(print_panel, "available_printers", lambda: [QPrinterInfo()])
    monkeypatch.setattr(print_panel, "choose_printer", lambda parent, pdf: None)     # cancelled
    click(qtbot, panel.print_button)
    assert panel.busy and panel.status.text() == ""             # "Saved" is no longer news
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)


def test_printing_renders_and_paints_while_the_window_keeps_running(window, ui, qtbot, home, monkeypatch):
    panel = to_print_step(qtbot, window, ui, home)
    only(panel, "wallet")
    out = home["pdfs"] / "printed.pdf"              # the user chose "print to file"
    chosen = []

    def choose(parent, pdf):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        print_panel.set_paper(printer, pdf)
        chosen.append(pdf)
        return printer
    monkeypatch.setattr(print_panel, "available_printers", lambda: [QPrinterInfo()])
    monkeypatch.setattr(print_panel, "choose_printer", choose)
    rendered = gate(monkeypatch, print_panel, "render_pdfs")
    painted = gate(monkeypatch, print_panel, "print_pdfs")
    ticks = []

    def tick():
        ticks.append((bool(chosen), panel.busy, panel.print_button.isEnabled()))
        (painted if chosen else rendered).set()
    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    click(qtbot, panel.print_button)
    qtbot.waitUntil(lambda: panel.status.text().startswith("✓"), timeout=10_000)
    timer.stop()
    assert (False, True, False) in ticks            # rendered before the dialog: busy, no second click
    assert (True, True, False) in ticks             # painted on the printer: busy, no second click
    assert not panel.busy and panel.print_button.isEnabled()
    assert panel.status.text() == "✓ Sent to the printer."
    assert len(PdfReader(out).pages) == len(PdfReader(io.BytesIO(chosen[0])).pages)
    assert out.stat().st_mode & 0o077 == 0
    assert window.session.pdfs_left() == [out]      # Finish offers to delete it
