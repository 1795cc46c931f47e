"""Steps 2-4: parents, children, guardians (with when the guardian takes over)."""
from __future__ import annotations

from functools import cache, cmp_to_key

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...model import Child, Guardian, Parent
from ...model.countries import choose_birth_country, country_codes, country_name
from ...model.standby import child_status
from ..form import F, Form, scrolled
from ..lang import LANG, N_, _, on_change
from ..listedit import ListEditor, two_lines
from . import Step, split_path


@cache
def _countries_in(lang: str) -> tuple[tuple[str, str], ...]:
    """(code, name in lang), sorted as a reader of that language expects
    ("Irán" after "Irak", "Åland" with the A's)."""
    collator = QCollator(QLocale(lang))
    named = [(code, country_name(code, lang) or code) for code in country_codes()]

    def by_name(a: tuple[str, str], b: tuple[str, str]) -> int:
        return collator.compare(a[1], b[1])
    return tuple(sorted(named, key=cmp_to_key(by_name)))


def country_choices():
    return _countries_in(LANG.code)


def _written_before(parent) -> str | None:
    """A country of birth typed before there was a list (or by another tool)
    that names no country: show it, so nothing is lost from sight."""
    if parent.birth_country or not parent.country_of_birth:
        return None
    return _("Written before: “{text}”. Choose the country from the list.").format(
        text=parent.country_of_birth)


def _name(kind_template: str):
    def describe(i, person):
        return person.full_name or _(kind_template).format(n=i + 1)
    return describe


class _ListStep(Step):
    section = ""
    editor: ListEditor        # made by each step's __init__

    def _editor(self, place: bool = True, **kw) -> ListEditor:
        editor = ListEditor(items=lambda: getattr(self.plan, self.section), **kw)
        editor.edited.connect(self.edited.emit)
        if place:
            lay = QVBoxLayout(self)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(editor)
        return editor

    def shown(self) -> None:
        # other steps may have changed what the forms show (a parent's name)
        if self.plan is not None:
            self.editor.reload(max(0, self.editor.list.currentRow()))

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
                F("birth_country", "choice", N_("Country of birth"),
                  N_("Needed to find a person who is detained."), choices=country_choices,
                  note=_written_before),
                F("a_number", "text", N_("A-number (if any)"),
                  N_("The immigration number, e.g. A-123-456-789. Only the guardian's papers show it; "
                     "schools never see it.")),
                F("employer", "text", N_("Work place"), ""),
                F("employer_phone", "phone", N_("Work phone"), ""),
                F("medical_notes", "long", N_("Health needs"), N_("Medicines or conditions, if any.")),
            ])
        self.editor.form.edited.connect(self._edited)

    def _edited(self, path: str) -> None:
        if path == "birth_country" and self.editor.form.obj is not None:
            parent = self.editor.form.obj
            choose_birth_country(parent, parent.birth_country)


CONSENT = (
    ("yes", N_("Yes, they agree and will sign")),
    ("no", N_("No, they do not agree")),
    ("unknown", N_("Not asked yet, or we don't know")),
    ("not_needed", N_("Not needed")),
)
CONSENT_REASONS = (
    ("deceased", N_("The other parent has died")),
    ("removed_as_guardian", N_("A court removed them as guardian")),
    ("rights_terminated", N_("A court ended their parental rights")),
    ("identity_unknown", N_("We do not know who the other parent is")),
)


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
            describe=self._describe, on_remove=self.forget_person,
            fields=[
                F("full_name", "text", N_("Full name"), ""),
                F("date_of_birth", "date", N_("Date of birth"), ""),
                F("parents", "checks", N_("Parents of this child"),
                  N_("Mark each parent in this plan who is this child's parent or legal guardian. "
                     "Only a parent or legal guardian can name a standby guardian for a child."),
                  choices=self._parent_choices,
                  empty=N_("No parents in this plan yet. Add them in the Parents step first.")),
                F("school.name", "text", N_("School name"), N_("The school gets a page that says who may pick the child up."),
                  heading=N_("School")),
                F("school.grade", "text", N_("Grade"), ""),
                F("school.teacher", "text", N_("Teacher"), ""),
                F("school.phone", "phone", N_("School phone"), ""),
                F("school.address", "address", N_("School address"), ""),
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
                  N_("The child's other parent, if they are not in this plan."), heading=N_("Other parent")),
                F("other_parent.phone", "phone", N_("Other parent's phone"), ""),
                F("other_parent.consent", "choice", N_("Does the other parent agree to the guardian?"),
                  N_("In Connecticut both living parents must agree (Conn. Gen. Stat. §45a-624a). "
                     "If the other parent does not agree, or you do not know yet, this child cannot "
                     "be in the guardian papers yet."), choices=CONSENT),
                F("other_parent.consent_reason", "choice", N_("Why is it not needed?"),
                  N_("If you are not sure, ask a lawyer."), choices=CONSENT_REASONS,
                  when=("other_parent.consent", "not_needed")),
            ])

    def _parent_choices(self):
        if self.plan is None:      # closed a moment ago (locked)
            return []
        return [(p.id, p.full_name or _("Parent {n}").format(n=i + 1)) for i, p in enumerate(self.plan.parents)]

    def _describe(self, i, child) -> str:
        name = child.full_name or _("Child {n}").format(n=i + 1)
        plan = self.plan
        if plan is not None and i < len(plan.children) and plan.children[i] is child \
                and not child_status(plan, i).eligible:
            return two_lines(name, "✖ " + _("Not in the guardian papers yet"))
        return name


