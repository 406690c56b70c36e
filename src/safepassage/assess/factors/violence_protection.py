"""Protection from domestic violence: shelters and protection orders open to this person."""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Country, Terms, message
from safepassage.kb.models import ViolenceProtectionFact

LEVEL_RISK = {"yes": 0.15, "limited": 0.5, "no": 0.9}


class ViolenceProtectionFactor:
    name = "violence_protection"
    family = "protection"
    scope = "country"
    weights = Weights(family=2, non_state=1)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if "family" not in context.profile.threat_actors:
            return None
        here = Country(context.country)
        facts = context.view.of_kind(context.country, ViolenceProtectionFact)
        if not facts:
            return Missing(self.name, message("violence_protection-missing", here=here))
        latest = max(
            facts, key=lambda f: f.valid_from.latest if f.valid_from else context.as_of.min
        )
        measures = {
            "shelters": latest.value.shelters,
            "orders": latest.value.protection_orders,
        }
        if not context.in_pursuing_state:
            measures["foreigners"] = latest.value.foreigners_eligible
        known = {k: v for k, v in measures.items() if v != "unknown"}
        if not known:
            return Missing(self.name, message("violence_protection-missing", here=here))
        risk = sum(LEVEL_RISK[v] for v in known.values()) / len(known)
        return Finding(
            factor=self.name,
            risk=risk,
            # the fact's own words are cited with the finding
            message=message(
                "violence_protection-measures",
                here=here,
                measures=Terms("violence_protection", tuple(f"{k}-{v}" for k, v in known.items())),
            ),
            facts=(latest,),
        )


FACTOR = ViolenceProtectionFactor()
