"""The case form: the person, the threat, the documents and where she is, turned into the
engine's profile (DESIGN §5) and shown back in full before it is saved.

Rules that keep wrong data out:
- countries are names in English or Russian, understood whole or refused (cases/country_field.py);
- communities come from the knowledge base's list, named in the reader's language;
- each document is an explicit answer (holds / does not hold / not known; the passport with its
  status), never a checkbox whose absence means "no";
- no input has a browser length limit that silently cuts what is typed: a value that is too
  long is refused with a message instead;
- the view shows every value back (cases/confirm.html) and saves only after "Save" there.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, ClassVar

import pycountry
from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from safepassage.casework.cases import labels
from safepassage.casework.cases.country_field import (
    CountryField,
    CountryListField,
    country_name,
    language,
)
from safepassage.casework.cases.records import CaseRecord, DocumentAnswers
from safepassage.kb.names import community_name, fold
from safepassage.profile.models import PASSPORT_STATUSES

SCHENGEN = "schengen"
_SCHENGEN_NAMES = {fold(n) for n in ("Schengen", "Schengen area", "Шенген", "Шенгенская зона", "шенгенская виза")}
_COMMUNITY = r"^[a-z][a-z_-]*$"


class UnlimitedInputs:
    """Drops the `maxlength` Django puts on inputs: browsers silently stop typing or cut a
    pasted text there. The field's own limit still refuses a value that is too long, with a
    message saying so."""

    fields: dict[str, forms.Field]

    def _no_maxlength(self) -> None:
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)


def _choices(mapping: Mapping[str, Promise | str]) -> list[tuple[str, Any]]:
    return list(mapping.items())


@cache
def known_communities() -> tuple[str, ...]:
    """Every community the knowledge base's facts name (`community:`)."""
    from safepassage.casework.assessments.service import knowledge_base

    return tuple(sorted({str(f.community) for f in knowledge_base().facts if getattr(f, "community", None)}))


def _community_choices() -> list[tuple[str, str]]:
    lang = language()
    return sorted(((c, community_name(c, lang)) for c in known_communities()), key=lambda pair: fold(pair[1]))


def _subdivision(code: str) -> Any:
    return pycountry.subdivisions.get(code=code)  # type: ignore[no-untyped-call]


def region_name(code: str) -> str:
    """An ISO 3166-2 region's name (pycountry; Russian where its catalogue has one)."""
    region = _subdivision(code)
    if region is None:
        return code
    if language() == "ru":
        import gettext as gnu

        russian = gnu.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
        return f"{russian.gettext(region.name)} ({code})"
    return f"{region.name} ({code})"


class RegionField(forms.CharField):
    default_error_messages: ClassVar[dict[str, Any]] = {
        "unknown": _("“%(value)s” is not an ISO 3166-2 region code (such as RU-CE for Chechnya)."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=None, required=False, **kwargs)

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value)).strip().upper()
        if text and _subdivision(text) is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params={"value": text[:20]})
        return text


class VisaField(CountryListField):
    """Countries, or the Schengen area, a visa is held for."""

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        parts = [p for p in str(value or "").replace(";", ",").split(",") if p.strip()]
        schengen = [p for p in parts if fold(p) in _SCHENGEN_NAMES]
        rest = ", ".join(p for p in parts if fold(p) not in _SCHENGEN_NAMES)
        return ([SCHENGEN] if schengen else []) + super().to_python(rest)

    def prepare_value(self, value: Any) -> Any:
        shown = super().prepare_value
        if isinstance(value, (list, tuple)):
            return ", ".join(gettext("Schengen area") if v == SCHENGEN else str(shown(v)) for v in value)
        return shown(value)


