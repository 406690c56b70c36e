"""Protection available: the Refugee Convention, its limits, and how asylum works in practice."""

from __future__ import annotations

from safepassage.assess.evidence import memberships, non_party
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Choice, Country, Message, message
from safepassage.kb.models import AsylumPracticeFact, FactBase

CONVENTION = ("refugee-convention-1951", "refugee-protocol-1967")
ACCESS_RISK = {"good": 0.1, "limited": 0.5, "poor": 0.8, "none": 0.95}


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
        if specific:
            # the practice fact's own words are cited with the finding
            access = max(specific, key=lambda f: ACCESS_RISK[f.value.access]).value.access
        practice_risk = ACCESS_RISK[access] if access else None
        if treaty_risk is None and practice_risk is None:
            return Missing(self.name, message("refugee_protection-missing", here=here))
        said: Message
        if treaty_risk is not None and practice_risk is not None:
            # practice says more than a signature: weigh it double
            risk = (treaty_risk + 2 * practice_risk) / 3
            said = message(
                "refugee_protection-treaty-and-practice",
                here=here,
                treaty=Choice(treaty or ""),
                access=Choice(access or ""),
            )
        elif practice_risk is not None:
            risk = practice_risk
            said = message("refugee_protection-practice", here=here, access=Choice(access or ""))
        else:
            assert treaty_risk is not None
            risk = treaty_risk
            said = message("refugee_protection-treaty", here=here, treaty=Choice(treaty or ""))
        return Finding(self.name, min(risk, 1.0), said, facts=tuple(used))


FACTOR = RefugeeProtectionFactor()
