"""The start screen for a shared laptop: language first (each named in
itself), then start a plan, open one kept on this laptop (listed only by its
label and date), open one from a file, or print blank forms."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .lang import LANG, N_, _, bind, languages, on_change
from .widgets import MIN_HEIGHT, bold, button, label

if TYPE_CHECKING:       # the vault layer loads after the first window shows
    from ..vault import StoredPlan


def _bold_font() -> QFont:
    f = QFont()
    f.setBold(True)
    return f


LANGUAGES_PER_ROW = 5
IDLE_MINUTES = (1, 2, 3, 5, 10, 15, 20, 30, 45, 60)      # the lock's choices; a kept value is added


class StartPage(QWidget):
    language_chosen = Signal(str)
    new_plan = Signal()
    open_stored = Signal(object)   # path
    open_file = Signal()
    blank_forms = Signal()
    idle_minutes_changed = Signal(float)

    def __init__(self, idle_minutes: float, parent=None):
        super().__init__(parent)
        self.lang_buttons: dict[str, QPushButton] = {}
        lang_row = QGridLayout()       # Connecticut's nine languages: two rows of up to five
        group = QButtonGroup(self)
        for i, (code, name) in enumerate(languages().items()):
            b = QPushButton(name)
            b.setCheckable(True)
            b.setMinimumHeight(MIN_HEIGHT + 4)
            b.setMinimumWidth(120)
            b.setAccessibleName(name)
            b.toggled.connect(lambda on, b=b: b.setFont(_bold_font() if on else QFont()))
            b.clicked.connect(lambda _c=False, c=code: self.language_chosen.emit(c))
            group.addButton(b)
            lang_row.addWidget(b, i // LANGUAGES_PER_ROW, i % LANGUAGES_PER_ROW)
            self.lang_buttons[code] = b

        self.new_button = button(N_("Start a new plan"), default=True)
        bold(self.new_button, 1.15)
        self.file_button = button(N_("Open a plan from a file (USB stick)…"))
        self.blank_button = button(N_("Print blank forms…"))
        self.open_button = button(N_("Open the chosen plan"))
        self.plans = QListWidget()
        self.plans.setMinimumHeight(120)
        bind(self.plans, "setAccessibleName", N_("Plans on this laptop"))
        self.no_plans = label(N_("No plans are kept on this laptop."), kind="hint")
        # a list, not a spin box: the first text field of a run costs 12 ms
        # (Qt loads the input methods), and a volunteer picks "5 min" faster
        self.idle = QComboBox()
        for minutes in sorted({*IDLE_MINUTES, idle_minutes}):
            self.idle.addItem("", minutes)
        self.idle.setCurrentIndex(self.idle.findData(idle_minutes))
        self.idle.setMinimumHeight(MIN_HEIGHT)
        bind(self.idle, "setAccessibleName", N_("Lock after this many minutes without use"))

        self.new_button.clicked.connect(self.new_plan.emit)
        self.file_button.clicked.connect(self.open_file.emit)
        self.blank_button.clicked.connect(self.blank_forms.emit)
        self.open_button.clicked.connect(self._open_selected)
        self.plans.itemActivated.connect(lambda _i: self._open_selected())
        self.plans.currentRowChanged.connect(lambda r: self.open_button.setEnabled(r >= 0))
        self.idle.activated.connect(lambda i: self.idle_minutes_changed.emit(float(self.idle.itemData(i))))

        col = QVBoxLayout()
        self.choose_language = label(kind="field", reading_side=True)
        self.choose_language.setText("Language · Idioma")   # the same in every language, on purpose
        col.addWidget(self.choose_language)
        col.addLayout(lang_row)
        col.addSpacing(12)
        col.addWidget(label(N_("Family preparedness plan"), kind="title"))
        col.addWidget(label(N_("A plan for your children if a parent cannot come home: who cares for "
                               "them, whom to call, where your papers are. It stays locked with your "
                               "passphrase.")))
        col.addSpacing(8)
        col.addWidget(self.new_button)
        col.addSpacing(12)
        col.addWidget(label(N_("Plans on this laptop"), kind="heading", buddy=self.plans))
        col.addWidget(self.no_plans)
        col.addWidget(self.plans, 1)
        actions = QGridLayout()
        actions.addWidget(self.open_button, 0, 0)
        actions.addWidget(self.file_button, 0, 1)
        col.addLayout(actions)
        col.addSpacing(12)
        more = QHBoxLayout()
        more.addWidget(self.blank_button)
        more.addStretch(1)
        more.addWidget(label(N_("Lock after"), kind="field", buddy=self.idle))
        more.addWidget(self.idle)
        col.addLayout(more)
        box = QWidget()
        box.setLayout(col)
        box.setMaximumWidth(860)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 6)
        outer.addStretch(1)
        self._rows: list[StoredPlan] = []
        on_change(self, lambda _c: self._mark_language())
        self._mark_language()

    def _mark_language(self) -> None:
        for code, b in self.lang_buttons.items():
            b.setChecked(code == LANG.code)
        for i in range(self.idle.count()):
            minutes = self.idle.itemData(i)      # "5 دقائق" but "11 دقيقة": Arabic counts in six forms
            self.idle.setItemText(i, LANG.ngettext("{n} min", "{n} min", int(minutes)).format(n=f"{minutes:g}"))
        self._label_rows()

    def set_plans(self, rows: Iterable[StoredPlan]) -> None:
        self._rows = list(rows)
        self._label_rows()

    def _label_rows(self) -> None:
        self.plans.clear()
        for stored in self._rows:
            item = QListWidgetItem(self._describe(stored))
            item.setData(QtCore.Qt.ItemDataRole.UserRole, str(stored.path))
            self.plans.addItem(item)
        self.plans.setVisible(bool(self._rows))
        self.no_plans.setVisible(not self._rows)
        self.open_button.setEnabled(False)
        self.open_button.setVisible(bool(self._rows))

    def _describe(self, stored: StoredPlan) -> str:
        try:
            from ..i18n import format_date
            when = format_date(stored.saved_on, LANG.code)
        except Exception:
            when = stored.saved_on.isoformat()
        if stored.damaged:
            return _("⚠ A damaged plan file — {date}").format(date=when)
        return _("{label} — saved {date}").format(label=stored.label or "—", date=when)

    def _open_selected(self) -> None:
        item = self.plans.currentItem()
        if item is not None:
            self.open_stored.emit(item.data(QtCore.Qt.ItemDataRole.UserRole))
