"""The modal questions: Qt's own file dialog (never the system's, which
keeps the folders it visited) and message boxes, in the window's language."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFileDialog, QMessageBox

from .app import wipe_qt_settings
from .lang import N_, _
from .widgets import plain_text

# Qt's file dialog and message boxes speak our catalog, not Qt's: Qt's own
# misses two labels ("Look in:" in a Spanish dialog) and has no Haitian
# Creole or Vietnamese at all
FILE_DIALOG_LABELS = ((QFileDialog.DialogLabel.LookIn, N_("Look in:")),
                      (QFileDialog.DialogLabel.FileType, N_("Files of type:")),
                      (QFileDialog.DialogLabel.Reject, N_("Cancel")))
BUTTON_TEXTS = {QMessageBox.StandardButton.Ok: N_("OK"), QMessageBox.StandardButton.Yes: N_("Yes"),
                QMessageBox.StandardButton.No: N_("No")}


class _MessageBox(QMessageBox):
    """A message box whose buttons say our catalog's words."""

    def __init__(self, *args):
        super().__init__(*args)
        plain_text(self)
        self.setOption(QMessageBox.Option.DontUseNativeDialog, True)    # before after_first_frame too (ui/app.py)
        self._name_buttons()

    def _name_buttons(self) -> None:
        for which, template in BUTTON_TEXTS.items():
            b = self.button(which)
            if b is not None:
                b.setText(_(template))


def _dialog(parent, title: str, directory: str = "") -> QFileDialog:
    d = QFileDialog(parent, title, directory or os.path.expanduser("~"))
    d.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    d.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    d.setHistory([])
    for which, template in FILE_DIALOG_LABELS:
        d.setLabelText(which, _(template))
    return d


def _answer(d: QFileDialog) -> str | None:
    """The path chosen in *d*, or None; then nothing of the dialog is kept."""
    try:
        return d.selectedFiles()[0] if d.exec() else None
    finally:
        d.deleteLater()
        wipe_qt_settings()


# GUI tests give the window other Dialogs (below) that answer at once;
# tests/gui/test_file_dialogs.py drives the real ones.
def choose_folder(parent, title: str, start: str = "") -> str | None:
    d = _dialog(parent, title, start)
    d.setFileMode(QFileDialog.FileMode.Directory)
    d.setOption(QFileDialog.Option.ShowDirsOnly, True)
    d.setLabelText(QFileDialog.DialogLabel.FileName, _("Folder:"))
    d.setLabelText(QFileDialog.DialogLabel.Accept, _("Choose"))
    return _answer(d)


def choose_open_file(parent, title: str, name_filter: str) -> str | None:
    d = _dialog(parent, title)
    d.setFileMode(QFileDialog.FileMode.ExistingFile)
    d.setNameFilter(name_filter)
    d.setLabelText(QFileDialog.DialogLabel.FileName, _("File name:"))
    d.setLabelText(QFileDialog.DialogLabel.Accept, _("Open"))
    return _answer(d)


def calm_message(parent, title: str, text: str, icon=QMessageBox.Icon.Information) -> None:
    box = _MessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def ask(parent, title: str, text: str) -> bool:
    box = _MessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class Dialogs:
    """The modal questions the window asks, given to it whole, so a test can
    answer them without patching this module."""
    choose_folder: Callable[..., str | None] = choose_folder
    choose_open_file: Callable[..., str | None] = choose_open_file
    calm_message: Callable[..., None] = calm_message
    ask: Callable[..., bool] = ask
