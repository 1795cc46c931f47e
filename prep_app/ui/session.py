"""An open plan: the unlocked vault, the Plan object the screens edit, and
autosave (encrypted, debounced; there is no Save button to forget)."""
from __future__ import annotations

import contextlib
import logging
import warnings
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ..log import caught
from ..model import Plan, dumps, loads

SAVE_DELAY_MS = 400

LOG = logging.getLogger(__name__)


def store():
    from ..home import app_home
    from ..vault import Store
    return Store(app_home())


class Session(QObject):
    saved = Signal()
    save_failed = Signal(object)   # the VaultError

    def __init__(self, vault, plan: Plan, parent=None, *, plans=None):
        """*plans*: the laptop's Store of plans (default: the app's own)."""
        super().__init__(parent)
        self.vault = vault
        self.plans = plans if plans is not None else store()
        self.plan: Plan | None = plan      # None once locked or closed
        self.step = 0
        self.dirty = False
        # paths only, in memory: the PDFs written tonight (saved, or printed
        # to a file) and the folder of the family's encrypted copy
        self.written: list[Path] = []
        self.copy_folder: Path | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    @classmethod
    def open(cls, vault, plaintext: bytes | None = None, *, plans=None) -> Session:
        """The plan *vault* holds, or *plaintext* (unsaved changes kept while locked)."""
        sess = cls(vault, loads((vault.plaintext if plaintext is None else plaintext).decode("utf-8")), plans=plans)
        sess.dirty = plaintext is not None      # the window saves it at once
        return sess

    @property
    def path(self) -> Path:
        return Path(self.vault.path)

    @property
    def label(self) -> str:
        return self.vault.label or ""

    def in_store(self) -> bool:
        """Kept in this laptop's plans folder (not opened from a file)."""
        return self.path.resolve().is_relative_to(self.plans.plans_dir.resolve())

    def stick_folder(self) -> Path | None:
        """The family's USB stick as far as the app knows: the folder of the
        copy saved in Finish, or of the plan opened from a file."""
        if self.copy_folder is not None:
            return self.copy_folder
        return None if self.in_store() else self.path.parent

    def pdfs_left(self) -> list[Path]:
        """This session's PDFs still on disk, outside the family's stick."""
        stick = self.stick_folder()
        left = []
        for pdf in dict.fromkeys(self.written):
            on_stick = stick is not None and pdf.resolve().is_relative_to(stick.resolve())
            if pdf.is_file() and not on_stick:
                left.append(pdf)
        return left

    def changed(self) -> None:
        self.dirty = True
        self._timer.start()

    def _try_save(self) -> Exception | None:
        """Save any changes; the error (VaultError, OSError) instead of raising it."""
        self._timer.stop()
        if not self.dirty:
            return None
        assert self.plan is not None      # let go only after the last save; the timer stops first
        try:
            self.vault.save(dumps(self.plan).encode("utf-8"))
        except Exception as err:
            caught(LOG, "saving the plan failed; kept in memory", err)
            return err
        self.dirty = False
        self.saved.emit()
        return None

    def save_now(self) -> bool:
        err = self._try_save()
        if err is not None:       # the data stays in memory; the window tells the user
            self.save_failed.emit(err)
        return err is None

    def lock(self) -> bytes | None:
        """Save, then let go of the plan and the key, telling no one: the lock
        page is already up.  Changes that could not be saved come back sealed
        under the plan's key, for the window to keep until it is unlocked."""
        sealed = None
        if self._try_save() is not None:
            assert self.plan is not None      # a failed save had a plan to save
            sealed = self.vault.seal(dumps(self.plan).encode("utf-8"))
        self._let_go()
        return sealed

    def close(self) -> None:
        self.save_now()
        self._let_go()

    def _let_go(self) -> None:
        """Drop the key and the plan, and every connection: a connection held
        by Qt (the timer's to this session, the editor's lambdas on ``saved``)
        is a cycle Python's collector cannot see, and would keep the plan."""
        self._timer.stop()
        self.vault.close()
        self.vault = self.plan = None
        for signal in (self._timer.timeout, self.saved, self.save_failed):
            with warnings.catch_warnings():       # "nothing to disconnect" is fine
                warnings.simplefilter("ignore", RuntimeWarning)
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()
