"""An open plan: the unlocked vault, the Plan object the screens edit, and
autosave (encrypted, debounced; there is no Save button to forget)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..model import Plan, dumps, loads

# Tests set a fast KdfParams here; None means the vault's DEFAULT_KDF.
KDF = None
SAVE_DELAY_MS = 400
PLAN_SUFFIX = ".prepplan"


def store():
    from ..home import app_home
    from ..vault import Store
    return Store(app_home())


def kdf_kwargs() -> dict:
    return {"kdf": KDF} if KDF is not None else {}


class Session(QObject):
    saved = Signal()
    save_failed = Signal(object)   # the VaultError

    def __init__(self, vault, plan: Plan, parent=None):
        super().__init__(parent)
        self.vault = vault
        self.plan = plan
        self.step = 0
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @classmethod
    def open(cls, vault) -> "Session":
        return cls(vault, loads(vault.plaintext.decode("utf-8")))

    @property
    def path(self) -> Path:
        return Path(self.vault.path)

    @property
    def label(self) -> str:
        return self.vault.label or ""

    def in_store(self) -> bool:
        try:
            home = store().root if hasattr(store(), "root") else None
        except Exception:
            home = None
        from ..home import app_home
        root = Path(home) if home else app_home()
        try:
            self.path.resolve().relative_to(root.resolve())
            return True
        except ValueError:
            return False

    def changed(self) -> None:
        self.dirty = True
        self._timer.start()

    def save_now(self) -> bool:
        self._timer.stop()
        if not self.dirty:
            return True
        try:
            self.vault.save(dumps(self.plan).encode("utf-8"))
        except Exception as err:  # VaultError / OSError: keep the data in memory, tell the user
            self.save_failed.emit(err)
            return False
        self.dirty = False
        self.saved.emit()
        return True

    def close(self) -> None:
        self.save_now()
        self._timer.stop()
        self.vault = None
        self.plan = None
