"""Slow work off the window's thread: the key derivation takes about half a
second per secret (a crafted file may ask for up to about three), rendering
five PDFs most of a second, printing a packet seconds; a window that stops
painting looks broken.  Argon2id and PDFium release the GIL; ReportLab takes
turns with the window for it."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

T = TypeVar("T")


class Job(QObject):
    """Runs ``work()`` on a thread; ``then(result, error)`` on the window's
    thread, unless *owner* is gone by then (a dialog closed meanwhile): the
    result is then closed if it can be (an unlocked vault, PDFs saved for a
    plan locked meanwhile) and dropped."""
    _finished = Signal(object, object)

    def __init__(self, work: Callable[[], object], then: Callable[[object, BaseException | None], None],
                 owner: QObject):
        super().__init__(QCoreApplication.instance())   # outlives the owner: the thread emits on it
        # emptied on delivery: a finished job keeps neither the result's
        # receiver nor its owner alive
        self._work: Callable[[], object] | None = work
        self._then: Callable[[object, BaseException | None], None] | None = then
        self._owner: QObject | None = owner
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> Job:
        threading.Thread(target=self._run, name="prep-app-job", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            assert self._work is not None     # emptied only on delivery, after this ran
            result, error = self._work(), None
        except Exception as exc:          # handed to the window's thread, never lost
            result, error = None, exc
        self._finished.emit(result, error)

    def _deliver(self, result: object, error: BaseException | None) -> None:
        then, owner = self._then, self._owner
        self._work = self._then = self._owner = None
        self.deleteLater()
        assert then is not None           # a job runs, and so delivers, once
        if shiboken6.isValid(owner):
            then(result, error)
        elif hasattr(result, "close"):
            result.close()


def run(owner: QObject, work: Callable[[], T],
        then: Callable[[T | None, BaseException | None], None]) -> Job:
    """``then`` gets ``work()``'s result and None, or None and the exception it raised."""
    return Job(work, cast(Callable[[object, BaseException | None], None], then), owner).start()
