"""Build the frozen app: ``python packaging/build.py``.

Produces ``dist/prep-app/`` (onedir) from ``packaging/prep-app.spec``, prunes
what the spec cannot, checks that the result starts, and prints its size.
It installs nothing: without PyInstaller it says how to get it and exits 2.

    python packaging/build.py            # build (reuses build/ for speed)
    python packaging/build.py --clean    # rebuild from scratch
    python packaging/build.py --no-trim  # keep all the hooks collected (to measure)

Takes about 1-2 minutes on a 2-core machine (see packaging/README.md).
Windows and macOS: run the same command there; PyInstaller does not
cross-compile.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "prep-app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "prep-app"
EXE_NAME = "prep-app.exe" if sys.platform == "win32" else "prep-app"

PORTABLE_NOTE = """\
prep-app portable mode
======================

To keep everything on this USB stick and nothing on the laptop, rename this
file to "portable" (no extension), next to the prep-app program.

The app then keeps its plans and its settings in the folder "prep-app-data"
beside the program, on the stick. Plans stay encrypted there, as always.
Without the "portable" file the app uses the laptop's own data folder.

(Another way, for scripts: set the environment variable PREP_APP_HOME to a
folder; it wins over everything else.)
"""

# The spec does the trimming (it is better there: removing a plugin in the spec
# also removes the libraries only it needed, and no dangling links are left).
# These are a safety net for things a future PyInstaller or PySide6 hook might
# add that this app never uses; today they match nothing. Paths are relative
# to the bundle's _internal/ folder.
PRUNE_GLOBS = [
    "PySide6/Qt/qml",                 # QML imports: no QML in this app
    "PySide6/Qt/libexec",             # QtWebEngine helpers and the like
    "PySide6/Qt/metatypes",           # build-time JSON for moc
    "PySide6/*.pyi",                  # type stubs
    "PySide6/Qt/plugins/platformthemes",  # native dialogs fill "recently used" (see the spec)
]


def bundle_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = Path(dirpath, name)
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def internal_dir() -> Path:
    inner = BUNDLE / "_internal"
    if sys.platform == "darwin" and not inner.exists():
        inner = DIST / "prep-app.app" / "Contents" / "Frameworks"
    return inner


def prune() -> list[str]:
    """Remove what the spec's filters could not reach; return what went."""
    inner = internal_dir()
    removed = []
    for pattern in PRUNE_GLOBS:
        for path in sorted(inner.glob(pattern)):
            size = bundle_size(path) if path.is_dir() else path.stat().st_size
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(f"{path.relative_to(inner)} ({mib(size)})")
    return removed


# Libraries that come with Python or PySide6: missing one means the trimming
# went too far. Any other missing library is a system library this build
# machine lacks (a server without X11/Wayland); a desktop has those.
OWN_LIBRARIES = ("libQt6", "libpyside", "libshiboken", "libicu", "libpython")


def missing_libraries() -> tuple[list[str], set[str]]:
    """Linux: (own libraries that a bundled file cannot find, names of
    system libraries this machine lacks)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return [], set()
    inner = internal_dir()
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(
        [str(inner), str(inner / "PySide6" / "Qt" / "lib")]))
    own, system = [], set()
    for path in inner.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            if "not found" in line:
                name = line.split()[0]
                if name.startswith(OWN_LIBRARIES):
                    own.append(f"{path.relative_to(inner)}: {name}")
                else:
                    system.add(name)
    return own, system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument("--no-trim", action="store_true", help="keep everything (to measure the trimming)")
    args = parser.parse_args(argv)

    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is not installed. Install the build extra first:\n'
              '    pip install -e ".[build]"', file=sys.stderr)
        return 2

    env = dict(os.environ)
    if args.no_trim:
        env["PREP_APP_NO_TRIM"] = "1"
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    print("Running:", " ".join(command), flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        print(f"PyInstaller failed (exit {result.returncode})", file=sys.stderr)
        return 1
    built_in = time.monotonic() - started

    before = bundle_size(BUNDLE)
    removed = [] if args.no_trim else prune()
    after = bundle_size(BUNDLE)
    (BUNDLE / "portable.example").write_text(PORTABLE_NOTE, encoding="utf-8")

    print(f"\nBuilt {BUNDLE} in {built_in:.0f} s")
    if removed:
        print("Pruned after the build:")
        for line in removed:
            print(f"    {line}")
    print(f"Bundle size: {mib(after)}" + (f" (before pruning: {mib(before)})" if removed else ""))

    own, system = missing_libraries()
    if system:
        print("Note: system libraries this machine lacks (a Linux desktop has them): "
              + ", ".join(sorted(system)))
    if own:
        print("The bundle lacks libraries of its own (trimmed too much):", file=sys.stderr)
        for line in own:
            print(f"    {line}", file=sys.stderr)
        return 1

    exe = BUNDLE / EXE_NAME
    if sys.platform == "darwin":
        exe = DIST / "prep-app.app" / "Contents" / "MacOS" / "prep-app"
    check = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    if check.returncode != 0 or not check.stdout.startswith("prep-app "):
        print(f"The frozen app does not start: {check.stdout}{check.stderr}", file=sys.stderr)
        return 1
    print(f"Frozen app says: {check.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
