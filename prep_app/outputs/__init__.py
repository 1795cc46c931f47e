"""The five printouts (ReportLab, no Qt), each in its own module.

``render(name, plan, languages)`` returns PDF bytes; ``plan=None`` gives the
blank form with empty writing lines.  Page furniture (fonts, header, footer,
bilingual labels) is shared from :mod:`prep_app.outputs.furniture`.
"""
from __future__ import annotations

import os
from datetime import date
from importlib import import_module
from pathlib import Path

from ..model.plan import Plan
from .furniture import PAPERS, Ctx

OUTPUTS = ("plan", "guardian", "school", "wallet", "checklist")


def check_output(name: str) -> str:
    if name not in OUTPUTS:
        raise ValueError(f"unknown output {name!r}: choose one of {', '.join(OUTPUTS)}")
    return name


def render(name: str, plan: Plan | None, languages: list[str], paper: str = "letter",
           today: date | None = None) -> bytes:
    """One output as PDF bytes, in one language or two (primary first)."""
    check_output(name)
    if isinstance(languages, str):
        languages = [languages]
    ctx = Ctx(list(languages), paper=paper, today=today, blank=plan is None)
    module = import_module(f".{name}", __name__)
    return module.render(ctx, plan if plan is not None else Plan())


def render_all(plan: Plan | None, languages: list[str], out_dir: Path, only: list[str] | None = None,
               paper: str = "letter", today: date | None = None, written: list | None = None) -> list[Path]:
    """Write ``<name>.pdf`` for each output (or those in ``only``) into ``out_dir``.
    Each path is appended to *written* before its file is written, so a caller
    knows of every file that may be left behind, even when one fails (a full disk)."""
    names = list(only) if only else list(OUTPUTS)
    for name in names:
        check_output(name)
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}: choose one of {', '.join(PAPERS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        data = render(name, plan, languages, paper=paper, today=today)
        path = out_dir / f"{name}.pdf"
        if written is not None:
            written.append(path)
        _write_private(path, data)
        paths.append(path)
    return paths


def _write_private(path: Path, data: bytes) -> None:
    """Owner-only, like the vault: a plan's PDFs are its plaintext.  A link in
    the way is not followed, and a file already there loses wider permissions."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    with open(fd, "wb") as out:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        out.write(data)


__all__ = ["OUTPUTS", "render", "render_all"]
