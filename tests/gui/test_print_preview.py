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
