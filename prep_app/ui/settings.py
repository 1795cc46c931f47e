"""The app's only settings file: a small JSON in app_home() holding the
language and the idle-lock minutes.  Never names, never recent files."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

from ..home import app_home

FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str | None = None     # None until someone picks one on this laptop
    idle_minutes: float = 5.0

    @classmethod
    def load(cls) -> Settings:
        try:
            data = json.loads((app_home() / FILE_NAME).read_text("utf-8"))
            s = cls()
            if isinstance(data.get("language"), str):
                s.language = data["language"]
            minutes = data.get("idle_minutes")
            if isinstance(minutes, (int, float)) and 0 < minutes <= 120:
                s.idle_minutes = float(minutes)
            return s
        except (OSError, ValueError, AttributeError):
            return cls()

    def save(self) -> None:
        path = app_home() / FILE_NAME
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f)
        os.replace(tmp, path)
