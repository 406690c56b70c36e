"""Protection available: the Refugee Convention, its limits, and how asylum works in practice."""

from __future__ import annotations

from safepassage.assess.evidence import memberships, non_party
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.layers.asylum_decisions import FEW_DECISIONS
from safepassage.kb.models import AsylumDecisionsFact, AsylumPracticeFact, FactBase

CONVENTION = ("refugee-convention-1951", "refugee-protocol-1967")
ACCESS_RISK = {"good": 0.1, "limited": 0.5, "poor": 0.8, "none": 0.95}
# A recognition rate read as practice: none of the decisions giving protection is as poor as
# "poor" access and then some (0.9); all of them as good as "good" access (0.1); linear between.
RATE_RISK_HIGH, RATE_RISK_LOW = 0.9, 0.1
ACCESS_WORDS = {
    "good": "generally accessible",
    "limited": "limited",
    "poor": "poor",
    "none": "not available",
}


class RefugeeProtectionFactor:
    name = "refugee_protection"
    family = "protection"
    scope = "country"
    weights = Weights(family=2, state=3, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if context.in_pursuing_state:
            return None  # no one is a refugee in their own state
        here = context.name(context.country)
        joined = memberships(context, context.country)
        party = [joined[i] for i in CONVENTION if i in joined]
        citizenships = set(context.profile.citizenship)
        practice = [
            f
            for f in context.view.of_kind(context.country, AsylumPracticeFact)
            if f.about is None or f.about in citizenships
        ]
        specific = [f for f in practice if f.about in citizenships] or practice
        statistics = decided(context, sorted(citizenships))
        used: list[FactBase] = [*party, *specific[:2], *([statistics] if statistics else [])]
        if party:
            limited = [m for m in party if m.value.limitation]
            treaty_risk = 0.55 if limited else 0.3
            treaty_text = f"{here} is party to the Refugee Convention" + (
                f" with a limitation ({limited[0].value.limitation})" if limited else ""
            )
        elif outside := [
            f for i, f in non_party(context, context.country).items() if i in CONVENTION
        ]:
            treaty_risk = 0.9
            used += outside[:1]
            treaty_text = f"{here} is not party to the 1951 Refugee Convention"
        else:
            treaty_risk = None
            treaty_text = ""
        practice_risk: float | None = None
        practice_text = ""
        if specific:
            worst = max(specific, key=lambda f: ACCESS_RISK[f.value.access])
            practice_risk = ACCESS_RISK[worst.value.access]
            practice_text = (
                f"in practice access to asylum for people like this one is "
                f"{ACCESS_WORDS[worst.value.access]}: {worst.summary.rstrip('.')}"
            )
        if statistics is not None:
            rate_risk, rate_text = _statistics(context, statistics)
            # two measures of practice: the worse one stands, neither hides the other
            practice_risk = rate_risk if practice_risk is None else max(practice_risk, rate_risk)
            practice_text = f"{practice_text}; {rate_text}" if practice_text else rate_text
        if treaty_risk is None and practice_risk is None:
            return Missing(self.name, f"refugee protection in {here}")
        if treaty_risk is not None and practice_risk is not None:
            # practice says more than a signature: weigh it double, and a signature can make
            # poor practice look worse (a limitation, no convention) but never better
            risk = max((treaty_risk + 2 * practice_risk) / 3, practice_risk)
            joint = "but" if practice_risk > treaty_risk else "and"
            summary = f"{treaty_text}, {joint} {practice_text}."
        elif practice_risk is not None:
            risk, summary = practice_risk, practice_text[0].upper() + practice_text[1:] + "."
        else:
            assert treaty_risk is not None
            risk = treaty_risk
            summary = treaty_text + "; how asylum works in practice here is not recorded."
        return Finding(self.name, min(risk, 1.0), summary, facts=tuple(used))


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


def _statistics(context: Context, fact: AsylumDecisionsFact) -> tuple[float, str]:
    value = fact.value
    rate = value.protection_rate or 0.0
    text = (
        f"UNHCR's statistics for {value.year} count {value.substantive:,} decisions on the merits "
        f"on nationals of {context.name(fact.about or '')} here, {rate:.0%} of them giving protection "
        f"({value.recognised:,} refugee status, {value.complementary:,} complementary protection, "
        f"{value.rejected:,} rejected)"
    )
    return RATE_RISK_HIGH - (RATE_RISK_HIGH - RATE_RISK_LOW) * rate, text


FACTOR = RefugeeProtectionFactor()
