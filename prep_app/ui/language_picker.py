"""A language choice for the screens after the start one (editor, lock):
each language named in itself, so a family that chose the wrong one can
still find its own."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox

from .lang import LANG, N_, bind, languages, on_change
from .widgets import MIN_HEIGHT


class LanguagePicker(QComboBox):
    chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumHeight(MIN_HEIGHT)      # as tall as the buttons beside it
        for code, name in languages().items():
            self.addItem(name, code)
        bind(self, "setAccessibleName", N_("Language"))
        bind(self, "setToolTip", N_("Language"))
        self._show(LANG.code)
        on_change(self, self._show)
        self.activated.connect(lambda index: self.chosen.emit(self.itemData(index)))

    def _show(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
