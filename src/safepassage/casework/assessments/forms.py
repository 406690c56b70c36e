from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.casework.cases.country_field import CountryField


class AssessForm(forms.Form):
    # A name in English or Russian, understood whole or refused (cases/country_field.py).
    country = CountryField(label=_("Country (empty for every country)"), required=False)
    as_of = forms.DateField(
        label=_("As known on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_as_of(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data["as_of"]
        if day and day > dt.date.today():
            raise forms.ValidationError(_("The date is in the future."))
        return day
