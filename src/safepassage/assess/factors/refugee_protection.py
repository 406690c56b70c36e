"""Protection available: the Refugee Convention, its limits, and how asylum works in practice."""

from __future__ import annotations

from safepassage.assess.evidence import memberships, non_party
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import AsylumPracticeFact, FactBase

CONVENTION = ("refugee-convention-1951", "refugee-protocol-1967")
ACCESS_RISK = {"good": 0.1, "limited": 0.5, "poor": 0.8, "none": 0.95}
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
        used: list[FactBase] = [*party, *specific[:2]]
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
        if specific:
            worst = max(specific, key=lambda f: ACCESS_RISK[f.value.access])
            practice_risk = ACCESS_RISK[worst.value.access]
            practice_text = (
                f"in practice access to asylum for people like this one is "
                f"{ACCESS_WORDS[worst.value.access]}: {worst.summary.rstrip('.')}"
            )
        else:
            practice_risk, practice_text = None, ""
        if treaty_risk is None and practice_risk is None:
            return Missing(self.name, f"refugee protection in {here}")
        if treaty_risk is not None and practice_risk is not None:
            # practice says more than a signature: weigh it double
            risk = (treaty_risk + 2 * practice_risk) / 3
            summary = f"{treaty_text}, but {practice_text}."
        elif practice_risk is not None:
            risk, summary = practice_risk, practice_text[0].upper() + practice_text[1:] + "."
        else:
            assert treaty_risk is not None
            risk = treaty_risk
            summary = treaty_text + "; how asylum works in practice here is not recorded."
        return Finding(self.name, min(risk, 1.0), summary, facts=tuple(used))


FACTOR = RefugeeProtectionFactor()
