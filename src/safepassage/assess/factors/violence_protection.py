"""Protection from domestic violence: shelters and protection orders open to this person."""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import ViolenceProtectionFact

LEVEL_RISK = {"yes": 0.15, "limited": 0.5, "no": 0.9}
WORDS = {"yes": "available", "limited": "limited", "no": "not available"}


class ViolenceProtectionFactor:
    name = "violence_protection"
    family = "protection"
    scope = "country"
    weights = Weights(family=2, non_state=1)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if "family" not in context.profile.threat_actors:
            return None
        here = context.name(context.country)
        facts = context.view.of_kind(context.country, ViolenceProtectionFact)
        if not facts:
            return Missing(self.name, f"shelters and protection orders in {here}")
        latest = max(
            facts, key=lambda f: f.valid_from.latest if f.valid_from else context.as_of.min
        )
        measures = {
            "shelters": latest.value.shelters,
            "protection orders": latest.value.protection_orders,
        }
        if not context.in_pursuing_state:
            measures["access for foreigners"] = latest.value.foreigners_eligible
        known = {k: v for k, v in measures.items() if v != "unknown"}
        if not known:
            return Missing(self.name, f"shelters and protection orders in {here}")
        risk = sum(LEVEL_RISK[v] for v in known.values()) / len(known)
        listed = "; ".join(f"{k}: {WORDS[v]}" for k, v in known.items())
        return Finding(
            factor=self.name,
            risk=risk,
            summary=(
                f"Protection from domestic violence in {here} — {listed}. "
                f"{latest.summary.rstrip('.')}. A shelter is a stopgap, not safety from pursuers."
            ),
            facts=(latest,),
        )


FACTOR = ViolenceProtectionFactor()
