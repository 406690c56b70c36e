"""HTML forms for the case file. Each form turns into the same pydantic record the API takes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from safepassage.casework.cases.records import (
    EVENT_KINDS,
    REFERRAL_KINDS,
    REFERRAL_STATUSES,
    CaseRecord,
)

TRISTATE = [("unknown", _("unknown")), ("yes", _("yes")), ("no", _("no"))]
DOCUMENTS = [
    ("passport", _("international passport")),
    ("internal_id", _("internal ID (Russian internal passport or similar)")),
    ("refugee_travel_document", _("refugee travel document")),
]
THREATS = [("family", _("family / clan")), ("state", _("the state")), ("non_state", _("other non-state group"))]

EVENT_LABELS = {
    "detained": _("detained"),
    "released": _("released"),
    "moved": _("moved"),
    "sheltered": _("sheltered"),
    "contacted": _("contacted"),
    "crossed_border": _("crossed a border"),
    "applied_for_asylum": _("applied for asylum"),
    "threatened": _("threatened"),
    "located_by_pursuers": _("located by pursuers"),
    "documents_taken": _("documents taken"),
    "documents_obtained": _("documents obtained"),
    "other": _("other"),
}
REFERRAL_LABELS = {
    "shelter": _("shelter"),
    "lawyer": _("lawyer"),
    "unhcr": _("UNHCR"),
    "embassy": _("embassy"),
    "medical": _("medical"),
    "psychosocial": _("psychosocial support"),
    "other": _("other"),
}
STATUS_LABELS = {
    "proposed": _("proposed"),
    "made": _("made"),
    "accepted": _("accepted"),
    "declined": _("declined"),
    "completed": _("completed"),
}

TRISTATE_VALUES = {"yes": True, "no": False, "unknown": "unknown"}
TRISTATE_CODES = {True: "yes", False: "no", "unknown": "unknown"}


def _codes(text: str) -> list[str]:
    return [c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()]


class CaseForm(forms.Form):
    name = forms.CharField(label=_("Name or pseudonym"), max_length=200)
    team = forms.ChoiceField(label=_("Team"))
    status = forms.ChoiceField(label=_("Status"), choices=[("open", _("open")), ("closed", _("closed"))], initial="open")
    citizenship = forms.CharField(label=_("Citizenship (ISO codes, comma-separated)"), max_length=50)
    origin_country = forms.CharField(label=_("Origin country (ISO code)"), max_length=2)
    origin_region = forms.CharField(label=_("Origin region (ISO 3166-2, e.g. RU-CE)"), max_length=6, required=False)
    community = forms.CharField(label=_("Community (e.g. chechen)"), max_length=100, required=False)
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=[("female", _("female")), ("male", _("male")), ("other", _("other")), ("unknown", _("unknown"))],
    )
    threats = forms.MultipleChoiceField(label=_("Who threatens the person"), choices=THREATS, widget=forms.CheckboxSelectMultiple)
    threat_state = forms.CharField(label=_("Pursuing state (ISO code)"), max_length=2)
    criminal_case = forms.ChoiceField(label=_("Criminal case opened"), choices=TRISTATE)
    search_request = forms.ChoiceField(label=_("On a wanted/search list"), choices=TRISTATE)
    interpol = forms.ChoiceField(label=_("Interpol notice"), choices=TRISTATE)
    documents_known = forms.BooleanField(label=_("We know which documents the person holds"), required=False)
    documents = forms.MultipleChoiceField(label=_("Documents held"), choices=DOCUMENTS, widget=forms.CheckboxSelectMultiple, required=False)
    location_country = forms.CharField(label=_("Where the person is now (ISO code)"), max_length=2, required=False)
    location_region = forms.CharField(label=_("Region (ISO 3166-2)"), max_length=6, required=False)
    place = forms.CharField(label=_("Place, in words"), max_length=300, required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, required=False)

    def __init__(self, *args: Any, teams: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = teams  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            self.record = self.to_record(data)
        except ValidationError as error:
            # one line naming the field, without pydantic's echo of the input
            message = str(error.errors()[0]["msg"]).removeprefix("Value error, ")
            raise forms.ValidationError(message) from None
        return data

    @staticmethod
    def to_record(data: dict[str, Any]) -> CaseRecord:
        state = data["threat_state"].strip().upper()
        profile: dict[str, Any] = {
            "id": "case",
            "citizenship": _codes(data["citizenship"]),
            "origin": {"country": data["origin_country"].strip().upper()},
            "community": [c.strip().lower() for c in data.get("community", "").split(",") if c.strip()],
            "gender": data["gender"],
            "threats": [{"actor": actor, "state": state} for actor in data["threats"]],
            "wanted": {k: TRISTATE_VALUES[data[k]] for k in ("criminal_case", "search_request", "interpol")},
        }
        if data.get("origin_region"):
            profile["origin"]["region"] = data["origin_region"].strip().upper()
        if data.get("documents_known"):
            profile["documents"] = list(data.get("documents") or [])
        if data.get("location_country"):
            profile["location"] = {"country": data["location_country"].strip().upper()}
            if data.get("location_region"):
                profile["location"]["region"] = data["location_region"].strip().upper()
        return CaseRecord(name=data["name"], profile=profile, place=data.get("place", ""), summary=data.get("summary", ""))

    @staticmethod
    def initial_from(record: CaseRecord, team: str, status: str) -> dict[str, Any]:
        p = record.profile
        threats = p.get("threats", [])
        documents = p.get("documents")
        location = p.get("location") or {}
        return {
            "name": record.name,
            "team": team,
            "status": status,
            "citizenship": ", ".join(p.get("citizenship", [])),
            "origin_country": p.get("origin", {}).get("country", ""),
            "origin_region": p.get("origin", {}).get("region") or "",
            "community": ", ".join(p.get("community", [])),
            "gender": p.get("gender", "unknown"),
            "threats": [t["actor"] for t in threats],
            "threat_state": next((t.get("state") for t in threats if t.get("state")), ""),
            **{k: TRISTATE_CODES[p.get("wanted", {}).get(k, "unknown")] for k in ("criminal_case", "search_request", "interpol")},
            "documents_known": documents is not None,
            "documents": documents or [],
            "location_country": location.get("country", ""),
            "location_region": location.get("region") or "",
            "place": record.place,
            "summary": record.summary,
        }


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Find by name"), max_length=200)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("What happened"), choices=[(k, EVENT_LABELS[k]) for k in EVENT_KINDS])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    description = forms.CharField(label=_("Details"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=20000)


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))


class ConsentForm(forms.Form):
    may_store = forms.BooleanField(label=_("The person agrees that this case is stored"), required=False)
    may_share_with = forms.CharField(label=_("May be shared with"), max_length=300, required=False)
    limits = forms.CharField(label=_("Must not be stored or shared"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    given_on = forms.DateField(label=_("Given on"), widget=forms.DateInput(attrs={"type": "date"}))
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=forms.DateInput(attrs={"type": "date"}), required=False)
    how = forms.CharField(label=_("How it was obtained"), max_length=300, required=False)


class SafetyPlanForm(forms.Form):
    check_in = forms.CharField(label=_("Agreed check-in times and channel"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    code_words = forms.CharField(label=_("Code words"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    trusted_contacts = forms.CharField(label=_("Trusted contacts"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)
    if_detained = forms.CharField(label=_("What to do if detained"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, required=False)


class ReferralForm(forms.Form):
    kind = forms.ChoiceField(label=_("Referral to"), choices=[(k, REFERRAL_LABELS[k]) for k in REFERRAL_KINDS])
    to = forms.CharField(label=_("Organisation or person"), max_length=300)
    status = forms.ChoiceField(label=_("Status"), choices=[(s, STATUS_LABELS[s]) for s in REFERRAL_STATUSES])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, required=False)


class ReferralStatusForm(forms.Form):
    status = forms.ChoiceField(choices=[(s, s) for s in REFERRAL_STATUSES])
