"""Create a plan (label, passphrase with plain-word strength, confirm), show
and print the recovery code, and unlock a plan (passphrase or recovery code)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ..passphrase import strength
from .code_entry import CodeEntry
from .lang import LANG, N_, _, bind, on_change
from .widgets import MIN_HEIGHT, KindLabel, button, fit_dialog, label, plain_text


def _password_edit() -> QLineEdit:
    e = QLineEdit()
    e.setEchoMode(QLineEdit.EchoMode.Password)
    e.setMinimumHeight(MIN_HEIGHT)
    return e


def _buttons(dialog: QDialog, ok_template: str) -> QDialogButtonBox:
    """OK / Cancel: Qt's own Cancel (translated by qtbase_<lang>.qm), our OK text."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    bind(ok, "setText", ok_template)
    bind(ok, "setAccessibleName", ok_template)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    bind(cancel, "setText", N_("Cancel"))
    bind(cancel, "setAccessibleName", N_("Cancel"))
    for b in (ok, cancel):
        b.setMinimumHeight(MIN_HEIGHT)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class CreatePlanDialog(QDialog):
    """Asks for a label and a passphrase; emits ``chosen`` when both are fine,
    and the window closes it (``done_ok``) once the slow work is done.
    Without ``ask_label`` it asks only for a new passphrase (after the recovery code)."""
    chosen = Signal()

    def __init__(self, parent=None, ask_label: bool = True):
        super().__init__(parent)
        self.ask_label = ask_label
        bind(self, "setWindowTitle", N_("Start a new plan") if ask_label else N_("Choose a new passphrase"))
        self.label_edit = QLineEdit()
        self.label_edit.setMinimumHeight(MIN_HEIGHT)
        self.label_edit.setMaxLength(60)
        self.passphrase = _password_edit()
        self.confirm = _password_edit()
        self.show_box = QCheckBox()
        self.strength = label(kind="strength")
        self.problem = label(kind="error")
        for w, template in ((self.label_edit, N_("Name for this plan")),
                            (self.passphrase, N_("Passphrase")),
                            (self.confirm, N_("Type the passphrase again")),
                            (self.show_box, N_("Show the passphrase"))):
            bind(w, "setAccessibleName", template)
        bind(self.show_box, "setText", N_("Show the passphrase"))
        self.strength.setAccessibleName("strength")
        lay = QVBoxLayout(self)
        if ask_label:
            lay.addWidget(label(N_("Name for this plan"), kind="field", buddy=self.label_edit))
            lay.addWidget(self.label_edit)
            lay.addWidget(label(N_("Shown in the list of plans on this laptop. Do not use your family name: "
                                   "pick something like “Blue door” or “Tuesday group 3”."), kind="hint"))
            lay.addSpacing(10)
        else:
            lay.addWidget(label(N_("The recovery code opened the plan. Choose a new passphrase now, "
                                   "so you do not need the code next time.")))
        lay.addWidget(label(N_("Passphrase"), kind="field", buddy=self.passphrase))
        lay.addWidget(self.passphrase)
        lay.addWidget(label(N_("It locks the plan. Three or four words you will remember, "
                               "e.g. “mango river tuesday song”."), kind="hint"))
        lay.addWidget(self.strength)
        lay.addWidget(label(N_("Type the passphrase again"), kind="field", buddy=self.confirm))
        lay.addWidget(self.confirm)
        lay.addWidget(self.show_box)
        lay.addWidget(self.problem)
        self.busy = False
        self.busy_box = Busy(N_("Locking the plan with the passphrase…"))
        lay.addWidget(self.busy_box)
        self.box = _buttons(self, N_("Create the plan") if ask_label else N_("Use this passphrase"))
        lay.addWidget(self.box)
        self.problem.hide()
        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self.show_box.toggled.connect(self._show)
        on_change(self, self._update)
        self._update()
        self.setMinimumWidth(520)

    def _show(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _update(self, *_args) -> None:
        level, words = strength(self.passphrase.text())
        marks = "●" * level + "○" * (3 - level)
        self.strength.setText(f"{marks}  {_(words)}" if words else "")

    def problem_text(self) -> str | None:
        if self.ask_label and not self.label_edit.text().strip():
            return N_("Please give the plan a name, like “Blue door”.")
        level, words = strength(self.passphrase.text())
        if level == 0:
            return words or N_("Please choose a passphrase.")
        if self.passphrase.text() != self.confirm.text():
            return N_("The two passphrases are not the same. Please type them again.")
        return None

    def accept(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText("⚠ " + _(problem))
            self.problem.show()
            missing_label = self.ask_label and not self.label_edit.text().strip()
            (self.label_edit if missing_label else self.passphrase).setFocus()
            return
        if not self.busy:
            self.problem.hide()
            self.chosen.emit()

    def set_busy(self, busy: bool) -> None:
        """While the plan is locked with the new passphrase (on another thread)."""
        self.busy = busy
        for w in (self.label_edit, self.passphrase, self.confirm, self.show_box, self.box):
            w.setEnabled(not busy)
        self.busy_box.setVisible(busy)
        fit_dialog(self)

    def done_ok(self) -> None:
        super().accept()

    def reject(self) -> None:    # Escape while the plan is being made would orphan it
        if not self.busy:
            super().reject()

    def say(self, text: str) -> None:
        self.problem.setText("⚠ " + text)
        self.problem.show()
        fit_dialog(self)


class CodeLabel(KindLabel):
    """The recovery code, large, in lines of whole groups: four groups a line,
    as on its paper, or two or one where the width is short (large text).  A
    line ends on its dash; the code is never broken inside a group (Qt would
    wrap it anywhere, or not at all and cut it off)."""

    PER_LINE = (4, 2, 1)

    def __init__(self, code: str):
        super().__init__("code")
        self.groups = code.split("-")
        plain_text(self)
        self.setWordWrap(False)
        self.setFrameShape(QLabel.Shape.Box)
        self.setMargin(10)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.per_line = self.PER_LINE[0]
        self.setText(self.text_for(self.per_line))

    def text_for(self, per_line: int) -> str:
        g = self.groups
        return "-\n".join("-".join(g[i:i + per_line]) for i in range(0, len(g), per_line))

    def _chrome(self) -> QSize:
        m = self.contentsMargins()
        frame = 2 * self.frameWidth() + 2 * self.margin()
        return QSize(m.left() + m.right() + frame, m.top() + m.bottom() + frame)

    def _size(self, per_line: int) -> QSize:
        lines = self.text_for(per_line).split("\n")
        fm = self.fontMetrics()
        wide = max(fm.horizontalAdvance(line) for line in lines) + 2     # + the cursor's pixel
        return QSize(wide, fm.lineSpacing() * len(lines)) + self._chrome()

    def _fitting(self, width: int) -> int:
        return next((n for n in self.PER_LINE if self._size(n).width() <= width), self.PER_LINE[-1])

    def sizeHint(self) -> QSize:
        return self._size(self.PER_LINE[0])

    def minimumSizeHint(self) -> QSize:       # as narrow as a group; the height follows the width
        return QSize(self._size(self.PER_LINE[-1]).width(), self.sizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size(self._fitting(width)).height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._relayout()
        super().resizeEvent(event)

    def restyle(self) -> None:         # a new text size: the lines that fit change
        super().restyle()
        if hasattr(self, "groups"):
            self.updateGeometry()
            self._relayout()

    def _relayout(self) -> None:
        per_line = self._fitting(self.width())
        if per_line != self.per_line:
            self.per_line = per_line
            self.setText(self.text_for(per_line))
            self.updateGeometry()


class RecoveryCodeDialog(QDialog):
    def __init__(self, code: str, plan_label: str, parent=None):
        super().__init__(parent)
        self.code, self.plan_label = code, plan_label
        bind(self, "setWindowTitle", N_("Your recovery code"))
        self.code_label = CodeLabel(code)
        bind(self.code_label, "setAccessibleName", N_("Recovery code"))
        self.print_button = button(N_("Print the recovery code…"))
        self.print_button.clicked.connect(self.print_code)
        self.print_problem = label(kind="error")
        self.print_problem.hide()
        self.done_box = QCheckBox()
        bind(self.done_box, "setText", N_("I have written down or printed the recovery code"))
        bind(self.done_box, "setAccessibleName", N_("I have written down or printed the recovery code"))
        self.continue_button = button(N_("Continue"), default=True)
        self.continue_button.setEnabled(False)
        self.done_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(label(N_("If you forget the passphrase, this code is the only way to open the plan. "
                               "Write it on paper or print it now. It is not kept anywhere else.")))
        lay.addWidget(self.code_label)
        lay.addWidget(self.print_button)
        lay.addWidget(self.print_problem)
        lay.addWidget(self.done_box)
        lay.addWidget(self.continue_button)
        self.setMinimumWidth(520)

    def reject(self) -> None:   # Escape must not lose the code unseen
        if self.done_box.isChecked():
            super().accept()

    def print_code(self) -> bool:
        """The sheet (outputs.recovery) in the window's language and English,
        on a real printer only: never a PDF file left on the laptop."""
        from ..outputs.recovery import render_recovery_sheet
        from .print_panel import NO_PRINTER, choose_printer, has_printer, print_pdfs
        if not has_printer():
            self.print_problem.setText("⚠ " + _(NO_PRINTER) + " " + _("Write the code on paper instead."))
            self.print_problem.show()
            fit_dialog(self)
            return False
        sheet = render_recovery_sheet(self.code, self.plan_label, list(dict.fromkeys([LANG.code, "en"])))
        printer = choose_printer(self, sheet)      # the dialog opens on the sheet's paper
        if printer is None:
            return False
        if not print_pdfs(printer, [sheet]):
            self.print_problem.setText("⚠ " + _("The code could not be printed. Write it on paper instead."))
            self.print_problem.show()
            fit_dialog(self)
            return False
        self.done_box.setChecked(True)
        return True


class Busy(QWidget):
    """A moving bar and what is happening, while a key is derived."""

    def __init__(self, template: str, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        text = label(template, kind="hint")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(text)
        lay.addWidget(self.bar)
        bind(self.bar, "setAccessibleName", template)
        self.hide()


class UnlockForm(QWidget):
    """Passphrase (or recovery code) for one plan file.  Emits ``unlocked(vault)``
    or shows a calm message; never writes the file.  The key is derived on
    another thread: ``busy`` is True meanwhile and the window keeps painting."""
    unlocked = Signal(object)
    damaged = Signal(str)       # translated message: the file cannot be opened at all
    busy_changed = Signal(bool)
    code_mode = Signal(bool)    # the recovery code is asked for instead of the passphrase

    def __init__(self, path: Path | None = None, parent=None, enter_unlocks: bool = True):
        super().__init__(parent)
        self.path = path
        self.passphrase = _password_edit()
        self.code = CodeEntry()
        self.use_code = QCheckBox()
        self.used_recovery_code = False   # the last unlock used the code: offer a new passphrase
        self.problem = label(kind="error")
        self.problem.hide()
        self.busy = False
        self._ticket = 0
        self.busy_box = Busy(N_("Opening the plan…"))
        bind(self.passphrase, "setAccessibleName", N_("Passphrase"))
        bind(self.use_code, "setText", N_("I forgot the passphrase: use the recovery code"))
        bind(self.use_code, "setAccessibleName", N_("I forgot the passphrase: use the recovery code"))
        self.pass_label = label(N_("Passphrase"), kind="field", buddy=self.passphrase)
        self.code_label = label(N_("Recovery code"), kind="field", buddy=self.code)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.pass_label)
        lay.addWidget(self.passphrase)
        lay.addWidget(self.code_label)
        lay.addWidget(self.code)
        lay.addWidget(self.use_code)
        lay.addWidget(self.problem)
        lay.addWidget(self.busy_box)
        self.use_code.toggled.connect(self._mode)
        if enter_unlocks:   # in a dialog, Enter presses the default button instead
            self.passphrase.returnPressed.connect(self.try_unlock)
            self.code.returnPressed.connect(self.try_unlock)
        self._mode(False)

    def _mode(self, code: bool) -> None:
        self.pass_label.setVisible(not code)
        self.passphrase.setVisible(not code)
        self.code_label.setVisible(code)
        self.code.setVisible(code)
        (self.code if code else self.passphrase).setFocus()
        self.code_mode.emit(code)

    def reset(self, path: Path | None = None) -> None:
        self._ticket += 1        # an answer still coming is for a plan no longer asked for
        if self.busy:
            self._set_busy(False)
        if path is not None:
            self.path = path
        self.passphrase.clear()
        self.code.clear()
        self.problem.hide()
        self.use_code.setChecked(False)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for w in (self.passphrase, self.code, self.use_code):
            w.setEnabled(not busy)
        self.busy_box.setVisible(busy)
        if busy:
            self.problem.hide()
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()
            (self.code if self.use_code.isChecked() else self.passphrase).setFocus()
        self.busy_changed.emit(busy)

    def try_unlock(self) -> None:
        from ..vault import unlock_vault
        from .background import run
        if self.busy:
            return
        code_mode = self.use_code.isChecked()
        secret = (self.code if code_mode else self.passphrase).text()
        if not secret.strip():
            self._say(N_("Please type the recovery code.") if code_mode else N_("Please type the passphrase."))
            return
        path, ticket = self.path, self._ticket
        self._set_busy(True)
        secret_kw = {"recovery_code" if code_mode else "passphrase": secret}
        run(self, lambda: unlock_vault(path, **secret_kw), lambda vault, error: self._done(vault, error, ticket))

    def _done(self, vault, error, ticket: int) -> None:
        from ..vault import DamagedVaultError, RecoveryCodeTypoError, VaultError
        if ticket != self._ticket:
            if vault is not None:
                vault.close()
            return
        self._set_busy(False)
        code_mode = self.use_code.isChecked()
        if isinstance(error, DamagedVaultError):
            self.damaged.emit(error.message.text(LANG.gettext))
            return
        if isinstance(error, VaultError):
            self._say_text(error.message.text(LANG.gettext))
            if code_mode and isinstance(error, RecoveryCodeTypoError) and error.group is not None:
                self.code.select_group(error.group)     # just the group with the typo
            elif not code_mode:
                self.passphrase.selectAll()
            return
        if error is not None:
            raise error
        self.passphrase.clear()
        self.code.clear()
        self.problem.hide()
        self.used_recovery_code = code_mode
        self.unlocked.emit(vault)

    def _say(self, template: str) -> None:
        self._say_text(_(template))

    def _say_text(self, text: str) -> None:
        self.problem.setText("⚠ " + text)
        self.problem.show()


class UnlockDialog(QDialog):
    unlocked = Signal(object)

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        bind(self, "setWindowTitle", N_("Open a plan"))
        self.form = UnlockForm(path, enter_unlocks=False)
        lay = QVBoxLayout(self)
        intro = label()
        self.form.code_mode.connect(lambda code: bind(intro, "setText", N_("Type the recovery code of this plan.")
                                                      if code else N_("Type the passphrase of this plan.")))
        bind(intro, "setText", N_("Type the passphrase of this plan."))
        lay.addWidget(intro)
        lay.addWidget(self.form)
        self.box = _buttons(self, N_("Open"))
        lay.addWidget(self.box)
        self.form.unlocked.connect(self._done)
        self.form.damaged.connect(self._damaged)
        self.form.busy_changed.connect(lambda busy: self.box.button(
            QDialogButtonBox.StandardButton.Ok).setEnabled(not busy))
        self.damaged_text: str | None = None
        self.setMinimumWidth(480)

    def accept(self) -> None:
        self.form.try_unlock()

    def done(self, result: int) -> None:
        """Closed while the key is derived (Cancel stays enabled): forget the
        coming answer and give the cursor back."""
        self.form.reset()
        super().done(result)

    def _done(self, vault) -> None:
        self.unlocked.emit(vault)
        super().accept()

    def _damaged(self, text: str) -> None:
        self.damaged_text = text
        self.form._say_text(text)
