"""`prep-app` with no arguments, in a process of its own as a volunteer
starts it: the start window, with what the start-up puts off until its
first frame (ui/app.py, after_first_frame) done."""
from __future__ import annotations

import os
import subprocess
import sys

LOOK = """
import sys, time
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from prep_app import cli
from prep_app.ui.main_window import MainWindow

deadline = time.monotonic() + 10

def look():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    on_start = bool(windows) and windows[0].stack.currentWidget() is windows[0].start
    plans = on_start and windows[0].start.plans.count()
    if plans or time.monotonic() > deadline:
        no_native = QCoreApplication.testAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
        print("start window:", on_start, "| plans listed:", plans, "| no native dialogs:", no_native, flush=True)
        QApplication.quit()
    else:
        QTimer.singleShot(20, look)

QTimer.singleShot(0, look)
sys.exit(cli.main([]))
"""


def test_prep_app_alone_opens_the_start_window_with_the_laptops_plans(home):
    """The window, not the command line's help; once it has painted, the
    plans kept on the laptop are listed and no dialog can be the system's."""
    from .test_safety import stored_vault
    stored_vault(home)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LOOK], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "start window: True | plans listed: 1 | no native dialogs: True"
