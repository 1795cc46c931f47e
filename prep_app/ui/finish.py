"""Finish and erase from this laptop: save an encrypted copy to a folder the
family chooses (their USB stick), print, then erase the plan and its backups."""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout

from ..log import caught
from . import widgets
from .dialogs import Dialogs
from .lang import LANG, N_, _, bind, isolated, on_change
from .widgets import button, label

LOG = logging.getLogger(__name__)


# a step's own number at the start of its translation: "2. ", "2) ", "2．"
_STEP_NUMBER = re.compile(r"^\s*\d+\s*[.)．、]\s*")

COPY_STEP = N_("1. Save an encrypted copy (USB stick)…")
PRINT_STEP = N_("2. Print the papers…")
ERASE_STEP = N_("3. Erase the plan from this laptop")
CLOSE_STEP = N_("Close the plan")


def numbered(template: str, n: int) -> str:
    """The translated step *template* as step *n* of those shown: a plan opened
    from a file has no copy to save, so its printing is step 1, not 2."""
    return f"{n}. {_STEP_NUMBER.sub('', _(template), count=1)}"


def copy_name(plan_label: str) -> str:
    from ..vault import SUFFIX
    stem = re.sub(r"[^\w\- ]+", "", plan_label or "", flags=re.UNICODE).strip().replace(" ", "-")
    return f"prep-plan-{stem or 'copy'}{SUFFIX}"


class FinishDialog(QDialog):
    print_requested = Signal()
    erase_confirmed = Signal()

    def __init__(self, session, parent=None, *, dialogs: Dialogs | None = None):
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs or Dialogs()
        self.copied_to: Path | None = None
        self.in_store = session.in_store()
        bind(self, "setWindowTitle", N_("Finish"))
        self.copy_button = button(COPY_STEP)
        self.print_button = button(PRINT_STEP)
        last_step = ERASE_STEP if self.in_store else CLOSE_STEP
        self.erase_button = button(last_step)
        self.cancel_button = button(N_("Not yet"))
        # the steps offered, numbered 1, 2, 3 as shown
        self.steps = [(self.copy_button, COPY_STEP)] if self.in_store else []
        self.steps += [(self.print_button, PRINT_STEP), (self.erase_button, last_step)]
        self._number_steps()
        on_change(self, lambda _code: self._number_steps())
        self.status = label(kind="hint")
        self.status.hide()            # until there is something to say: empty, it left a gap between the steps
        self.warning = label(kind="error")
        self.warning.hide()
        lay = QVBoxLayout(self)
        if self.in_store:
            lay.addWidget(label(N_("Before you leave: take the plan with you, then erase it so the next "
                                   "family cannot see it. The copy is locked with the same passphrase "
                                   "and recovery code.")))
        else:
            lay.addWidget(label(N_("This plan was opened from a file. Your changes are saved in it. "
                                   "Closing the plan leaves these files where they are:")))
            self.files = label()
            self.files.setText("\n".join(str(p) for p in self._plan_files()))
            self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(self.files)
            lay.addWidget(label(N_("If they are not on the family's USB stick, delete them before "
                                   "the next family uses this laptop."), kind="warning"))
            self.copy_button.hide()
        # PDFs are not locked: the ones saved tonight outside the stick
        self.pdfs_note = label(N_("These PDFs from tonight are still on this laptop, not locked. "
                                  "Anyone using it next can open them:"), kind="error")
        self.pdfs = label()
        self.pdfs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delete_pdfs_button = button(N_("Delete these PDFs from this laptop"))
        for w in (self.copy_button, self.status, self.print_button, self.pdfs_note, self.pdfs,
                  self.delete_pdfs_button, self.warning, self.erase_button, self.cancel_button):
            lay.addWidget(w)
        self._show_pdfs()
        self.delete_pdfs_button.clicked.connect(self.delete_pdfs)
        self.copy_button.clicked.connect(self.save_copy)
        self.print_button.clicked.connect(self._print)
        self.erase_button.clicked.connect(self.erase)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(520)

    def _number_steps(self) -> None:
        for n, (step, template) in enumerate(self.steps, 1):
            step.setText(numbered(template, n))
            step.setAccessibleName(step.text())

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        widgets.fit_dialog(self)

    def _plan_files(self) -> list[Path]:
        from ..vault.atomic import backup_path
        path = self.session.path
        return [p for p in (path, backup_path(path)) if p.exists()]

    def _show_pdfs(self) -> None:
        left = self.session.pdfs_left()
        self.pdfs.setText(files_by_folder(left))
        for w in (self.pdfs_note, self.pdfs, self.delete_pdfs_button):
            w.setVisible(bool(left))

    def delete_pdfs(self) -> None:
        failed = []
        for pdf in self.session.pdfs_left():
            try:
                pdf.unlink()
            except OSError as err:
                caught(LOG, "deleting a PDF failed", err)
                failed.append(pdf)
        self._show_pdfs()
        if failed:
            self._say("⚠ " + _("Some PDFs could not be deleted. Delete them yourself: {files}")
                      .format(files=", ".join(isolated(p) for p in failed)))
        else:
            self._say("✓ " + _("The PDFs were deleted from this laptop."))

    def save_copy(self) -> Path | None:
        folder = self.dialogs.choose_folder(self, _("Choose the USB stick or folder for the copy"),
                                       str(self.session.copy_folder or ""))
        if not folder:
            return None
        return self.copy_to_folder(Path(folder))

    def copy_to_folder(self, folder: Path) -> Path | None:
        from ..vault import VaultError
        self.session.save_now()
        target = folder / copy_name(self.session.label)
        try:
            self.session.vault.copy_to(target)
        except VaultError as err:
            self._say("⚠ " + err.message.text(LANG.gettext))
            return None
        self.copied_to = target
        self.session.copy_folder = folder
        self._show_pdfs()           # PDFs on the stick are where the family wants them
        self.warning.hide()
        self._say("✓ " + _("Saved a locked copy: {path}").format(path=isolated(target)))
        return target

    def _print(self) -> None:
        self.reject()
        self.print_requested.emit()

    def erase(self) -> None:
        """Without a saved copy, erasing is asked again in a separate box whose
        default answer is No: a double-click on the button cannot erase."""
        if self.in_store and self.copied_to is None and not self.dialogs.ask(
                self, _("Erase the plan?"), _("You have not saved a copy. If you erase now, the plan is "
                                              "gone for good. Erase it anyway?")):
            self.warning.setText("⚠ " + _("Not erased. Save a copy on the family's USB stick first."))
            self.warning.show()
            widgets.fit_dialog(self)
            return
        self.accept()
        self.erase_confirmed.emit()


def files_by_folder(paths) -> str:
    """Each folder once, then its files, one a line: five full paths filled
    the dialog, and names in a row broke at their hyphens ("cartoes-" /
    "carteira.pdf"), which a volunteer then looks for in vain."""
    folders: dict[Path, list[str]] = {}
    for path in paths:
        folders.setdefault(path.parent, []).append(path.name)
    return "\n".join(f"{folder}{os.sep}" + "".join(f"\n    {name}" for name in names)
                     for folder, names in folders.items())
