"""Locate the bundled data folders, from a source checkout or a frozen app."""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)  # PyInstaller unpacks data here
    return Path(frozen_root) if frozen_root else Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (fonts, content data, icons, samples)."""
    return _root().joinpath("resources", *parts)


@cache
def content_data(name: str) -> dict:
    """``resources/content/<name>.json`` (document types, rights, legal texts),
    read once: the review and the printouts read the same words."""
    import json  # here, not at the top: the first window reads no content
    with open(resource_path("content", f"{name}.json"), encoding="utf-8") as fp:
        return json.load(fp)


def translations_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/prep_app.mo``."""
    return _root() / "translations"


def language_codes() -> list[str]:
    """The languages there are catalogs for, English (the source) first: one
    folder ``translations/<code>/LC_MESSAGES`` with ``prep_app.po`` or ``.mo``
    each.  Babel-free, so the first window can list them quickly."""
    codes = ["en"]
    folder = translations_dir()
    if folder.is_dir():
        for sub in sorted(folder.iterdir()):
            messages = sub / "LC_MESSAGES"
            if sub.name != "en" and ((messages / "prep_app.po").exists() or (messages / "prep_app.mo").exists()):
                codes.append(sub.name)
    return codes
