"""How alike two situations are, 0..1: a documented incident and this person's situation, and
the host where something happened and the host assessed.

Similarities are sums of tenths and hundredths, so floating-point sums land a hair below the
threshold they were built to reach (0.1 + 0.35 + 0.2 = 0.6499999...). Compare them with
`reaches`, never with a bare `>=`.
"""

from __future__ import annotations

from safepassage.assess.evidence import bilateral_agreements, entry_rules, memberships
from safepassage.assess.factor import Context
from safepassage.kb.models import BINDING_STATUSES, IncidentFact
from safepassage.kb.regions import region_of

SIMILAR = 0.65  # similarity at which an incident counts as "a person like this one"
TOLERANCE = 0.001  # a gap under a thousandth is rounding, not a difference
# A host that detained or returned another state's dissident or refugee at that state's request
# shows how it answers a foreign government: evidence for anyone a state pursues.
OTHER_STATE_SIMILARITY = 0.4


def reaches(similarity: float, threshold: float = SIMILAR) -> bool:
    """Whether a similarity reaches a threshold, allowing for rounding."""
    return similarity >= threshold - TOLERANCE


# --- the incident's victim and this person ----------------------------------------------------


def incident_similarity(context: Context, incident: IncidentFact) -> float:
    """How much an incident in a host resembles this person's situation (host conduct)."""
    profile = context.profile
    if incident.pursuing_state not in context.pursuing_states:
        state_threat = "state" in profile.threat_actors
        return (
            OTHER_STATE_SIMILARITY if state_threat and "state" in incident.value.pursuers else 0.0
        )
    score = 0.1
    pursuers = set(incident.value.pursuers)
    if pursuers & profile.threat_actors:
        score += 0.35
    elif not pursuers:
        score += 0.15
    if incident.community and incident.community in profile.community:
        score += 0.35
    elif incident.community is None:
        score += 0.1
    if incident.value.person.gender == profile.gender:
        score += 0.2
    return min(score, 1.0)


# Victims of a state's acts abroad: the same origin state is the ground; then community, the kind
# of pursuer and prominence. Unknown on either side earns a little, a mismatch nothing.
VICTIM_BASE = 0.4
VICTIM_COMMUNITY = {"same": 0.25, "unknown": 0.1}
VICTIM_PURSUERS = {"same": 0.15, "other": 0.05}
VICTIM_PROMINENCE = {"same": 0.2, "near": 0.12, "unknown": 0.05}
PROMINENT = frozenset({"activist", "public_figure"})


def victim_similarity(context: Context, incident: IncidentFact) -> float:
    """How alike the victim of a state's act abroad is to this person (same pursuing state)."""
    profile = context.profile
    if incident.pursuing_state not in context.pursuing_states:
        return 0.0
    score = VICTIM_BASE
    if incident.community is None or not profile.community:
        score += VICTIM_COMMUNITY["unknown"]
    elif incident.community in profile.community:
        score += VICTIM_COMMUNITY["same"]
    pursuers = set(incident.value.pursuers)
    score += VICTIM_PURSUERS["same" if pursuers <= profile.threat_actors else "other"]
    theirs, mine = incident.value.person.prominence, profile.prominence
    if theirs is None or mine is None:
        score += VICTIM_PROMINENCE["unknown"]
    elif theirs == mine:
        score += VICTIM_PROMINENCE["same"]
    elif {theirs, mine} <= PROMINENT:
        score += VICTIM_PROMINENCE["near"]
    return min(score, 1.0)


# --- the host where it happened and the host assessed ----------------------------------------

# A state that strikes abroad can strike anywhere its agents can travel: the ground is never 0.
HOST_BASE = 0.35
HOST_AREA = {"same_area": 0.25, "same_continent": 0.1}  # UN M49 (kb/regions.py)
HOST_ENTRY = 0.2  # the pursuer's citizens enter both on the same terms (same visa zone for them)
HOST_KIND = 0.2  # the same kind of state: bound by a human-rights court, tied to the pursuer
UNKNOWN_SHARE = 0.5  # a comparison that cannot be made earns half its weight
TIES = frozenset({"legal_assistance", "security_bloc", "anti_extremism", "extradition"})


def host_similarity(context: Context, struck: str, state: str) -> float:
    """How alike the host assessed is to `struck`, where `state` acted against an exile."""
    host = context.country
    if host == struck:
        return 1.0
    score = HOST_BASE
    mine, theirs = region_of(host), region_of(struck)
    if mine and theirs:
        if mine.area == theirs.area:
            score += HOST_AREA["same_area"]
        elif mine.continent == theirs.continent:
            score += HOST_AREA["same_continent"]
    score += _compare(
        entry_regime(context, host, state), entry_regime(context, struck, state), HOST_ENTRY
    )
    score += _compare(
        state_kind(context, host, state), state_kind(context, struck, state), HOST_KIND
    )
    return min(score, 1.0)


def _compare(a: object, b: object, weight: float) -> float:
    if a is None or b is None:
        return weight * UNKNOWN_SHARE
    return weight if a == b else 0.0


def entry_regime(context: Context, host: str, citizenship: str) -> str | None:
    """How the pursuing state's citizens enter `host`: internal_id, visa_free, visa, or None."""
    key = ("entry_regime", host, citizenship)
    if key not in context.shared:
        rules = entry_rules(context, host, citizenship)
        regime: str | None = None
        if any(r.value.document == "internal_id" and r.value.admitted for r in rules):
            regime = "internal_id"
        elif any(
            r.value.document == "passport" and r.value.admitted and r.value.visa_required is False
            for r in rules
        ):
            regime = "visa_free"
        elif any(r.value.document == "passport" and r.value.visa_required for r in rules):
            regime = "visa"
        context.shared[key] = regime
    return context.shared[key]  # type: ignore[return-value]


def state_kind(context: Context, host: str, state: str) -> tuple[bool, bool] | None:
    """The kind of state `host` is, as far as it bears on `state`'s reach: (bound by a
    human-rights court, tied to `state` by a legal-assistance, security or extradition
    instrument or treaty). None when no membership of `host` is recorded."""
    key = ("state_kind", host, state)
    if key not in context.shared:
        probe = context.elsewhere(host)
        joined = memberships(probe, host)
        kind: tuple[bool, bool] | None = None
        if joined:
            theirs = memberships(probe, state)
            court = any(context.view.instrument(i).kind == "human_rights_court" for i in joined)
            tied = any(
                context.view.instrument(i).kind in TIES
                for i in joined.keys() & theirs.keys()
                if joined[i].value.status in BINDING_STATUSES
            ) or any(
                b.value.status == "in_force"
                and b.value.subject in ("extradition", "legal_assistance")
                for b in bilateral_agreements(probe, state)
            )
            kind = (court, tied)
        context.shared[key] = kind
    return context.shared[key]  # type: ignore[return-value]
