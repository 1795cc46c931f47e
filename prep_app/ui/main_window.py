"""The one window: start screen, plan editor and lock screen in a stack.
The title never shows a family name."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QVBoxLayout

from . import widgets
from .lang import LANG, N_, _, bind
from .lock import IdleWatcher
from .settings import Settings
from .start import StartPage

TITLE = "prep-app"


class _LazySession:
    """prep_app.ui.session (and with it the model and vault) imported on first use,
    so the first window shows without them."""

    def __getattr__(self, name):
        from . import session
        return getattr(session, name)


session_mod = _LazySession()


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.setWindowTitle(TITLE)
        self.session = None
        self.editor = None
        self.locked_path: Path | None = None
        self.locked_step = 0
        self.dialog = None       # the open dialog, for tests and for closing on lock
        self.message = None      # the last calm message shown (text), for tests

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start = StartPage(self.settings.idle_minutes)
        self.stack.addWidget(self.start)
        self._lock_page = None     # built on first lock: the first window shows sooner

        self.start.language_chosen.connect(self.set_language)
        self.start.new_plan.connect(self.new_plan)
        self.start.open_stored.connect(lambda p: self.ask_unlock(Path(p)))
        self.start.open_file.connect(self.open_file)
        self.start.blank_forms.connect(self.blank_forms)
        self.start.idle_minutes_changed.connect(self.set_idle_minutes)

        self.idle = IdleWatcher(int(self.settings.idle_minutes * 60_000), self)
        self.idle.idle.connect(self.lock)
        QApplication.instance().installEventFilter(self.idle)
        self._bench_exit = bool(os.environ.get("PREP_APP_BENCH_EXIT_ON_SHOW"))
        self._first_show = True

    @property
    def lock_page(self):
        if self._lock_page is None:
            from .lock import LockPage
            self._lock_page = LockPage()
            self._lock_page.unlocked.connect(self._unlocked_after_lock)
            self._lock_page.close_plan.connect(self.show_start)
            self.stack.addWidget(self._lock_page)
        return self._lock_page

    # -- helpers ----------------------------------------------------------------
    def show_message(self, text: str, title_template: str = N_("prep-app")) -> None:
        self.message = text
        widgets.calm_message(self, _(title_template), text)

    def _open_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: setattr(self, "dialog", None) if self.dialog is d else None)
        dialog.open()
        widgets.fit_dialog(dialog)

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
        try:
            self.settings.save()
        except OSError:
            pass   # a read-only laptop: the app still works

    def refresh_plans(self) -> None:
        try:
            rows = session_mod.store().list()
        except Exception:
            rows = []
        self.start.set_plans(rows)

    def show_start(self) -> None:
        self.locked_path = None
        self.idle.stop()
        self.refresh_plans()
        self.stack.setCurrentWidget(self.start)
        self.start.new_button.setFocus()

    # -- creating and opening -----------------------------------------------------
    def new_plan(self) -> None:
        from .passphrase import CreatePlanDialog
        dialog = CreatePlanDialog(self)
        dialog.accepted.connect(lambda d=dialog: self._create(d.label_edit.text().strip(), d.passphrase.text()))
        self._open_dialog(dialog)

    def _create(self, plan_label: str, passphrase: str) -> None:
        from ..model import Plan, dumps
        from ..vault import VaultError, create_vault
        from .passphrase import RecoveryCodeDialog
        plan = Plan()
        if LANG.code != "en":
            plan.household.languages = [LANG.code, "en"]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            vault, code = create_vault(session_mod.store().new_path(), dumps(plan).encode("utf-8"),
                                       passphrase, plan_label, **session_mod.kdf_kwargs())
        except VaultError as err:
            self.show_message(err.message.text(LANG.gettext))
            return
        finally:
            QApplication.restoreOverrideCursor()
        dialog = RecoveryCodeDialog(code, plan_label, self)
        dialog.finished.connect(lambda _r, v=vault: self.open_session(v))
        self._open_dialog(dialog)

    def ask_unlock(self, path: Path) -> None:
        from .passphrase import UnlockDialog
        dialog = UnlockDialog(path, self)
        dialog.unlocked.connect(lambda vault: self._opened(vault, 0, dialog.form))
        dialog.form.damaged.connect(lambda text: self.show_message(text))
        self._open_dialog(dialog)

    def open_file(self) -> None:
        path = widgets.choose_open_file(self, _("Open a plan from a file"),
                                        _("Plans (*.prepvault);;All files (*)"))
        if path:
            self.ask_unlock(Path(path))

    def open_session(self, vault, step: int = 0) -> None:
        from ..model import ExchangeError
        from .editor import PlanEditor
        try:
            sess = session_mod.Session.open(vault)
        except (ExchangeError, UnicodeDecodeError):
            self.show_message(_("This plan file opens, but the plan inside cannot be read. "
                                "Nothing was changed."))
            return
        sess.step = step
        sess.save_failed.connect(lambda err: self.show_message(
            err.message.text(LANG.gettext) if hasattr(err, "message") else
            _("The plan could not be saved. Your typing is kept while the window is open.")))
        self.session = sess
        self.editor = PlanEditor(sess)
        self.editor.lock_requested.connect(self.lock)
        self.editor.finish_requested.connect(self.finish)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self.idle.start()

    def _close_session(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        for d in self.findChildren(QDialog):
            if d.isVisible():
                d.reject()
        if self.session is not None:
            self.session.close()
            self.session = None
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None

    # -- lock -------------------------------------------------------------------------
    def lock(self) -> None:
        if self.session is None:
            return
        self.locked_path = self.session.path
        self.locked_step = self.session.step
        vault = self.session.vault
        self._close_session()
        if vault is not None:
            vault.close()
        self.idle.stop()
        self.lock_page.arm(self.locked_path)
        self.stack.setCurrentWidget(self.lock_page)

    def _unlocked_after_lock(self, vault) -> None:
        self.locked_path = None
        self._opened(vault, self.locked_step, self.lock_page.form)

    def _opened(self, vault, step: int, form) -> None:
        self.open_session(vault, step)
        if form.used_recovery_code and self.session is not None:
            self.offer_new_passphrase()

    def offer_new_passphrase(self) -> None:
        """After the recovery code: a new passphrase, so the paper code is not needed daily."""
        from .passphrase import CreatePlanDialog
        dialog = CreatePlanDialog(self, ask_label=False)
        dialog.accepted.connect(lambda: self._set_passphrase(dialog.passphrase.text()))
        self._open_dialog(dialog)

    def _set_passphrase(self, passphrase: str) -> None:
        from ..vault import VaultError
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # a new data key: the .bak and any copy sealed under the old one
            # no longer open what is saved from now on
            code = self.session.vault.change_passphrase(passphrase)
        except VaultError as err:
            self.show_message(err.message.text(LANG.gettext))
            return
        finally:
            QApplication.restoreOverrideCursor()
        if code:    # opened with the passphrase: its recovery slot could not be carried over
            from .passphrase import RecoveryCodeDialog
            self._open_dialog(RecoveryCodeDialog(code, self.session.vault.label, self))
            return
        self.show_message(_("The new passphrase is set. The recovery code still works too."))

    # -- finish ------------------------------------------------------------------------
    def finish(self) -> None:
        from .finish import FinishDialog
        if self.session is None:
            return
        self.session.save_now()
        dialog = FinishDialog(self.session, self)
        dialog.print_requested.connect(lambda: self.editor and self.editor.go(len(self.editor.steps) - 1))
        dialog.erase_confirmed.connect(lambda d=dialog: self._erase(d.in_store))
        self._open_dialog(dialog)

    def _erase(self, in_store: bool) -> None:
        from ..vault import VaultError
        path = self.session.path
        vault = self.session.vault
        self._close_session()
        if vault is not None:
            vault.close()
        if in_store:
            try:
                session_mod.store().erase(path)
            except VaultError as err:
                self.show_message(err.message.text(LANG.gettext))
        self.show_start()
        if in_store:
            self.show_message(_("The plan was erased from this laptop."))

    # -- blank forms -----------------------------------------------------------------
    def blank_forms(self) -> None:
        from .print_panel import PrintPanel
        from .widgets import button
        dialog = QDialog(self)
        bind(dialog, "setWindowTitle", N_("Blank forms"))
        dialog.panel = PrintPanel(lambda: None)
        close = button(N_("Close"))
        close.clicked.connect(dialog.accept)
        lay = QVBoxLayout(dialog)
        lay.addWidget(dialog.panel)
        lay.addWidget(close)
        self._open_dialog(dialog)

    # -- Qt events --------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._bench_exit:
            print("prep-app: window shown", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
        if self._first_show:     # the list of plans (the vault layer) loads just after the window shows
            self._first_show = False
            QTimer.singleShot(30, self.refresh_plans)

    def closeEvent(self, event) -> None:
        if self.session is not None:
            self.session.save_now()
            vault = self.session.vault
            self._close_session()
            if vault is not None:
                vault.close()
        QApplication.instance().removeEventFilter(self.idle)
        super().closeEvent(event)