class CaseForm(UnlimitedInputs, forms.Form):
    name = forms.CharField(label=_("Name or pseudonym"), max_length=200)
    team = forms.ChoiceField(label=_("Team"))
    status = forms.ChoiceField(label=_("Status"), choices=_choices(labels.CASE_STATUS), initial="open")
    citizenship = CountryListField(label=_("Citizenship (several: separate with commas)"))
    origin_country = CountryField(label=_("Country of origin"))
    origin_region = RegionField(label=_("Region of origin, ISO 3166-2 code (optional, e.g. RU-CE)"))
    community = forms.MultipleChoiceField(label=_("Community"), required=False, widget=forms.CheckboxSelectMultiple)
    community_other = forms.RegexField(
        label=_("Another community (Latin letters, e.g. avar)"), regex=_COMMUNITY, max_length=100, required=False,
        error_messages={"invalid": _("Write the community in small Latin letters, e.g. avar.")},
    )
    gender = forms.ChoiceField(label=_("Gender"), choices=_choices(labels.GENDERS))
    threats = forms.MultipleChoiceField(label=_("Who threatens the person"), choices=_choices(labels.THREATS), widget=forms.CheckboxSelectMultiple)
    threat_state = CountryField(label=_("State whose police and courts the pursuers can use"))
    state_power = forms.BooleanField(label=_("The pursuer holds state power (an official, a ruler's family)"), required=False)
    prominence = forms.ChoiceField(label=_("How widely known the person is"), choices=_choices(labels.PROMINENCE), required=False)
    criminal_case = forms.ChoiceField(label=_("Criminal case opened"), choices=_choices(labels.TRISTATE))
    search_request = forms.ChoiceField(label=_("On a wanted/search list"), choices=_choices(labels.TRISTATE))
    interpol = forms.ChoiceField(label=_("Interpol notice"), choices=_choices(labels.TRISTATE))
    attempts_on_life = forms.ChoiceField(label=_("Attempts on her life already"), choices=_choices(labels.TRISTATE), initial="unknown")
    abduction_attempts = forms.ChoiceField(label=_("Abduction attempts already"), choices=_choices(labels.TRISTATE), initial="unknown")
    threats_abroad = forms.ChoiceField(label=_("Threats abroad already"), choices=_choices(labels.TRISTATE), initial="unknown")
    passport = forms.ChoiceField(label=_("International passport"), choices=_choices(labels.PASSPORT_ANSWERS), initial="unknown", widget=forms.RadioSelect)
    internal_id = forms.ChoiceField(label=_("Internal ID (Russian internal passport or similar)"), choices=_choices(labels.DOCUMENT_ANSWERS), initial="unknown", widget=forms.RadioSelect)
    refugee_travel_document = forms.ChoiceField(label=_("Refugee travel document"), choices=_choices(labels.DOCUMENT_ANSWERS), initial="unknown", widget=forms.RadioSelect)
    visas = VisaField(label=_("Visas held for (countries or Schengen area, optional)"), required=False)
    residence = CountryListField(label=_("Residence permits in (optional)"), required=False)
    location_country = CountryField(label=_("Country where the person is now"), required=False)
    location_region = RegionField(label=_("Region there, ISO 3166-2 code (optional)"))
    place = forms.CharField(label=_("Place, in words"), max_length=300, required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, required=False)

    def __init__(self, *args: Any, teams: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = teams  # type: ignore[attr-defined]
        self.fields["community"].choices = _community_choices()  # type: ignore[attr-defined]
        self._no_maxlength()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        for region, country in (("origin_region", "origin_country"), ("location_region", "location_country")):
            code = data.get(region)
            if code and code.split("-")[0] != data.get(country):
                self.add_error(region, gettext("%(region)s is not a region of %(country)s.") % {
                    "region": code, "country": country_name(data.get(country) or "") if data.get(country) else "—"})
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
    def document_list(data: dict[str, Any]) -> list[str] | None:
        """The profile's `documents` from the answers. "Not known" for a document that could
        decide onward travel makes the whole list unknown (the engine then says it cannot
        judge); a valid passport or a refugee travel document is always kept."""
        held: list[str] = []
        if data["internal_id"] == "holds":
            held.append("internal_id")
        if data["passport"] == "valid":
            held.append("passport")
        elif data["passport"] in PASSPORT_STATUSES:
            held.append(f"passport:{data['passport']}")
        if data["refugee_travel_document"] == "holds":
            held.append("refugee_travel_document")
        held += [f"visa:{v}" for v in data.get("visas") or []]
        held += [f"residence:{c}" for c in data.get("residence") or []]
        travels = "passport" in held or "refugee_travel_document" in held
        unknown = [k for k in ("internal_id", "passport", "refugee_travel_document") if data[k] == "unknown"]
        if unknown and not travels:
            return None
        return held

    @classmethod
    def to_record(cls, data: dict[str, Any]) -> CaseRecord:
        state = data["threat_state"]
        community = list(data.get("community") or [])
        if data.get("community_other") and data["community_other"] not in community:
            community.append(data["community_other"])
        profile: dict[str, Any] = {
            "id": "case",
            "citizenship": data["citizenship"],
            "origin": {"country": data["origin_country"]},
            "community": community,
            "gender": data["gender"],
            "threats": [
                {"actor": actor, "state": state, **({"state_power": True} if data.get("state_power") else {})}
                for actor in data["threats"]
            ],
            "wanted": {k: labels.TRISTATE_VALUES[data[k]] for k in ("criminal_case", "search_request", "interpol")},
            "previously_targeted": {
                k: labels.TRISTATE_VALUES[data[k]] for k in ("attempts_on_life", "abduction_attempts", "threats_abroad")
            },
        }
        if data.get("prominence"):
            profile["prominence"] = data["prominence"]
        if data.get("origin_region"):
            profile["origin"]["region"] = data["origin_region"]
        documents = cls.document_list(data)
        if documents is not None:
            profile["documents"] = documents
        if data.get("location_country"):
            profile["location"] = {"country": data["location_country"]}
            if data.get("location_region"):
                profile["location"]["region"] = data["location_region"]
        answers = DocumentAnswers(
            internal_id=data["internal_id"], passport=data["passport"], refugee_travel_document=data["refugee_travel_document"],
            visas=data.get("visas") or [], residence=data.get("residence") or [],
        )
        return CaseRecord(
            name=data["name"], profile=profile, documents=answers, place=data.get("place", ""), summary=data.get("summary", "")
        )

    @staticmethod
    def answers_from(record: CaseRecord) -> DocumentAnswers:
        """The answers as given, or for an older record what its document list says."""
        if record.documents is not None:
            return record.documents
        documents = record.profile.get("documents")
        if documents is None:
            return DocumentAnswers()
        passport = next((d.partition(":")[2] or "valid" for d in documents if d.split(":")[0] == "passport"), "none")
        return DocumentAnswers(
            internal_id="holds" if "internal_id" in documents else "does_not_hold",
            passport=passport,
            refugee_travel_document="holds" if "refugee_travel_document" in documents else "does_not_hold",
            visas=[d.split(":", 1)[1] for d in documents if d.startswith("visa:")],
            residence=[d.split(":", 1)[1] for d in documents if d.startswith("residence:")],
        )

    @classmethod
    def initial_from(cls, record: CaseRecord, team: str, status: str) -> dict[str, Any]:
        p = record.profile
        threats = p.get("threats", [])
        location = p.get("location") or {}
        known = set(known_communities())
        communities = p.get("community", [])
        targeted = p.get("previously_targeted", {})
        return {
            "name": record.name,
            "team": team,
            "status": status,
            "citizenship": list(p.get("citizenship", [])),
            "origin_country": p.get("origin", {}).get("country", ""),
            "origin_region": p.get("origin", {}).get("region") or "",
            "community": [c for c in communities if c in known],
            "community_other": next((c for c in communities if c not in known), ""),
            "gender": p.get("gender", "unknown"),
            "threats": [t["actor"] for t in threats],
            "threat_state": next((t.get("state") for t in threats if t.get("state")), ""),
            "state_power": any(t.get("state_power") for t in threats),
            "prominence": p.get("prominence") or "",
            **{k: labels.TRISTATE_CODES[p.get("wanted", {}).get(k, "unknown")] for k in ("criminal_case", "search_request", "interpol")},
            **{k: labels.TRISTATE_CODES[targeted.get(k, "unknown")] for k in ("attempts_on_life", "abduction_attempts", "threats_abroad")},
            **cls.answers_from(record).model_dump(),
            "location_country": location.get("country", ""),
            "location_region": location.get("region") or "",
            "place": record.place,
            "summary": record.summary,
        }

    def summary_rows(self) -> list[tuple[str, str]]:
        """Every value as it will be saved, in the reader's language, for the confirm step."""
        data = self.cleaned_data
        lang = language()
        rows: list[tuple[str, str]] = []
        for name, field in self.fields.items():
            value = data.get(name)
            if name in ("community_other",):
                continue
            if isinstance(field, CountryListField):  # and VisaField
                shown = str(field.prepare_value(value)) if value else "—"
            elif isinstance(field, CountryField):
                shown = f"{country_name(value, lang)}" if value else "—"
            elif isinstance(field, RegionField):
                shown = region_name(value) if value else "—"
            elif name == "community":
                names = [community_name(c, lang) for c in value or []]
                if data.get("community_other"):
                    names.append(data["community_other"])
                shown = ", ".join(names) or "—"
            elif isinstance(field, forms.MultipleChoiceField):
                choices = dict(field.choices)  # type: ignore[arg-type]
                shown = ", ".join(str(choices[v]) for v in value or []) or "—"
            elif isinstance(field, forms.ChoiceField):
                shown = str(dict(field.choices).get(value, "—")) or "—"  # type: ignore[arg-type]
            elif isinstance(field, forms.BooleanField):
                shown = gettext("yes") if value else gettext("no")
            else:
                shown = str(value) if value else "—"
            rows.append((str(field.label), shown))
        if self.document_list(data) is None:
            rows.append((gettext("Documents, for the assessment"), gettext(
                "not known: answer the internal ID and the refugee travel document, or the "
                "assessment cannot judge onward travel")))
        return rows
