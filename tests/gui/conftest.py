"""GUI tests: offscreen, in a temporary home, with a fast KDF and non-modal
stand-ins for the file dialogs and message boxes."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest.importorskip("pytestqt")

from prep_app.vault import KdfParams  # noqa: E402

FAST_KDF = KdfParams(8192, 1, 1)
PASSPHRASE = "mango river tuesday song"


@pytest.fixture
def home(tmp_path, monkeypatch):
    """Everything the app could write goes under tmp_path/... so a test can grep it."""
    dirs = {name: tmp_path / name for name in ("home", "app", "config", "data", "cache", "tmp", "usb", "pdfs")}
    for d in dirs.values():
        d.mkdir()
    monkeypatch.setenv("HOME", str(dirs["home"]))
    monkeypatch.setenv("PREP_APP_HOME", str(dirs["app"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs["config"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs["cache"]))
    monkeypatch.setenv("TMPDIR", str(dirs["tmp"]))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(dirs["tmp"]))
    return dirs


class Recorder:
    def __init__(self):
        self.messages: list[str] = []
        self.folder: Path | None = None
        self.open_path: Path | None = None
        self.starts: list[str] = []     # where each folder dialog started


@pytest.fixture
def ui(home, qapp, monkeypatch):
    from prep_app.ui import widgets
    from prep_app.ui.app import make_app
    from prep_app.ui.lang import LANG
    rec = Recorder()
    monkeypatch.setattr(widgets, "calm_message", lambda parent, title, text, icon=None: rec.messages.append(text))
    def choose_folder(parent, title, start=""):
        rec.starts.append(start)
        return str(rec.folder) if rec.folder else None
    monkeypatch.setattr(widgets, "choose_folder", choose_folder)
    monkeypatch.setattr(widgets, "choose_open_file",
                        lambda parent, title, flt: str(rec.open_path) if rec.open_path else None)
    make_app()
    LANG.set("en")
    yield rec
    LANG.set("en")


@pytest.fixture
def window(ui, qtbot):
    from prep_app.ui.main_window import MainWindow
    from prep_app.ui.settings import Settings
    w = MainWindow(Settings(), kdf=FAST_KDF)
    w.resize(1366, 768)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
