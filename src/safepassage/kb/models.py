"""Typed models of the knowledge base: sources, instruments and facts.

The file format these models read is documented for non-programmers in docs/kb-format.md;
keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, ClassVar, Literal, get_args

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
    note: str | None = None  # how the source was read, when a reviewer needs to know
    # An official register (a treaty depositary's status page, INTERPOL's list of members): what
    # it records was public from the day it happened, so a membership it supports is visible
    # from the membership's own `valid_from`, whatever day we read the register (issue 11's
    # as-of rule for registry facts). Such pages rarely show a date of their own: write the day
    # you read it as `published`.
    registry: bool = False


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
        "non_refoulement",
        # police information exchange (Interpol notices and diffusions): nearly every state
        # belongs, so membership says nothing about one host; no factor weighs it
        "police_cooperation",
    ]


# --- values, one model per fact kind ---------------------------------------------------------


class LandBorder(BaseModel):
    model_config = _STRICT
    neighbour: CountryCode
    length_km: Annotated[float, Field(gt=0)] | None = None


Document = Literal["internal_id", "passport"]


# What a passport holder needs, in the Passport Index's categories (docs/kb-format.md, "Datasets").
EntryRequirement = Literal[
    "visa_free",
    "visa_on_arrival",
    "eta",
    "e_visa",
    "e_visa_or_eta",
    "visa_required",
    "no_admission",
    "covid_ban",
    "hayya_entry_permit",
]
# Requirements under which a holder may travel without applying for a visa in advance.
NO_VISA_IN_ADVANCE: frozenset[str] = frozenset({"visa_free", "visa_on_arrival", "eta"})


class EntryRule(BaseModel):
    model_config = _STRICT
    document: Document
    admitted: bool
    visa_required: bool | None = None
    conditions: str | None = Field(None, description='e.g. "by air only"')
    requirement: EntryRequirement | None = Field(
        None, description="for a passport, the Passport Index category"
    )
    days: Annotated[int, Field(ge=1, le=366)] | None = Field(
        None, description="visa-free stay in days, where given"
    )


class Membership(BaseModel):
    model_config = _STRICT
    instrument: Id = Field(description="an id from `instruments.yaml`")
    status: Literal[
        "party", "member", "signatory", "associate", "observer", "suspended", "non_party"
    ] = Field(
        description="`non_party` only when a source states the state has not joined: a missing "
        "fact proves nothing"
    )
    limitation: str | None = Field(
        None, description="a reservation such as a geographic limitation"
    )


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
    low: Annotated[int, Field(ge=0, description="number of people")]
    high: Annotated[int, Field(ge=0, description="equal to `low` if the source gives one figure")]
    year: Annotated[int, Field(ge=1800, le=2100)]

    @model_validator(mode="after")
    def _ordered(self) -> CommunityPresence:
        if self.high < self.low:
            raise ValueError("high must not be smaller than low")
        return self


class AsylumDecisions(BaseModel):
    """One year of UNHCR's statistics on decisions taken on claims of one origin's nationals."""

    model_config = _STRICT
    year: Annotated[int, Field(ge=1950, le=2100)]
    basis: Literal["persons", "cases"] = Field(
        description="what was counted (a case may hold several persons)"
    )
    recognised: Annotated[int, Field(ge=0, description="Convention refugee status")]
    complementary: Annotated[int, Field(ge=0, description="complementary protection")]
    rejected: Annotated[int, Field(ge=0)]
    otherwise_closed: Annotated[int, Field(ge=0, description="closed without a decision on the merits")]
    total: Annotated[int, Field(ge=0, description="all decisions, as published")]
    levels: tuple[str, ...] = Field(
        (), description="procedure/decision levels summed, e.g. `G/FI` (government, first instance)"
    )

    @property
    def substantive(self) -> int:
        """Decisions on the merits: recognised, complementary protection or rejected."""
        return self.recognised + self.complementary + self.rejected

    @property
    def refugee_rate(self) -> float | None:
        """UNHCR's Refugee Recognition Rate: recognised / substantive decisions."""
        return self.recognised / self.substantive if self.substantive else None

    @property
    def protection_rate(self) -> float | None:
        """UNHCR's Total Recognition Rate: (recognised + complementary) / substantive."""
        return (self.recognised + self.complementary) / self.substantive if self.substantive else None


class MigrantStock(BaseModel):
    model_config = _STRICT
    people: Annotated[int, Field(ge=1, description="people born in `about` living in `country`")]
    year: Annotated[int, Field(ge=1900, le=2100)]


Score0to4 = Annotated[int, Field(ge=0, le=4)]


