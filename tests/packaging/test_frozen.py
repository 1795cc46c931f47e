"""Smoke test of the frozen app (PyInstaller bundle in dist/prep-app/).

Slow, so it runs only when asked:

    PREP_APP_TEST_FROZEN=1 python -m pytest tests/packaging/test_frozen.py

It builds the bundle with ``python packaging/build.py`` unless
``PREP_APP_TEST_FROZEN=reuse`` and dist/prep-app already exists. On a 2-core
machine: about 30-40 s with PyInstaller's cache in build/, 1-2 min from
clean; the checks themselves take about 3 s. Needs the build extra:
``pip install -e ".[build]"``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prep_app.outputs import OUTPUTS, file_names

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "prep-app"
EXE = BUNDLE / ("prep-app.exe" if sys.platform == "win32" else "prep-app")
MODE = os.environ.get("PREP_APP_TEST_FROZEN", "")

pytestmark = pytest.mark.skipif(
    MODE not in ("1", "reuse"),
    reason="slow: set PREP_APP_TEST_FROZEN=1 to build and test the frozen app "
           "(or =reuse to test an existing dist/prep-app)")


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    if sys.platform == "darwin":
        pytest.skip("macOS builds an .app bundle; run its Contents/MacOS/prep-app by hand")
    if not (MODE == "reuse" and EXE.exists()):
        pytest.importorskip("PyInstaller", reason='pip install -e ".[build]"')
        result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")],
                                cwd=ROOT, capture_output=True, text=True, timeout=1200)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert EXE.exists()
    return EXE


def _run(exe: Path, *args: str, home: Path, cwd: Path, extra_env: dict | None = None):
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "PREP_APP_", "VIRTUAL_ENV"))}
    env.update({"HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
                "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen"})
    env.update(extra_env or {})
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_frozen_version(frozen_app, tmp_path):
    from prep_app import __version__

    result = _run(frozen_app, "--version", home=tmp_path / "home", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"prep-app {__version__}"


def test_frozen_render_blank_writes_five_pdfs(frozen_app, tmp_path):
    out = tmp_path / "out"
    result = _run(frozen_app, "render", "--blank", "--lang", "es,en", "--out", str(out),
                  home=tmp_path / "home", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    names = file_names("es")
    for name in OUTPUTS:
        pdf = out / names[name]
        assert pdf.read_bytes().startswith(b"%PDF"), name
    try:
        from pypdf import PdfReader
    except ImportError:
        return
    # the catalogs and the font came along: Spanish text, in the bundled font
    page = PdfReader(out / names["school"]).pages[0]
    text = page.extract_text().lower()
    assert "escuela" in text and "school" in text
    fonts = [font.get_object()["/BaseFont"] for font in page["/Resources"]["/Font"].values()]
    assert any("DejaVuSans" in name for name in fonts), fonts


def _portable_stick(tmp_path):
    """A copy of the bundle on a "USB stick" with the portable marker, and an empty laptop home."""
    if sys.platform == "win32":
        pytest.skip("the copy below relies on symlinks")
    stick = tmp_path / "stick"
    shutil.copytree(BUNDLE, stick / "prep-app", symlinks=True)
    (stick / "prep-app" / "portable").touch()
    laptop = tmp_path / "laptop"
    laptop.mkdir()
    return stick, laptop


def test_frozen_portable_marker_keeps_data_beside_the_app(frozen_app, tmp_path):
    """Copy the bundle to a "USB stick", add the marker, and check the app keeps
    its data there and writes nothing into the (fake) laptop home."""
    stick, laptop = _portable_stick(tmp_path)
    result = _run(stick / "prep-app" / EXE.name, "list", home=laptop, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (stick / "prep-app" / "prep-app-data").is_dir()
    assert list(laptop.rglob("*")) == []


def test_frozen_window_in_portable_mode_writes_nothing_on_the_laptop(frozen_app, tmp_path):
    """The desktop window (offscreen) started from a stick with the marker:
    after a few seconds the fake laptop home is still empty."""
    stick, laptop = _portable_stick(tmp_path)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(laptop),
           "XDG_DATA_HOME": str(laptop / ".local" / "share"), "XDG_CONFIG_HOME": str(laptop / ".config"),
           "XDG_CACHE_HOME": str(laptop / ".cache"), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([str(stick / "prep-app" / EXE.name)], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            proc.wait(timeout=5)   # still running: the window came up and stayed
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=10)
    assert (stick / "prep-app" / "prep-app-data").is_dir(), err
    assert list(laptop.rglob("*")) == []


def test_bundle_has_only_our_qt_translations_and_no_unused_qt(frozen_app):
    inner = BUNDLE / "_internal"
    qms = sorted(p.name for p in inner.rglob("*.qm"))
    # Qt's own catalog for each of the nine languages Qt has one for (Haitian
    # Creole and Vietnamese have none), Chinese under Qt's name zh_CN
    assert qms == ["qtbase_ar.qm", "qtbase_en.qm", "qtbase_es.qm", "qtbase_fr.qm", "qtbase_pl.qm",
                   "qtbase_pt_BR.qm", "qtbase_zh_CN.qm"]
    for name in ("QtNetwork", "QtQml", "QtQuick", "QtSql", "QtTest", "QtWebEngine"):
        assert not list(inner.glob(f"PySide6/{name}*")), name
    assert not (inner / "PySide6" / "Qt" / "plugins" / "platformthemes").exists()
    assert (inner / "resources" / "fonts" / "DejaVuSansCondensed.ttf").exists()
    assert not list(inner.rglob("*.po"))
    assert not list(inner.glob("phonenumbers/geodata"))
