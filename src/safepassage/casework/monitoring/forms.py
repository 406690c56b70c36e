from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.casework.cases.case_form import UnlimitedInputs
from safepassage.casework.monitoring.models import IncidentCandidate


class WatchForm(UnlimitedInputs, forms.Form):
    names = forms.CharField(
        label=_("Names to watch for, one per line (every script and spelling you know; nicknames)"),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        max_length=6000,
    )
    enabled = forms.BooleanField(label=_("Watch the news for this person"), required=False)
    min_score = forms.FloatField(label=_("Alert from this certainty (0.3-1)"), min_value=0.3, max_value=1.0, initial=0.6)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._no_maxlength()  # too long is refused with a message, never cut by the browser

    def names_list(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["names"].splitlines()]
        return list(dict.fromkeys(line[:200] for line in lines if line))[:30]


class IncidentReviewForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, s) for s in (IncidentCandidate.Status.DISMISSED, IncidentCandidate.Status.ACCEPTED, IncidentCandidate.Status.NEW)])
    note = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
