"""The pursuing state's reach abroad: its documented killings, attempted killings, abductions,
renditions, lured returns, threats and pressure on relatives against exiles, wherever they were.

Counting only what a state did in the host assessed makes a host where it has not struck yet look
safe to a person it hunts. Here every such act anywhere counts, weighted by how recent it was,
how alike its victim was to this person (similarity.victim_similarity) and how alike the place it
struck is to this host (host_similarity: same UN area, same entry terms for the state's
citizens, the same kind of state). Formal removals by a host are `removal_record`'s evidence.

A state-ordered killing or abduction (attribution established or credible) of an exile like
this person within `recent_years` keeps this factor's risk at least at REACH_RISK in every host;
for a person that state already targeted, or a prominent one, it sets a floor on the rating.
"""

from __future__ import annotations

from dataclasses import dataclass

from safepassage.assess.evidence import OUTCOME_SEVERITY, incident_years_ago, recency_weight
from safepassage.assess.factor import Context, Finding, Missing, Rating, Weights
from safepassage.assess.message import (
    Choice,
    Count,
    Countries,
    Country,
    Facts,
    Message,
    message,
    sentences,
)
from safepassage.assess.message import (
    Rating as RatingWord,
)
from safepassage.assess.similarity import host_similarity, reaches, victim_similarity
from safepassage.kb.models import EXILE_OUTCOMES, IncidentFact

# What a state does to an exile abroad is kb.models.EXILE_OUTCOMES; formal removals by the host
# are not the state's own act.
HOST_REMOVALS = frozenset({"extradited", "deported", "denied_asylum"})
GRAVE = frozenset({"killed", "attempted_killing", "abducted", "rendered"})
# How far the sources' attribution to the state can be trusted. An incident curated without an
# `attribution` counts as credible when its actors name the origin state's agents (the curator
# read that in the sources), else as alleged.
ATTRIBUTION = {"established": 1.0, "credible": 0.85, "alleged": 0.4}
STATE_ORDERED = frozenset({"established", "credible"})
REACH_RISK = 0.6  # risk in any host while a recent state-ordered killing or abduction stands
MOST_RELEVANT = 3


@dataclass(frozen=True)
class Act:
    """One documented act abroad, weighed for this person (everything but the host)."""

    incident: IncidentFact
    victim: float
    weight: float  # severity x attribution x recency x victim similarity
    years: float
    attribution: str

    @property
    def grave(self) -> bool:
        return bool(GRAVE & set(self.incident.value.outcomes))


class TransnationalReachFactor:
    name = "transnational_reach"
    family = "state_conduct"
    scope = "country"
    weights = Weights(state=3)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if context.in_pursuing_state or not context.profile.state_pursued:
            return None
        states = context.foreign_pursuers
        acts = _acts(context)
        if not acts:
            return Missing(
                self.name, message("transnational_reach-missing", states=Countries(tuple(states)))
            )
        policy = context.policy
        scored = sorted(
            (
                (
                    a.weight
                    * host_similarity(context, a.incident.country, a.incident.pursuing_state or ""),
                    a,
                )
                for a in acts
            ),
            key=lambda item: -item[0],
        )
        safe_share = 1.0
        for weight, _ in scored:
            safe_share *= 1 - min(weight, 0.95)
        risk = 1 - safe_share
        standing = [
            a
            for _, a in scored
            if a.grave and a.attribution in STATE_ORDERED and a.years <= policy.recent_years
        ]
        floor: Rating | None = None
        if standing:
            risk = max(risk, REACH_RISK)
            profile = context.profile
            if profile.prominent or profile.previously_targeted.any:
                floor = policy.transnational_floor
        top = [a for _, a in scored[:MOST_RELEVANT]]
        if standing and standing[0] not in top:
            top = [standing[0], *top[: MOST_RELEVANT - 1]]
        who = sorted({a.incident.pursuing_state or "" for a in acts} - {""})
        struck_here = [a for a in acts if a.incident.country == context.country]
        # what decides first: a recent state-ordered killing or abduction, then the acts most
        # like this case in their own words, then how many there are and whether any was here
        said: list[Message] = []
        if standing:
            said.append(
                message(
                    "transnational_reach-standing",
                    act=Choice(_grave_word(standing[0])),
                    years=Count(round(policy.recent_years)),
                )
            )
        said.append(message("transnational_reach-acts", acts=Facts(tuple(a.incident.id for a in top))))
        said.append(
            message(
                "transnational_reach-count",
                states=Countries(tuple(who)),
                count=Count(len(acts)),
                here=Country(context.country),
                here_count=Count(len(struck_here)),
            )
        )
        if floor:
            said.append(message("transnational_reach-floor", rating=RatingWord(floor)))
        return Finding(
            factor=self.name,
            risk=min(risk, 1.0),
            message=sentences(said),
            facts=tuple(a.incident for a in top),
            floor=floor,
            basis="conduct",
            only_raises=True,  # acts elsewhere, or long ago, are never evidence of safety
        )


def _grave_word(act: Act) -> str:
    outcomes = set(act.incident.value.outcomes)
    if "killed" in outcomes:
        return "killing"
    if "attempted_killing" in outcomes:
        return "attempted_killing"
    return "abduction"


def attribution_of(incident: IncidentFact) -> str:
    if incident.value.attribution:
        return incident.value.attribution
    return "credible" if "origin_state_agents" in incident.value.actors else "alleged"


def _acts(context: Context) -> list[Act]:
    """This person's candidate acts: the same for every host, so computed once per run."""
    key = ("transnational_acts", context.as_of)
    if key in context.shared:
        return context.shared[key]  # type: ignore[return-value]
    pursuing = context.pursuing_states
    acts = []
    for incident in context.view.all_of_kind(IncidentFact):
        state = incident.pursuing_state
        if state not in pursuing or incident.country == state:
            continue
        value = incident.value
        outcomes = set(value.outcomes)
        if (
            "state" not in value.pursuers
            or not outcomes & EXILE_OUTCOMES
            or outcomes & HOST_REMOVALS
        ):
            continue
        victim = victim_similarity(context, incident)
        if not reaches(victim):
            continue  # not a person like this one: a gap, not evidence of safety
        years = incident_years_ago(context, incident)
        attribution = attribution_of(incident)
        severity = max(OUTCOME_SEVERITY.get(o, 0.0) for o in outcomes & EXILE_OUTCOMES)
        weight = severity * ATTRIBUTION[attribution] * recency_weight(context, years) * victim
        acts.append(Act(incident, victim, weight, years, attribution))
    context.shared[key] = acts
    return acts


FACTOR = TransnationalReachFactor()
