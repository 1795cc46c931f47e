"""The last step: the plan's warnings (from model.check) each with a Fix
button that jumps to the field, then printing, then finishing."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from ...model import BLOCKER, check
from ..form import scrolled
from ..lang import LANG, N_, _, on_change
from ..print_panel import PrintPanel
from ..widgets import button, label
from . import Step


class ReviewStep(Step):
    title = N_("Review and print")
    intro = N_("Check what is missing, then print. You can come back and change anything.")
    sections = ()
    fix = Signal(str)          # exchange-format path to jump to
    finish = Signal()

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        body = QWidget()
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 0, 0)
        self.summary = label(kind="heading")
        col.addWidget(self.summary)
        self.findings_box = QWidget()
        self.findings = QGridLayout(self.findings_box)
        self.findings.setContentsMargins(0, 0, 0, 0)
        self.findings.setColumnStretch(0, 1)
        col.addWidget(self.findings_box)
        col.addSpacing(12)
        self.print_panel = PrintPanel(lambda: self.session.plan, session=self.session)
        col.addWidget(self.print_panel)
        col.addSpacing(12)
        end = QFrame()
        end_lay = QHBoxLayout(end)
        end_lay.setContentsMargins(0, 0, 0, 0)
        end_lay.addWidget(label(N_("When the family is done: save a copy on their USB stick, "
                                   "then erase the plan from this laptop.")), 1)
        self.finish_button = button(N_("Finish and erase from this laptop…"))
        self.finish_button.clicked.connect(self.finish.emit)
        end_lay.addWidget(self.finish_button)
        col.addWidget(end)
        col.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scrolled(body, 900))
        self.fix_buttons = []
        on_change(self, lambda _c: self.shown())

    def shown(self) -> None:
        if self.session.plan is None:
            return
        if not self.print_panel.languages_touched:
            self.print_panel.reset_languages()
        self.print_panel.show_number_choice()
        while (item := self.findings.takeAt(0)) is not None:     # None once empty
            w = item.widget()
            if w is not None:
                w.deleteLater()
        self.fix_buttons = []
        found = check(self.session.plan)
        if not found:
            self.summary.setText("✓ " + _("Nothing is missing. The plan is ready to print."))
        else:
            self.summary.setText(LANG.ngettext("{n} thing to check", "{n} things to check",
                                               len(found)).format(n=len(found)))
        for row, f in enumerate(found):
            mark = _("✖ Must fix:") if f.level == BLOCKER else _("⚠ Check:")
            text = label(kind="blocker" if f.level == BLOCKER else "warning")
            space = "" if mark.endswith("：") else " "      # Chinese's full-width colon holds its own space
            text.setText(f"{mark}{space}{f.text(LANG.gettext)}")
            fix = button(N_("Fix"))
            fix.setAccessibleName(_("Fix: {problem}").format(problem=f.text(LANG.gettext)))
            fix.clicked.connect(lambda _c=False, p=f.path: self.fix.emit(p))
            self.findings.addWidget(text, row, 0)
            self.findings.addWidget(fix, row, 1)
            self.fix_buttons.append((f, fix))
