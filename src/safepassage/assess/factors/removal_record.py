"""Record of formal removals: extraditions and deportations to the pursuing state, and courts
that refused them. Returns of refugees to *other* states that pursued them count for less, but
they show how a host answers a foreign government's request.
"""

from __future__ import annotations

from safepassage.assess.evidence import incident_years_ago, practice_floor, recency_weight
from safepassage.assess.factor import Context, Finding, Missing, Rating, Weights, highest
from safepassage.assess.message import Count, Country, Facts, Message, message, sentences
from safepassage.assess.similarity import (
    OTHER_STATE_SIMILARITY,
    incident_similarity,
    reaches,
)
from safepassage.kb.models import CooperationPracticeFact, FactBase, IncidentFact

REMOVALS = frozenset({"extradited", "deported", "returned_to_origin"})
LEVEL = {"routine": 0.9, "documented": 0.6, "rare": 0.2}
OTHER_STATE_PRACTICES = 2  # at most this many practice facts about returns to other states


class RemovalRecordFactor:
    name = "removal_record"
    family = "legal_cooperation"
    scope = "country"
    weights = Weights(family=1, state=3, non_state=0.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if context.in_pursuing_state:
            return None
        policy = context.policy
        safe_share = 1.0
        refusals: list[FactBase] = []
        removals: list[tuple[float, IncidentFact]] = []
        alike = 0  # removals and practices concerning people like this one
        floor: Rating | None = None
        for incident in context.view.of_kind(context.country, IncidentFact):
            outcomes = set(incident.value.outcomes)
            years = incident_years_ago(context, incident)
            if (
                "extradition_refused" in outcomes
                and incident.pursuing_state in context.pursuing_states
            ):
                refusals.append(incident)
                continue
            if not outcomes & REMOVALS:
                continue
            similarity = incident_similarity(context, incident)
            if similarity == 0:
                continue
            weight = similarity * 0.9 * recency_weight(context, years)
            safe_share *= 1 - min(weight, 0.95)
            removals.append((weight, incident))
            if reaches(similarity):
                alike += 1
                if years <= policy.recent_years:
                    floor = policy.similar_harm_floor
        practices = [
            f
            for f in context.view.of_kind(context.country, CooperationPracticeFact)
            if f.value.counterpart in context.pursuing_states
            and f.value.practice
            in ("extradition", "deportation", "wanted_list_detention", "refused_extradition")
        ]
        for practice in practices:
            if practice.value.practice == "refused_extradition":
                refusals.append(practice)
            else:
                alike += 1
                safe_share *= 1 - LEVEL[practice.value.level]
                floor = highest([floor, practice_floor(context, practice)])
        if "state" in context.profile.threat_actors:
            # returns of refugees to other states that pursued them, at reduced weight
            others = [
                f
                for f in context.view.of_kind(context.country, CooperationPracticeFact)
                if f.value.counterpart not in context.pursuing_states
                and f.value.practice in ("extradition", "deportation")
            ][:OTHER_STATE_PRACTICES]
            for practice in others:
                safe_share *= 1 - OTHER_STATE_SIMILARITY * LEVEL[practice.value.level]
            practices += others
        wanted = message("removal_record-missing", here=Country(context.country))
        if not removals and not practices and not refusals:
            return Missing(self.name, wanted)
        risk = 1 - safe_share
        if refusals:
            risk = max(risk - 0.15 * len(refusals), 0.05)
        risk = max(risk, 0.1)
        here = Country(context.country)
        removals.sort(key=lambda item: -item[0])
        # the most telling removal first, in its own words; then what else is on record
        said: list[Message] = []
        if removals:
            said.append(
                message(
                    "removal_record-removals",
                    removals=Facts(tuple(i.id for _, i in removals[:2])),
                    count=Count(len(removals)),
                    here=here,
                )
            )
        if practices:
            said.append(
                message("removal_record-practices", practices=Facts(tuple(p.id for p in practices[:2])))
            )
        if refusals:
            said.append(message("removal_record-refusals", count=Count(len(refusals)), here=here))
        used: list[FactBase] = [i for _, i in removals[:2]] + practices[:2] + refusals[:1]
        return Finding(
            factor=self.name,
            risk=min(risk, 1.0),
            message=sentences(said),
            facts=tuple(used),
            floor=floor,
            basis="conduct",
            # removals only point to risk; refusals to extradite are what can make it protective
            only_raises=not refusals,
            # removals of other states' people alone do not answer for this person
            gap=None if alike or refusals else wanted,
        )


FACTOR = RemovalRecordFactor()
