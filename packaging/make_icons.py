"""Render resources/icons/prep-app.svg to the PNG sizes and the Windows .ico.

    python packaging/make_icons.py

Needs ``rsvg-convert`` (Debian/Ubuntu: ``apt-get install librsvg2-bin``) and
Pillow. The results are committed, so nobody needs this unless the SVG changes.
The macOS .icns is made on a Mac (see packaging/README.md):
``iconutil -c icns`` over an .iconset built from these PNGs.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "prep-app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)   # the .ico format stops at 256


def png_path(size: int) -> Path:
    return ICONS / f"prep-app-{size}.png"


def main() -> int:
    if not shutil.which("rsvg-convert"):
        print("rsvg-convert is missing: apt-get install librsvg2-bin", file=sys.stderr)
        return 2
    from PIL import Image

    for size in SIZES:
        subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), str(SVG),
                        "-o", str(png_path(size))], check=True)
    # Each .ico frame from its own rendering (sharper than Pillow's downscaling).
    frames = [Image.open(png_path(size)).convert("RGBA") for size in ICO_SIZES]
    frames[-1].save(ICONS / "prep-app.ico", format="ICO",
                    sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    for path in sorted(ICONS.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
