"""Steps 7-8: lawyer, consulate and G-28; money and home."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..form import F, Form, scrolled
from ..lang import N_
from . import Step


class _FormStep(Step):
    fields: list[F] = []

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.form = Form(self.fields)
        self.form.edited.connect(lambda _p: self.edited.emit())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scrolled(self.form))
        self.form.bind_to(self.plan)

    def focus_path(self, path: str) -> None:
        if not self.form.focus_field(path):
            self.form.focus_field(self.fields[0].path)


class LegalStep(_FormStep):
    title = N_("Lawyer and consulate")
    intro = N_("Who can help with legal questions. Leave blank what you do not have yet.")
    sections = ("legal",)
    fields = [
        F("legal.attorney.name", "text", N_("Lawyer's name"), N_("Or a legal-aid organization."), heading=N_("Lawyer")),
        F("legal.attorney.organization", "text", N_("Office or organization"), ""),
        F("legal.attorney.phone", "phone", N_("Lawyer's phone"), ""),
        F("legal.attorney.email", "email", N_("Lawyer's email"), ""),
        F("legal.g28_signed", "yesno", N_("Is a form G-28 signed?"),
          N_("Form G-28 lets the lawyer speak for you to immigration.")),
        F("legal.g28_location", "text", N_("Where is the G-28 copy?"), ""),
        F("legal.consulate.name", "text", N_("Consulate"), N_("Your country's consulate nearest to you."),
          heading=N_("Consulate")),
        F("legal.consulate.phone", "phone", N_("Consulate phone"), ""),
        F("legal.consulate.address", "address", N_("Consulate address"), ""),
        F("legal.consulate_on_wallet", "bool", N_("Print the consulate on the wallet cards?"),
          N_("Usually no: anyone who sees the card learns your nationality.")),
        F("legal.notes", "long", N_("Other legal notes"), ""),
    ]


class MoneyStep(_FormStep):
    title = N_("Money and home")
    intro = N_("What a helper needs to keep the home running. Never write account numbers or PINs.")
    sections = ("finances", "notes")
    fields = [
        F("finances.housing_notes", "long", N_("Rent and home"), N_("Who the landlord is, when rent is due.")),
        F("finances.bills_notes", "long", N_("Bills"), N_("Which bills, and how they are paid.")),
        F("finances.bank_notes", "long", N_("Bank"), N_("Which bank. No account numbers.")),
        F("finances.vehicle_notes", "long", N_("Car"), N_("Where the car and keys are.")),
        F("finances.power_of_attorney_holder", "text", N_("Who holds a power of attorney"),
          N_("A person you trust to handle money for you, if you signed one.")),
        F("notes", "long", N_("Anything else"), "", heading=N_("Other")),
    ]
