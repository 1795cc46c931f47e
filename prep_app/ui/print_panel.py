"""Print: choose two languages and which printouts, preview the pages inside
the app, save the PDFs to a folder the user picks, or print through the
system print dialog.  Also used from the start screen for blank forms.

Preview and direct printing draw the PDFs' pages with PDFium (pypdfium2,
which ships with its wheels on Windows, macOS and Linux; PySide6-Essentials
has no QtPdf).  The PDFs are the family's plaintext: they are drawn from
memory, never from a temp file.
"""
from __future__ import annotations

import contextlib
import copy
import logging
import math
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..log import caught
from . import background
from .dialogs import Dialogs
from .lang import LANG, N_, _, bind, isolated, languages, on_change
from .widgets import MIN_HEIGHT, button, label

if TYPE_CHECKING:     # PDFium loads in 80 ms: on the first preview or print, not with every plan
    import pypdfium2 as pdfium

OUTPUT_NAMES = {
    "plan": (N_("Family plan"), N_("Everything, for your binder at home.")),
    "guardian": (N_("Guardian packet"), N_("For the guardian: the legal form and first steps.")),
    "school": (N_("School pages"), N_("One page per child: who may pick them up. Nothing about immigration.")),
    "wallet": (N_("Wallet cards"), N_("Cut out: whom to call, lawyer, your rights.")),
    "checklist": (N_("Document checklist"), N_("Which papers you have and where they are.")),
}

LOG = logging.getLogger(__name__)

POINTS_PER_INCH = 72
# Print quality: 300 dpi keeps 9-pt text sharp, and a 20-page packet takes
# seconds, not the 20 s it took at 600 dpi (painted off the window's thread).
MAX_PRINT_DPI = 300
# Printing sends each page in bands of about this size: a whole 600-dpi Letter
# page is a 134 MB image, held several times over while Qt encodes it.
BAND_BYTES = 8 << 20
# PDFium is not thread-safe, and the preview draws pages off the window's thread.
_PDFIUM = threading.Lock()


