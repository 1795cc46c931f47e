"""`prep-app` with no arguments, in a process of its own as a volunteer
starts it: the start window, and what the start-up puts off until its
first frame (ui/app.py, after_first_frame)."""
from __future__ import annotations

import os
import subprocess
import sys

LOOK = """
import gc, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from prep_app import cli
from prep_app.ui.main_window import MainWindow

deadline = time.monotonic() + 10

def look():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    on_start = bool(windows) and windows[0].stack.currentWidget() is windows[0].start
    if (on_start and gc.isenabled()) or time.monotonic() > deadline:
        print("start window:", on_start, "| collector on:", gc.isenabled(), flush=True)
        QApplication.quit()
    else:
        QTimer.singleShot(20, look)

QTimer.singleShot(0, look)
sys.exit(cli.main([]))
"""


def test_prep_app_alone_opens_the_start_window_and_collects_garbage_again(home):
    """The window, not the command line's help; and once it has painted,
    the cycle collector the start-up turned off is on again, so a long
    evening does not keep its garbage."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", LOOK], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "start window: True | collector on: True"
