"""Police and state conduct: handovers to relatives, pretext detentions, abductions, killings.

Recent incidents involving a person like this one (same origin state, same kind of pursuer,
same community or gender) weigh most; one recent similar handover sets a floor on the rating.
"""

from __future__ import annotations

from safepassage.assess.evidence import (
    incident_severity,
    incident_years_ago,
    practice_floor,
    recency_weight,
)
from safepassage.assess.factor import Context, Finding, Missing, Rating, Weights, highest
from safepassage.assess.message import Count, Countries, Country, Facts, Message, message, sentences
from safepassage.assess.similarity import incident_similarity, reaches
from safepassage.kb.models import CooperationPracticeFact, FactBase, IncidentFact

# Outcomes this factor is about; formal removals are `removal_record`'s.
CONDUCT_OUTCOMES = frozenset(
    {"handed_to_relatives", "detained", "abducted", "killed", "attacked", "returned_to_origin"}
)
PRACTICES = {"handover_to_relatives": 0.8, "abduction": 0.8}
LEVEL = {"routine": 1.0, "documented": 0.7, "rare": 0.3}


class PoliceConductFactor:
    name = "police_conduct"
    family = "state_conduct"
    scope = "country"
    weights = Weights(family=4, state=3, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        policy = context.policy
        scored = []
        for incident in context.view.of_kind(context.country, IncidentFact):
            if not CONDUCT_OUTCOMES & set(incident.value.outcomes):
                continue
            if _pursuers_own_act(incident):
                continue  # the pursuing state's agents acting here: transnational_reach weighs it
            similarity = incident_similarity(context, incident)
            if similarity == 0:
                continue
            years = incident_years_ago(context, incident)
            weight = similarity * incident_severity(incident) * recency_weight(context, years)
            scored.append((weight, similarity, years, incident))
        practices = [
            f
            for f in context.view.of_kind(context.country, CooperationPracticeFact)
            if f.value.counterpart in context.pursuing_states and f.value.practice in PRACTICES
        ]
        if not scored and not practices:
            return Missing(self.name, self._wanted(context))
        safe_share = 1.0
        for weight, *_ in scored:
            safe_share *= 1 - min(weight, 0.95)
        for practice in practices:
            safe_share *= 1 - PRACTICES[practice.value.practice] * LEVEL[practice.value.level]
        risk = max(0.15, 1 - safe_share)

        floor: Rating | None = highest(practice_floor(context, p) for p in practices)
        for _, similarity, years, incident in scored:
            if not reaches(similarity) or years > policy.recent_years:
                continue
            if incident.value.harmful:
                floor = highest([floor, policy.similar_harm_floor])
            elif "detained" in incident.value.outcomes:
                floor = highest([floor, policy.similar_detention_floor])
        scored.sort(key=lambda item: -item[0])
        top = [item[3] for item in scored[:2]]
        # the decisive incident first, in its own words (the person's own detention, say),
        # then how many there are
        said: list[Message] = []
        if top:
            states = sorted({i[3].pursuing_state or "" for i in scored} - {""})
            said.append(
                message(
                    "police_conduct-incidents",
                    incidents=Facts(tuple(i.id for i in top)),
                    count=Count(len(scored)),
                    here=Country(context.country),
                    states=Countries(tuple(states)),
                )
            )
        if practices:
            said.append(
                message("police_conduct-practices", practices=Facts(tuple(p.id for p in practices[:2])))
            )
        used: list[FactBase] = [*top, *practices]
        alike = bool(practices) or any(reaches(s) for _, s, _, _ in scored)
        return Finding(
            factor=self.name,
            risk=min(risk, 1.0),
            message=sentences(said),
            facts=tuple(used),
            floor=floor,
            basis="conduct",
            # documented handovers, detentions and attacks only ever point to risk: old or few
            # of them are weak evidence of danger, never evidence of safety
            only_raises=True,
            gap=None if alike else self._wanted(context),
        )

    def _wanted(self, context: Context) -> Message:
        return message(
            "police_conduct-missing",
            here=Country(context.country),
            states=Countries(tuple(sorted(context.pursuing_states))),
        )


# Host institutions whose part in an incident makes it the host's conduct.
HOST_ACTORS = frozenset(
    {"police", "border_guards", "security_service", "courts", "prosecutors", "migration_service"}
)


def _pursuers_own_act(incident: IncidentFact) -> bool:
    """An act of the pursuing state's own agents (or unknown attackers) with no host institution
    involved: evidence of that state's reach, not of how this host's police behave."""
    value = incident.value
    return "state" in value.pursuers and not HOST_ACTORS & set(value.actors) and bool(value.actors)


FACTOR = PoliceConductFactor()
