"""The guided steps.  Each step page wraps an editor; the same pages serve
for editing a finished plan, so the two cannot drift apart."""
from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..lang import N_


class Step(QWidget):
    """Base of a step page.  ``sections`` are the first parts of the
    exchange-format paths this step edits (for the review's Fix buttons)."""
    edited = Signal()
    title = ""
    intro = ""
    sections: tuple[str, ...] = ()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

    @property
    def plan(self):
        return self.session.plan

    def shown(self) -> None:
        """Called each time the step is shown (refresh plan-dependent parts)."""

    def focus_path(self, path: str) -> None:
        """Focus the editor of an exchange-format path such as "guardians[1].phone"."""

    def focus_first(self) -> None:
        """Put the cursor where the step's typing starts."""
        if self.sections:
            self.focus_path(self.sections[0])


PATH_RE = re.compile(r"^(?P<section>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<rest>.+))?$")


def split_path(path: str) -> tuple[str, int | None, str | None]:
    m = PATH_RE.match(path)
    if not m:
        return path, None, None
    index = m.group("index")
    return m.group("section"), int(index) if index is not None else None, m.group("rest")


def all_steps():
    from .contacts import ContactsStep
    from .documents import DocumentsStep
    from .household import HouseholdStep
    from .legal import LegalStep, MoneyStep
    from .people import ChildrenStep, GuardiansStep, ParentsStep
    from .review import ReviewStep
    return [HouseholdStep, ParentsStep, ChildrenStep, GuardiansStep, ContactsStep,
            DocumentsStep, LegalStep, MoneyStep, ReviewStep]


__all__ = ["Step", "split_path", "all_steps", "N_"]
