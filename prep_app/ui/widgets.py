"""Small building blocks shared by every screen: large buttons, labels that
follow the language and the text size, and dialogs that fit their text.
Yes / No choices and check lists are in ui/choices.py; file dialogs and
message boxes in ui/dialogs.py, loaded when first used (the start screen
shows neither, and its first frame comes sooner without them)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from .lang import bind

MIN_HEIGHT = 40


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
    """A label styled by its kind; sizes follow the application font (150 % text).
    *reading_side*: kept at the window's reading side whatever its text says
    (align_to_reading_side)."""

    def __init__(self, kind: str = "", *, reading_side: bool = False):
        super().__init__()
        self.kind = kind
        self.reading_side = reading_side
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
        self._follow_direction()

    def _follow_direction(self) -> None:
        # Qt lays out a wrapped right-to-left line with its trailing space at
        # the right, pushing the line a space's width past the left edge, where
        # it is cut: an Arabic hint lost its last word in the new-plan dialog
        room = self.fontMetrics().horizontalAdvance(" ") + 1 if self.isRightToLeft() else 0
        self.setContentsMargins(room, 0, 0, 0)
        if self.reading_side:
            align_to_reading_side(self)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.ApplicationFontChange:
            self.restyle()
        elif e.type() == QEvent.Type.LayoutDirectionChange:
            self._follow_direction()
        super().changeEvent(e)


def bold(widget: QWidget, factor: float = 1.0) -> None:
    font = QFont()
    font.setBold(True)
    if factor != 1.0:
        font.setPointSizeF(QApplication.font().pointSizeF() * factor)
    widget.setFont(font)


def plain_text(lab: QWidget) -> None:
    """Show *lab*'s text as typed, never as HTML (a name may hold "<").
    Set by the enum's name: naming ``Qt.TextFormat`` builds PySide's whole
    Qt namespace, which the first window does without (ui/app.py)."""
    lab.setProperty("textFormat", "PlainText")


def align_to_reading_side(lab: QLabel) -> None:
    """Set *lab*'s text at the window's reading side.  Qt aligns a label by
    its text's own direction, so Latin text (a typed name, "Language ·
    Idioma") sat at the left of a mirrored Arabic window, away from what it
    names.  Call again when the direction changes.  By the flags' names, as
    plain_text."""
    side = "AlignRight" if lab.isRightToLeft() else "AlignLeft"
    lab.setProperty("alignment", f"{side}|AlignAbsolute|AlignVCenter")


def label(template: str = "", *, kind: str = "", buddy: QWidget | None = None,
          reading_side: bool = False) -> QLabel:
    lab = KindLabel(kind, reading_side=reading_side)
    lab.setWordWrap(True)
    plain_text(lab)
    if template:
        bind(lab, "setText", template)
    if buddy is not None:
        lab.setBuddy(buddy)
    return lab


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
