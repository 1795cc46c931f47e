"""Where the app keeps its store of plans and its settings.

``PREP_APP_HOME`` wins (tests, and portable use from a USB stick); next a file
named ``portable`` beside the frozen executable keeps everything in a
``prep-app-data`` folder next to it; otherwise the user's data folder as platformdirs names it for the system.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

PORTABLE_MARKER = "portable"


def _program_folder() -> Path:
    """The folder a volunteer sees the program in: beside the .app bundle on macOS
    (writing inside Contents/MacOS would break the app's signature)."""
    exe = Path(sys.executable).resolve()
    if sys.platform == "darwin" and len(exe.parents) > 3 and exe.parents[2].suffix == ".app":
        return exe.parents[3]
    return exe.parent


def app_home() -> Path:
    env = os.environ.get("PREP_APP_HOME")
    if env:
        home = Path(env)
    elif getattr(sys, "frozen", False) and (_program_folder() / PORTABLE_MARKER).exists():
        home = _program_folder() / "prep-app-data"
    else:   # %LOCALAPPDATA% (not roaming), ~/Library/Application Support, $XDG_DATA_HOME
        home = platformdirs.user_data_path("prep-app", appauthor=False, roaming=False)
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home
