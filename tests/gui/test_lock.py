"""The lock always locks: the lock page comes first whatever a save does,
unsaved typing survives a failed save (sealed, never on screen), the plan is
let go of, and a recovery code on screen is hidden by the idle lock."""
from __future__ import annotations

import gc
import shutil

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from prep_app.model import Plan, dumps, loads
from prep_app.vault import create_vault, unlock_vault

from .conftest import FAST_KDF, PASSPHRASE
from .helpers import click, create_plan, form_field, start_plan, type_into
from .test_safety import visible_texts


def open_from_stick(qtbot, window, ui, home, name="Family Rosa"):
    plan = Plan()
    plan.household.family_name = name
    path = home["usb"] / "plan.prepvault"
    create_vault(path, dumps(plan).encode(), PASSPHRASE, "Green gate", kdf=FAST_KDF)
    ui.open_path = path
    click(qtbot, window.start.file_button)
    type_into(qtbot, window.dialog.form.passphrase, PASSPHRASE)
    qtbot.keyClick(window.dialog.form.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)
    return path


def test_stick_pulled_as_the_lock_fires_keeps_the_typing(window, ui, qtbot, home, tmp_path, caplog):
    path = open_from_stick(qtbot, window, ui, home)
    name_field = form_field(window.editor.steps[0], "household.family_name")
    type_into(qtbot, name_field, "Gonçalves Ñañez")
    pulled = tmp_path / "pulled"
    shutil.move(home["usb"], pulled)                    # the stick is out: saving fails
    window.set_idle_ms(100)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page, timeout=3000)
    # the lock page is up, with no box in front of it and nothing of the family
    assert ui.messages == []
    assert window.session is None and window.editor is None
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    notice = window.lock_page.kept
    assert notice.isVisibleTo(window.lock_page) and "not saved" in notice.text()
    assert "Gonçalves" not in visible_texts(window)
    shutil.move(pulled, home["usb"])                    # the stick is back
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.session.plan.household.family_name == "Gonçalves Ñañez"
    # saved again once unlocked
    assert loads(unlock_vault(path, passphrase=PASSPHRASE).plaintext).household.family_name == "Gonçalves Ñañez"
    assert not window.lock_page.kept.isVisibleTo(window.lock_page)
    # the failure is logged: what failed, never whose or where
    logged = [r.getMessage() for r in caplog.records]
    assert any("saving the plan failed" in m for m in logged)
    assert not [m for m in logged if "Gonçalves" in m or str(home["usb"]) in m or "plan.prepvault" in m]


def test_closing_a_locked_plan_with_unsaved_typing_asks_first(window, ui, qtbot, home, tmp_path, monkeypatch):
    ui.answer, asked = False, ui.asked
    open_from_stick(qtbot, window, ui, home)
    type_into(qtbot, form_field(window.editor.steps[0], "household.family_name"), "Souza")
    shutil.move(home["usb"], tmp_path / "pulled")
    click(qtbot, window.editor.lock_button)
    click(qtbot, window.lock_page.leave_button)
    assert asked and window.stack.currentWidget() is window.lock_page     # "no": still locked, still kept
    shutil.move(tmp_path / "pulled", home["usb"])
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.session.plan.household.family_name == "Souza"


def _family_strings_reachable(needles) -> list:
    """Every str held by a Python object the garbage collector can see, and
    the text of every widget still alive, that contains one of *needles*."""
    found = []
    for obj in gc.get_objects():
        if obj is needles:
            continue
        for ref in gc.get_referents(obj):
            if isinstance(ref, str) and any(n in ref for n in needles):
                found.append((type(obj).__name__, ref[:40]))
    for w in QApplication.allWidgets():
        texts = [w.text()] if isinstance(w, (QLineEdit, QLabel)) else []
        texts.append(w.windowTitle())
        found += [(type(w).__name__, t[:40]) for t in texts if any(n in t for n in needles)]
    return found


