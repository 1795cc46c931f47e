"""QApplication set-up: privacy switches first, then language, style, window."""
from __future__ import annotations

import locale
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from .lang import LANG, languages
from .settings import Settings
from .widgets import keep_qt_settings_off_disk

STYLE = """
QLabel[kind="title"] { font-size: 150%; font-weight: bold; }
QLabel[kind="heading"] { font-size: 115%; font-weight: bold; margin-top: 8px; }
QLabel[kind="field"] { font-weight: bold; }
QLabel[kind="hint"] { color: #3d4a57; }
QLabel[kind="intro"] { color: #26323d; }
QLabel[kind="error"] { color: #a40000; font-weight: bold; }
QLabel[kind="warning"] { color: #6b4200; }
QLabel[kind="blocker"] { color: #a40000; font-weight: bold; }
QLabel[kind="code"] { font-family: monospace; font-size: 160%; font-weight: bold; padding: 10px;
                      border: 2px solid #26323d; }
QPushButton { padding: 6px 14px; }
QPushButton[kind="primary"] { font-weight: bold; font-size: 115%; }
QPushButton[kind="language"]:checked { font-weight: bold; border: 3px solid #1a5fb4; }
QListWidget::item { padding: 6px; }
"""


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


def make_app(argv=None) -> QApplication:
    keep_qt_settings_off_disk()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app = QApplication.instance() or QApplication(list(argv) if argv else sys.argv[:1])
    app.setApplicationName("prep-app")
    app.setStyleSheet(STYLE)
    font = app.font()
    if font.pointSizeF() < 11:
        font.setPointSizeF(11)
        app.setFont(font)
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
