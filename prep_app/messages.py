"""Translatable messages that layers below the UI can raise or return.

``N_`` marks an English template for ``pybabel extract``; :meth:`Message.text`
translates it later with the gettext function of the reader's language, so
model and vault code stays free of any translation machinery.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


def N_(template: str) -> str:
    """Mark a string for extraction; it is translated when shown."""
    return template


@dataclass(frozen=True)
class Message:
    template: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, gettext: Callable[[str], str] = lambda s: s) -> str:
        values = {k: v.text(gettext) if isinstance(v, Message) else v
                  for k, v in self.params.items()}
        return gettext(self.template).format(**values)

    def __str__(self) -> str:
        return self.text()