def test_lock_lets_go_of_the_plan(window, ui, qtbot, home):
    from prep_app.model import plan as plan_module
    create_plan(qtbot, window, "Blue door")
    type_into(qtbot, form_field(window.editor.steps[0], "household.family_name"), "Zyxwvu Family")
    for step in range(len(window.editor.steps)):          # build every step and its forms
        window.editor.go(step)
    window.set_language("es")
    window.set_language("en")
    click(qtbot, window.editor.lock_button)
    for _round in range(3):              # what the event loop does: deferred deletes, then
        qtbot.wait(20)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    model_types = tuple(v for v in vars(plan_module).values()
                        if isinstance(v, type) and v.__module__ == plan_module.__name__)
    alive = [type(o).__name__ for o in gc.get_objects() if isinstance(o, model_types)]
    assert alive == []
    assert _family_strings_reachable(["Zyxwvu"]) == []


def test_idle_lock_hides_a_new_recovery_code_until_the_unlock(window, ui, qtbot, home):
    from prep_app.ui.passphrase import RecoveryCodeDialog
    secret = [start_plan(qtbot, window).code]     # the only reference the test keeps
    window.set_idle_ms(100)                # nobody touches the laptop
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.lock_page, timeout=3000)
    for _round in range(2):
        qtbot.wait(20)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert _family_strings_reachable(secret) == []       # sealed, not in any widget or object
    assert "recovery code" in window.lock_page.kept.text()
    type_into(qtbot, window.lock_page.form.passphrase, PASSPHRASE)
    click(qtbot, window.lock_page.unlock_button)
    qtbot.waitUntil(lambda: isinstance(window.dialog, RecoveryCodeDialog))
    assert window.dialog.code == secret[0] and window.dialog.isVisible()
    assert window.editor is not None


def open_slow_plan(qtbot, window, ui, home):
    """The open dialog of a plan on the stick whose key takes a while (a
    quarter second) to derive, its passphrase typed."""
    from prep_app.vault import KdfParams
    path = home["usb"] / "slow.prepvault"
    create_vault(path, dumps(Plan()).encode(), PASSPHRASE, "Green gate", kdf=KdfParams(65536, 4, 1))
    ui.open_path = path
    click(qtbot, window.start.file_button)
    type_into(qtbot, window.dialog.form.passphrase, PASSPHRASE)
    return window.dialog


def test_unlocking_derives_the_key_off_the_windows_thread(window, ui, qtbot, home):
    """While the key is derived the window shows it is busy and keeps running
    its event loop."""
    from PySide6.QtCore import QTimer
    dialog = open_slow_plan(qtbot, window, ui, home)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(dialog.form.busy))
    timer.start(10)
    qtbot.keyClick(dialog.form.passphrase, Qt.Key.Key_Return)
    assert dialog.form.busy and window.session is None
    assert dialog.form.busy_box.isVisibleTo(dialog)
    assert not dialog.form.passphrase.isEnabled()
    qtbot.waitUntil(lambda: window.editor is not None, timeout=10_000)
    timer.stop()
    assert True in ticks                   # the event loop ran while the key was derived


def test_cancelling_while_the_key_is_derived_leaves_no_busy_cursor(window, ui, qtbot, home):
    """Cancel is still there while a plan opens: pressing it must not leave
    the whole app under a busy cursor, nor open the plan later."""
    from PySide6.QtWidgets import QDialogButtonBox

    from prep_app.ui.background import Job
    dialog = open_slow_plan(qtbot, window, ui, home)
    qtbot.keyClick(dialog.form.passphrase, Qt.Key.Key_Return)
    assert dialog.form.busy and QApplication.overrideCursor() is not None
    click(qtbot, dialog.box.button(QDialogButtonBox.StandardButton.Cancel))
    assert QApplication.overrideCursor() is None
    # the derivation ends; its answer is dropped
    qtbot.waitUntil(lambda: not QApplication.instance().findChildren(Job), timeout=10_000)
    assert window.editor is None and window.session is None
