"""Render benchmark: all five outputs, bilingual (en+es), for the realistic
sample plan, and the same as a ratio to a plain ReportLab document of
paragraphs with the same total page count, built in the same run; then the
stress family written in every script the fonts cover (tests/outputs/conftest.py:
Arabic, Chinese, Korean, kana, Hebrew, ...), with each PDF's size.

    python bench/render_bench.py         # prints the figures
    run(report)                          # report(name, seconds, note="") from the main bench
"""
from __future__ import annotations

import io
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import LETTER  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from prep_app.model import loads  # noqa: E402
from prep_app.outputs import OUTPUTS, render  # noqa: E402
from prep_app.resources import resource_path  # noqa: E402

LANGS = ["en", "es"]
REPEATS = 7


def _all(plan):
    return [render(name, plan, LANGS, today=date(2025, 6, 21)) for name in OUTPUTS]


def _scripts(report) -> None:
    """The stress family in every script: the time for all five (fallback
    fonts loaded by the warm-up run) and the size of each PDF."""
    from tests.outputs.conftest import scripts_plan

    plan = scripts_plan()
    first = _all(plan)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        _all(plan)
        times.append(time.perf_counter() - t0)
    sizes = ", ".join(f"{name} {len(data) // 1024} KB" for name, data in zip(OUTPUTS, first, strict=True))
    report("render: all five, en+es, stress family in all scripts", statistics.median(times), f"median of 3; {sizes}")


def _paragraphs_for(pages: int) -> int:
    style = getSampleStyleSheet()["BodyText"]
    text = ("The quick brown fox jumps over the lazy dog, and the family plan is printed. " * 6).strip()
    n = 10
    while True:
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=LETTER)
        doc.build([Paragraph(text, style) for _ in range(n)])
        if doc.page >= pages:
            return n
        n += max(1, n // max(doc.page, 1))


def run(report) -> None:
    with open(resource_path("samples", "example-plan.json"), encoding="utf-8") as fp:
        plan = loads(fp.read())
    first = _all(plan)  # warm up: fonts, catalogs, imports
    pages = sum(len(PdfReader(io.BytesIO(b)).pages) for b in first)
    n = _paragraphs_for(pages)
    style = getSampleStyleSheet()["BodyText"]
    text = ("The quick brown fox jumps over the lazy dog, and the family plan is printed. " * 6).strip()

    def baseline():
        buf = io.BytesIO()
        SimpleDocTemplate(buf, pagesize=LETTER).build([Paragraph(text, style) for _ in range(n)])

    ours, base = [], []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        _all(plan)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        baseline()
        base.append(time.perf_counter() - t0)
    m, b = statistics.median(ours), statistics.median(base)
    report("render: all five outputs, en+es, sample plan", m, f"{pages} pages; median of {REPEATS}")
    report("render: plain ReportLab paragraphs, same page count", b,
           f"{n} paragraphs, {pages} pages; ours is {m / b:.1f}x this (target: all five < 1 s)")
    report("render: PDF sizes, sample plan", 0, ", ".join(f"{name} {len(data) // 1024} KB"
                                                          for name, data in zip(OUTPUTS, first, strict=True)))
    _scripts(report)


if __name__ == "__main__":
    run(lambda name, value, note="": print(f"{name:55s} {value:8.3f}  {note}"))
