"""A small form-binding helper: each step declares its fields and this maps
line edits, text boxes, choices and yes/no/don't-know radios to dataclass
attributes.  Edits write straight into the plan object and emit ``edited``.

A field is ``F(path, kind, label, hint)`` where ``path`` is a dotted attribute
path on the bound object ("school.phone") and ``kind`` one of
text, long, phone, email, date, address, yesno (Yes / No / Don't know), bool
(Yes / No only), choice (one of ``choices``) and checks (a list of ``choices``, one
check box each).  ``choices`` is a tuple ``((value, N_("label")), ...)`` or a
callable returning ``[(value, translated text), ...]`` for choices that depend
on the plan or the language.  ``when=(path, value)`` shows a field only while
another field has that value; a user edit that hides it also empties it.

Dates show in the order the window's language writes them and are stored as
dates; phones are formatted as the cursor leaves them; an address's ZIP code
is checked.  What a typed value means is decided in :mod:`prep_app.model.typed`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from ..messages import Message
from ..model.phones import format_phone
from ..model.typed import EXAMPLE_DATE, REFUSED_WHEN_WRONG, format_typed_date, parse_typed_date, read_typed
from .choices import Checks, TriState
from .lang import LANG, N_, _, bind, on_change
from .style import RING_WIDTH
from .widgets import label


@dataclass(frozen=True)
class F:
    path: str
    kind: str
    label: str
    hint: str = ""
    # for "choice" and "checks": ((value, N_("label")), ...) or a callable
    choices: tuple | Callable[[], Iterable[tuple[Any, str]]] = ()
    heading: str = ""         # start a new titled group before this field
    when: tuple | None = None  # (path, value): shown only while that field has that value
    empty: str = ""           # for "checks" with callable choices: the text when there are none
    note: Callable[[Any], str | None] | None = None   # (obj) -> translated text or None, shown under the field


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
        self.parts: dict[str, list[QWidget]] = {}     # label, editor, hint of each field
        self.gaps: dict[str, int] = {}                # the spacing row after each field
        self.notes: dict[str, QLabel] = {}            # texts that depend on the values
        grid = self.grid = QGridLayout(self)
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
            group = isinstance(editor, (TriState, Checks))     # several buttons, one name
            lab = label(f.label, kind="field", buddy=None if group else editor)
            bind(editor, "set_accessible" if group else "setAccessibleName", f.label)
            if f.hint and not group:
                bind(editor, "setAccessibleDescription", f.hint)
            grid.addWidget(lab, row, 0, 1, 2)
            row += 1
            grid.addWidget(editor, row, 0, 1, 2)
            row += 1
            self.parts[f.path] = [lab, editor]
            if f.hint:
                hint = label(f.hint, kind="hint")
                grid.addWidget(hint, row, 0, 1, 2)
                self.parts[f.path].append(hint)
                row += 1
            if f.note is not None:
                note = label(kind="hint")
                note.hide()
                grid.addWidget(note, row, 0, 1, 2)
                self.notes[f.path] = note
                row += 1
            err = label(kind="error")
            err.hide()
            grid.addWidget(err, row, 0, 1, 2)
            row += 1
            grid.setRowMinimumHeight(row, 10)
            self.gaps[f.path] = row
            row += 1
            self.editors[f.path] = editor
            self.errors[f.path] = err
        grid.setRowStretch(row, 1)
        self.setEnabled(False)
        self._locale = LANG.code       # the language the dates are shown in
        on_change(self, self._language_changed)

    def _language_changed(self, code: str) -> None:
        for e in self.editors.values():
            if isinstance(e, DateEdit):
                e.relocalize(self._locale, code)
        self._locale = code
        self._revalidate()
        self._refresh_notes()

    # -- building --------------------------------------------------------------
    def _make_editor(self, f: F) -> QWidget:
        e: QWidget
        if f.kind == "long":
            e = self._text_box(f)
        elif f.kind in ("yesno", "bool"):
            e = self._answers(f)
        elif f.kind == "checks":
            e = self._check_boxes(f)
        elif f.kind == "choice":
            e = self._choices(f)
        else:
            e = self._line(f)
        e.setSizePolicy(QSizePolicy.Policy.Expanding, e.sizePolicy().verticalPolicy())
        return e

    def _text_box(self, f: F) -> QPlainTextEdit:
        e = TextBox()
        e.setTabChangesFocus(True)
        e.setMinimumHeight(64)
        e.setMaximumHeight(96)
        e.textChanged.connect(lambda p=f.path, e=e: self._edited(p, e.toPlainText()))
        return e

    def _answers(self, f: F) -> TriState:
        e = TriState(unknown=f.kind == "yesno")
        tab_to_checked(e.group)
        e.changed.connect(lambda code, p=f.path: self._edited(p, {1: True, 0: False}.get(code)))
        return e

    def _check_boxes(self, f: F) -> Checks:
        e = Checks()
        if f.empty:
            e.set_empty_text(f.empty)
        self._label_checks(e, f)
        on_change(self, lambda _c: self._label_checks(e, f))
        e.changed.connect(lambda p=f.path, e=e: self._edited(p, e.values()))
        return e

    def _choices(self, f: F) -> QComboBox:
        e = QComboBox()
        e.setMinimumHeight(36)
        e.setMaxVisibleItems(16)
        e.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        e.setMinimumContentsLength(12)
        e.addItem("", None)
        for value, _template in (() if callable(f.choices) else f.choices):
            e.addItem("", value)
        self._label_choices(e, f)
        on_change(self, lambda _c: self._label_choices(e, f))
        e.currentIndexChanged.connect(lambda _i, p=f.path, e=e: self._edited(p, e.currentData()))
        return e

    def _line(self, f: F) -> QLineEdit:
        e = DateEdit() if f.kind == "date" else QLineEdit()
        e.setMinimumHeight(36)
        e.setClearButtonEnabled(False)
        if isinstance(e, DateEdit):
            e.picked.connect(lambda text, p=f.path: self._edited(p, text))
        elif f.kind == "phone":
            bind(e, "setPlaceholderText", N_("e.g. (203) 555-0142"))
            e.editingFinished.connect(lambda p=f.path, e=e: self._format_phone(p, e))
        e.textEdited.connect(lambda text, p=f.path: self._edited(p, text))
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

    def _label_checks(self, checks: Checks, f: F) -> None:
        if callable(f.choices):
            checks.set_options(f.choices() if self.obj is not None else [])
        else:
            checks.set_options([(value, _(template)) for value, template in f.choices])

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
                elif isinstance(e, Checks):
                    self._label_checks(e, f)
                    e.set_values(value or [])
                elif isinstance(e, QComboBox):
                    if callable(f.choices):
                        self._label_choices(e, f)
                    i = e.findData(value)
                    e.setCurrentIndex(i if i >= 0 else 0)
                else:
                    self._load_value(f, value)
                self._show_error(f, None)
            self._revalidate()
            self._apply_when(clear=False)
            self._refresh_notes()
        finally:
            self._loading = False
        self.setEnabled(obj is not None)

    def _edited(self, path: str, raw) -> None:
        if self._loading or self.obj is None:
            return
        f = next(f for f in self.fields if f.path == path)
        value, problem = self._convert(f, raw)
        self._show_error(f, problem)
        if problem is None or f.kind not in REFUSED_WHEN_WRONG:
            set_path(self.obj, path, value)
        self._apply_when(clear=True)
        self.edited.emit(path)
        self._refresh_notes()

    def _refresh_notes(self) -> None:
        for f in self.fields:
            note = self.notes.get(f.path)
            if note is None:
                continue
            text = f.note(self.obj) if self.obj is not None else None
            note.setText(text or "")
            note.setVisible(bool(text) and self.shown_field(f))

    def shown_field(self, f: F) -> bool:
        if f.when is None:
            return True
        other, value = f.when
        return self.obj is not None and get_path(self.obj, other) == value

    def _apply_when(self, clear: bool) -> None:
        """Show the fields whose condition holds; on a user edit, empty the
        ones it hides (a reason for an answer no longer given)."""
        for f in self.fields:
            if f.when is None:
                continue
            shown = self.shown_field(f)
            if not shown and clear and self.obj is not None and get_path(self.obj, f.path) is not None:
                set_path(self.obj, f.path, None)
                self._loading, was = True, self._loading
                try:
                    self._load_value(f, None)
                finally:
                    self._loading = was
            for w in self.parts[f.path]:
                w.setVisible(shown)
            err = self.errors[f.path]
            err.setVisible(shown and bool(err.property("template")))
            self.grid.setRowMinimumHeight(self.gaps[f.path], 10 if shown else 0)

    def _load_value(self, f: F, value) -> None:
        e = self.editors[f.path]
        if isinstance(e, QComboBox):
            i = e.findData(value)
            e.setCurrentIndex(i if i >= 0 else 0)
        elif isinstance(e, TriState):
            e.set_value(value)
        elif isinstance(e, Checks):
            e.set_values(value or [])
        elif isinstance(e, QPlainTextEdit):
            e.setPlainText(value or "")
        elif isinstance(e, DateEdit):
            e.set_date(value if isinstance(value, date) else None)
        elif isinstance(e, QLineEdit):
            e.setText(value or "")

    def _format_phone(self, path: str, e: QLineEdit) -> None:
        """The number as it is usually written, once the cursor leaves it
        ("2035551234" becomes "(203) 555-1234"); a number that is not valid
        stays as typed, with its hint."""
        pretty = format_phone(e.text().strip())
        if pretty and pretty != e.text():
            e.setText(pretty)
            self._edited(path, pretty)

    def _convert(self, f: F, raw):
        if isinstance(raw, str):
            return read_typed(f.kind, raw, locale=LANG.code)
        return raw, None

    def _show_error(self, f: F, problem: str | Message | None) -> None:
        err = self.errors[f.path]
        template = problem.template if isinstance(problem, Message) else problem
        err.setProperty("template", template or "")
        if problem:
            err.setText("⚠ " + (problem.text(_) if isinstance(problem, Message) else _(problem)))
            err.show()
        else:
            err.hide()

    def _revalidate(self) -> None:
        """Re-show (in the current language) the problems of the loaded values."""
        if self.obj is None:
            return
        for f in self.fields:
            e = self.editors[f.path]
            if f.kind in ("phone", "email", "date", "address") and isinstance(e, QLineEdit):
                _v, problem = self._convert(f, e.text())
                self._show_error(f, problem)

    def focus_field(self, path: str) -> bool:
        e = self.editors.get(path)
        if e is None:
            return False
        f = next(f for f in self.fields if f.path == path)
        if not self.shown_field(f):          # hidden: the answer that shows it
            assert f.when is not None         # only a field with a condition hides
            return self.focus_field(f.when[0])
        e.setFocus(Qt.FocusReason.OtherFocusReason)
        w = self.parentWidget()
        while w is not None and not isinstance(w, QScrollArea):
            w = w.parentWidget()
        if isinstance(w, FitScrollArea):
            w.settle()      # a field shown a moment ago has no place in the layout yet
        if isinstance(w, QScrollArea):
            w.ensureWidgetVisible(e, 50, 80)
        return True


def tab_to_checked(group: QButtonGroup) -> None:
    """Tab into a group of radio buttons lands on the chosen answer (the first
    when none is).  Qt moves the group's one Tab stop only when a button gets
    focus, so it stayed on "Yes" for an answer loaded from the plan."""
    def follow(*_toggled) -> None:
        stop: QAbstractButton | None = group.checkedButton() or next(iter(group.buttons()), None)
        for b in group.buttons():
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus if b is stop else Qt.FocusPolicy.ClickFocus)
    group.buttonToggled.connect(follow)
    follow()


def _calendar_icon(colour) -> QIcon:
    """A small calendar page: a frame, its top band and rows of days."""
    pix = QPixmap(20, 20)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(colour)
    p.drawRoundedRect(QRectF(2.5, 3.5, 15, 14), 2, 2)
    p.fillRect(QRectF(3, 4, 14, 4), colour)
    for row in (10, 13):
        for col in (5, 9, 13):
            p.fillRect(QRectF(col, row, 2, 2), colour)
    p.end()
    return QIcon(pix)


class _CalendarPopup(QCalendarWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:    # closes without choosing: an empty date stays empty
            self.close()
            return
        super().keyPressEvent(event)


class TextBox(QPlainTextEdit):
    """A text box with room between its frame and its text for the focus
    ring (ui/style.py), which the text would otherwise paint over."""

    def __init__(self):
        super().__init__()
        self.setViewportMargins(RING_WIDTH, RING_WIDTH, RING_WIDTH, RING_WIDTH)


class DateEdit(QLineEdit):
    """A date typed in the order the window's language writes it, or chosen
    on a calendar (the icon, or Alt+Down as in Qt's own date fields).  Unlike
    QDateEdit it can be empty, and stays so until a date is typed or chosen:
    many dates are unknown.  ``picked`` carries the chosen date as shown."""
    picked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.calendar: _CalendarPopup | None = None
        bind(self, "setPlaceholderText", N_("e.g. {example}"),
             example=lambda: format_typed_date(EXAMPLE_DATE, LANG.code))
        self.calendar_action = self.addAction(_calendar_icon(self.palette().text().color()),
                                              QLineEdit.ActionPosition.TrailingPosition)
        bind(self.calendar_action, "setToolTip", N_("Choose on a calendar (Alt+Down)"))
        bind(self.calendar_action, "setText", N_("Choose on a calendar"))
        self.calendar_action.triggered.connect(self.open_calendar)

    def set_date(self, day: date | None) -> None:
        self.setText(format_typed_date(day, LANG.code) if day else "")

    def shown_date(self, locale: str) -> date | None:
        try:
            return parse_typed_date(self.text(), locale)
        except ValueError:
            return None

    def relocalize(self, old: str, new: str) -> None:
        """Show the date in the new language's order; text that is not a
        date is left for its owner to correct."""
        day = self.shown_date(old)
        if day is not None:
            self.setText(format_typed_date(day, new))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
                or event.key() == Qt.Key.Key_F4):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = _CalendarPopup(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.activated.connect(self._choose)     # Enter, double-click
            self.calendar.clicked.connect(self._choose)
        cal = self.calendar
        locale = QLocale(LANG.code)
        cal.setLocale(locale)
        cal.setFirstDayOfWeek(locale.firstDayOfWeek())
        day = self.shown_date(LANG.code)
        cal.setSelectedDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        cal.adjustSize()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        where.setX(max(screen.left(), min(where.x(), screen.right() - cal.width())))
        if where.y() + cal.height() > screen.bottom():          # no room below: open above
            where.setY(self.mapToGlobal(QPoint(0, 0)).y() - cal.height())
        cal.move(where)
        cal.show()
        cal.setFocus(Qt.FocusReason.PopupFocusReason)

    def _choose(self, chosen: QDate) -> None:
        if self.calendar is not None:
            self.calendar.close()
        text = format_typed_date(date(chosen.year(), chosen.month(), chosen.day()), LANG.code)
        self.setText(text)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.picked.emit(text)


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

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_timer.start()
        return super().eventFilter(obj, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def settle(self) -> None:
        """Lay the content out now rather than on the next event-loop turn, so
        a field shown a moment ago can be scrolled to at once."""
        w = self.widget()
        if w is None or (lay := w.layout()) is None:
            return
        lay.activate()
        self._fit()
        w.resize(self.viewport().width(), max(self.viewport().height(), w.minimumHeight()))

    def _fit(self) -> None:
        w = self.widget()
        if w is None or (lay := w.layout()) is None:
            return
        width = self.viewport().width()
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
