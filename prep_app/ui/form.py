"""A small form-binding helper: each step declares its fields and this maps
line edits, text boxes, choices and yes/no/don't-know radios to dataclass
attributes.  Edits write straight into the plan object and emit ``edited``.

A field is ``F(path, kind, label, hint)`` where ``path`` is a dotted attribute
path on the bound object ("school.phone") and ``kind`` one of
text, long, phone, email, date, yesno, choice.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from ..model.typed import read_typed
from .lang import N_, _, bind, on_change
from .widgets import TriState, label


@dataclass(frozen=True)
class F:
    path: str
    kind: str
    label: str
    hint: str = ""
    choices: tuple = ()       # for "choice": ((value, N_("label")), ...)
    heading: str = ""         # start a new titled group before this field


def get_path(obj, path: str):
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def set_path(obj, path: str, value) -> None:
    *parents, last = path.split(".")
    for part in parents:
        obj = getattr(obj, part)
    setattr(obj, last, value)


class Form(QWidget):
    """Editors for fields of one object.  ``bind_to(obj)`` switches the object
    (list editors reuse one form for the selected person)."""
    edited = Signal(str)   # the field path

    def __init__(self, fields: list[F], parent=None, columns: int = 1):
        super().__init__(parent)
        self.fields = fields
        self.obj = None
        self._loading = False
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        row = 0
        for f in fields:
            if f.heading:
                h = label(f.heading, kind="heading")
                grid.addWidget(h, row, 0, 1, 2)
                row += 1
            editor = self._make_editor(f)
            lab = label(f.label, kind="field", buddy=editor if not isinstance(editor, TriState) else None)
            bind(editor, "setAccessibleName", f.label) if not isinstance(editor, TriState) else \
                bind(editor, "set_accessible", f.label)
            if f.hint:
                bind(editor, "setAccessibleDescription", f.hint) if not isinstance(editor, TriState) else None
            grid.addWidget(lab, row, 0, 1, 2)
            row += 1
            grid.addWidget(editor, row, 0, 1, 2)
            row += 1
            if f.hint:
                grid.addWidget(label(f.hint, kind="hint"), row, 0, 1, 2)
                row += 1
            err = label(kind="error")
            err.hide()
            grid.addWidget(err, row, 0, 1, 2)
            row += 1
            grid.setRowMinimumHeight(row, 10)
            row += 1
            self.editors[f.path] = editor
            self.errors[f.path] = err
        grid.setRowStretch(row, 1)
        self.setEnabled(False)
        on_change(self, lambda _code: self._revalidate())

    # -- building --------------------------------------------------------------
    def _make_editor(self, f: F) -> QWidget:
        if f.kind == "long":
            e = QPlainTextEdit()
            e.setTabChangesFocus(True)
            e.setMinimumHeight(64)
            e.setMaximumHeight(96)
            e.textChanged.connect(lambda p=f.path, e=e: self._edited(p, e.toPlainText()))
        elif f.kind == "yesno":
            e = TriState()
            e.changed.connect(lambda code, p=f.path: self._edited(p, {1: True, 0: False}.get(code)))
        elif f.kind == "choice":
            e = QComboBox()
            e.setMinimumHeight(36)
            e.addItem("", None)
            for value, _template in (() if callable(f.choices) else f.choices):
                e.addItem("", value)
            self._label_choices(e, f)
            on_change(self, lambda _c, e=e, f=f: self._label_choices(e, f))
            e.currentIndexChanged.connect(lambda _i, p=f.path, e=e: self._edited(p, e.currentData()))
        else:
            e = QLineEdit()
            e.setMinimumHeight(36)
            e.setClearButtonEnabled(False)
            if f.kind == "date":
                bind(e, "setPlaceholderText", N_("year-month-day, e.g. 2014-06-21"))
            elif f.kind == "phone":
                bind(e, "setPlaceholderText", N_("e.g. (203) 555-0142"))
            e.textEdited.connect(lambda text, p=f.path: self._edited(p, text))
        e.setSizePolicy(QSizePolicy.Policy.Expanding, e.sizePolicy().verticalPolicy())
        return e

    def _label_choices(self, combo: QComboBox, f: F) -> None:
        if callable(f.choices):   # choices that depend on the plan (people)
            was = self._loading
            self._loading = True
            current = combo.currentData()
            combo.clear()
            combo.addItem(_("(not chosen)"), None)
            for value, text in f.choices():
                combo.addItem(text, value)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
            self._loading = was
            return
        combo.setItemText(0, _("(not chosen)"))
        for i, (_value, template) in enumerate(f.choices, start=1):
            combo.setItemText(i, _(template))

    # -- binding ---------------------------------------------------------------
    def bind_to(self, obj) -> None:
        self.obj = obj
        self._loading = True
        try:
            for f in self.fields:
                e = self.editors[f.path]
                value = get_path(obj, f.path) if obj is not None else None
                if isinstance(e, QPlainTextEdit):
                    e.setPlainText(value or "")
                elif isinstance(e, TriState):
                    e.set_value(value)
                elif isinstance(e, QComboBox):
                    if callable(f.choices):
                        self._label_choices(e, f)
                    i = e.findData(value)
                    e.setCurrentIndex(i if i >= 0 else 0)
                else:
                    e.setText(value.isoformat() if isinstance(value, date) else (value or ""))
                self._show_error(f, None)
            self._revalidate()
        finally:
            self._loading = False
        self.setEnabled(obj is not None)

    def _edited(self, path: str, raw) -> None:
        if self._loading or self.obj is None:
            return
        f = next(f for f in self.fields if f.path == path)
        value, problem = self._convert(f, raw)
        self._show_error(f, problem)
        if problem is None or f.kind != "date":
            set_path(self.obj, path, value)
        self.edited.emit(path)

    def _convert(self, f: F, raw):
        if isinstance(raw, str):
            return read_typed(f.kind, raw)
        return raw, None

    def _show_error(self, f: F, problem: str | None) -> None:
        err = self.errors[f.path]
        err.setProperty("template", problem or "")
        if problem:
            err.setText("⚠ " + _(problem))
            err.show()
        else:
            err.hide()

    def _revalidate(self) -> None:
        """Re-show (in the current language) the problems of the loaded values."""
        if self.obj is None:
            return
        for f in self.fields:
            e = self.editors[f.path]
            if f.kind in ("phone", "email", "date") and isinstance(e, QLineEdit):
                _v, problem = self._convert(f, e.text())
                self._show_error(f, problem)

    def focus_field(self, path: str) -> bool:
        e = self.editors.get(path)
        if e is None:
            return False
        e.setFocus(Qt.FocusReason.OtherFocusReason)
        w = self.parentWidget()
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        if isinstance(w, QScrollArea):
            w.ensureWidgetVisible(e, 50, 80)
        return True


class FitScrollArea(QScrollArea):
    """A vertical scroll area whose content gets the height its word-wrapped
    labels need at the current width (QScrollArea alone under-counts it, and
    labels end up drawn over each other)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._fit_timer = QTimer(self)       # owned: stops when the area is deleted
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit)

    def setWidget(self, widget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_timer.start()
        return super().eventFilter(obj, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        w = self.widget()
        if w is None or w.layout() is None:
            return
        width = self.viewport().width()
        lay = w.layout()
        need = lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else lay.totalMinimumSize().height()
        if w.minimumHeight() != need:
            w.setMinimumHeight(need)


def scrolled(widget: QWidget, max_width: int = 820) -> QScrollArea:
    """Put a form in a vertical scroll area, centred with a comfortable width."""
    inner = QWidget()
    lay = QHBoxLayout(inner)
    lay.setContentsMargins(8, 8, 16, 8)
    widget.setMaximumWidth(max_width)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    lay.addStretch(0)
    lay.addWidget(widget, 1)
    lay.addStretch(0)
    area = FitScrollArea()
    area.setWidget(inner)
    return area