class RuleOfLaw(BaseModel):
    """Freedom House's rule-of-law questions, each scored 0 (worst) to 4 (best)."""

    model_config = _STRICT
    edition: Annotated[int, Field(ge=1973, le=2100, description="Freedom in the World edition")]
    year: Annotated[int, Field(ge=1972, le=2100, description="the calendar year it covers")]
    judiciary: Score0to4 = Field(description="F1: is there an independent judiciary?")
    due_process: Score0to4 = Field(description="F2: does due process prevail in civil and criminal matters?")
    use_of_force: Score0to4 = Field(
        description="F3: is there protection from the illegitimate use of physical force and "
        "freedom from war and insurgencies?"
    )


class AirConnection(BaseModel):
    model_config = _STRICT
    counterpart: CountryCode
    routes: Annotated[int, Field(ge=1, description="airline-route listings, direct, either way")]
    airport_pairs: Annotated[int, Field(ge=1)]
    airlines: Annotated[int, Field(ge=1)]


class AsylumPractice(BaseModel):
    model_config = _STRICT
    access: Literal["good", "limited", "poor", "none"]
    recognition_rate: Annotated[float, Field(ge=0, le=1)] | None = Field(None, description="0–1")
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
    gender: Literal["female", "male"] | None = Field(
        None, description="when the rule concerns one gender only"
    )


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
    # the pursuing state's own border
    "prevented_from_leaving",
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


# What a pursuing state does to exiles itself, as opposed to what a host does to them.
EXILE_OUTCOMES: frozenset[str] = frozenset(
    {
        "killed",
        "attempted_killing",
        "attacked",
        "abducted",
        "rendered",
        "lured_back",
        "threatened",
        "relatives_targeted",
    }
)


class IncidentPerson(BaseModel):
    model_config = _STRICT
    gender: Literal["female", "male", "unknown"] = "unknown"
    profile: tuple[PersonProfile, ...] = ()
    prominence: Prominence | None = Field(
        None, description="how widely known the person was: a state hunts prominent critics hardest"
    )


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
    outcomes: Annotated[
        tuple[Outcome, ...],
        Field(
            min_length=1,
            description="against exiles abroad: `attempted_killing` = a plot or attack meant to "
            "kill that failed or was foiled; `rendered` = handed to the origin state outside any "
            "legal process; `lured_back` = lured or coerced into returning; `threatened` = direct "
            "threats to the person abroad; `relatives_targeted` = relatives at home detained, "
            "threatened or punished to pressure the person; `prevented_from_leaving` = stopped at "
            "the origin state's own border on the way out",
        ),
    ]
    attribution: Literal["established", "credible", "alleged"] | None = Field(
        None,
        description="who the sources say was behind it, when a state is among the pursuers: "
        "`established` by a court, a UN body or a government's formal finding; `credible` in "
        "investigations by major media or rights groups; `alleged` by the victim or their "
        "supporters only",
    )
    border_point: Literal["airport", "land_crossing", "seaport"] | None = Field(
        None,
        description="when it happened at a border control or in transit: flags the crossing on "
        "routes",
    )
    pursuing_state: CountryCode | None = Field(
        None,
        description="the state whose pursuit the incident shows, when it is not the person's "
        "citizenship in `about` (a Georgian citizen of Chechen descent killed on the Russian "
        "state's orders: `about: GE`, `pursuing_state: RU`)",
    )

    @property
    def harmful(self) -> bool:
        return any(outcome in HARMFUL_OUTCOMES for outcome in self.outcomes)

    @property
    def against_exile_abroad(self) -> bool:
        """A state's own act against a person abroad (not the host's extradition or deportation)."""
        return "state" in self.pursuers and (
            "origin_state_agents" in self.actors or bool(EXILE_OUTCOMES & set(self.outcomes))
        )


# --- facts -----------------------------------------------------------------------------------


class FactBase(BaseModel):
    """Fields every fact has. Each kind below adds its `value` and says, once, how it is shown
    (`short` column header in `kb stats`, `title` heading in `kb show` and the docs) and which
    file it lives in (`home_file`): the one registry of fact kinds is the `Fact` union."""

    model_config = _STRICT
    short: ClassVar[str]
    title: ClassVar[str]
    guidance: ClassVar[str]  # for the reviewer: what `country`, `about` and dates mean here

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
    # A fact read from a dataset names the row of the release it came from, so a finding can be
    # cited to it: "asylum_decisions.rda: origin RUS, asylum KAZ, year 2023" (kb-format.md).
    row: str | None = None

    @field_validator("summary", "summary_ru", "note")
    @classmethod
    def _one_paragraph(cls, text: str | None) -> str | None:
        if text is None:
            return None
        # most texts are one line already; the regex runs only where there is work for it
        loose = "  " in text or "\n" in text or "\t" in text or "\r" in text
        return re.sub(r"\s+", " ", text).strip() if loose else text.strip()

    @model_validator(mode="after")
    def _period_ordered(self) -> FactBase:
        if self.valid_from and self.valid_to and self.valid_to.latest < self.valid_from.earliest:
            raise ValueError("valid_to is before valid_from")
        return self

    def home_file(self) -> str:
        """Where this fact belongs in the data folder (docs/kb-format.md, "Files")."""
        return f"countries/{self.country}.yaml"


