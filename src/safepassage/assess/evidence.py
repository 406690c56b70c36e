"""Questions several factors ask of the knowledge base, answered once and cached per context."""

from __future__ import annotations

import datetime as dt
import math

from safepassage.assess.factor import Context, Rating
from safepassage.kb.dates import years_between
from safepassage.kb.models import (
    BINDING_STATUSES,
    AsylumPracticeFact,
    BilateralAgreementFact,
    CooperationPracticeFact,
    EntryRuleFact,
    FactBase,
    IncidentFact,
    InterimMeasuresFact,
    LandBorderFact,
    MembershipFact,
    RuleOfLawFact,
)


def memberships(context: Context, country: str) -> dict[str, MembershipFact]:
    """Instruments a country was an active party or member of on the as-of date (the same for
    every country assessed in a run, so kept in the run's shared cache)."""
    key = ("memberships", country)
    if key not in context.shared:
        active: dict[str, MembershipFact] = {}
        suspended = set()
        for fact in context.view.of_kind(country, MembershipFact):
            if fact.value.status in BINDING_STATUSES:
                active.setdefault(fact.value.instrument, fact)
            elif fact.value.status == "suspended":
                suspended.add(fact.value.instrument)
        context.shared[key] = {k: v for k, v in active.items() if k not in suspended}
    return context.shared[key]  # type: ignore[return-value]


# Instrument kinds that tie two states' police, courts or governments together. Only these say
# whether a state's cooperation ties are on record: the treaty tables give every state its
# human-rights and refugee treaties, which say nothing about extradition channels.
TIE_KINDS = frozenset(
    {"legal_assistance", "extradition", "anti_extremism", "security_bloc", "economic_bloc", "political_bloc"}
)


def tie_memberships(context: Context, country: str) -> dict[str, MembershipFact]:
    """The country's memberships of cooperation instruments (TIE_KINDS) on the as-of date (the
    same for every country assessed in a run, so kept in the run's shared cache)."""
    key = ("ties", country)
    if key not in context.shared:
        context.shared[key] = {
            instrument: fact
            for instrument, fact in memberships(context, country).items()
            if context.view.instrument(instrument).kind in TIE_KINDS
        }
    return context.shared[key]  # type: ignore[return-value]


def non_party(context: Context, country: str) -> dict[str, MembershipFact]:
    """Instruments a source says the country had NOT joined (absence of a fact proves nothing)."""
    return {
        f.value.instrument: f
        for f in context.view.of_kind(country, MembershipFact)
        if f.value.status == "non_party"
    }


def shared_instruments(context: Context, other: str) -> list[tuple[MembershipFact, MembershipFact]]:
    """Instruments both the assessed country and `other` belonged to on the as-of date."""
    mine, theirs = memberships(context, context.country), memberships(context, other)
    return [(mine[i], theirs[i]) for i in sorted(mine.keys() & theirs.keys())]


def bilateral_agreements(context: Context, other: str) -> list[BilateralAgreementFact]:
    found = [
        f
        for f in context.view.of_kind(context.country, BilateralAgreementFact)
        if f.value.counterpart == other
    ]
    found += [
        f
        for f in context.view.of_kind(other, BilateralAgreementFact)
        if f.value.counterpart == context.country
    ]
    return found


def land_border(context: Context, a: str, b: str) -> list[LandBorderFact]:
    """Curated border facts between a and b, in either direction."""
    return [f for f in context.view.of_kind(a, LandBorderFact) if f.value.neighbour == b] + [
        f for f in context.view.of_kind(b, LandBorderFact) if f.value.neighbour == a
    ]


def entry_rules(context: Context, destination: str, citizenship: str) -> list[EntryRuleFact]:
    """Curated entry rules for these citizens and, for passports, the Passport Index's."""
    return context.view.concerning(destination, EntryRuleFact, citizenship)


def latest_passport_rule(rules: list[EntryRuleFact]) -> EntryRuleFact | None:
    """The passport rule that started most recently: a later snapshot or article overrides an
    earlier one (each is visible only while it held)."""
    passport = [r for r in rules if r.value.document == "passport"]
    return max(passport, key=lambda r: r.valid_from.earliest if r.valid_from else dt.date.min, default=None)


def recency_weight(context: Context, years_ago: float) -> float:
    """1 for an event today, halving every `half_life_years`."""
    return math.pow(0.5, max(years_ago, 0.0) / context.policy.half_life_years)


# --- incidents ---------------------------------------------------------------------------------

