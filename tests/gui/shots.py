"""Screenshots of every screen, offscreen, for a person to look at.

    QT_QPA_PLATFORM=offscreen python -m tests.gui.shots /tmp/shots

Writes <lang>-<scale>-<nn>-<screen>.png at 1366x768, in English and Spanish
(and Portuguese), at 100% and 150% text.  Uses the sample plan in a temporary
home; nothing is written elsewhere.

With ``whole_screen=True`` (under a real X server and window manager) the
window opens as a start opens it and each shot is the whole screen: title
bar, taskbar margin and dialogs where the window manager put them.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: str = "/tmp/shots", langs=("en", "es", "pt_BR"), scales=(1.0, 1.5), whole_screen=False) -> list[Path]:
    tmp = tempfile.mkdtemp(prefix="prep-shots-")
    os.environ["PREP_APP_HOME"] = tmp
    from prep_app.model import dumps, loads
    from prep_app.resources import resource_path
    from prep_app.ui.app import make_app
    from prep_app.ui.lang import LANG
    from prep_app.ui.main_window import MainWindow
    from prep_app.ui.passphrase import CreatePlanDialog, RecoveryCodeDialog
    from prep_app.vault import KdfParams, create_vault

    fast = KdfParams(8192, 1, 1)
    app = make_app()

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    plan = loads(resource_path("samples", "example-plan.json").read_text("utf-8"))
    path = Path(tmp) / "plans" / "sample.prepvault"
    path.parent.mkdir(exist_ok=True)
    vault, code = create_vault(path, dumps(plan).encode(), "mango river tuesday song", "Blue door",
                               kdf=fast)
    written = []

    def shot(widget, name):
        for _ in range(4):      # layouts settle over a few passes (wrapped labels)
            app.processEvents()
        p = out_dir / f"{name}.png"
        if whole_screen:     # the window manager maps and sizes windows in its own time
            from PySide6.QtTest import QTest
            widget.activateWindow()
            QTest.qWaitForWindowExposed(widget, 2000)
            for _ in range(10):
                QTest.qWait(30)
            app.primaryScreen().grabWindow(0).save(str(p))
        else:
            widget.grab().save(str(p))
        written.append(p)

    for scale in scales:
        from prep_app.ui.app import set_text_scale
        set_text_scale(app, scale)
        for lang in langs:
            LANG.set(lang)
            tag = f"{lang}-{int(scale * 100)}"
            w = MainWindow(kdf=fast)
            if whole_screen:
                from prep_app.ui.app import show_fitted
                show_fitted(w)
            else:
                w.resize(1366, 768)
                w.show()
            w.refresh_plans()
            shot(w, f"{tag}-00-start")
            d = CreatePlanDialog(w)
            d.label_edit.setText("Blue door")
            d.passphrase.setText("mango river")
            d.show()
            from prep_app.ui.widgets import fit_dialog
            fit_dialog(d)
            shot(d, f"{tag}-00-create")
            d.confirm.setText("mango rivers")
            d.accept()            # the passphrases differ: the dialog must grow with the message
            shot(d, f"{tag}-00-create-problem")
            d.close()
            r = RecoveryCodeDialog(code, "Blue door", w)
            r.show()
            fit_dialog(r)
            shot(r, f"{tag}-00-recovery")
            r.done(0)
            from prep_app.vault import unlock_vault
            w.open_session(unlock_vault(path, passphrase="mango river tuesday song"))
            ed = w.editor
            for i in range(len(ed.steps)):
                ed.go(i)
                shot(w, f"{tag}-{i + 1:02d}-step")
                for suffix, action in extras(ed, i):
                    action()
                    shot(w, f"{tag}-{i + 1:02d}-step-{suffix}")
            pdfs = Path(tmp) / "Documents"
            ed.review.print_panel.save_to(pdfs)         # noted in session.written, for the finish step
            w.finish()
            fit_dialog(w.dialog)
            shot(w.dialog, f"{tag}-09-finish")
            w.dialog.done(0)
            w.lock()
            shot(w, f"{tag}-10-lock")
            from prep_app.ui.main_window import Locked
            w.lock_page.say_kept(Locked(path, sealed_plan=b"x"))
            w.lock_page.form._set_busy(True)
            shot(w, f"{tag}-10-lock-kept-busy")
            w.lock_page.form._set_busy(False)
            w.lock_page.say_kept(Locked(path, sealed_code=b"x"))
            shot(w, f"{tag}-10-lock-code")
            w.lock_page.say_kept(None)
            stick = Path(tempfile.mkdtemp(prefix="prep-shots-stick-"))
            stick.mkdir(exist_ok=True)
            copy = stick / "plan.prepvault"
            if not copy.exists():
                vault.copy_to(copy)
            w.open_session(unlock_vault(copy, passphrase="mango river tuesday song"))
            w.session.changed()
            w.finish()
            fit_dialog(w.dialog)
            shot(w.dialog, f"{tag}-10-finish-from-file")
            w.dialog.done(0)
            w.close()
            w.deleteLater()
            app.processEvents()
    return written


def extras(ed, i):
    """Further views of a step: the parts below the first screen, other tabs."""
    step = ed.steps[i]
    if i == 1:      # parents: the country of birth picker
        yield "b", lambda: step.focus_path("parents[0].birth_country")
    elif i == 2:    # children: the child's parents; the other parent's consent and its reason
        yield "b", lambda: step.focus_path("children[2].parents")
        consent = step.editor.form.editors["other_parent.consent"]

        def not_needed():
            consent.setCurrentIndex(consent.findData("not_needed"))
            step.focus_path("children[2].other_parent.consent_reason")
        yield "c", not_needed
        yield "d", lambda: consent.setCurrentIndex(consent.findData("yes"))   # as the sample was
    elif i == 3:    # guardians: when the guardian takes over
        yield "b", lambda: step.focus_path("designation.contingencies")
        yield "c", lambda: step.focus_path("designation.mention_immigration")
    elif i == 4:
        yield "b", lambda: step.tabs.setCurrentIndex(1)
    elif i == 6:    # lawyer and consulate: the wallet choice
        yield "b", lambda: step.focus_path("legal.consulate_on_wallet")


if __name__ == "__main__":
    for p in main(*sys.argv[1:2]):
        print(p)
