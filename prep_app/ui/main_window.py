"""The one window: start screen, plan editor and lock screen in a stack.
The title never shows a family name."""
from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from ..log import caught
from . import widgets
from .lang import LANG, N_, _, bind
from .lock import IdleWatcher
from .settings import Settings
from .start import StartPage

if TYPE_CHECKING:       # loaded when first needed: the first window shows sooner
    from ..vault import Store
    from .dialogs import Dialogs
    from .editor import PlanEditor
    from .lock import LockPage
    from .session import Session

TITLE = "prep-app"

LOG = logging.getLogger(__name__)


@dataclass
class Locked:
    """What the window keeps while a plan is locked: where the plan is, where
    the family was, and what only the plan's key opens again."""
    path: Path
    step: int = 0
    sealed_plan: bytes | None = None   # typing that a failed save could not write
    sealed_code: bytes | None = None   # a new recovery code not yet confirmed
    written: tuple = ()                # the session's PDF paths, for Finish
    copy_folder: Path | None = None


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, parent=None, *, kdf=None, plans=None,
                 dialogs: Dialogs | None = None):
        """*kdf*: the key-derivation cost for new plans; None is the vault's
        DEFAULT_KDF.  Only tests and benchmarks pass a cheaper one.  *plans*:
        the Store of this laptop's plans (default: the app's folder, opened
        on first use so the first window shows sooner).  *dialogs*: the modal
        questions (default: the real ones, loaded on first use)."""
        super().__init__(parent)
        self.settings = settings or Settings()
        self.kdf = kdf
        self._plans = plans
        self._dialogs = dialogs
        self.setWindowTitle(TITLE)
        self.session: Session | None = None
        self.editor: PlanEditor | None = None
        self.locked: Locked | None = None
        self.dialog: QDialog | None = None   # the open dialog, for tests and for closing on lock
        self.message: str | None = None      # the last calm message shown (text), for tests

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start = StartPage(self.settings.idle_minutes)
        self.stack.addWidget(self.start)
        self._lock_page: LockPage | None = None   # built on first lock: the first window shows sooner

        self.start.language_chosen.connect(self.set_language)
        self.start.new_plan.connect(self.new_plan)
        self.start.open_stored.connect(lambda p: self.ask_unlock(Path(p)))
        self.start.open_file.connect(self.open_file)
        self.start.blank_forms.connect(self.blank_forms)
        self.start.idle_minutes_changed.connect(self.set_idle_minutes)
        self.start.new_button.setFocus()      # not the first language button, which may not be the chosen one

        self.idle = IdleWatcher(int(self.settings.idle_minutes * 60_000), self)
        self.idle.idle.connect(self.lock)
        self._painted = False

    @property
    def plans(self) -> Store:
        """The laptop's Store of plans (the vault layer loads on first use)."""
        if self._plans is None:
            from .session import store
            self._plans = store()
        return self._plans

    @property
    def dialogs(self) -> Dialogs:
        if self._dialogs is None:
            from .dialogs import Dialogs
            self._dialogs = Dialogs()
        return self._dialogs

    @property
    def lock_page(self) -> LockPage:
        if self._lock_page is None:
            from .lock import LockPage
            page = self._lock_page = LockPage()
            page.unlocked.connect(self._unlocked_after_lock)
            page.close_plan.connect(self._leave_locked)
            page.language_chosen.connect(self.set_language)
            self.stack.addWidget(page)
        return self._lock_page

    # -- helpers ----------------------------------------------------------------
    def show_message(self, text: str, title_template: str = N_("prep-app")) -> None:
        self.message = text
        self.dialogs.calm_message(self, _(title_template), text)

    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()
        widgets.fit_dialog(dialog)

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self.activateWindow()      # the keyboard goes back to the step behind it

    def set_language(self, code: str) -> None:
        LANG.set(code)
        self.settings.language = LANG.code
        self._save_settings()

    def set_idle_minutes(self, minutes: float) -> None:
        self.settings.idle_minutes = float(minutes)
        self.idle.set_interval(int(minutes * 60_000))
        self._save_settings()

    def set_idle_ms(self, ms: int) -> None:
        """For tests: a short idle timeout (not saved)."""
        self.idle.set_interval(ms)

    def _save_settings(self) -> None:
        with contextlib.suppress(OSError):    # a read-only laptop: the app still works
            self.settings.save()

    def refresh_plans(self) -> None:
        try:
            rows = self.plans.list()
        except Exception as err:       # an unreadable plans folder: the start page still works
            caught(LOG, "listing the plans failed", err)
            rows = []
        self.start.set_plans(rows)

    def show_start(self) -> None:
        self.locked = None
        if self._lock_page is not None:
            self._lock_page.say_kept(None)
        self.idle.stop()
        self.refresh_plans()
        self.stack.setCurrentWidget(self.start)
        self.start.new_button.setFocus()

    # -- creating and opening -----------------------------------------------------
    def new_plan(self) -> None:
        from .passphrase import CreatePlanDialog
        dialog = CreatePlanDialog(self)
        dialog.chosen.connect(lambda d=dialog: self._create(d))
        self._open_dialog(dialog)

    def _create(self, dialog) -> None:
        from ..model import Plan, dumps
        from ..vault import create_vault
        from .background import run
        plan_label, passphrase = dialog.label_edit.text().strip(), dialog.passphrase.text()
        plan = Plan()
        if LANG.code != "en":
            plan.household.languages = [LANG.code, "en"]
        data, path, kdf = dumps(plan).encode("utf-8"), self.plans.new_path(), \
            ({"kdf": self.kdf} if self.kdf is not None else {})
        dialog.set_busy(True)
        run(dialog, lambda: create_vault(path, data, passphrase, plan_label, **kdf),
            lambda made, error: self._created(dialog, made, error))

    def _created(self, dialog, made, error) -> None:
        from ..vault import VaultError
        dialog.set_busy(False)
        if isinstance(error, VaultError):
            dialog.say(error.message.text(LANG.gettext))
            return
        if error is not None:
            raise error
        vault, code = made
        dialog.done_ok()
        self.open_session(vault)     # behind the code, so the idle lock covers it
        self._show_recovery_code(code, vault.label)

    def _show_recovery_code(self, code: str, plan_label: str) -> None:
        from .passphrase import RecoveryCodeDialog
        self._open_dialog(RecoveryCodeDialog(code, plan_label, self))

    def ask_unlock(self, path: Path) -> None:
        from .passphrase import UnlockDialog
        dialog = UnlockDialog(path, self)
        dialog.unlocked.connect(lambda vault: self._opened(vault, 0, dialog.form))
        dialog.form.damaged.connect(lambda text: self.show_message(text))
        self._open_dialog(dialog)

    def open_file(self) -> None:
        path = self.dialogs.choose_open_file(self, _("Open a plan from a file"),
                                             _("Plans (*.prepvault);;All files (*)"))
        if path:
            self.ask_unlock(Path(path))

    def open_session(self, vault, step: int = 0, plaintext: bytes | None = None) -> None:
        """Show *vault*'s plan, or *plaintext*: changes kept sealed while locked."""
        from ..model import ExchangeError
        from .editor import PlanEditor
        from .session import Session
        try:
            sess = Session.open(vault, plaintext, plans=self.plans)
        except (ExchangeError, UnicodeDecodeError):
            self.show_message(_("This plan file opens, but the plan inside cannot be read. "
                                "Nothing was changed."))
            return
        sess.step = step
        sess.save_failed.connect(lambda err: self.show_message(
            err.message.text(LANG.gettext) if hasattr(err, "message") else
            _("The plan could not be saved. Your typing is kept while the window is open.")))
        self.session = sess
        editor = self.editor = PlanEditor(sess, dialogs=self.dialogs)
        editor.lock_requested.connect(self.lock)
        editor.language_chosen.connect(self.set_language)
        editor.finish_requested.connect(self.finish)
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        self.idle.start()
        if plaintext is not None:
            sess.save_now()

    def _close_dialogs(self) -> None:
        """Every dialog, the recovery code's too (its Escape is refused)."""
        for d in self.findChildren(QDialog):
            if d.isVisible():
                d.done(QDialog.DialogCode.Rejected)
        self.dialog = None

    def _drop_editor(self) -> None:
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None

    def _close_session(self) -> None:
        self._close_dialogs()
        if self.session is not None:
            self.session.close()
            self.session = None
        self._drop_editor()

    # -- lock -------------------------------------------------------------------------
    def lock(self) -> None:
        """The lock page first, whatever happens next: then save, and keep
        what could not be saved sealed under the plan's key, never on screen."""
        from .passphrase import RecoveryCodeDialog
        sess = self.session
        if sess is None:
            return
        self.idle.stop()
        self.lock_page.arm(sess.path)
        self.stack.setCurrentWidget(self.lock_page)
        codes = [d.code for d in self.findChildren(RecoveryCodeDialog)
                 if d.isVisible() and not d.done_box.isChecked()]
        self._close_dialogs()
        self._drop_editor()
        self.session = None
        sealed_code = sess.vault.seal(codes[0].encode("ascii")) if codes else None
        self.locked = Locked(sess.path, sess.step, sess.lock(), sealed_code, tuple(sess.written), sess.copy_folder)
        self.lock_page.say_kept(self.locked)

    def _leave_locked(self) -> None:
        """"Close the plan" on the lock page: what is kept sealed would be lost."""
        if self.locked is not None and not self._may_drop(self.locked):
            return
        self.show_start()

    def _may_drop(self, locked: Locked) -> bool:
        if locked.sealed_plan is not None:
            text = _("Your last changes are not saved yet. If you close the plan now, they are lost. "
                     "Close it anyway?")
        elif locked.sealed_code is not None:
            text = _("The new recovery code was not written down yet. If you close the plan now, "
                     "you cannot see it again. Close it anyway?")
        else:
            return True
        return self.dialogs.ask(self, _("prep-app"), text)

    def _unlocked_after_lock(self, vault) -> None:
        locked, self.locked = self.locked, None
        assert locked is not None     # the lock page unlocks only while locked; Close waits for it
        self.lock_page.say_kept(None)
        plaintext = code = None
        if locked.sealed_plan is not None:
            plaintext = vault.unseal(locked.sealed_plan)
        if locked.sealed_code is not None:
            code = vault.unseal(locked.sealed_code)
        self._opened(vault, locked.step, self.lock_page.form, plaintext)
        if self.session is not None:
            self.session.written[:0] = locked.written
            self.session.copy_folder = locked.copy_folder
        lost = (locked.sealed_plan is not None and plaintext is None) or \
            (locked.sealed_code is not None and code is None)
        if lost:      # the file's key changed meanwhile (another copy put in its place)
            self.show_message(_("What was kept during the lock could not be opened: "
                                "the plan file was changed meanwhile."))
        if code is not None and self.session is not None:
            self._show_recovery_code(code.decode("ascii"), vault.label)

    def _opened(self, vault, step: int, form, plaintext: bytes | None = None) -> None:
        self.open_session(vault, step, plaintext)
        if form.used_recovery_code and self.session is not None:
            self.offer_new_passphrase()

    def offer_new_passphrase(self) -> None:
        """After the recovery code: a new passphrase, so the paper code is not needed daily."""
        from .passphrase import CreatePlanDialog
        dialog = CreatePlanDialog(self, ask_label=False)
        dialog.chosen.connect(lambda: self._set_passphrase(dialog))
        self._open_dialog(dialog)

    def _set_passphrase(self, dialog) -> None:
        """A new data key: the .bak and any copy sealed under the old one no
        longer open what is saved from now on.  The idle lock waits meanwhile:
        it would close the vault under the re-keying."""
        from .background import run
        sess = self.session
        assert sess is not None       # offered with a plan open; a lock closes this dialog first
        sess.save_now()
        self.idle.stop()
        dialog.set_busy(True)
        new = dialog.passphrase.text()
        run(dialog, lambda: sess.vault.change_passphrase(new),
            lambda code, error: self._passphrase_set(dialog, code, error))

    def _passphrase_set(self, dialog, code, error) -> None:
        from ..vault import VaultError
        dialog.set_busy(False)
        self.idle.start()
        if isinstance(error, VaultError):
            dialog.say(error.message.text(LANG.gettext))
            return
        if error is not None:
            raise error
        dialog.done_ok()
        # the dialog blocks the window and the idle lock waits while the key changes
        assert self.session is not None
        if code:    # opened with the passphrase: its recovery slot could not be carried over
            self._show_recovery_code(code, self.session.vault.label)
            return
        self.show_message(_("The new passphrase is set. The recovery code still works too."))

    # -- finish ------------------------------------------------------------------------
    def finish(self) -> None:
        from .finish import FinishDialog
        if self.session is None:
            return
        self.session.save_now()
        dialog = FinishDialog(self.session, self, dialogs=self.dialogs)
        dialog.print_requested.connect(self._show_print_step)
        dialog.erase_confirmed.connect(lambda d=dialog: self._erase(d.in_store))
        self._open_dialog(dialog)

    def _show_print_step(self) -> None:
        if self.editor is not None:
            self.editor.go(len(self.editor.steps) - 1)

    def _erase(self, in_store: bool) -> None:
        from ..vault import VaultError
        assert self.session is not None   # Finish is open, and a lock closes it
        path = self.session.path
        self._close_session()
        if in_store:
            try:
                self.plans.erase(path)
            except VaultError as err:
                self.show_message(err.message.text(LANG.gettext))
        self.show_start()
        if in_store:
            self.show_message(_("The plan was erased from this laptop."))

    # -- blank forms -----------------------------------------------------------------
    def blank_forms(self) -> None:
        self._open_dialog(BlankFormsDialog(self, self.dialogs))

    # -- Qt events --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:      # the rest of the set-up, once the start screen is on screen
            self._painted = True
            QTimer.singleShot(0, self._after_first_frame)

    def _after_first_frame(self) -> None:
        from .app import after_first_frame
        after_first_frame()
        self.refresh_plans()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked is not None and not self._may_drop(self.locked):
            event.ignore()
            return
        if self.session is not None:
            self._close_session()
        self.idle.stop()
        super().closeEvent(event)


class BlankFormsDialog(QDialog):
    def __init__(self, parent: QWidget, dialogs: Dialogs):
        from .print_panel import PrintPanel
        super().__init__(parent)
        bind(self, "setWindowTitle", N_("Blank forms"))
        self.panel = PrintPanel(lambda: None, dialogs=dialogs)
        close = widgets.button(N_("Close"))
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.panel)
        lay.addWidget(close)

