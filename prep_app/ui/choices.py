"""Choices in a step's form: Yes / No / Don't know as radio buttons, and
lists of check boxes whose text wraps beside them."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .lang import N_, bind
from .widgets import align_to_reading_side, label, plain_text

RING_ON_ROW = "prep_ring_on_row"     # a Qt property: the box's row draws its focus ring (ui/style.py)

_CODE = {True: 1, False: 0, None: -1}
_VALUE = {1: True, 0: False, -1: None}


class TriState(QWidget):
    """Yes / No / Don't know as three labelled radio buttons (None = don't know).
    With ``unknown=False`` only Yes and No are offered, for a choice the family
    makes rather than a fact they may not know; None then shows neither chosen.

    ``changed`` carries 1 / 0 / -1: PySide6 6.12 loses a reference to True or
    False passed through a Signal(object) (the interpreter then aborts at exit)."""
    changed = Signal(int)

    def __init__(self, accessible: str = "", parent=None, *, unknown: bool = True):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[bool | None, QRadioButton] = {}
        answers: list[tuple[bool | None, str]] = [(True, N_("Yes")), (False, N_("No"))]
        if unknown:
            answers.append((None, N_("Don't know")))
        for value, template in answers:
            r = QRadioButton()
            r.setMinimumHeight(32)
            bind(r, "setText", template)
            self.group.addButton(r)
            self.buttons[value] = r
            row.addWidget(r)
        row.addStretch(1)
        if unknown:
            self.buttons[None].setChecked(True)
        for value, r in self.buttons.items():
            r.toggled.connect(lambda on, v=value: self._toggled(on, v))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _toggled(self, on: bool, value) -> None:
        if on:
            self.changed.emit(_CODE[value])

    def value(self):
        for value, r in self.buttons.items():
            if r.isChecked():
                return value
        return None

    def set_value(self, value) -> None:
        key = value if value in (True, False) else None
        if key in self.buttons:
            self.buttons[key].setChecked(True)
            return
        self.group.setExclusive(False)          # none chosen (Yes / No only)
        for r in self.buttons.values():
            r.setChecked(False)
        self.group.setExclusive(True)

    def set_accessible(self, name: str) -> None:
        self.setAccessibleName(name)
        for r in self.buttons.values():
            r.setAccessibleDescription(name)

    def setFocus(self, *args):  # focusing the field focuses the checked choice
        checked = [r for r in self.buttons.values() if r.isChecked()]
        (checked or list(self.buttons.values()))[0].setFocus(*args)


class _WrapLabel(QLabel):
    """The text of a check box that wraps; a click on it toggles the box."""

    def __init__(self, box: QCheckBox):
        super().__init__()
        self.box = box
        self.setWordWrap(True)
        plain_text(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        align_to_reading_side(self)      # a Latin name in Arabic: beside its box, not 700 px away

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            align_to_reading_side(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == QtCore.Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.click()
            self.box.setFocus(QtCore.Qt.FocusReason.MouseFocusReason)
        else:
            super().mousePressEvent(event)


class _CheckRow(QWidget):
    """A check box and its wrapping text: with the keyboard on the box, the
    focus ring goes round both, as on a plain check box (ui/style.py would
    ring the box alone: its text is another widget)."""
    ROOM = 6        # beyond the text's end, for the ring

    def __init__(self, box: QCheckBox):
        super().__init__()
        self.box = box
        box.setProperty(RING_ON_ROW, True)
        box.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()
        return False

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.box.hasFocus():
            from .style import draw_ring  # the style loads after the first window (ui/app.py)
            painter = QPainter(self)
            draw_ring(painter, self.rect())
            painter.end()


class Checks(QWidget):
    """Several check boxes that together make a list of values (the parents of
    a child, the events a designation names).  Options are ``(value, text)``
    with the text already translated; ``set_options`` may be called again when
    the language or the plan changes, and keeps what is ticked.  Values in the
    list that are not among the options are kept, so editing loses nothing."""
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.col = QVBoxLayout(self)
        self.col.setContentsMargins(0, 0, 0, 0)
        self.col.setSpacing(2)
        self.empty = label(kind="hint")
        self.empty.hide()
        self.col.addWidget(self.empty)
        self.boxes: dict[object, QCheckBox] = {}
        self.texts: dict[object, QLabel] = {}
        self._rows: list[QWidget] = []
        self._extra: list = []
        self._accessible = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_empty_text(self, template: str) -> None:
        bind(self.empty, "setText", template)

    def set_options(self, options) -> None:
        options = list(options)
        self.empty.setVisible(not options and bool(self.empty.text()))
        if [v for v, _t in options] == list(self.boxes):
            for value, text in options:            # same options: new texts only
                self.texts[value].setText(text)
                self.boxes[value].setAccessibleName(text)
            return
        ticked = self.values()
        had_focus = any(b.hasFocus() for b in self.boxes.values())
        for w in self._rows:
            w.hide()
            w.deleteLater()
        self._rows, self.boxes, self.texts = [], {}, {}
        for value, text in options:
            box = QCheckBox()
            row = _CheckRow(box)
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, _CheckRow.ROOM, 0)
            lay.setSpacing(6)
            box.setMinimumHeight(32)
            box.setAccessibleName(text)
            if self._accessible:
                box.setAccessibleDescription(self._accessible)
            box.setChecked(value in ticked)
            box.toggled.connect(lambda _on: self.changed.emit())
            lab = _WrapLabel(box)
            lab.setText(text)
            lay.addWidget(box, 0, QtCore.Qt.AlignmentFlag.AlignTop)
            lay.addWidget(lab, 1)
            self.col.addWidget(row)
            self._rows.append(row)
            self.boxes[value] = box
            self.texts[value] = lab
        self._extra = [v for v in ticked if v not in self.boxes]
        if had_focus:
            self.setFocus()

    def values(self) -> list:
        """The ticked values in the options' order, then the kept unknown ones."""
        return [v for v, b in self.boxes.items() if b.isChecked()] + list(self._extra)

    def set_values(self, values) -> None:
        values = list(values or [])
        for value, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(value in values)
            box.blockSignals(False)
        self._extra = [v for v in values if v not in self.boxes]

    def set_accessible(self, name: str) -> None:
        self._accessible = name
        self.setAccessibleName(name)
        for box in self.boxes.values():
            box.setAccessibleDescription(name)

    def setFocus(self, *args):  # focusing the field focuses its first box
        if self.boxes:
            next(iter(self.boxes.values())).setFocus(*args)
        else:
            super().setFocus(*args)
