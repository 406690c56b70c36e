"""Protection available: the Refugee Convention, its limits, and how asylum works in practice."""

from __future__ import annotations

from safepassage.assess.evidence import memberships, non_party
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Choice, Count, Country, Message, When, message, sentences
from safepassage.kb.dates import PartialDate
from safepassage.kb.layers.asylum_decisions import FEW_DECISIONS
from safepassage.kb.models import AsylumDecisionsFact, AsylumPracticeFact, FactBase

CONVENTION = ("refugee-convention-1951", "refugee-protocol-1967")
ACCESS_RISK = {"good": 0.1, "limited": 0.5, "poor": 0.8, "none": 0.95}
# A recognition rate read as practice: none of the decisions giving protection is as poor as
# "poor" access and then some (0.9); all of them as good as "good" access (0.1); linear between.
RATE_RISK_HIGH, RATE_RISK_LOW = 0.9, 0.1


class RefugeeProtectionFactor:
    name = "refugee_protection"
    family = "protection"
    scope = "country"
    weights = Weights(family=2, state=3, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if context.in_pursuing_state:
            return None  # no one is a refugee in their own state
        here = Country(context.country)
        joined = memberships(context, context.country)
        party = [joined[i] for i in CONVENTION if i in joined]
        citizenships = set(context.profile.citizenship)
        practice = [
            f
            for f in context.view.of_kind(context.country, AsylumPracticeFact)
            if f.about is None or f.about in citizenships
        ]
        specific = [f for f in practice if f.about in citizenships] or practice
        used: list[FactBase] = [*party, *specific[:2]]
        if party:
            limited = [m for m in party if m.value.limitation]
            treaty_risk = 0.55 if limited else 0.3
            # the limitation's words are in its membership fact, cited with the finding
            treaty: str | None = "party_limited" if limited else "party"
        elif outside := [
            f for i, f in non_party(context, context.country).items() if i in CONVENTION
        ]:
            treaty_risk = 0.9
            used += outside[:1]
            treaty = "not_party"
        else:
            treaty_risk = None
            treaty = None
        access: str | None = None
        practice_risk: float | None = None
        if specific:
            # the practice fact's own words are cited with the finding
            access = max(specific, key=lambda f: ACCESS_RISK[f.value.access]).value.access
            practice_risk = ACCESS_RISK[access]
        statistics = decided(context, sorted(citizenships))
        if statistics is not None:
            used.append(statistics)
            # two measures of practice: the worse one stands, neither hides the other
            rate_risk = _rate_risk(statistics)
            practice_risk = rate_risk if practice_risk is None else max(practice_risk, rate_risk)
        if treaty_risk is None and practice_risk is None:
            return Missing(self.name, message("refugee_protection-missing", here=here))
        said: list[Message] = []
        if treaty:
            said.append(message("refugee_protection-convention", here=here, treaty=Choice(treaty)))
        if access:
            said.append(message("refugee_protection-access", here=here, access=Choice(access)))
        if statistics is not None:
            said.append(_statistics(statistics))
        if treaty_risk is not None and practice_risk is not None:
            # practice says more than a signature: weigh it double, and a signature can make
            # poor practice look worse (a limitation, no convention) but never better
            risk = max((treaty_risk + 2 * practice_risk) / 3, practice_risk)
        elif practice_risk is not None:
            risk = practice_risk
        else:
            assert treaty_risk is not None
            risk = treaty_risk
            said.append(message("refugee_protection-no-practice"))
        return Finding(self.name, min(risk, 1.0), sentences(said), facts=tuple(used))


def decided(context: Context, citizenships: list[str]) -> AsylumDecisionsFact | None:
    """UNHCR's statistics for the person's nationals here: the latest year, within the recent
    years, with enough decisions on the merits to give a rate (persons before cases)."""
    oldest = context.as_of.year - int(context.policy.recent_years)
    usable = [
        f
        for citizenship in citizenships
        for f in context.view.concerning(context.country, AsylumDecisionsFact, citizenship)
        if f.value.year >= oldest and f.value.substantive >= FEW_DECISIONS
    ]
    return max(usable, key=lambda f: (f.value.year, f.value.basis == "persons"), default=None)


def _rate_risk(fact: AsylumDecisionsFact) -> float:
    rate = fact.value.protection_rate or 0.0
    return RATE_RISK_HIGH - (RATE_RISK_HIGH - RATE_RISK_LOW) * rate


def _statistics(fact: AsylumDecisionsFact) -> Message:
    value = fact.value
    return message(
        "refugee_protection-statistics",
        year=When(PartialDate.parse(value.year)),
        decisions=Count(value.substantive),
        origin=Country(fact.about or ""),
        percent=Count(round(100 * (value.protection_rate or 0.0))),
        recognised=Count(value.recognised),
        complementary=Count(value.complementary),
        rejected=Count(value.rejected),
    )


FACTOR = RefugeeProtectionFactor()