ROLES = (("primary", N_("First choice (primary)")), ("alternate", N_("Second choice (alternate)")))


CONTINGENCY_NAMES = (
    ("detained", N_("If a parent is detained or held by any authority")),
    ("cannot_return", N_("If a parent cannot come back to the country")),
    ("incapacity", N_("If a parent is very ill or cannot make decisions")),
    ("death", N_("If a parent dies")),
)


class GuardiansStep(_ListStep):
    title = N_("Guardians")
    intro = N_("Who would care for the children if no parent can. Name a first and a second choice.")
    sections = ("guardians", "designation")
    section = "guardians"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.editor = self._editor(
            place=False,
            title=N_("Guardians"), hint=N_("Add the first choice, then a second choice."),
            add_text=N_("+ Add a guardian"), remove_text=N_("Remove"),
            make=self._new, describe=self._describe,
            fields=[
                F("role", "choice", N_("First or second choice"), "", choices=ROLES),
                F("full_name", "text", N_("Full name"), ""),
                F("relationship", "text", N_("Relationship to the children"), N_("For example aunt, neighbour, godmother.")),
                F("phone", "phone", N_("Phone"), ""),
                F("email", "email", N_("Email"), ""),
                F("address", "address", N_("Address"), N_("Street, town and zip code. The legal form needs it.")),
                F("has_agreed", "yesno", N_("Have they agreed to do this?"),
                  N_("Ask them before you sign anything.")),
                F("may_be_at_risk", "yesno", N_("Could they also be detained?"),
                  N_("If yes, also name a second choice who is not at risk.")),
            ])
        # when the guardian takes over: one choice for the whole plan, on its
        # own tab (below the list it would not fit a 1366x768 screen at 150 %)
        self.designation = Form([
            F("designation.contingencies", "checks", N_("The guardian takes over"),
              N_("Choose one or more. If a parent dies while the designation is in effect, the guardian may "
                 "care for the children for 90 days; to go on after that, the guardian must ask the Probate Court "
                 "(Conn. Gen. Stat. §45a-624e)."), choices=CONTINGENCY_NAMES),
            F("designation.other_contingency", "text", N_("Other event (in your own words)"),
              N_("Only if the choices above do not say it. It is printed as you write it.")),
            F("designation.mention_immigration", "bool", N_("Name immigration in the papers?"),
              N_("Usually no: the guardian may show these papers to a school, a doctor or a court.")),
        ])
        self.designation.edited.connect(self._designation_edited)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.editor, "")
        self.tabs.addTab(scrolled(self.designation), "")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self.editor.edited.connect(self._tab_titles)
        on_change(self, lambda _c: self._tab_titles())
        self.designation.bind_to(self.plan)
        self._tab_titles()

    def _designation_edited(self, _path: str) -> None:
        self.edited.emit()
        self._tab_titles()

    def _tab_titles(self) -> None:
        if self.plan is None:
            return
        self.tabs.setTabText(0, _("Guardians ({n})").format(n=len(self.plan.guardians)))
        d = self.plan.designation
        chosen = bool(d.contingencies or d.other_contingency)
        self.tabs.setTabText(1, _("When the guardian takes over") if chosen
                             else _("When the guardian takes over (not chosen yet)"))

    def shown(self) -> None:
        super().shown()
        self._tab_titles()

    def focus_path(self, path: str) -> None:
        section, index, rest = split_path(path)
        if section == "designation":
            self.tabs.setCurrentIndex(1)
            if not self.designation.focus_field(path):
                self.designation.focus_field("designation.contingencies")
            return
        self.tabs.setCurrentIndex(0)
        self.editor.focus(index, rest)

    def _new(self):
        role = "alternate" if any(g.role == "primary" for g in self.plan.guardians) else "primary"
        return Guardian(id=self.plan.next_id("g"), role=role)

    def _describe(self, i, g):
        name = g.full_name or _("Guardian {n}").format(n=i + 1)
        role = dict(ROLES).get(g.role)
        return two_lines(name, _(role)) if role else name