@contextlib.contextmanager
def _document(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    import pypdfium2
    with _PDFIUM:
        doc = pypdfium2.PdfDocument(pdf)
    try:
        yield doc
    finally:
        with _PDFIUM:
            doc.close()


def page_size(pdf: bytes) -> tuple[float, float]:
    """The first page's width and height in points (Letter 612 x 792, A4 595 x 842)."""
    with _document(pdf) as doc, _PDFIUM:
        return doc.get_page_size(0)


def rasterize(pdf: bytes, dpi: float = 60, first: int = 1, last: int | None = None) -> list[QImage]:
    """PDF pages as images, drawn in memory (nothing written to disk)."""
    return list(iter_pages(pdf, dpi, first, last))


def iter_pages(pdf: bytes, dpi: float = 60, first: int = 1, last: int | None = None) -> Iterator[QImage]:
    """One page image at a time."""
    with _document(pdf) as doc:
        for index in range(first - 1, min(last or len(doc), len(doc))):
            yield _draw(doc, index, dpi / POINTS_PER_INCH)


def _draw(doc: pdfium.PdfDocument, index: int, scale: float, top: int = 0, bottom: int | None = None) -> QImage:
    """Rows *top* to *bottom* (all by default) of a page, at *scale* pixels per point."""
    with _PDFIUM:
        page = doc[index]
        try:
            rows = math.ceil(page.get_height() * scale)        # as pypdfium2 counts them
            bottom = rows if bottom is None else bottom
            # the crop is in points, half a row short: pypdfium2 rounds it up to whole rows
            crop = (0, max(0.0, (rows - bottom - 0.5) / scale), 0, max(0.0, (top - 0.5) / scale))
            bitmap = page.render(scale=scale, crop=crop, prefer_bgrx=True)
            try:
                # BGRx bytes are Qt's RGB32: no conversion here, and none when Qt prints it
                return QImage(memoryview(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                              QImage.Format.Format_RGB32).copy()     # a copy: the bitmap is freed below
            finally:
                bitmap.close()
        finally:
            page.close()


def set_paper(printer, pdf: bytes) -> None:
    """The printer's paper becomes the PDF's (Letter stays Letter, A4 stays A4)."""
    width, height = page_size(pdf)
    printer.setPageSize(QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "",
                                  QPageSize.SizeMatchPolicy.FuzzyMatch))


def available_printers():
    from PySide6.QtPrintSupport import QPrinterInfo
    return QPrinterInfo.availablePrinters()


def choose_printer(parent, pdf: bytes | None = None):
    """A printer from the system print dialog, set to a real printer and to
    the paper of *pdf*; None if cancelled or if the laptop has no printer (Qt
    would then offer only "print to file": a plaintext PDF in a folder nobody
    chose)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
    printers = available_printers()
    if not printers:
        return None
    default = QPrinterInfo.defaultPrinter()
    printer = QPrinter(default if not default.isNull() else printers[0], QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    if pdf is not None:
        set_paper(printer, pdf)
    dialog = QPrintDialog(printer, parent)
    try:
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def has_printer() -> bool:
    return bool(available_printers())


NO_PRINTER = N_("No printer is set up on this laptop. Save the PDFs on the family's USB stick "
                "and print them elsewhere, or ask a volunteer to add a printer.")


def print_pdfs(printer, pdfs: Iterable[bytes]) -> bool:
    """Paint each PDF (bytes) on *printer*, page after page, drawn at the
    printer's resolution and sent without loss.  False if the printer would
    not start.  A file printed to (the user chose "print to file") is made
    owner-only."""
    printer.setFullPage(True)            # the PDF page holds its own margins
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    started = False
    for pdf in pdfs:
        with _document(pdf) as doc:
            for index in range(len(doc)):
                if not started:
                    if not painter.begin(printer):
                        return False
                    started = True
                    _owner_only(printer.outputFileName())
                    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)   # no JPEG
                else:
                    printer.newPage()
                _print_page(painter, doc, index, dpi, printer.resolution())
    if started:
        painter.end()
    return started


def _print_page(painter: QPainter, doc: pdfium.PdfDocument, index: int, dpi: int, resolution: int) -> None:
    """A page in the middle of the paper at its true size (shrunk if the user
    chose smaller paper), sent in bands drawn at *dpi*."""
    with _PDFIUM:
        width, height = doc.get_page_size(index)                # points
    paper = painter.viewport()                                   # the whole sheet, in device pixels
    to_device = resolution / POINTS_PER_INCH
    fit = min(1.0, paper.width() / (width * to_device), paper.height() / (height * to_device))
    w, h = width * fit * to_device, height * fit * to_device
    page = QRectF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2, w, h)
    scale = dpi * fit / POINTS_PER_INCH
    rows = math.ceil(height * scale)
    per_band = max(1, BAND_BYTES // (4 * math.ceil(width * scale)))
    for top in range(0, rows, per_band):
        bottom = min(rows, top + per_band)
        band = _draw(doc, index, scale, top, bottom)
        painter.drawImage(QRectF(page.x(), page.y() + h * top / rows, w, h * (bottom - top) / rows), band)


def _owner_only(path: str) -> None:
    if path:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


def preview_pages(plan, names: list[str], languages: list[str],
                  show_full_numbers: bool = False) -> list[tuple[str, list[QImage]]]:
    """Each printout's pages as small images; runs off the window's thread."""
    from ..outputs import render
    return [(name, rasterize(render(name, plan, languages, show_full_numbers=show_full_numbers)))
            for name in names]


class PreviewDialog(QDialog):
    def __init__(self, pages: list[tuple[str, list[QImage]]], parent=None):
        super().__init__(parent)
        bind(self, "setWindowTitle", N_("Preview"))
        inner = QWidget()
        col = QVBoxLayout(inner)
        self.page_labels = []
        for title, images in pages:
            heading = label(kind="heading")
            heading.setText(title)
            col.addWidget(heading)
            for i, image in enumerate(images, start=1):
                page = QLabel()
                page.setPixmap(QPixmap.fromImage(image))
                page.setAccessibleName(_("{title}, page {n}").format(title=title, n=i))
                page.setFrameShape(QLabel.Shape.Box)
                col.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
                self.page_labels.append(page)
        area = QScrollArea()
        area.setWidget(inner)
        area.setWidgetResizable(True)
        close = button(N_("Close"), default=True)
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(area, 1)
        lay.addWidget(close)
        screen = QApplication.primaryScreen().availableGeometry()
        self.resize(min(760, screen.width() - 40), min(900, screen.height() - 60))


class PrintPanel(QFrame):
    """``plan`` may be None: blank forms for handwriting.  With a *session*
    the save dialog starts at the family's USB stick, and the PDFs written are
    remembered (in memory) for the finish step to offer to delete."""

    def __init__(self, plan_getter, parent=None, session=None, dialogs=None):
        super().__init__(parent)
        self.plan_getter = plan_getter
        self.session = session
        self.dialogs = dialogs or Dialogs()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = label(N_("Print") if plan_getter() is not None else N_("Blank forms to fill in by hand"),
                      kind="heading")
        self.lang1 = QComboBox()
        self.lang2 = QComboBox()
        for c in (self.lang1, self.lang2):
            c.setMinimumHeight(MIN_HEIGHT)
        bind(self.lang1, "setAccessibleName", N_("First language of the printouts"))
        bind(self.lang2, "setAccessibleName", N_("Second language of the printouts"))
        self.checks: dict[str, QCheckBox] = {}
        col = QVBoxLayout(self)
        col.addWidget(title)
        langs = QHBoxLayout()
        for template, combo in ((N_("First language"), self.lang1), (N_("Second language"), self.lang2)):
            one = QVBoxLayout()
            one.addWidget(label(template, kind="field", buddy=combo))
            one.addWidget(combo)
            langs.addLayout(one, 1)
        col.addLayout(langs)
        col.addSpacing(6)
        col.addWidget(label(N_("Which printouts"), kind="field"))
        # each printout's name and what it is for on one row: stacked, they
        # pushed Preview, Save and Print below the window's bottom at 1366x768
        outputs = QGridLayout()
        outputs.setColumnStretch(1, 1)
        for row, (name, (title_t, hint)) in enumerate(OUTPUT_NAMES.items()):
            box = QCheckBox()
            box.setChecked(True)
            box.setMinimumHeight(32)
            bind(box, "setText", title_t)
            bind(box, "setAccessibleName", title_t)
            bind(box, "setAccessibleDescription", hint)
            self.checks[name] = box
            outputs.addWidget(box, row, 0)
            outputs.addWidget(label(hint, kind="hint"), row, 1)
        col.addLayout(outputs)
        # off unless the family asks: a printout left on a table should not
        # carry a whole bank account or card number (the review warns too)
        self.full_numbers = QCheckBox()
        bind(self.full_numbers, "setText", N_("Print account and card numbers in full"))
        self.full_numbers_hint = label(N_("The notes hold what looks like an account or card number. "
                                          "Unless you tick this, only its last 4 digits are printed."), kind="hint")
        col.addSpacing(6)
        col.addWidget(self.full_numbers)
        col.addWidget(self.full_numbers_hint)
        self.preview_button = button(N_("Preview"))
        self.save_button = button(N_("Save PDFs to a folder…"))
        self.print_button = button(N_("Print…"))
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.save_button, self.print_button):
            buttons.addWidget(b)
        col.addSpacing(6)
        col.addLayout(buttons)
        self.status = label(kind="hint")
        col.addWidget(self.status)
        self.preview_dialog: PreviewDialog | None = None
        self.busy = False             # rendering, saving or printing off the window's thread
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_dialog)
        self._fill_languages()
        on_change(self, lambda _c: self._fill_languages())
        self.reset_languages()
        self.show_number_choice()
        self.languages_touched = False
        self.lang1.activated.connect(lambda _i: setattr(self, "languages_touched", True))
        self.lang2.activated.connect(lambda _i: setattr(self, "languages_touched", True))

    # -- choices --------------------------------------------------------------
    def _fill_languages(self) -> None:
        keep1, keep2 = self.lang1.currentData(), self.lang2.currentData()
        self.lang1.clear()
        self.lang2.clear()
        self.lang2.addItem(_("(only one language)"), None)
        for code, name in languages().items():
            self.lang1.addItem(name, code)
            self.lang2.addItem(name, code)
        self._select(self.lang1, keep1)
        self._select(self.lang2, keep2)

    @staticmethod
    def _select(combo: QComboBox, code) -> None:
        i = combo.findData(code)
        combo.setCurrentIndex(i if i >= 0 else 0)

    def reset_languages(self) -> None:
        """Default: the family's first language and English."""
        from ..model import Plan
        plan = self.plan_getter() or Plan()
        first, *second = plan.print_languages(languages(), LANG.code)
        self._select(self.lang1, first)
        self._select(self.lang2, second[0] if second else None)

    def chosen_languages(self) -> list[str]:
        langs = [self.lang1.currentData(), self.lang2.currentData()]
        out = []
        for code in langs:
            if code and code not in out:
                out.append(code)
        return out

    def show_number_choice(self) -> None:
        """The full-number choice is offered only when the notes hold such a number."""
        from ..model.numbers import account_numbers, free_texts
        plan = self.plan_getter()
        found = plan is not None and any(account_numbers(text.value) for text in free_texts(plan))
        self.full_numbers.setVisible(found)
        self.full_numbers_hint.setVisible(found)
        if not found:
            self.full_numbers.setChecked(False)

    def chosen_outputs(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # -- actions --------------------------------------------------------------
    def render_output(self, name: str) -> bytes:
        from ..outputs import render
        return render(name, self.plan_getter(), self.chosen_languages(),
                      show_full_numbers=self.full_numbers.isChecked())

    def _check_any(self) -> bool:
        if not self.chosen_outputs():
            self.set_status("⚠ " + _("Choose at least one printout."))
            return False
        return True

    def _start(self, status: str = "") -> None:
        """Busy, and whatever an earlier action said is gone."""
        self._busy(True)
        self.set_status(status)

    def _choices(self) -> tuple:
        """What the click asked for, fixed now: a copy of the plan (the family
        may go on typing), the printouts, the languages, the full numbers."""
        return (copy.deepcopy(self.plan_getter()), self.chosen_outputs(), self.chosen_languages(),
                self.full_numbers.isChecked())

    def _let_go(self) -> bool:
        """The plan was locked or closed while the work ran (the panel goes soon)."""
        return self.session is not None and self.session.plan is None

    def preview(self) -> None:
        """Pages are drawn off the window's thread, from a copy of the plan
        taken now: the family may go on typing meanwhile."""
        if not self._check_any():
            return
        self._start(_("Preparing the preview…"))
        plan, names, langs, full = self._choices()
        background.run(self, lambda: preview_pages(plan, names, langs, full), self._show_preview)

    def _busy(self, busy: bool) -> None:
        # the cursor is the panel's own, not the application's: if the panel
        # goes (the plan is locked meanwhile) no busy cursor is left behind
        self.busy = busy
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()
        for b in (self.preview_button, self.save_button, self.print_button):
            b.setEnabled(not busy)

    def _show_preview(self, pages, error) -> None:
        self._busy(False)
        if error is not None:
            caught(LOG, "preview failed", error)
            self.set_status("⚠ " + _("The preview cannot be shown on this laptop. Save the PDFs and "
                                     "open them, or print them directly."))
            return
        self.set_status("")
        self.preview_dialog = PreviewDialog([(_(OUTPUT_NAMES[n][0]), images) for n, images in pages], self.window())
        self.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog.open()

    def save(self) -> None:
        """The PDFs are rendered and written off the window's thread, from a
        copy of the plan taken now (:meth:`save_to` does it at once)."""
        if not self._check_any():
            return
        self.set_status("")
        start = self.session.stick_folder() if self.session is not None else None
        folder = self.dialogs.choose_folder(self.window(), _("Choose a folder for the PDFs"),
                                       str(start) if start else "")
        if not folder:
            return
        self._start(_("Saving the PDFs…"))
        plan, names, langs, full = self._choices()
        saved = _Saved(Path(folder), private=self.session is not None)
        background.run(self, lambda: saved.run(plan, names, langs, full), self._saved)

    def _saved(self, saved: _Saved | None, error: BaseException | None) -> None:
        self._busy(False)
        assert saved is not None and error is None      # _Saved.run keeps its error
        if self._let_go():       # nobody could delete them later: the session's list is gone
            saved.close()
            return
        if self.session is not None:
            self.session.written.extend(saved.written)
        if isinstance(saved.error, OSError):
            self._save_failed(saved.error)
        elif saved.error is not None:
            raise saved.error
        else:
            self._say_saved(saved.paths, saved.folder)

    def save_to(self, folder: Path) -> list[Path]:
        """Render and write the chosen PDFs into *folder* now, on this thread."""
        from ..outputs import render_all
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            paths = render_all(self.plan_getter(), self.chosen_languages(), folder, only=self.chosen_outputs(),
                               written=self.session.written if self.session is not None else None,
                               show_full_numbers=self.full_numbers.isChecked())
        except OSError as err:
            self._save_failed(err)
            return []
        finally:
            QApplication.restoreOverrideCursor()
        self._say_saved(paths, folder)
        return paths

    def _save_failed(self, err: OSError) -> None:
        caught(LOG, "saving PDFs failed", err)
        self.set_status("⚠ " + _("The PDFs could not be saved in that folder. Choose another folder."))

    def _say_saved(self, paths: list[Path], folder: Path) -> None:
        self.set_status("✓ " + LANG.ngettext("Saved {n} PDF in {folder}", "Saved {n} PDFs in {folder}",
                                             len(paths)).format(n=len(paths), folder=isolated(folder)))

    def print_dialog(self) -> None:
        """The PDFs are rendered off the window's thread first (the print
        dialog opens on their paper size), then painted on the printer off it."""
        if not self._check_any():
            return
        if not has_printer():
            self.set_status("⚠ " + _(NO_PRINTER))
            return
        self._start()
        plan, names, langs, full = self._choices()
        background.run(self, lambda: render_pdfs(plan, names, langs, full), self._choose_printer)

    def _choose_printer(self, pdfs: list[bytes] | None, error: BaseException | None) -> None:
        self._busy(False)
        if error is not None:
            raise error
        assert pdfs is not None
        if self._let_go():
            return
        printer = choose_printer(self.window(), pdfs[0])
        if printer is None or self._let_go():      # cancelled, or locked while the dialog was up
            return
        self._note_print_file(printer)
        self._start(_("Sending the pages to the printer…"))
        background.run(self, lambda: print_pdfs(printer, pdfs), self._printed)

    def _note_print_file(self, printer) -> None:
        if printer.outputFileName() and self.session is not None:    # known before it exists, like render_all
            self.session.written.append(Path(printer.outputFileName()))

    def _printed(self, printed: bool | None, error: BaseException | None) -> None:
        self._busy(False)
        if error is not None:
            raise error
        self._say_printed(bool(printed))

    def print_to(self, printer, pdfs: Iterable[bytes] | None = None) -> bool:
        """Paint every chosen printout (or *pdfs*) on *printer* (a real printer
        or a PDF file) now, on this thread."""
        if pdfs is None:
            pdfs = (self.render_output(name) for name in self.chosen_outputs())
        self._note_print_file(printer)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdfs(printer, pdfs)
        finally:
            QApplication.restoreOverrideCursor()
        return self._say_printed(printed)

    def _say_printed(self, printed: bool) -> bool:
        if not printed:
            self.set_status("⚠ " + _("The printer did not accept the pages. Check it and try again."))
            return False
        self.set_status("✓ " + _("Sent to the printer."))
        return True


def render_pdfs(plan, names: list[str], languages: list[str], show_full_numbers: bool = False) -> list[bytes]:
    """The chosen printouts as PDF bytes; runs off the window's thread."""
    from ..outputs import render
    return [render(name, plan, languages, show_full_numbers=show_full_numbers) for name in names]


class _Saved:
    """A save run off the window's thread: every path it may have written
    (named before its file is written, as :func:`render_all` does), handed to
    the session when it ends.  If the plan was locked or closed meanwhile,
    :meth:`close` deletes them: the session that would list them at Finish is
    gone, and a plaintext PDF must not stay behind unknown."""

    def __init__(self, folder: Path, private: bool):
        self.folder = folder
        self.private = private          # a plan's data; blank forms are not
        self.written: list[Path] = []
        self.paths: list[Path] = []
        self.error: Exception | None = None

    def run(self, plan, names: list[str], languages: list[str], show_full_numbers: bool) -> _Saved:
        from ..outputs import render_all
        try:
            self.paths = render_all(plan, languages, self.folder, only=names, written=self.written,
                                    show_full_numbers=show_full_numbers)
        except Exception as err:          # any failure: the files written so far are still known
            self.error = err
        return self

    def close(self) -> None:
        """Called if the panel is gone when the save ends (background.Job)."""
        if not self.private:
            return
        for path in self.written:
            if path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()