class LandBorderFact(FactBase):
    short: ClassVar[str] = "border"
    title: ClassVar[str] = "Land borders"
    guidance: ClassVar[str] = "one fact per pair and direction (`KZ` about its border with `RU`)"
    kind: Literal["land_border"]
    value: LandBorder


class EntryRuleFact(FactBase):
    short: ClassVar[str] = "entry"
    title: ClassVar[str] = "Entry rules"
    guidance: ClassVar[str] = "`country` = the state entered, `about` = the citizenship"
    kind: Literal["entry_rule"]
    value: EntryRule

    def home_file(self) -> str:
        # entry rules are grouped by the citizenship they concern: "where can a Russian go"
        return f"entry/{self.about or self.country}.yaml"


class MembershipFact(FactBase):
    short: ClassVar[str] = "member"
    title: ClassVar[str] = "Treaties and memberships"
    guidance: ClassVar[str] = (
        "`valid_from` = the day it took effect for that state; `valid_to` = the day it stopped (withdrawal, denunciation, expulsion)"
    )
    kind: Literal["membership"]
    value: Membership

    def home_file(self) -> str:
        return f"memberships/{self.value.instrument}.yaml"


class BilateralAgreementFact(FactBase):
    short: ClassVar[str] = "bilat"
    title: ClassVar[str] = "Bilateral agreements"
    guidance: ClassVar[str] = "`about` = the counterpart too"
    kind: Literal["bilateral_agreement"]
    value: BilateralAgreement


class CommunityPresenceFact(FactBase):
    short: ClassVar[str] = "commun"
    title: ClassVar[str] = "Communities"
    guidance: ClassVar[str] = "`community` is required"
    kind: Literal["community_presence"]
    value: CommunityPresence

    @model_validator(mode="after")
    def _needs_community(self) -> CommunityPresenceFact:
        if not self.community:
            raise ValueError("community_presence needs `community`")
        return self


class IncidentFact(FactBase):
    short: ClassVar[str] = "incid"
    title: ClassVar[str] = "Documented incidents"
    guidance: ClassVar[str] = (
        "`country` = where it happened; `about` = the person's citizenship/origin state; fields under *Incidents* below"
    )
    kind: Literal["incident"]
    value: Incident

    @property
    def pursuing_state(self) -> str | None:
        """The state whose reach the incident shows: named, else the person's citizenship."""
        return self.value.pursuing_state or self.about

    def home_file(self) -> str:
        # A state's acts against its exiles abroad are kept together per pursuing state, so a
        # reviewer sees its whole record abroad in one file; everything else where it happened.
        state = self.pursuing_state
        if state and state != self.country and self.value.against_exile_abroad:
            return f"transnational/{state}.yaml"
        return f"incidents/{self.country}.yaml"


class AsylumPracticeFact(FactBase):
    short: ClassVar[str] = "asylum"
    title: ClassVar[str] = "Asylum practice"
    guidance: ClassVar[str] = (
        "`about` = the origin state whose citizens it concerns; `none` where there is no procedure at all"
    )
    kind: Literal["asylum_practice"]
    value: AsylumPractice


class AsylumDecisionsFact(FactBase):
    short: ClassVar[str] = "decis"
    title: ClassVar[str] = "Asylum decisions (statistics)"
    guidance: ClassVar[str] = (
        "`country` = the country of asylum, `about` = the origin whose nationals were decided; "
        "one fact per year and basis, from UNHCR's statistics"
    )
    kind: Literal["asylum_decisions"]
    value: AsylumDecisions


class MigrantStockFact(FactBase):
    short: ClassVar[str] = "born"
    title: ClassVar[str] = "People born in another state (migrant stock)"
    guidance: ClassVar[str] = (
        "`country` = where they live, `about` = their country of birth; counts everyone born "
        "there, of any community or citizenship: not a community figure"
    )
    kind: Literal["migrant_stock"]
    value: MigrantStock


class RuleOfLawFact(FactBase):
    short: ClassVar[str] = "law"
    title: ClassVar[str] = "Rule of law (Freedom House scores)"
    guidance: ClassVar[str] = "one fact per edition; evidence to weigh, not a finding by itself"
    kind: Literal["rule_of_law"]
    value: RuleOfLaw


