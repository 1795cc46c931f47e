"""Finish and erase from this laptop: save an encrypted copy to a folder the
family chooses (their USB stick), print, then erase the plan and its backups."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout

from . import widgets
from .lang import LANG, N_, _, bind
from .widgets import button, label

SUFFIX = ".prepvault"


def copy_name(plan_label: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", plan_label or "", flags=re.UNICODE).strip().replace(" ", "-")
    return f"prep-plan-{stem or 'copy'}{SUFFIX}"


class FinishDialog(QDialog):
    print_requested = Signal()
    erase_confirmed = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.copied_to: Path | None = None
        self.in_store = session.in_store()
        bind(self, "setWindowTitle", N_("Finish"))
        self.copy_button = button(N_("1. Save an encrypted copy (USB stick)…"))
        self.print_button = button(N_("2. Print the papers…"))
        if self.in_store:
            self.erase_button = button(N_("3. Erase the plan from this laptop"))
        else:
            self.erase_button = button(N_("Close the plan"))
        self.cancel_button = button(N_("Not yet"))
        self.status = label(kind="hint")
        self.warning = label(kind="error")
        self.warning.hide()
        lay = QVBoxLayout(self)
        if self.in_store:
            lay.addWidget(label(N_("Before you leave: take the plan with you, then erase it so the next "
                                   "family cannot see it. The copy is locked with the same passphrase "
                                   "and recovery code.")))
        else:
            lay.addWidget(label(N_("This plan was opened from a file (for example a USB stick). Your "
                                   "changes are saved in that file. Closing it leaves nothing on this laptop.")))
            self.copy_button.hide()
        for w in (self.copy_button, self.status, self.print_button, self.warning, self.erase_button,
                  self.cancel_button):
            lay.addWidget(w)
        self.copy_button.clicked.connect(self.save_copy)
        self.print_button.clicked.connect(self._print)
        self.erase_button.clicked.connect(self.erase)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(520)

    def save_copy(self) -> Path | None:
        folder = widgets.choose_folder(self, _("Choose the USB stick or folder for the copy"))
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
            self.status.setText("⚠ " + err.message.text(LANG.gettext))
            return None
        self.copied_to = target
        self.status.setText("✓ " + _("Saved a locked copy: {path}").format(path=target))
        self.warning.hide()
        return target

    def _print(self) -> None:
        self.reject()
        self.print_requested.emit()

    def erase(self) -> None:
        if self.in_store and self.copied_to is None and not self.warning.isVisible():
            self.warning.setText("⚠ " + _("You have not saved a copy. If you erase now, the plan is gone "
                                         "for good. Press the erase button again to erase anyway."))
            self.warning.show()
            return
        self.accept()
        self.erase_confirmed.emit()
