"""GUI tests: offscreen, in a temporary home, with a fast KDF, and the
window's modal questions (file dialogs, message boxes) answered by the test
through the Dialogs the window is given."""
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
    """Answers the window's questions as the test sets them, and keeps what was said."""

    def __init__(self):
        self.messages: list[str] = []
        self.folder: Path | None = None
        self.open_path: Path | None = None
        self.starts: list[str] = []     # where each folder dialog started
        self.answer: bool | None = None  # to a yes/no question; None: no question is expected
        self.asked: list[str] = []

    def choose_folder(self, parent, title, start=""):
        self.starts.append(start)
        return str(self.folder) if self.folder else None

    def choose_open_file(self, parent, title, name_filter):
        return str(self.open_path) if self.open_path else None

    def calm_message(self, parent, title, text, icon=None):
        self.messages.append(text)

    def ask(self, parent, title, text):
        self.asked.append(text)
        assert self.answer is not None, f"an unexpected question: {text}"
        return self.answer

    def dialogs(self):
        from prep_app.ui.dialogs import Dialogs
        return Dialogs(self.choose_folder, self.choose_open_file, self.calm_message, self.ask)


@pytest.fixture
def ui(home, qapp):
    from prep_app.ui.app import make_app
    from prep_app.ui.lang import LANG
    rec = Recorder()
    make_app()
    LANG.set("en")
    yield rec
    LANG.set("en")


@pytest.fixture
def window(ui, qtbot):
    from prep_app.ui.main_window import MainWindow
    from prep_app.ui.settings import Settings
    w = MainWindow(Settings(), kdf=FAST_KDF, dialogs=ui.dialogs())
    w.resize(1366, 768)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
