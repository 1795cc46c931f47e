"""The five printouts (ReportLab, no Qt), each in its own module.

``render(name, plan, languages)`` returns PDF bytes; ``plan=None`` gives the
blank form with empty writing lines.  Page furniture (fonts, header, footer,
bilingual labels) is shared from :mod:`prep_app.outputs.furniture`.

Account and card numbers typed into free text print as their last 4 digits
("•••• 1234") unless the family chooses ``show_full_numbers=True``.
"""
from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from importlib import import_module
from pathlib import Path

from ..i18n import translator
from ..messages import N_
from ..model.numbers import masked
from ..model.plan import Plan
from .furniture import PAPERS, Ctx

OUTPUTS = ("plan", "guardian", "school", "wallet", "checklist")
# The PDF files' names in the first print language; only letters, digits and
# dashes reach the disk (accents are dropped, spaces become dashes).
FILE_NAMES = {
    # TRANSLATORS: file name of the family binder, e.g. "plan-familiar.pdf"; no spaces
    "plan": N_("plan.pdf"),
    # TRANSLATORS: file name of the standby guardian packet; no spaces
    "guardian": N_("guardian.pdf"),
    # TRANSLATORS: file name of the pages for the school; no spaces
    "school": N_("school.pdf"),
    # TRANSLATORS: file name of the wallet cards; no spaces
    "wallet": N_("wallet.pdf"),
    # TRANSLATORS: file name of the document checklist; no spaces
    "checklist": N_("checklist.pdf"),
}
# names Windows keeps for devices, whatever the extension
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def check_output(name: str) -> str:
    if name not in OUTPUTS:
        raise ValueError(f"unknown output {name!r}: choose one of {', '.join(OUTPUTS)}")
    return name


def render(name: str, plan: Plan | None, languages: list[str], paper: str = "letter",
           today: date | None = None, show_full_numbers: bool = False) -> bytes:
    """One output as PDF bytes, in one language or two (primary first)."""
    check_output(name)
    if isinstance(languages, str):
        languages = [languages]
    ctx = Ctx(list(languages), paper=paper, today=today, blank=plan is None, show_full_numbers=show_full_numbers)
    module = import_module(f".{name}", __name__)
    if plan is None:
        return module.render(ctx, Plan())
    return module.render(ctx, plan if ctx.show_full_numbers else masked(plan))


# letters that Unicode does not decompose into a base letter and a mark
_STROKED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def ascii_stem(text: str) -> str:
    """A file name stem every system accepts: "Guía del tutor" -> "guia-del-tutor",
    "Giấy tờ gia đình" -> "giay-to-gia-dinh"."""
    text = unicodedata.normalize("NFKD", text.removesuffix(".pdf").translate(_STROKED))
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def file_names(language: str) -> dict[str, str]:
    """Each output's PDF file name in *language*: "plan-familiar.pdf" in
    Spanish.  The English names stand in for a language whose names fold to
    nothing (a script without Latin letters), clash or name a device."""
    tr = translator(language)
    stems = {name: ascii_stem(tr.gettext(msgid)) for name, msgid in FILE_NAMES.items()}
    usable = all(stems.values()) and len(set(stems.values())) == len(stems) and not _RESERVED & set(stems.values())
    return {name: f"{stems[name] if usable else name}.pdf" for name in OUTPUTS}


def file_name(name: str, language: str) -> str:
    return file_names(language)[check_output(name)]


def render_all(plan: Plan | None, languages: list[str], out_dir: Path, only: list[str] | None = None,
               paper: str = "letter", today: date | None = None, written: list | None = None,
               show_full_numbers: bool = False) -> list[Path]:
    """Write each output (or those in ``only``) into ``out_dir``, named in the
    first language (:func:`file_name`).
    Each path is appended to *written* before its file is written, so a caller
    knows of every file that may be left behind, even when one fails (a full disk)."""
    names = list(only) if only else list(OUTPUTS)
    for name in names:
        check_output(name)
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}: choose one of {', '.join(PAPERS)}")
    if isinstance(languages, str):
        languages = [languages]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        data = render(name, plan, languages, paper=paper, today=today, show_full_numbers=show_full_numbers)
        path = out_dir / file_name(name, languages[0])
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


__all__ = ["OUTPUTS", "file_name", "file_names", "render", "render_all"]
