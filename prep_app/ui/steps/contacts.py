"""Step 5: people to call in order, who may pick up the children, and the
people the children must never be released to."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...model import Contact, DoNotRelease
from ..form import F
from ..lang import N_, _, on_change
from ..listedit import ListEditor, two_lines
from . import Step, split_path


class ContactsStep(Step):
    title = N_("People to call")
    intro = N_("Whom to call, in order. Mark who may pick the children up from school.")
    sections = ("contacts", "do_not_release_to")

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.contacts = ListEditor(
            title=N_("People to call, in order"),
            hint=N_("The first person is called first. Drag a name, or use the move buttons, to change the order."),
            add_text=N_("+ Add a person"), remove_text=N_("Remove"), reorder=True,
            items=lambda: self.plan.contacts, make=lambda: Contact(id=self.plan.next_id("k")),
            describe=self._describe, on_reorder=self._number,
            fields=[
                F("full_name", "text", N_("Full name"), ""),
                F("relationship", "text", N_("Relationship"), N_("For example aunt, neighbour, pastor.")),
                F("phone", "phone", N_("Phone"), ""),
                F("authorized_pickup", "yesno", N_("May pick the children up from school?"),
                  N_("The school page lists only the people marked Yes.")),
                F("knows_plan", "yesno", N_("Do they know about this plan?"), ""),
                F("notes", "text", N_("Notes"), N_("For example: call after 6 pm.")),
            ])
        self.never = ListEditor(
            title=N_("Never release the children to"),
            hint=N_("People the school must never give the children to."),
            add_text=N_("+ Add a name"), remove_text=N_("Remove"),
            empty=N_("No one is on this list. That is fine."),
            items=lambda: self.plan.do_not_release_to, make=DoNotRelease,
            describe=lambda i, p: p.full_name or _("Person {n}").format(n=i + 1),
            fields=[
                F("full_name", "text", N_("Full name"), ""),
                F("notes", "text", N_("Why (optional)"), N_("For example: court order in the binder.")),
            ])
        for e in (self.contacts, self.never):
            e.edited.connect(self.edited.emit)
        self.contacts.edited.connect(lambda: self._tab_titles())
        # two tabs: at 150 % text on a 1366x768 screen both lists do not fit one above the other
        self.tabs = QTabWidget()
        self.tabs.addTab(self.contacts, "")
        self.tabs.addTab(self.never, "")
        self.tabs.setDocumentMode(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self._tab_titles()
        on_change(self, lambda _c: self._tab_titles())
        self.never.edited.connect(self._tab_titles)

    def _tab_titles(self) -> None:
        if self.plan is None:
            return
        self.tabs.setTabText(0, _("People to call, in order ({n})").format(n=len(self.plan.contacts)))
        self.tabs.setTabText(1, _("Never release the children to ({n})").format(
            n=len(self.plan.do_not_release_to)))

    def _number(self) -> None:
        for i, c in enumerate(self.plan.contacts, start=1):
            c.call_order = i

    def _describe(self, i, c) -> str:
        name = c.full_name or _("Person {n}").format(n=i + 1)
        pickup = _("✓ may pick up") if c.authorized_pickup else ""
        return two_lines(f"{i + 1}. {name}", pickup) if pickup else f"{i + 1}. {name}"

    def shown(self) -> None:
        # plans imported with call_order keep their order; show it as the list order
        self.plan.contacts[:] = self.plan.contacts_in_call_order()
        self.contacts.reload(self.contacts.list.currentRow())

    def focus_path(self, path: str) -> None:
        section, index, rest = split_path(path)
        editor = self.never if section == "do_not_release_to" else self.contacts
        self.tabs.setCurrentWidget(editor)
        editor.focus(index, rest)
