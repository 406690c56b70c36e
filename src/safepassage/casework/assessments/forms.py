from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.casework.assessments.service import knowledge_base


class AssessForm(forms.Form):
    country = forms.CharField(
        label=_("Country (ISO code; empty for every country)"), max_length=2, required=False
    )
    as_of = forms.DateField(
        label=_("As known on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_country(self) -> str:
        code = str(self.cleaned_data["country"]).strip().upper()
        if code and code not in knowledge_base().base:
            raise forms.ValidationError(_("Not an ISO 3166-1 country code."))
        return code

    def clean_as_of(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data["as_of"]
        if day and day > dt.date.today():
            raise forms.ValidationError(_("The date is in the future."))
        return day
