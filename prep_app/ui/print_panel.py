"""Print: choose two languages and which printouts, preview the pages inside
the app, save the PDFs to a folder the user picks, or print through the
system print dialog.  Also used from the start screen for blank forms.

Preview and direct printing rasterize the PDFs with poppler's ``pdftoppm``
(PySide6-Essentials has no QtPdf); PDF bytes go through pipes, never to a
temp file.  Without pdftoppm the preview shows a note and the user can still
save the PDFs and print them from a PDF viewer.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..log import caught
from . import widgets
from .lang import LANG, N_, _, bind, languages, on_change
from .widgets import MIN_HEIGHT, button, label

OUTPUT_NAMES = {
    "plan": (N_("Family plan"), N_("Everything, for your binder at home.")),
    "guardian": (N_("Guardian packet"), N_("For the guardian: the legal form and first steps.")),
    "school": (N_("School pages"), N_("One page per child: who may pick them up. Nothing about immigration.")),
    "wallet": (N_("Wallet cards"), N_("Cut out: whom to call, lawyer, your rights.")),
    "checklist": (N_("Document checklist"), N_("Which papers you have and where they are.")),
}

LOG = logging.getLogger(__name__)


def pdftoppm_path() -> str | None:
    return shutil.which("pdftoppm")


def page_count(pdf: bytes) -> int:
    return max(1, len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)))


def rasterize(pdf: bytes, dpi: int = 60, first: int = 1, last: int | None = None) -> list[QImage]:
    """PDF pages as images, through pdftoppm on pipes (nothing written to disk)."""
    return list(iter_pages(pdf, dpi, first, last))


def iter_pages(pdf: bytes, dpi: int = 60, first: int = 1, last: int | None = None):
    """One page image at a time, so printing never holds a whole document in memory."""
    exe = pdftoppm_path()
    if not exe:
        return
    last = last or page_count(pdf)
    for n in range(first, last + 1):
        done = subprocess.run([exe, "-png", "-r", str(dpi), "-f", str(n), "-l", str(n), "-singlefile", "-"],
                              input=pdf, capture_output=True, timeout=60)
        if done.returncode != 0 or not done.stdout:
            break
        image = QImage.fromData(done.stdout, "PNG")
        if image.isNull():
            break
        yield image


def choose_printer(parent):
    """A printer from the system print dialog, set to a real printer; None if
    cancelled or if the laptop has no printer (Qt would then offer only
    "print to file": a plaintext PDF in a folder nobody chose)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
    printers = QPrinterInfo.availablePrinters()
    if not printers:
        return None
    default = QPrinterInfo.defaultPrinter()
    printer = QPrinter(default if not default.isNull() else printers[0], QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setOutputFileName("")
    dialog = QPrintDialog(printer, parent)
    try:
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def has_printer() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo
    return bool(QPrinterInfo.availablePrinters())


NO_PRINTER = N_("No printer is set up on this laptop. Save the PDFs on the family's USB stick "
                "and print them elsewhere, or ask a volunteer to add a printer.")


def print_pdfs(printer, pdfs) -> bool:
    """Paint each PDF (bytes) on *printer*, page after page; False if the
    printer would not start or pages cannot be drawn on this laptop.  A file
    printed to (the user chose "print to file") is made owner-only."""
    if not pdftoppm_path():
        return False
    painter = QPainter()
    started = False
    for pdf in pdfs:
        for image in iter_pages(pdf, dpi=150):
            if not started:
                if not painter.begin(printer):
                    return False
                started = True
            else:
                printer.newPage()
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
    if started:
        painter.end()
    if printer.outputFileName():
        with contextlib.suppress(OSError):
            os.chmod(printer.outputFileName(), 0o600)
    return started


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
            if not images:
                col.addWidget(label(N_("The preview cannot be shown on this laptop. Save the PDFs and "
                                       "open them, or print them directly."), kind="hint"))
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

    def __init__(self, plan_getter, parent=None, session=None):
        super().__init__(parent)
        self.plan_getter = plan_getter
        self.session = session
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
        for name, (title_t, hint) in OUTPUT_NAMES.items():
            box = QCheckBox()
            box.setChecked(True)
            box.setMinimumHeight(32)
            bind(box, "setText", title_t)
            bind(box, "setAccessibleName", title_t)
            bind(box, "setAccessibleDescription", hint)
            self.checks[name] = box
            col.addWidget(box)
            explain = label(hint, kind="hint")
            explain.setIndent(box.iconSize().width() + 12)
            col.addWidget(explain)
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
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_dialog)
        self._fill_languages()
        on_change(self, lambda _c: self._fill_languages())
        self.reset_languages()
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

    def chosen_outputs(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # -- actions --------------------------------------------------------------
    def render_output(self, name: str) -> bytes:
        from ..outputs import render
        return render(name, self.plan_getter(), self.chosen_languages())

    def _check_any(self) -> bool:
        if not self.chosen_outputs():
            self.set_status("⚠ " + _("Choose at least one printout."))
            return False
        return True

    def preview(self) -> None:
        if not self._check_any():
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = [(_(OUTPUT_NAMES[n][0]), rasterize(self.render_output(n))) for n in self.chosen_outputs()]
        finally:
            QApplication.restoreOverrideCursor()
        self.preview_dialog = PreviewDialog(pages, self.window())
        self.preview_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview_dialog.open()

    def save(self) -> list[Path]:
        if not self._check_any():
            return []
        start = self.session.stick_folder() if self.session is not None else None
        folder = widgets.choose_folder(self.window(), _("Choose a folder for the PDFs"),
                                       str(start) if start else "")
        if not folder:
            return []
        return self.save_to(Path(folder))

    def save_to(self, folder: Path) -> list[Path]:
        from ..outputs import render_all
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            paths = render_all(self.plan_getter(), self.chosen_languages(), folder, only=self.chosen_outputs(),
                               written=self.session.written if self.session is not None else None)
        except OSError as err:
            caught(LOG, "saving PDFs failed", err)
            self.set_status("⚠ " + _("The PDFs could not be saved in that folder. Choose another folder."))
            return []
        finally:
            QApplication.restoreOverrideCursor()
        self.set_status("✓ " + LANG.ngettext("Saved {n} PDF in {folder}", "Saved {n} PDFs in {folder}",
                                             len(paths)).format(n=len(paths), folder=folder))
        return paths

    def print_dialog(self) -> None:
        if not self._check_any():
            return
        if not has_printer():
            self.set_status("⚠ " + _(NO_PRINTER))
            return
        printer = choose_printer(self.window())
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer) -> bool:
        """Paint every chosen printout on *printer* (a real printer or a PDF file)."""
        if not pdftoppm_path():
            self.set_status("⚠ " + _("Direct printing is not available on this laptop. "
                                     "Save the PDFs and print them from a PDF viewer."))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdfs(printer, (self.render_output(name) for name in self.chosen_outputs()))
        finally:
            QApplication.restoreOverrideCursor()
        if printer.outputFileName() and self.session is not None:
            self.session.written.append(Path(printer.outputFileName()))
        if not printed:
            self.set_status("⚠ " + _("The printer did not accept the pages. Check it and try again."))
            return False
        self.set_status("✓ " + _("Sent to the printer."))
        return True
