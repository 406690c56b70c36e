"""The dossier form on the case page. It becomes the same DossierRequest the command line builds."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.casework.cases.case_form import UnlimitedInputs
from safepassage.casework.cases.country_field import CountryField
from safepassage.report.dossier import DossierRequest, Removal

KIND_CHOICES = [
    ("lawyer", _("Case file for the lawyer")),
    ("un-complaint", _("Draft UN treaty-body communication")),
    ("rule39", _("Rule 39 request to the European Court of Human Rights")),
    ("coi-annex", _("Country information annex (COI)")),
]
COMMITTEE_CHOICES = [
    ("", "—"),
    ("cat", _("Committee against Torture")),
    ("hrc", _("Human Rights Committee")),
    ("cedaw", _("Committee on the Elimination of Discrimination against Women")),
]
LANGUAGE_CHOICES = [("en", "English"), ("ru", "Русский")]
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class DossierForm(UnlimitedInputs, forms.Form):
    kind = forms.ChoiceField(label=_("Dossier"), choices=KIND_CHOICES)
    # countries are names in English or Russian, understood whole or refused (cases/country_field.py)
    country = CountryField(label=_("Country (empty: where the person is now)"), required=False)
    as_of = forms.DateField(label=_("As known on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    committee = forms.ChoiceField(label=_("UN committee"), choices=COMMITTEE_CHOICES, required=False)
    removal_date = forms.DateField(label=_("Removal scheduled on"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    removal_time = forms.CharField(label=_("at (HH:MM)"), max_length=5, required=False)
    destination = CountryField(label=_("to (country)"), required=False)
    contact = forms.CharField(label=_("Person the Court should call"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._no_maxlength()

    def clean_removal_time(self) -> str:
        value = str(self.cleaned_data["removal_time"]).strip()
        if value and not TIME.match(value):
            raise forms.ValidationError(_("Give the time as HH:MM."))
        return value

    def clean_as_of(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data["as_of"]
        if day and day > dt.date.today():
            raise forms.ValidationError(_("The date is in the future."))
        return day

    def dossier_request(self) -> DossierRequest:
        data = self.cleaned_data
        removal = None
        if data["removal_date"]:
            removal = Removal(data["removal_date"], data["removal_time"], data["destination"])
        return DossierRequest(
            kind=data["kind"],
            country=data["country"],
            as_of=data["as_of"] or dt.date.today(),
            language=data["language"],
            committee=data["committee"],
            removal=removal,
            contact=data["contact"].strip(),
        )
