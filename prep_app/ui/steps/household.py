"""Step 1: the household and the languages the family reads."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..form import F, Form, scrolled
from ..lang import N_, languages
from . import Step, split_path


class _HouseholdView:
    """The plan as the household form sees it: the first two home languages
    are two choices; other languages an imported plan lists are kept."""

    def __init__(self, plan):
        self.household = plan.household

    def _lang(self, i):
        langs = self.household.languages
        return langs[i] if len(langs) > i else None

    def _set_lang(self, i, code):
        langs = self.household.languages
        while len(langs) <= i:
            langs.append(None)
        langs[i] = code
        self.household.languages[:] = [c for c in langs if c]

    first_language = property(lambda s: s._lang(0), lambda s, v: s._set_lang(0, v))
    second_language = property(lambda s: s._lang(1), lambda s, v: s._set_lang(1, v))


def _language_choices():
    return tuple(languages().items())


class HouseholdStep(Step):
    title = N_("Household and languages")
    intro = N_("Start with your home. You can change anything later.")
    sections = ("household",)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.form = Form([
            F("household.family_name", "text", N_("Family name"),
              N_("Printed on your plan. It is never shown in the list of plans on this laptop.")),
            F("first_language", "choice", N_("Language you read best"),
              N_("Your printouts use this language and a second one."), choices=_language_choices),
            F("second_language", "choice", N_("Second language at home (if any)"), "",
              choices=_language_choices),
            F("household.address", "address", N_("Home address"), N_("Street, apartment, town and zip code.")),
            F("household.home_phone", "phone", N_("Home phone"),
              N_("A phone at home, if you have one.")),
            F("household.notes", "long", N_("Notes about the home"),
              N_("For example: who has a key, pets, anything a helper should know.")),
        ])
        self.form.edited.connect(lambda _p: self.edited.emit())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scrolled(self.form))
        self.form.bind_to(_HouseholdView(self.plan))

    def focus_path(self, path: str) -> None:
        section, _i, rest = split_path(path)
        if rest == "languages" or rest is None and section == "household":
            self.form.focus_field("household.family_name" if rest is None else "first_language")
        else:
            self.form.focus_field(path)
