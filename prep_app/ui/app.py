"""QApplication set-up: privacy switches first, then language, style, window.

Start-up: the modules the first window needs never name ``QtCore.Qt`` at
import time or while the start screen is built.  PySide builds that whole
namespace (93 enums, about 2,500 members, 20-25 ms) on first use, and the
first frame paints without it; ``after_first_frame`` is where it comes.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from .lang import LANG, languages
from .settings import Settings

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


def wipe_qt_settings() -> None:
    # where the native format cannot be redirected (the Windows registry,
    # macOS preferences) remove what the dialog wrote there
    QSettings(QSettings.Scope.UserScope, "QtProject").remove("FileDialog")
    if _qt_settings_dir:  # pragma: no cover - Windows
        shutil.rmtree(_qt_settings_dir, ignore_errors=True)
        os.makedirs(_qt_settings_dir, exist_ok=True)


_BASE_PT = "prep_base_pt"       # the app's Qt property: its text size at 100 %


def set_text_scale(app: QApplication, scale: float, base_pt: float | None = None) -> None:
    """Make all text larger or smaller (1.5 = 150 %) without a restart."""
    base = base_pt or app.property(_BASE_PT) or app.font().pointSizeF()
    app.setProperty(_BASE_PT, base)
    font = app.font()
    font.setPointSizeF(base * scale)
    app.setFont(font)      # labels restyle themselves on ApplicationFontChange


def guess_language() -> str:
    """The laptop's own language when prep-app speaks it (Portuguese as
    Brazil writes it, Chinese as Simplified), else English."""
    system = QLocale.system().name()       # "es_MX", "pt_PT", "zh_CN"; C or POSIX read as en_US
    known = languages()
    if system in known:
        return system
    base = system.split("_")[0]
    return next((code for code in known if code.split("_")[0] == base), "en")


def make_app(argv=None) -> QApplication:
    keep_qt_settings_off_disk()
    app = QApplication.instance() or QApplication(list(argv) if argv else sys.argv[:1])
    assert isinstance(app, QApplication)     # this process makes no other kind of application
    app.setApplicationName("prep-app")
    font = app.font()
    base = max(11.0, font.pointSizeF())
    set_text_scale(app, 1.0, base)
    return app


def after_first_frame() -> None:
    """What the application needs only once someone can use the window; the
    window calls it just after its first frame.  Idempotent.

    * No native dialogs: they keep recent folders outside the app.  Every
      file dialog and message box also says so itself (ui/dialogs.py), so
      nothing opened before this call is native either.
    * The thick focus ring (ui/style.py): PySide takes 10 ms to build the
      Python side of QStyle, and the ring matters only once someone uses the
      keyboard."""
    from PySide6.QtCore import Qt

    from .style import FocusRingStyle
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))


ROOMY = (1280, 800)     # the window's size where the screen has room for it and its frame


def make_window(settings: Settings):
    """The window as a start opens it: in the language kept on this laptop
    (or the system's)."""
    LANG.set(settings.language or guess_language())
    from .main_window import MainWindow
    return MainWindow(settings)


def show_fitted(window) -> None:
    """Show the window inside the screen's free area (without the taskbar).
    A laptop's 1366x768 has no room for 1280x800 plus a title bar: there the
    window opens maximized, so Next, Back and the lock box are never cut off."""
    free = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    frame_room = 80        # title bar and borders, which are unknown before the window shows
    if free.width() >= ROOMY[0] + frame_room and free.height() >= ROOMY[1] + frame_room:
        window.resize(*ROOMY)
        window.show()
    else:
        window.showMaximized()


def run_app(argv=None, settings: Settings | None = None) -> int:
    app = make_app(argv)
    show_fitted(make_window(settings or Settings.load()))
    return app.exec()
