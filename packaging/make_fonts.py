"""Make the fallback fonts in resources/fonts/ and their coverage table.

Build-time only (fontTools is not a dependency of the app).  On Debian 12:

    apt-get install -y fonts-noto-core fonts-wqy-microhei
    .venv/bin/pip install fonttools
    .venv/bin/python packaging/make_fonts.py

Writes (see resources/fonts/README.md for what each file is and why):

* PrepArabic-{Regular,Bold}.ttf: Noto Sans Arabic 2.005 cut to the Arabic
  blocks, with the layout tables HarfBuzz shapes with;
* PrepHebrew-{Regular,Bold}.ttf: Noto Sans Hebrew 3.000 cut to Hebrew;
* PrepCJK-Regular.ttf: WenQuanYi Micro Hei 0.2.0-beta (face 0 of the .ttc,
  TrueType outlines, so ReportLab can embed it) cut to Chinese, Japanese kana
  and Korean Hangul, hinting dropped (print does not need it);
* coverage.json: the code points each printing font has, as ranges: the
  printouts pick a font per character from it without parsing the fonts, and
  the review rule (prep_app/model/printable.py), which must not read fonts,
  reports what none of them has.

DejaVu Sans Condensed (Latin, Vietnamese, Greek, Cyrillic) is copied from
fonts-dejavu-core unchanged and not touched here.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

MARKS = [(0x200C, 0x200F)]   # ZWNJ, ZWJ, LRM, RLM: the shaper and bidi read them
ARABIC = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)] + MARKS
HEBREW = [(0x0590, 0x05FF), (0xFB1D, 0xFB4F)] + MARKS
CJK = [(0x1100, 0x11FF),        # Hangul jamo
       (0x2E80, 0x2FDF),        # CJK and Kangxi radicals
       (0x3000, 0x33FF),        # CJK punctuation, kana, bopomofo, compatibility jamo, enclosed
       (0x3400, 0x4DBF),        # extension A (the few this font has)
       (0x4E00, 0x9FFF),        # unified ideographs: Simplified and Traditional
       (0xAC00, 0xD7AF),        # Hangul syllables
       (0xF900, 0xFAFF),        # compatibility ideographs
       (0xFF00, 0xFFEF)]        # full- and half-width forms

# (output, source, face number in a collection, ranges, keep layout tables)
FONTS = [
    ("PrepArabic-Regular.ttf", NOTO / "NotoSansArabic-Regular.ttf", 0, ARABIC, True),
    ("PrepArabic-Bold.ttf", NOTO / "NotoSansArabic-Bold.ttf", 0, ARABIC, True),
    ("PrepHebrew-Regular.ttf", NOTO / "NotoSansHebrew-Regular.ttf", 0, HEBREW, True),
    ("PrepHebrew-Bold.ttf", NOTO / "NotoSansHebrew-Bold.ttf", 0, HEBREW, True),
    ("PrepCJK-Regular.ttf", WQY, 0, CJK, False),
]
# the fonts the printouts use (regular faces), in the order a character looks for one
PRINTING = ["DejaVuSansCondensed.ttf", "PrepArabic-Regular.ttf", "PrepHebrew-Regular.ttf", "PrepCJK-Regular.ttf"]


def _codepoints(ranges) -> list[int]:
    return [c for lo, hi in ranges for c in range(lo, hi + 1)]


def make(out: str, source: Path, number: int, ranges, layout: bool) -> None:
    options = subset.Options()
    options.layout_features = ["*"] if layout else []
    options.hinting = False                 # print, not screen: instructions only add bytes
    options.name_IDs = ["*"]                # keep copyright, licence and version
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "FFTM", "vhea", "vmtx"]
    font = TTFont(str(source), fontNumber=number)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_codepoints(ranges))
    subsetter.subset(font)
    font.save(str(OUT / out))


def coverage(name: str) -> list[list[int]]:
    """The font's cmap as [first, last] ranges."""
    ranges: list[list[int]] = []
    points = sorted(TTFont(str(OUT / name)).getBestCmap())
    for c in points:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return ranges


def main() -> int:
    for spec in FONTS:
        make(*spec)
        print(f"{spec[0]:28s} {(OUT / spec[0]).stat().st_size / 1024:8.0f} KB")
    (OUT / "coverage.json").write_text(json.dumps({name: coverage(name) for name in PRINTING}, separators=(",", ":")) + "\n")
    print("coverage.json written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
