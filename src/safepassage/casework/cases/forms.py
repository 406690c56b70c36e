"""HTML forms for the case file's records. Each form turns into the same pydantic record the API
takes. The case form itself (the person and the threat) is cases/case_form.py."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.casework.cases import labels
from safepassage.casework.cases.case_form import UnlimitedInputs
from safepassage.casework.cases.records import (
    EVENT_KINDS,
    REFERRAL_KINDS,
    REFERRAL_STATUSES,
)


class Form(UnlimitedInputs, forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._no_maxlength()


class SearchForm(Form):
    q = forms.CharField(label=_("Find by name"), max_length=200)


class EventForm(Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=[(k, labels.EVENTS[k]) for k in EVENT_KINDS])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    description = forms.CharField(label=_("Details"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False)


class NoteForm(Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000)


class AttachmentForm(Form):
    file = forms.FileField(label=_("File"))


class ConsentForm(Form):
    may_store = forms.BooleanField(label=_("The person agrees that this case is stored"), required=False)
    may_share_with = forms.CharField(label=_("May be shared with"), max_length=300, required=False)
    limits = forms.CharField(label=_("Must not be stored or shared"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    given_on = forms.DateField(label=_("Given on"), widget=forms.DateInput(attrs={"type": "date"}))
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=forms.DateInput(attrs={"type": "date"}), required=False)
    how = forms.CharField(label=_("How it was obtained"), max_length=300, required=False)


class SafetyPlanForm(Form):
    check_in = forms.CharField(label=_("Agreed check-in times and channel"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    next_check_in = forms.DateTimeField(
        label=_("Next check-in"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    check_in_every_hours = forms.IntegerField(label=_("Then every (hours)"), min_value=1, max_value=24 * 30, required=False)
    code_words = forms.CharField(label=_("Code words"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    trusted_contacts = forms.CharField(label=_("Trusted contacts"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    if_detained = forms.CharField(label=_("What to do if detained"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False)


class ReferralForm(Form):
    kind = forms.ChoiceField(label=_("Referral to"), choices=[(k, labels.REFERRALS[k]) for k in REFERRAL_KINDS])
    to = forms.CharField(label=_("Organisation or person"), max_length=300)
    status = forms.ChoiceField(label=_("Status"), choices=[(s, labels.REFERRAL_STATUS[s]) for s in REFERRAL_STATUSES])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)


class ReferralStatusForm(Form):
    status = forms.ChoiceField(choices=[(s, s) for s in REFERRAL_STATUSES])
