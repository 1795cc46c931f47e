"""Step 6: the documents checklist, per person: have / need / requested, and
where the original is."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStyle, QVBoxLayout

from ...model import DOCUMENT_TYPES, Document
from ..form import F
from ..lang import N_, _
from ..listedit import ListEditor, two_lines
from ..widgets import button
from . import Step, split_path


def type_names() -> dict[str, str]:
    """Exchange-format value -> English name, from resources/content/documents.json:
    the same names the checklist, the binder and the packet print."""
    from ...outputs import content
    return {t: content.document_type(t) for t in DOCUMENT_TYPES}


STATUS_NAMES = {"have": N_("We have it"), "need": N_("We need it"), "requested": N_("We asked for it")}
# "requested" was "…", which read as a line cut short; a quarter-filled circle reads "under way"
STATUS_MARK = {"have": "✓", "need": "✗", "requested": "◔"}

USUAL_FOR_PARENT = ("passport", "birth_certificate", "immigration_documents")
USUAL_FOR_CHILD = ("birth_certificate", "medical_records", "school_records")

LIST_SHARE = 0.6     # of the step's width at most for the list: the form keeps the rest


class DocumentsStep(Step):
    title = N_("Documents")
    intro = N_("Which papers each person has, and where the originals are kept.")
    sections = ("documents",)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.usual = button(N_("+ Add the usual papers for everyone"))
        self.usual.clicked.connect(self.add_usual)
        self.editor = ListEditor(
            title=N_("Documents"), hint=N_("One line per paper and person."),
            add_text=N_("+ Add a paper"), remove_text=N_("Remove"),
            empty=N_("No papers yet. Press “Add the usual papers for everyone” to start a checklist."),
            items=lambda: self.plan.documents, make=Document, describe=self._describe, extra=self.usual,
            fields=[
                F("person", "choice", N_("Whose paper"), "", choices=self._people),
                F("type", "choice", N_("Which paper"), "", choices=tuple(type_names().items())),
                F("status", "choice", N_("Do you have it?"), "", choices=tuple(STATUS_NAMES.items())),
                F("original_location", "text", N_("Where is the original?"),
                  N_("For example: red folder in the bedroom closet.")),
                F("copy_holder", "text", N_("Who has a copy?"), ""),
                F("notes", "text", N_("Notes"), N_("Do not write document numbers here.")),
            ])
        self.editor.edited.connect(self.edited.emit)
        self._list_width = (self.editor.list.minimumWidth(), self.editor.list.maximumWidth())   # the editor's own
        model = self.editor.list.model()
        for changed in (model.rowsInserted, model.rowsRemoved, model.dataChanged, model.modelReset):
            changed.connect(self._fit_list)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.editor)

    def _fit_list(self, *_args) -> None:
        """Give the list the width its longest paper-and-person line needs, up
        to LIST_SHARE of the step: at 150 % text the list editors' usual width
        split "U.S. passport — Lucas Gonçalves" over three lines."""
        lst = self.editor.list
        fm = lst.fontMetrics()
        lines = [line for i in range(lst.count()) for line in lst.item(i).text().split("\n")]
        widest = max((fm.horizontalAdvance(line) for line in lines), default=0)
        bar = lst.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, lst)
        chrome = 2 * lst.frameWidth() + bar + 2 * fm.averageCharWidth()    # the item's own padding
        least, most = self._list_width
        width = max(least, min(widest + chrome, int(self.width() * LIST_SHARE)))
        if width != lst.minimumWidth():
            lst.setMinimumWidth(width)
            lst.setMaximumWidth(max(width, most))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_list()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:     # 150 % text: longer lines
            self._fit_list()

    def _people(self):
        if self.plan is None:      # closed a moment ago (locked)
            return []
        people = [*self.plan.parents, *self.plan.children]
        return [(p.id, p.full_name or p.id) for p in people]

    def _describe(self, i, d) -> str:
        who = self.plan.person_name(d.person) or "—"
        names = type_names()
        what = _(names[d.type]) if d.type in names else _("Paper {n}").format(n=i + 1)
        status = f"{STATUS_MARK[d.status]} {_(STATUS_NAMES[d.status])}" if d.status in STATUS_NAMES else ""
        return two_lines(f"{what} — {who}", status) if status else f"{what} — {who}"

    def add_usual(self) -> None:
        have = {(d.type, d.person) for d in self.plan.documents}
        wanted = [(t, p.id) for p in self.plan.parents for t in USUAL_FOR_PARENT]
        for c in self.plan.children:
            wanted += [(t, c.id) for t in USUAL_FOR_CHILD]
            if c.us_citizen:
                wanted.append(("us_passport", c.id))
        for t, pid in wanted:
            if (t, pid) not in have:
                self.plan.documents.append(Document(type=t, person=pid))
        self.editor.reload(self.editor.list.currentRow())
        self.edited.emit()

    def shown(self) -> None:
        self.editor.reload(max(0, self.editor.list.currentRow()))
        self._fit_list()

    def focus_path(self, path: str) -> None:
        _section, index, rest = split_path(path)
        self.editor.focus(index, rest)
