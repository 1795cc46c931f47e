"""Steps 2-4: parents, children, guardians."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ...model import Child, Guardian, Parent
from ..form import F
from ..lang import N_, _
from ..listedit import ListEditor
from . import Step, split_path


def _name(kind_template: str):
    def describe(i, person):
        return person.full_name or _(kind_template).format(n=i + 1)
    return describe


class _ListStep(Step):
    section = ""

    def _editor(self, **kw) -> ListEditor:
        editor = ListEditor(items=lambda: getattr(self.plan, self.section), **kw)
        editor.edited.connect(self.edited.emit)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(editor)
        return editor

    def focus_path(self, path: str) -> None:
        _section, index, rest = split_path(path)
        self.editor.focus(index, rest)

    def forget_person(self, person) -> None:
        self.plan.forget(person.id)


class ParentsStep(_ListStep):
    title = N_("Parents")
    intro = N_("The parents or caregivers who live with the children.")
    sections = ("parents",)
    section = "parents"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.editor = self._editor(
            title=N_("Parents"), hint=N_("Add each parent. Choose one to see their details."),
            add_text=N_("+ Add a parent"), remove_text=N_("Remove"),
            make=lambda: Parent(id=self.plan.next_id("p")),
            describe=_name(N_("Parent {n}")), on_remove=self.forget_person,
            fields=[
                F("full_name", "text", N_("Full name"), N_("As it is written on their passport or ID.")),
                F("date_of_birth", "date", N_("Date of birth"), ""),
                F("phone", "phone", N_("Mobile phone"), ""),
                F("email", "email", N_("Email"), N_("If they have one.")),
                F("country_of_birth", "text", N_("Country of birth"),
                  N_("Needed to find a person who is detained.")),
                F("a_number", "text", N_("A-number (if any)"),
                  N_("The immigration number, e.g. A-123-456-789. Only the guardian's papers show it; "
                     "schools never see it.")),
                F("employer", "text", N_("Work place"), ""),
                F("employer_phone", "phone", N_("Work phone"), ""),
                F("medical_notes", "long", N_("Health needs"), N_("Medicines or conditions, if any.")),
            ])


class ChildrenStep(_ListStep):
    title = N_("Children")
    intro = N_("Each child: school, health, what comforts them, and the other parent.")
    sections = ("children",)
    section = "children"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.editor = self._editor(
            title=N_("Children"), hint=N_("Add each child. Choose one to see their details."),
            add_text=N_("+ Add a child"), remove_text=N_("Remove"),
            make=lambda: Child(id=self.plan.next_id("c")),
            describe=_name(N_("Child {n}")), on_remove=self.forget_person,
            fields=[
                F("full_name", "text", N_("Full name"), ""),
                F("date_of_birth", "date", N_("Date of birth"), ""),
                F("school.name", "text", N_("School name"), N_("The school prints a page with who may pick the child up."),
                  heading=N_("School")),
                F("school.grade", "text", N_("Grade"), ""),
                F("school.teacher", "text", N_("Teacher"), ""),
                F("school.phone", "phone", N_("School phone"), ""),
                F("school.address", "text", N_("School address"), ""),
                F("allergies", "text", N_("Allergies"), N_("Write “none” if there are none."), heading=N_("Health")),
                F("medications", "text", N_("Medicines"), ""),
                F("medical_conditions", "text", N_("Health conditions"), N_("For example asthma or diabetes.")),
                F("doctor.name", "text", N_("Doctor"), ""),
                F("doctor.phone", "phone", N_("Doctor's phone"), ""),
                F("insurance", "text", N_("Health insurance"), N_("For example HUSKY A.")),
                F("comfort_notes", "long", N_("What comforts this child"),
                  N_("A toy, a song, words that calm them. The guardian will read this."),
                  heading=N_("Comfort")),
                F("us_citizen", "yesno", N_("Is the child a U.S. citizen?"), "", heading=N_("Citizenship")),
                F("has_us_passport", "yesno", N_("Does the child have a U.S. passport?"),
                  N_("A passport lets a child travel to join a parent.")),
                F("other_parent.full_name", "text", N_("Other parent's name"),
                  N_("The child's other parent, if they do not live with you."), heading=N_("Other parent")),
                F("other_parent.phone", "phone", N_("Other parent's phone"), ""),
                F("other_parent.consents", "yesno", N_("Does the other parent agree to the guardian?"),
                  N_("In Connecticut both living parents must agree. If you are not sure, choose "
                     "“Don't know” and ask a lawyer.")),
            ])


ROLES = (("primary", N_("First choice (primary)")), ("alternate", N_("Second choice (alternate)")))


class GuardiansStep(_ListStep):
    title = N_("Guardians")
    intro = N_("Who would care for the children if no parent can. Name a first and a second choice.")
    sections = ("guardians",)
    section = "guardians"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.editor = self._editor(
            title=N_("Guardians"), hint=N_("Add the first choice, then a second choice."),
            add_text=N_("+ Add a guardian"), remove_text=N_("Remove"),
            make=self._new, describe=self._describe,
            fields=[
                F("role", "choice", N_("First or second choice"), "", choices=ROLES),
                F("full_name", "text", N_("Full name"), ""),
                F("relationship", "text", N_("Relationship to the children"), N_("For example aunt, neighbour, godmother.")),
                F("phone", "phone", N_("Phone"), ""),
                F("email", "email", N_("Email"), ""),
                F("address", "text", N_("Address"), N_("Street, town and zip code. The legal form needs it.")),
                F("has_agreed", "yesno", N_("Have they agreed to do this?"),
                  N_("Ask them before you sign anything.")),
                F("may_be_at_risk", "yesno", N_("Could they also be detained?"),
                  N_("If yes, also name a second choice who is not at risk.")),
            ])

    def _new(self):
        role = "alternate" if any(g.role == "primary" for g in self.plan.guardians) else "primary"
        return Guardian(id=self.plan.next_id("g"), role=role)

    def _describe(self, i, g):
        name = g.full_name or _("Guardian {n}").format(n=i + 1)
        role = dict(ROLES).get(g.role)
        return f"{name}\n{_(role)}" if role else name
