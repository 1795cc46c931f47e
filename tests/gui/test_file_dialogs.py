"""Qt's own file dialog, the real one (non-native, driven by a timer), in a
fresh process with its own HOME: choosing the family's folder and opening a
plan from it leaves nothing under HOME or the XDG folders (issue 9, finding 3:
Qt wrote the folders it visited to ~/.config/QtProject.conf)."""
from __future__ import annotations

import os
import subprocess
import sys

DRIVE = r'''
import sys
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from prep_app.ui import dialogs
from prep_app.ui.app import make_app

app = make_app()
folder, plan = sys.argv[1], sys.argv[2]

def answer(path):
    dialog = QApplication.activeModalWidget()
    dialog.setDirectory(folder)
    dialog.findChild(QLineEdit, "fileNameEdit").setText(path)
    dialog.accept()

QTimer.singleShot(300, lambda: answer(folder))
print(dialogs.choose_folder(None, "Choose a folder"))
QTimer.singleShot(300, lambda: answer(plan))
print(dialogs.choose_open_file(None, "Open a plan", "Plans (*.prepvault)"))
QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
app.processEvents()
'''


def test_the_real_file_dialog_writes_nothing_about_the_family(tmp_path):
    dirs = {n: tmp_path / n for n in ("home", "config", "data", "cache", "state", "tmp")}
    for d in dirs.values():
        d.mkdir()
    family = tmp_path / "stick" / "Familia Gonçalves"
    family.mkdir(parents=True)
    (family / "plan.prepvault").write_bytes(b"x")
    env = dict(os.environ, HOME=str(dirs["home"]), XDG_CONFIG_HOME=str(dirs["config"]),
               XDG_DATA_HOME=str(dirs["data"]), XDG_CACHE_HOME=str(dirs["cache"]),
               XDG_STATE_HOME=str(dirs["state"]), TMPDIR=str(dirs["tmp"]),
               QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", DRIVE, str(family), str(family / "plan.prepvault")],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    # the dialogs really ran and chose the family's folder and file
    assert done.stdout.split("\n")[:2] == [str(family), str(family / "plan.prepvault")]
    written = [p for d in dirs.values() for p in d.rglob("*") if p.is_file()]
    assert written == []
