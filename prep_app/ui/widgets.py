"""Small building blocks shared by every screen: large buttons, hint labels,
yes/no/don't-know choices, calm messages and privacy-safe file dialogs."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .lang import N_, _, bind

MIN_HEIGHT = 40
RING_ON_ROW = "prep_ring_on_row"     # a Qt property: the box's row draws its focus ring (ui/style.py)


def button(template: str, accessible: str | None = None, *, default: bool = False,
           parent: QWidget | None = None) -> QPushButton:
    """A large push button whose text (and screen-reader name) follows the language."""
    b = QPushButton(parent)
    b.setMinimumHeight(MIN_HEIGHT)
    b.setMinimumWidth(96)
    bind(b, "setText", template)
    bind(b, "setAccessibleName", accessible or template.replace("&", ""))
    if default:
        b.setDefault(True)
        b.setAutoDefault(True)
    return b


# kind -> (bold, size factor, text colour).  Set in code rather than with an
# application style sheet: a style sheet made the first paint ~150 ms slower.
KINDS = {
    "title": (True, 1.45, None), "heading": (True, 1.15, None), "field": (True, 1.0, None),
    "hint": (False, 1.0, "#3d4a57"), "intro": (False, 1.0, "#26323d"),
    "error": (True, 1.0, "#a40000"), "warning": (False, 1.0, "#6b4200"),
    "blocker": (True, 1.0, "#a40000"), "code": (True, 1.6, None), "strength": (False, 1.0, None),
}


class KindLabel(QLabel):
    """A label styled by its kind; sizes follow the application font (150 % text)."""

    def __init__(self, kind: str = ""):
        super().__init__()
        self.kind = kind
        self.restyle()

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.restyle()

    def restyle(self) -> None:
        bold, factor, colour = KINDS.get(self.kind, (False, 1.0, None))
        if self.kind == "code":
            font = QFont("DejaVu Sans Mono")
            font.setStyleHint(QFont.StyleHint.Monospace)
        else:
            font = QFont()
        base = QApplication.font().pointSizeF()
        if factor != 1.0 and base > 0:
            font.setPointSizeF(base * factor)
        if bold:
            font.setBold(True)
        self.setFont(font)
        if colour:
            pal = self.palette()
            pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            self.setPalette(pal)
        self._room_for_rtl()

    def _room_for_rtl(self) -> None:
        # Qt lays out a wrapped right-to-left line with its trailing space at
        # the right, pushing the line a space's width past the left edge, where
        # it is cut: an Arabic hint lost its last word in the new-plan dialog
        room = self.fontMetrics().horizontalAdvance(" ") + 1 if self.isRightToLeft() else 0
        self.setContentsMargins(room, 0, 0, 0)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.restyle()
        elif e.type() == QEvent.Type.LayoutDirectionChange:
            self._room_for_rtl()
        super().changeEvent(e)


def bold(widget: QWidget, factor: float = 1.0) -> None:
    font = QFont()
    font.setBold(True)
    if factor != 1.0:
        font.setPointSizeF(QApplication.font().pointSizeF() * factor)
    widget.setFont(font)


def plain_text(lab: QLabel | QMessageBox) -> None:
    """Show *lab*'s text as typed, never as HTML (a name may hold "<").
    Set by the enum's name: naming ``Qt.TextFormat`` builds PySide's whole
    Qt namespace, which the first window does without (ui/app.py)."""
    lab.setProperty("textFormat", "PlainText")


def label(template: str = "", *, kind: str = "", buddy: QWidget | None = None) -> QLabel:
    lab = KindLabel(kind)
    lab.setWordWrap(True)
    plain_text(lab)
    if template:
        bind(lab, "setText", template)
    if buddy is not None:
        lab.setBuddy(buddy)
    return lab


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
        self._align()

    def _align(self) -> None:
        # a wrapped label lays out a Latin name left to right even in a mirrored
        # (Arabic) window, 700 px away from its box: keep it beside the box
        align = QtCore.Qt.AlignmentFlag
        side = align.AlignRight if self.isRightToLeft() else align.AlignLeft
        self.setAlignment(side | align.AlignAbsolute | align.AlignVCenter)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._align()

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


# -- privacy-safe file dialogs -------------------------------------------------
_qt_settings_dir: str | None = None


def keep_qt_settings_off_disk() -> None:
    """Qt's own QFileDialog remembers the folders it visited in QtProject.conf
    under the user's config folder.  Point Qt's settings somewhere that cannot
    be written (POSIX) or at a private folder we wipe after each dialog."""
    global _qt_settings_dir
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    if os.name == "posix":
        _qt_settings_dir = None
        path = "/dev/null/prep-app-no-settings"
    else:  # pragma: no cover - Windows
        _qt_settings_dir = tempfile.mkdtemp(prefix="prep-app-qt-")
        path = _qt_settings_dir
    # QFileDialog opens QSettings(UserScope, "QtProject") in the *native*
    # format (an INI file on Linux, ~/.config/QtProject.conf): redirect both
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, path)


def _wipe_qt_settings() -> None:
    # where the native format cannot be redirected (the Windows registry,
    # macOS preferences) remove what the dialog wrote there
    QSettings(QSettings.Scope.UserScope, "QtProject").remove("FileDialog")
    if _qt_settings_dir:  # pragma: no cover - Windows
        shutil.rmtree(_qt_settings_dir, ignore_errors=True)
        os.makedirs(_qt_settings_dir, exist_ok=True)


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


# GUI tests give the window other Dialogs (below) that answer at once;
# tests/gui/test_file_dialogs.py drives the real ones.
def choose_folder(parent, title: str, start: str = "") -> str | None:
    d = _dialog(parent, title, start)
    d.setFileMode(QFileDialog.FileMode.Directory)
    d.setOption(QFileDialog.Option.ShowDirsOnly, True)
    d.setLabelText(QFileDialog.DialogLabel.FileName, _("Folder:"))
    d.setLabelText(QFileDialog.DialogLabel.Accept, _("Choose"))
    try:
        return d.selectedFiles()[0] if d.exec() else None
    finally:
        d.deleteLater()
        _wipe_qt_settings()


def choose_open_file(parent, title: str, name_filter: str) -> str | None:
    d = _dialog(parent, title)
    d.setFileMode(QFileDialog.FileMode.ExistingFile)
    d.setNameFilter(name_filter)
    d.setLabelText(QFileDialog.DialogLabel.FileName, _("File name:"))
    d.setLabelText(QFileDialog.DialogLabel.Accept, _("Open"))
    try:
        return d.selectedFiles()[0] if d.exec() else None
    finally:
        d.deleteLater()
        _wipe_qt_settings()


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




class _KeepFitted(QObject):
    """Refits its dialog after every change of its layout (a message shown, a
    list grown) and once it is on screen (a window manager may size it anew),
    once the change has settled."""
    REFIT = (QEvent.Type.LayoutRequest, QEvent.Type.Show)

    def __init__(self, dialog: QWidget):
        super().__init__(dialog)
        self.pending = False        # a refit is queued: one is enough

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in self.REFIT and not self.pending:
            self.pending = True
            QTimer.singleShot(0, self, self._refit)
        return False

    def _refit(self) -> None:
        self.pending = False
        _fit_now(self.parent())


def fit_dialog(dialog) -> None:
    """Give a dialog the height its wrapped texts need at the current width
    (Qt sizes top-level windows before word-wrapped labels know their width),
    now and whenever its contents change, within the screen's free area."""
    if getattr(dialog, "_keep_fitted", None) is None:
        dialog._keep_fitted = _KeepFitted(dialog)
        dialog.installEventFilter(dialog._keep_fitted)
    _fit_now(dialog)


def _fit_now(dialog) -> None:
    lay = dialog.layout()
    if lay is None:
        return
    def needed(width: int) -> int:
        return lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else lay.totalSizeHint().height()

    width = max(dialog.width(), dialog.minimumWidth())
    height = needed(width)
    free = dialog.screen().availableGeometry() if dialog.screen() else None
    if free is not None:
        tallest = free.height() - 40                   # leave room for the title bar
        widest = min(free.width() - 40, max(width, 900))
        while height > tallest and width + 40 <= widest:   # large text: fewer, longer lines
            width += 40
            height = needed(width)
        height = min(height, tallest)
    if height != dialog.height() or width > dialog.width():
        # shrinks too: a dialog first sized for a narrower width (more lines)
        # kept that height once wider, spread out as empty bands (Arabic Finish)
        dialog.resize(width, max(height, dialog.minimumSizeHint().height()))
        if free is not None and dialog.isVisible():    # grown past the screen's bottom: move up
            frame = dialog.frameGeometry()
            if frame.bottom() > free.bottom():
                dialog.move(frame.left(), max(free.top(), free.bottom() - frame.height()))
