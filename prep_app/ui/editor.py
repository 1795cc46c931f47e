"""The plan editor: a visible step list, one step at a time, Back / Next.
Guided creation and later editing are the same screens."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from .lang import N_, _, bind, on_change
from .language_picker import LanguagePicker
from .steps import all_steps, split_path
from .widgets import button, label


class PlanEditor(QWidget):
    lock_requested = Signal()
    finish_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, session, parent=None, *, dialogs=None):
        super().__init__(parent)
        self.session = session
        self.steps = [cls(session) for cls in all_steps()]
        self.review = self.steps[-1]
        if dialogs is not None:
            self.review.print_panel.dialogs = dialogs
        self.review.fix.connect(self.jump_to_path)
        self.review.finish.connect(self.finish_requested.emit)

        self.step_list = QListWidget()
        bind(self.step_list, "setAccessibleName", N_("Steps"))
        self.step_list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.step_list.setWordWrap(True)
        self.step_list.setSpacing(2)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QStackedWidget()
        for step in self.steps:
            self.pages.addWidget(step)
            step.edited.connect(session.changed)
            self.step_list.addItem("")
        self.step_list.currentRowChanged.connect(self._show_step)
        self.step_list.itemClicked.connect(lambda item: self.go(self.step_list.row(item)))

        self.title = label(kind="title")
        self.intro = label(kind="intro")
        self.back_button = button(N_("← Back"))
        self.next_button = button(N_("Next →"), default=True)
        self.lock_button = button(N_("Lock"), N_("Lock the plan"))
        self.finish_button = button(N_("Finish…"), N_("Finish and erase from this laptop"))
        self.to_review_button = button(N_("Back to the review"))    # shown after a Fix
        self.to_review_button.hide()
        self.to_review_button.clicked.connect(lambda: self.go(len(self.steps) - 1))
        self.saved = label(kind="hint")
        self.language = LanguagePicker()
        self.language.chosen.connect(self.language_chosen.emit)
        self.back_button.clicked.connect(lambda: self.go(self.current() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.current() + 1))
        self.lock_button.clicked.connect(self.lock_requested.emit)
        self.finish_button.clicked.connect(self.finish_requested.emit)
        session.saved.connect(lambda: self.saved.setText("✓ " + _("Saved, locked with your passphrase")))

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.intro)
        top.addLayout(heading, 1)
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(self.to_review_button)
        bottom.addWidget(self.next_button)
        right = QVBoxLayout()
        right.addLayout(top)
        right.addWidget(self.pages, 1)
        right.addLayout(bottom)
        left = QVBoxLayout()
        left.addWidget(label(N_("Steps"), kind="field", buddy=self.step_list))
        left.addWidget(self.step_list, 1)
        row = QHBoxLayout(self)
        row.addLayout(left, 0)
        row.addLayout(right, 1)

        # tab order follows the screen: steps, the step's form, back, next, lock, finish
        self.setTabOrder(self.step_list, self.pages)
        self.setTabOrder(self.back_button, self.to_review_button)
        self.setTabOrder(self.to_review_button, self.next_button)
        self.setTabOrder(self.next_button, self.language)
        self.setTabOrder(self.language, self.lock_button)
        self.setTabOrder(self.lock_button, self.finish_button)

        self.retranslate()
        on_change(self, lambda _c: self.retranslate())
        self.step_list.setCurrentRow(min(max(session.step, 0), len(self.steps) - 1))

    def retranslate(self) -> None:
        fm = self.step_list.fontMetrics()
        widest = 0
        for i, step in enumerate(self.steps):
            text = f"{i + 1}. {_(step.title)}"
            self.step_list.item(i).setText(text)
            widest = max(widest, fm.horizontalAdvance(text))
        self.step_list.setFixedWidth(max(180, min(widest + 36, 340)))
        self._update_heading()

    def current(self) -> int:
        return self.pages.currentIndex()

    def go(self, index: int) -> None:
        """Open a step (Next, Back, a click in the list) with the cursor in its
        first field.  Arrow keys in the list only change the step shown, so
        they keep moving through the list."""
        if 0 <= index < len(self.steps):
            self.step_list.setCurrentRow(index)
            self.steps[index].focus_first()

    def _show_step(self, index: int) -> None:
        if index < 0:
            return
        self.session.save_now()          # on every step change
        self.session.step = index
        self.pages.setCurrentIndex(index)
        step = self.steps[index]
        step.shown()
        self._update_heading()
        last = index == len(self.steps) - 1
        if last:
            self.to_review_button.hide()
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.next_button.setDefault(not last)

    def _update_heading(self) -> None:
        index = max(self.current(), 0)
        step = self.steps[index]
        self.title.setText(_("Step {n} of {total}: {title}").format(
            n=index + 1, total=len(self.steps), title=_(step.title)))
        self.intro.setText(_(step.intro))

    def jump_to_path(self, path: str) -> None:
        section, _i, _rest = split_path(path)
        for i, step in enumerate(self.steps):
            if section in step.sections:
                self.go(i)
                self.to_review_button.show()
                step.focus_path(path)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter anywhere in a step that is not a text box advances (Next is the default)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.next_button.isVisible():
            self.go(self.current() + 1)
            return
        super().keyPressEvent(event)
