"""The recovery code typed as on its paper: eight boxes of four digits.
Typing moves on by itself, a pasted code fills every box, and after a typo
only the group with the mistake is selected, so fixing it is four digits,
not thirty-two."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from ..vault.recovery import GROUP_SIZE, GROUPS
from .lang import N_, _, on_change
from .widgets import MIN_HEIGHT


def _digits(text: str) -> str:
    """The digits of *text* (full-width ones too, as the vault accepts them)."""
    return "".join(ch for ch in text if unicodedata.decimal(ch, None) is not None)


class _GroupEdit(QLineEdit):
    back_from_empty = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Backspace and not self.text():
            self.back_from_empty.emit()
            return
        super().keyPressEvent(event)


class CodeEntry(QWidget):
    returnPressed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        font = QFont(self.font())
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        self.fields: list[_GroupEdit] = []
        for n in range(GROUPS):
            if n:
                row.addWidget(QLabel("-"))
            edit = _GroupEdit()
            edit.setFont(font)
            edit.setMinimumHeight(MIN_HEIGHT)
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0000") + 18)
            edit.textEdited.connect(lambda _t, n=n: self._edited(n))
            edit.back_from_empty.connect(lambda n=n: self._back(n))
            edit.returnPressed.connect(self.returnPressed.emit)
            self.fields.append(edit)
            row.addWidget(edit, 1)
        self._name_fields()
        on_change(self, lambda _c: self._name_fields())
        self.setFocusProxy(self.fields[0])

    def _name_fields(self) -> None:
        for n, edit in enumerate(self.fields):
            edit.setAccessibleName(_(N_("Recovery code, group {n} of {total}")).format(n=n + 1, total=GROUPS))

    def _edited(self, n: int) -> None:
        """Keep four digits in box *n*.  A paste beyond them fills the next
        boxes; a key pressed in a full box is dropped (it must not wipe the
        next group)."""
        digits = _digits(self.fields[n].text())
        self.fields[n].setText(digits[:GROUP_SIZE])
        rest, last = digits[GROUP_SIZE:], n
        if len(rest) < GROUP_SIZE:
            rest = ""
        while rest and last + 1 < GROUPS:
            last += 1
            self.fields[last].setText(rest[:GROUP_SIZE])
            rest = rest[GROUP_SIZE:]
        if len(self.fields[last].text()) == GROUP_SIZE and last + 1 < GROUPS:
            last += 1
            self.fields[last].selectAll()
        self.fields[last].setFocus()

    def _back(self, n: int) -> None:
        if n:
            self.fields[n - 1].setFocus()
            self.fields[n - 1].end(False)

    def text(self) -> str:
        return "-".join(edit.text() for edit in self.fields)

    def clear(self) -> None:
        for edit in self.fields:
            edit.clear()

    def select_group(self, number: int) -> None:
        """Focus group *number* (1-based) with its digits selected."""
        edit = self.fields[number - 1]
        edit.setFocus()
        edit.selectAll()
