"""The app's only settings file: a small JSON in app_home() holding the
language and the idle-lock minutes.  Never names, never recent files."""
from __future__ import annotations

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
            text = (app_home() / FILE_NAME).read_text("utf-8")
            import json  # only once there is a file: a new laptop's first window needs none
            data = json.loads(text)
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
        """Through the vault's writer: owner-only, fsynced, never half-written,
        a random temp name, and never through a link."""
        import json

        from ..vault.atomic import write_atomic
        write_atomic(app_home() / FILE_NAME, json.dumps(asdict(self)).encode("utf-8"), backup=False)
