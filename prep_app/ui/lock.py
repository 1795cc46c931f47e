"""Shared-laptop safety: idle detection and the lock screen.

The lock screen shows nothing about the family: no label, no name, no step.
While locked the plan is not in any widget; unlocking reads it again from the
encrypted file with the passphrase or recovery code."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from .lang import N_, bind
from .language_picker import LanguagePicker
from .widgets import button, label

ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
            QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate}


class IdleWatcher(QObject):
    """``idle`` fires after ``ms`` without input, while started.  It watches
    the application's events only then: a filter in Python sees every event
    of every widget, and at start-up it made PySide build the Python types of
    about 130 widget classes the window never uses (20 ms)."""
    idle = Signal()

    def __init__(self, ms: int, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_interval(ms)

    def set_interval(self, ms: int) -> None:
        self.timer.setInterval(max(50, int(ms)))
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        _application().installEventFilter(self)     # once, however often started
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        _application().removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    assert app is not None       # a watcher exists only inside the application
    return app


PASSPHRASE_INTRO = N_("This plan is locked to keep it private. Type the passphrase to continue.")
CODE_INTRO = N_("This plan is locked to keep it private. Type the recovery code to continue.")


class LockPage(QWidget):
    unlocked = Signal(object)     # the vault
    close_plan = Signal()
    language_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        from .passphrase import UnlockForm
        self.form = UnlockForm()
        self.unlock_button = button(N_("Unlock"), default=True)
        self.leave_button = button(N_("Close the plan (it stays saved)"))
        self.unlock_button.clicked.connect(self.form.try_unlock)
        self.leave_button.clicked.connect(self.close_plan.emit)
        self.form.unlocked.connect(self.unlocked.emit)
        self.form.damaged.connect(self.form._say_text)
        self.form.busy_changed.connect(lambda busy: self.unlock_button.setEnabled(not busy))
        self.form.busy_changed.connect(lambda busy: self.leave_button.setEnabled(not busy))
        self.language = LanguagePicker()
        self.language.chosen.connect(self.language_chosen.emit)
        box = QWidget()
        box.setMaximumWidth(760)
        col = QVBoxLayout(box)
        heading = QHBoxLayout()
        heading.addWidget(label(N_("Locked"), kind="title"), 1)
        heading.addWidget(self.language, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        col.addLayout(heading)
        self.intro = label(PASSPHRASE_INTRO)
        self.form.code_mode.connect(lambda code: bind(self.intro, "setText", CODE_INTRO if code else PASSPHRASE_INTRO))
        col.addWidget(self.intro)
        self.kept = label(kind="warning")     # what waits, sealed, for the unlock
        self.kept.hide()
        col.addWidget(self.kept)
        col.addSpacing(8)
        col.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.leave_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        col.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 2)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

    def say_kept(self, locked) -> None:
        """Tell, calmly and without a box, what is kept until the unlock."""
        if locked is not None and locked.sealed_plan is not None:
            bind(self.kept, "setText", N_("Your last changes are not saved yet (was the USB stick taken "
                                          "out?). They are kept here, locked, and saved when you unlock "
                                          "the plan."))
        elif locked is not None and locked.sealed_code is not None:
            bind(self.kept, "setText", N_("Unlock the plan to see the new recovery code again "
                                          "and write it down."))
        self.kept.setVisible(locked is not None and (locked.sealed_plan or locked.sealed_code) is not None)

    def arm(self, path) -> None:
        self.form.reset(path)
        self.form.passphrase.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
