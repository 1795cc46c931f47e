"""Fast checks of the packaging files (always run): the Linux desktop entry,
the AppStream metainfo, the icons, the spec's shape, and portable mode as
prep_app.home implements it."""
from __future__ import annotations

import ast
import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "org.prepapp.PrepApp.desktop"
METAINFO = LINUX / "org.prepapp.PrepApp.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SPEC = ROOT / "packaging" / "prep-app.spec"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str   # keys are case-sensitive in .desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_the_required_keys_in_three_languages():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "prep-app"
    assert entry["Icon"] == "org.prepapp.PrepApp"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")
    for key in ("Name", "Comment", "GenericName"):
        assert entry[key]
    for lang in ("es", "pt_BR"):
        assert entry[f"Comment[{lang}]"] and entry[f"Comment[{lang}]"] != entry["Comment"]


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_entry_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_is_well_formed_and_complete():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.prepapp.PrepApp"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("name") == "prep-app"
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == DESKTOP.name
    assert root.find("content_rating").get("type").startswith("oars-")
    release = root.find("releases/release")
    assert (release.get("version"), release.get("date")) == ("0.1.0", "2026-11-21")


def test_metainfo_release_matches_the_app_version():
    from prep_app import __version__

    versions = [r.get("version") for r in ET.parse(METAINFO).getroot().iter("release")]
    assert __version__ in versions


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_validates():
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_icons_exist_at_every_size():
    ET.parse(ICONS / "prep-app.svg")   # the source is well-formed SVG
    for size in SIZES:
        assert _png_size(ICONS / f"prep-app-{size}.png") == (size, size)
    ico = (ICONS / "prep-app.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"            # ICO header
    assert int.from_bytes(ico[4:6], "little") >= 5   # several sizes inside


def test_spec_is_python_and_names_the_bundle():
    text = SPEC.read_text("utf-8")
    ast.parse(text)
    assert 'name="prep-app"' in text
    assert "resources" in text and "translations" in text
    assert "qtbase_" in text


def test_build_script_without_pyinstaller_says_how_to_get_it(tmp_path):
    """build.py must install nothing itself: with PyInstaller hidden it exits 2
    and prints the pip command."""
    blocker = tmp_path / "PyInstaller"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('hidden for the test')\n")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")],
                            capture_output=True, text=True, cwd=tmp_path,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert 'pip install -e ".[build]"' in result.stderr


# -- portable mode (prep_app.home), from source ---------------------------------

def test_prep_app_home_keeps_everything_there(tmp_path, monkeypatch):
    from prep_app.home import app_home

    stick = tmp_path / "usb" / "prep-app-data"
    monkeypatch.setenv("PREP_APP_HOME", str(stick))
    monkeypatch.setenv("HOME", str(tmp_path / "laptop-home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop-home" / ".local" / "share"))
    assert app_home() == stick
    assert stick.is_dir()
    assert not (tmp_path / "laptop-home").exists()


def test_prep_app_home_wins_over_the_portable_marker(tmp_path, monkeypatch):
    from prep_app.home import app_home

    (tmp_path / "portable").touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "prep-app"))
    monkeypatch.setenv("PREP_APP_HOME", str(tmp_path / "chosen"))
    assert app_home() == tmp_path / "chosen"


def test_frozen_app_with_marker_keeps_data_beside_the_executable(tmp_path, monkeypatch):
    from prep_app.home import PORTABLE_MARKER, app_home

    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / PORTABLE_MARKER).touch()
    laptop = tmp_path / "laptop-home"
    monkeypatch.delenv("PREP_APP_HOME", raising=False)
    monkeypatch.setenv("HOME", str(laptop))
    monkeypatch.setenv("XDG_DATA_HOME", str(laptop / ".local" / "share"))
    monkeypatch.setenv("LOCALAPPDATA", str(laptop / "AppData" / "Local"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "prep-app"))
    assert app_home() == stick / "prep-app-data"
    assert (stick / "prep-app-data").is_dir()
    assert not laptop.exists()


def test_frozen_app_without_marker_uses_the_laptop(tmp_path, monkeypatch):
    from prep_app.home import app_home

    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.delenv("PREP_APP_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "laptop"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "laptop"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "prep-app"))
    home = app_home()
    assert stick not in home.parents
    assert not (stick / "prep-app-data").exists()


def test_the_marker_means_nothing_to_a_source_checkout(tmp_path, monkeypatch):
    """Only a frozen app looks for the marker: a stray ``portable`` file next to
    the Python interpreter must not move a developer's data."""
    from prep_app.home import app_home

    (tmp_path / "portable").touch()
    monkeypatch.delenv("PREP_APP_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    assert app_home() != tmp_path / "prep-app-data"


def test_macos_app_keeps_portable_data_beside_the_app_bundle(tmp_path, monkeypatch):
    stick = tmp_path / "stick"
    exe = stick / "prep-app.app" / "Contents" / "MacOS" / "prep-app"
    exe.parent.mkdir(parents=True)
    exe.touch()
    (stick / "portable").touch()
    monkeypatch.delenv("PREP_APP_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.setattr(sys, "platform", "darwin")
    from prep_app.home import app_home
    assert app_home() == stick / "prep-app-data"


def test_a_source_run_keeps_its_data_in_the_systems_data_folder(tmp_path, monkeypatch):
    from prep_app.home import app_home

    monkeypatch.delenv("PREP_APP_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    home = app_home()
    if sys.platform.startswith("linux"):
        assert home == tmp_path / "data" / "prep-app"
    assert home.is_dir() and home.name == "prep-app"
    assert home.stat().st_mode & 0o077 == 0
