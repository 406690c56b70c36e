"""Typed models of the knowledge base: sources, instruments and facts.

The file format these models read is documented for non-programmers in docs/kb-format.md;
keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    field_validator,
    model_validator,
)

from safepassage.kb.dates import PartialDate

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=120)]


def _norway(value: object) -> object:
    # YAML 1.1 reads a bare NO (Norway) as the boolean false; take it back as the code.
    return "NO" if value is False else value


CountryCode = Annotated[str, BeforeValidator(_norway), Field(pattern=r"^[A-Z]{2}$")]
Community = Annotated[str, Field(pattern=r"^[a-z][a-z_-]*$")]
Confidence = Literal["high", "medium", "low"]


def _yes_no(value: object) -> object:
    # YAML 1.1 reads a bare yes/no as a boolean; reviewers write yes/no, so accept both.
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


Availability = Annotated[Literal["yes", "limited", "no", "unknown"], BeforeValidator(_yes_no)]

_STRICT = ConfigDict(extra="forbid", frozen=True)


class Source(BaseModel):
    model_config = _STRICT

    id: Id
    publisher: Annotated[str, Field(min_length=2)]
    title: Annotated[str, Field(min_length=2)]
    url: HttpUrl
    published: PartialDate
    accessed: dt.date


class Instrument(BaseModel):
    model_config = _STRICT

    id: Id
    title: str
    kind: Literal[
        "legal_assistance",
        "extradition",
        "anti_extremism",
        "political_bloc",
        "economic_bloc",
        "security_bloc",
        "human_rights_court",
        "refugee_protection",
        "complaint_mechanism",
    ]


# --- values, one model per fact kind ---------------------------------------------------------


class LandBorder(BaseModel):
    model_config = _STRICT
    neighbour: CountryCode
    length_km: Annotated[float, Field(gt=0)] | None = None


Document = Literal["internal_id", "passport"]


class EntryRule(BaseModel):
    model_config = _STRICT
    document: Document
    admitted: bool
    visa_required: bool | None = None
    conditions: str | None = None


class Membership(BaseModel):
    model_config = _STRICT
    instrument: Id
    # non_party: a source states the state has NOT joined (absence of a fact proves nothing)
    status: Literal[
        "party", "member", "signatory", "associate", "observer", "suspended", "non_party"
    ]
    limitation: str | None = None


# The statuses that bind a state to an instrument's obligations and channels (a signature,
# observer seat or suspension does not): what the engine and the coverage counts call a tie.
BINDING_STATUSES = frozenset({"party", "member", "associate"})


class BilateralAgreement(BaseModel):
    model_config = _STRICT
    counterpart: CountryCode
    subject: Literal["extradition", "legal_assistance", "readmission", "police_cooperation"]
    status: Literal["signed", "in_force"]


class CommunityPresence(BaseModel):
    model_config = _STRICT
    low: Annotated[int, Field(ge=0)]
    high: Annotated[int, Field(ge=0)]
    year: Annotated[int, Field(ge=1800, le=2100)]

    @model_validator(mode="after")
    def _ordered(self) -> CommunityPresence:
        if self.high < self.low:
            raise ValueError("high must not be smaller than low")
        return self


class AsylumPractice(BaseModel):
    model_config = _STRICT
    access: Literal["good", "limited", "poor", "none"]
    recognition_rate: Annotated[float, Field(ge=0, le=1)] | None = None
    year: Annotated[int, Field(ge=1950, le=2100)] | None = None


class ViolenceProtection(BaseModel):
    model_config = _STRICT
    shelters: Availability = "unknown"
    protection_orders: Availability = "unknown"
    foreigners_eligible: Availability = "unknown"


class InterimMeasures(BaseModel):
    model_config = _STRICT
    body: Literal["un_cat", "un_hrc", "un_cedaw", "ecthr"]
    record: Literal["honoured", "ignored", "mixed"]


CooperationKind = Literal[
    "extradition",
    "deportation",
    "wanted_list_detention",
    "handover_to_relatives",
    "abduction",
    "security_cooperation",
    "data_sharing",
    "refused_extradition",
]


class CooperationPractice(BaseModel):
    model_config = _STRICT
    counterpart: CountryCode
    practice: CooperationKind
    level: Literal["routine", "documented", "rare"]


class DocumentAccess(BaseModel):
    model_config = _STRICT
    document: Document
    access: Literal["normal", "restricted", "denied"]


PersonProfile = Literal[
    "domestic_violence_survivor",
    "forced_marriage",
    "lgbt",
    "dissident",
    "journalist",
    "blogger",
    "activist",
    "relative_of_dissident",
    "former_fighter",
    "asylum_seeker",
    "refugee",
    "deserter",
    "student",
    "religious",
    "official",
    "defector",
]
# How widely known the person was: a state hunts prominent critics hardest.
Prominence = Literal["none", "activist", "public_figure", "relative_of_official"]
Actor = Literal["family", "state", "non_state"]
Outcome = Literal[
    "detained",
    "handed_to_relatives",
    "extradited",
    "deported",
    "abducted",
    "killed",
    "attacked",
    "released",
    "protected",
    "granted_asylum",
    "denied_asylum",
    "returned_to_origin",
    "extradition_refused",
    # acts against exiles abroad (transnational repression)
    "attempted_killing",
    "rendered",
    "lured_back",
    "threatened",
    "relatives_targeted",
]
# Outcomes that put the person back in the pursuers' hands or harmed them.
HARMFUL_OUTCOMES: frozenset[str] = frozenset(
    {
        "handed_to_relatives",
        "extradited",
        "deported",
        "abducted",
        "killed",
        "attacked",
        "returned_to_origin",
        "attempted_killing",
        "rendered",
        "lured_back",
    }
)


class IncidentPerson(BaseModel):
    model_config = _STRICT
    gender: Literal["female", "male", "unknown"] = "unknown"
    profile: tuple[PersonProfile, ...] = ()
    prominence: Prominence | None = None


class Incident(BaseModel):
    model_config = _STRICT
    date: PartialDate
    place: str | None = None
    person: IncidentPerson = IncidentPerson()
    pursuers: tuple[Actor, ...] = ()
    pretext: (
        Literal[
            "missing_person",
            "theft",
            "criminal_case",
            "wanted_notice",
            "interpol_notice",
            "extremism",
            "terrorism",
            "immigration",
            "none",
        ]
        | None
    ) = None
    actors: tuple[
        Literal[
            "police",
            "border_guards",
            "security_service",
            "courts",
            "prosecutors",
            "migration_service",
            "origin_state_agents",
            "relatives",
            "unknown_attackers",
        ],
        ...,
    ] = ()
    outcomes: Annotated[tuple[Outcome, ...], Field(min_length=1)]
    # Who the sources say was behind it, when the pursuers include a state: `established` by a
    # court, a UN body or a government's formal finding; `credible` in investigations by major
    # media or rights groups; `alleged` by the victim or their supporters only.
    attribution: Literal["established", "credible", "alleged"] | None = None

    @property
    def harmful(self) -> bool:
        return any(outcome in HARMFUL_OUTCOMES for outcome in self.outcomes)


# --- facts -----------------------------------------------------------------------------------


class FactBase(BaseModel):
    model_config = _STRICT

    id: Id
    country: CountryCode
    about: CountryCode | None = None
    community: Community | None = None
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    confidence: Confidence
    sources: Annotated[tuple[Id, ...], Field(min_length=1)]
    summary: Annotated[str, Field(min_length=10)]
    summary_ru: str | None = None
    note: str | None = None
    # The id of an earlier fact this one carries forward (a later stage of the same incident,
    # say). When both are visible only this one counts, so an event is never weighed twice.
    updates: Id | None = None

    @field_validator("summary", "summary_ru", "note")
    @classmethod
    def _one_paragraph(cls, text: str | None) -> str | None:
        return None if text is None else re.sub(r"\s+", " ", text).strip()

    @model_validator(mode="after")
    def _period_ordered(self) -> FactBase:
        if self.valid_from and self.valid_to and self.valid_to.latest < self.valid_from.earliest:
            raise ValueError("valid_to is before valid_from")
        return self


class LandBorderFact(FactBase):
    kind: Literal["land_border"]
    value: LandBorder


class EntryRuleFact(FactBase):
    kind: Literal["entry_rule"]
    value: EntryRule


class MembershipFact(FactBase):
    kind: Literal["membership"]
    value: Membership


class BilateralAgreementFact(FactBase):
    kind: Literal["bilateral_agreement"]
    value: BilateralAgreement


class CommunityPresenceFact(FactBase):
    kind: Literal["community_presence"]
    value: CommunityPresence

    @model_validator(mode="after")
    def _needs_community(self) -> CommunityPresenceFact:
        if not self.community:
            raise ValueError("community_presence needs `community`")
        return self


class IncidentFact(FactBase):
    kind: Literal["incident"]
    value: Incident


class AsylumPracticeFact(FactBase):
    kind: Literal["asylum_practice"]
    value: AsylumPractice


class ViolenceProtectionFact(FactBase):
    kind: Literal["dv_protection"]
    value: ViolenceProtection


class InterimMeasuresFact(FactBase):
    kind: Literal["interim_measures"]
    value: InterimMeasures


class CooperationPracticeFact(FactBase):
    kind: Literal["cooperation_practice"]
    value: CooperationPractice


class DocumentAccessFact(FactBase):
    kind: Literal["document_access"]
    value: DocumentAccess


Fact = Annotated[
    LandBorderFact
    | EntryRuleFact
    | MembershipFact
    | BilateralAgreementFact
    | CommunityPresenceFact
    | IncidentFact
    | AsylumPracticeFact
    | ViolenceProtectionFact
    | InterimMeasuresFact
    | CooperationPracticeFact
    | DocumentAccessFact,
    Field(discriminator="kind"),
]

FACT_KINDS: tuple[str, ...] = (
    "land_border",
    "entry_rule",
    "membership",
    "bilateral_agreement",
    "community_presence",
    "incident",
    "asylum_practice",
    "dv_protection",
    "interim_measures",
    "cooperation_practice",
    "document_access",
)


class KnowledgeFile(BaseModel):
    """One YAML file of the knowledge base."""

    model_config = ConfigDict(extra="forbid")

    sources: list[Source] = []
    facts: list[Fact] = []
    instruments: list[Instrument] = []


def fact_start(fact: FactBase) -> PartialDate | None:
    """When a fact started to hold: an incident's own date, else `valid_from`."""
    if isinstance(fact, IncidentFact):
        return fact.value.date
    return fact.valid_from