class AirConnectionFact(FactBase):
    short: ClassVar[str] = "air"
    title: ClassVar[str] = "Direct air connections (as listed in June 2014)"
    guidance: ClassVar[str] = (
        "`about` = the counterpart too; a connection that was listed, not a timetable"
    )
    kind: Literal["air_connection"]
    value: AirConnection


class ViolenceProtectionFact(FactBase):
    short: ClassVar[str] = "dv"
    title: ClassVar[str] = "Protection from domestic violence"
    guidance: ClassVar[str] = "protection for victims of domestic violence"
    kind: Literal["dv_protection"]
    value: ViolenceProtection


class InterimMeasuresFact(FactBase):
    short: ClassVar[str] = "interim"
    title: ClassVar[str] = "Interim measures (UN, ECtHR)"
    guidance: ClassVar[str] = "whether the state obeyed requests not to remove a person"
    kind: Literal["interim_measures"]
    value: InterimMeasures


class CooperationPracticeFact(FactBase):
    short: ClassVar[str] = "coop"
    title: ClassVar[str] = "Cooperation practice"
    guidance: ClassVar[str] = "a practice a source describes in general, beyond single incidents"
    kind: Literal["cooperation_practice"]
    value: CooperationPractice


# A document a person holds, in the profile's words (DESIGN §5): what a scheme grants or needs.
DocumentName = Annotated[
    str,
    Field(
        pattern=r"^(internal_id|passport|refugee_travel_document|visa:[A-Za-z]{2,}|residence:[A-Z]{2})$"
    ),
]


class TravelScheme(BaseModel):
    model_config = _STRICT
    scheme: Literal[
        "humanitarian_visa",
        "humanitarian_admission",
        "resettlement",
        "unhcr_registration",
        "refugee_travel_document",
        "emergency_travel_document",
        "family_reunification",
    ]
    grants: DocumentName | None = Field(
        None,
        description="what she holds afterwards, as a profile document: `visa:DE`, `residence:DE`, "
        "`refugee_travel_document` …; empty when it gives a status (UNHCR registration) but no "
        "document to travel on",
    )
    apply_in: tuple[CountryCode, ...] = Field(
        (), description="countries where one can apply (embassies, UNHCR offices)"
    )
    where: str | None = Field(None, description="where and how to apply, in words")
    who: str = Field(description="who qualifies, as the source says")
    requires: tuple[DocumentName, ...] = Field(
        (), description="documents the applicant must already hold"
    )


class ExitControl(BaseModel):
    model_config = _STRICT
    trigger: Literal[
        "search_request",
        "criminal_case",
        "wanted_list",
        "travel_ban",
        "guardian_permission",
        "military_service",
        "exit_permit",
    ]
    effect: Literal["stopped", "may_be_stopped", "permission_required"]
    applies_to: str | None = Field(None, description='who it concerns, e.g. "women under 21"')
    gender: Literal["female", "male"] | None = Field(
        None, description="when it applies to one gender only"
    )


class TravelSchemeFact(FactBase):
    short: ClassVar[str] = "scheme"
    title: ClassVar[str] = "Ways to obtain a document or status"
    guidance: ClassVar[str] = (
        "`country` = the state (or host) that grants it; `about` = the citizenship it is for, "
        "if limited to one"
    )
    kind: Literal["travel_scheme"]
    value: TravelScheme


class ExitControlFact(FactBase):
    short: ClassVar[str] = "exit"
    title: ClassVar[str] = "Exit controls"
    guidance: ClassVar[str] = (
        "`country` = the state controlling its own border on the way out; `community` where it "
        "concerns one"
    )
    kind: Literal["exit_control"]
    value: ExitControl


class DocumentAccessFact(FactBase):
    short: ClassVar[str] = "docs"
    title: ClassVar[str] = "Access to documents"
    guidance: ClassVar[str] = (
        "`country` = the issuing state; `community` where the restriction concerns one"
    )
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
    | DocumentAccessFact
    | TravelSchemeFact
    | ExitControlFact
    | AsylumDecisionsFact
    | MigrantStockFact
    | RuleOfLawFact
    | AirConnectionFact,
    Field(discriminator="kind"),
]

# The registry, derived from the union above so that a kind is declared in exactly one place.
FACT_MODELS: tuple[type[FactBase], ...] = get_args(get_args(Fact)[0])
FACT_KINDS: tuple[str, ...] = tuple(
    get_args(model.model_fields["kind"].annotation)[0] for model in FACT_MODELS
)
KIND_MODELS: dict[str, type[FactBase]] = dict(zip(FACT_KINDS, FACT_MODELS, strict=True))


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
