"""QApplication set-up: privacy switches first, then language, style, window."""
from __future__ import annotations

import locale
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from .lang import LANG, languages
from .settings import Settings
from .widgets import keep_qt_settings_off_disk

def style_sheet(pt: float) -> str:
    """Qt style sheets take no percentages: sizes follow the base font size."""
    ind = max(16, round(pt * 1.6))
    return f"""
QLabel[kind="title"] {{ font-size: {pt * 1.45:.1f}pt; font-weight: bold; }}
QLabel[kind="heading"] {{ font-size: {pt * 1.15:.1f}pt; font-weight: bold; margin-top: 6px; }}
QLabel[kind="field"] {{ font-weight: bold; }}
QLabel[kind="hint"] {{ color: #3d4a57; }}
QLabel[kind="intro"] {{ color: #26323d; }}
QLabel[kind="error"] {{ color: #a40000; font-weight: bold; }}
QLabel[kind="warning"] {{ color: #6b4200; }}
QLabel[kind="blocker"] {{ color: #a40000; font-weight: bold; }}
QLabel[kind="code"] {{ font-family: monospace; font-size: {pt * 1.6:.1f}pt; font-weight: bold;
                      padding: 10px; border: 2px solid #26323d; }}
QPushButton {{
    font-weight: normal; font-size: {pt:.1f}pt; }}
QGroupBox QLabel[kind="field"] {{ font-weight: bold; }}
QPushButton {{ padding: 6px 14px; }}
QPushButton[kind="primary"] {{ font-weight: bold; font-size: {pt * 1.15:.1f}pt; }}
QPushButton[kind="language"]:checked {{ font-weight: bold; border: 3px solid #1a5fb4; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {ind}px; height: {ind}px; }}
QTabBar::tab {{ padding: 8px 16px; }}
"""


def set_text_scale(app, scale: float, base_pt: float | None = None) -> None:
    """Make all text larger or smaller (1.5 = 150 %) without a restart."""
    base = base_pt or getattr(app, "_prep_base_pt", None) or app.font().pointSizeF()
    app._prep_base_pt = base
    font = app.font()
    font.setPointSizeF(base * scale)
    app.setFont(font)
    app.setStyleSheet(style_sheet(base * scale))



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
