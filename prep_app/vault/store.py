"""The plans kept on one laptop: ``<home>/plans/<random>.prepvault``.

File names are random so a folder listing says nothing about a family; the
only thing the list shows is the label each family chose.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..messages import Message
from . import atomic, errors
from .errors import VaultError
from .vault import read_info

SUFFIX = ".prepvault"


@dataclass(frozen=True)
class StoredPlan:
    path: Path
    label: str
    saved_on: date                 # for a damaged file: the day it was last modified
    damaged: bool = False
    problem: Message | None = None  # why it is damaged, for the UI


class Store:
    def __init__(self, home: Path):
        self.plans_dir = Path(home) / "plans"
        try:
            self.plans_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            # a linked folder could be anywhere, shared with anyone: refused, and
            # never chmod-ed through the link
            atomic.refuse_link(self.plans_dir)
            os.chmod(self.plans_dir, 0o700)       # mkdir's mode is reduced by the umask
        except OSError as exc:
            raise errors.storage_error(exc, errors.could_not_read()) from exc

    def list(self) -> list[StoredPlan]:
        """Every vault, newest first, from headers only; bad files are marked damaged."""
        rows = []
        try:
            entries = [e for e in os.scandir(self.plans_dir)
                       if e.name.endswith(SUFFIX) and not e.name.startswith(".")]
        except OSError as exc:
            raise errors.storage_error(exc, errors.could_not_read()) from exc
        for entry in entries:
            path = Path(entry.path)
            try:
                mtime = entry.stat().st_mtime
            except OSError:
                continue                          # vanished meanwhile (erased elsewhere)
            try:
                info = read_info(path)
                plan = StoredPlan(path, info.label, info.saved_on)
            except VaultError as exc:
                plan = StoredPlan(path, "", date.fromtimestamp(mtime), True, exc.message)
            rows.append((plan.saved_on, mtime, plan))
        rows.sort(key=lambda r: r[:2], reverse=True)
        return [plan for _, _, plan in rows]

    def new_path(self) -> Path:
        """A free, random, non-identifying file name for a new plan."""
        while True:
            path = self.plans_dir / f"{secrets.token_hex(4)}{SUFFIX}"
            if not os.path.lexists(path) and not os.path.lexists(atomic.backup_path(path)):
                return path

    def erase(self, path) -> None:
        """Remove a vault, its backup and any temp files it left behind."""
        try:
            atomic.remove_with_leftovers(Path(path))
        except OSError as exc:
            raise errors.storage_error(exc, errors.could_not_erase()) from exc