# How badly an outcome went, for weighing incidents (0..1).
OUTCOME_SEVERITY = {
    "killed": 1.0,
    "handed_to_relatives": 1.0,
    "abducted": 1.0,
    "rendered": 1.0,
    "returned_to_origin": 0.95,
    "attempted_killing": 0.9,
    "lured_back": 0.85,
    "extradited": 0.9,
    "deported": 0.9,
    "attacked": 0.8,
    "detained": 0.55,
    "relatives_targeted": 0.5,
    "threatened": 0.45,
    "denied_asylum": 0.4,
}


def incident_severity(incident: IncidentFact) -> float:
    severity = max((OUTCOME_SEVERITY.get(o, 0.0) for o in incident.value.outcomes), default=0.0)
    if "released" in incident.value.outcomes and severity < 0.8:
        severity *= 0.8  # detained, then let go: still shows police acting for the pursuers
    return severity


def incident_years_ago(context: Context, incident: IncidentFact) -> float:
    return years_between(incident.value.date.latest, context.as_of)


# --- documented practices -----------------------------------------------------------------------

# Practices that put people back in the pursuers' hands.
HANDING_OVER = frozenset({"extradition", "deportation", "handover_to_relatives", "abduction"})


def practice_years_ago(context: Context, practice: CooperationPracticeFact) -> float:
    """How old a practice's evidence is: from its start, else its newest source known then."""
    if practice.valid_from is not None:
        return years_between(practice.valid_from.latest, context.as_of)
    published = [
        context.view.source(s).published.latest
        for s in practice.sources
        if context.view.source(s).published.latest <= context.as_of
    ]
    return years_between(max(published), context.as_of) if published else math.inf


def practice_floor(context: Context, practice: CooperationPracticeFact) -> Rating | None:
    """A current documented practice of handing people like this one over to the pursuing
    state sets a floor the way a recent similar incident does: `routine` the harm floor,
    `documented` the practice floor; a `rare` one none."""
    value = practice.value
    if value.counterpart not in context.pursuing_states or value.practice not in HANDING_OVER:
        return None
    if practice.community and practice.community not in context.profile.community:
        return None  # a practice towards another community says less about this person
    if practice_years_ago(context, practice) > context.policy.recent_years:
        return None
    if value.level == "routine":
        return context.policy.similar_harm_floor
    if value.level == "documented":
        return context.policy.practice_floor
    return None


# --- protection on record ---------------------------------------------------------------------

# A recognition rate at least this high, or access `good`, counts as a host granting asylum to
# the pursuing state's nationals.
GRANTING_RATE = 0.5


def refusals_and_grants(context: Context, state: str) -> list[FactBase]:
    """This host's documented refusals of `state`'s extradition requests and its asylum grants
    to `state`'s nationals: evidence that a wanted notice from `state` will not end in removal."""
    key = ("refusals_and_grants", context.country, state)
    if key in context.shared:
        return context.shared[key]  # type: ignore[return-value]
    found: list[FactBase] = [
        f
        for f in context.view.of_kind(context.country, CooperationPracticeFact)
        if f.value.counterpart == state and f.value.practice == "refused_extradition"
    ]
    found += [
        f
        for f in context.view.of_kind(context.country, IncidentFact)
        if f.pursuing_state == state
        and {"extradition_refused", "granted_asylum"} & set(f.value.outcomes)
        and not f.value.harmful
    ]
    found += [
        f
        for f in context.view.of_kind(context.country, AsylumPracticeFact)
        if f.about == state
        and (f.value.access == "good" or (f.value.recognition_rate or 0) >= GRANTING_RATE)
    ]
    context.shared[key] = found
    return found


# Freedom House scores (0-4) at or above which the courts are independent and due process holds
# "largely" in its words: such courts can be expected to test a foreign request.
COURTS_TEST_REQUESTS = 3


def rule_of_law(context: Context, country: str) -> bool | None:
    """Whether `country`'s courts can be expected to test a foreign request: bound by a
    human-rights court, or scored by Freedom House's latest edition at 3 of 4 or more for an
    independent judiciary and for due process; and not recorded ignoring interim measures.
    None when neither a membership nor a score is recorded."""
    key = ("rule_of_law", country)
    if key not in context.shared:
        joined = memberships(context.elsewhere(country), country)
        scores = context.view.of_kind(country, RuleOfLawFact)
        verdict: bool | None = None
        if joined or scores:
            court = any(context.view.instrument(i).kind == "human_rights_court" for i in joined)
            latest = max(scores, key=lambda f: f.value.edition, default=None)
            scored = latest is not None and min(
                latest.value.judiciary, latest.value.due_process
            ) >= COURTS_TEST_REQUESTS
            ignored = any(
                f.value.record == "ignored"
                for f in context.view.of_kind(country, InterimMeasuresFact)
            )
            verdict = (court or scored) and not ignored
        context.shared[key] = verdict
    return context.shared[key]  # type: ignore[return-value]
