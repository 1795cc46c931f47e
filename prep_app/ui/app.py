"""QApplication set-up: privacy switches first, then language, style, window."""
from __future__ import annotations

import locale
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from .lang import LANG, languages
from .settings import Settings
from .widgets import keep_qt_settings_off_disk

def set_text_scale(app, scale: float, base_pt: float | None = None) -> None:
    """Make all text larger or smaller (1.5 = 150 %) without a restart."""
    base = base_pt or getattr(app, "_prep_base_pt", None) or app.font().pointSizeF()
    app._prep_base_pt = base
    font = app.font()
    font.setPointSizeF(base * scale)
    app.setFont(font)      # labels restyle themselves on ApplicationFontChange



def guess_language() -> str:
    try:
        loc = (locale.getlocale()[0] or "")
    except ValueError:
        loc = ""
    known = languages()
    if loc in known:
        return loc
    base = loc.split("_")[0]
    if base == "pt" and "pt_BR" in known:
        return "pt_BR"
    return base if base in known else "en"


def _pin_singletons() -> None:
    """Work around a PySide6 6.12 bug: every Python slot call drops one
    reference to None (and a slot returning True/False drops one of that).
    On Python < 3.12 those objects are not immortal, so after some tens of
    thousands of signals (an hour of typing) the interpreter aborts with
    "deallocating None".  Give them a reference count no session can use up;
    Python 3.12+ makes them immortal and needs nothing."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes
    for obj in (None, True, False):
        ref = ctypes.c_ssize_t.from_address(id(obj))   # ob_refcnt is the first field
        if ref.value < 1 << 40:
            ref.value += 1 << 40


def make_app(argv=None) -> QApplication:
    _pin_singletons()
    keep_qt_settings_off_disk()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(list(argv) if argv else sys.argv[:1])
    app.setApplicationName("prep-app")
    font = app.font()
    base = max(11.0, font.pointSizeF())
    app._prep_base_pt = base
    set_text_scale(app, 1.0, base)
    return app


def run_app(argv=None) -> int:
    app = make_app(argv)
    settings = Settings.load()
    LANG.set(settings.language or guess_language())
    from .main_window import MainWindow
    window = MainWindow(settings)
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1280, screen.width()), min(800, screen.height()))
    window.show()
    return app.exec()
