"""Pursuers' reach: can the pursuers' fellow citizens enter freely, even on an internal ID?"""

from __future__ import annotations

from safepassage.assess.evidence import entry_rules
from safepassage.assess.factor import Context, Finding, Missing, Weights


class FreeEntryFactor:
    name = "free_entry"
    family = "reach"
    scope = "country"
    weights = Weights(family=2, state=1, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        pursuers = context.foreign_pursuers
        if not pursuers:
            return None
        best: Finding | None = None
        for state in pursuers:
            rules = entry_rules(context, context.country, state)
            if not rules:
                continue
            finding = self._judge(context, state, rules)
            if best is None or finding.risk > best.risk:
                best = finding
        if best is None:
            names = ", ".join(context.name(s) for s in pursuers)
            return Missing(self.name, f"entry rules for citizens of {names}")
        return best

    def _judge(self, context: Context, state: str, rules: list) -> Finding:  # type: ignore[type-arg]
        here, there = context.name(context.country), context.name(state)
        internal = [r for r in rules if r.value.document == "internal_id" and r.value.admitted]
        if internal:
            conditions = internal[0].value.conditions
            return Finding(
                factor=self.name,
                risk=0.9,
                summary=(
                    f"Citizens of {there} enter {here} on their internal ID alone"
                    + (f" ({conditions})" if conditions else "")
                    + ", so relatives and agents can follow without a passport or visa."
                ),
                facts=tuple(internal),
            )
        passport = [r for r in rules if r.value.document == "passport"]
        free = [r for r in passport if r.value.admitted and r.value.visa_required is False]
        if free:
            return Finding(
                factor=self.name,
                risk=0.6,
                summary=f"Citizens of {there} enter {here} with a passport and no visa.",
                facts=tuple(free),
            )
        if passport:
            return Finding(
                factor=self.name,
                risk=0.3,
                summary=f"Citizens of {there} need a visa to enter {here}.",
                facts=tuple(passport),
            )
        return Finding(
            factor=self.name,
            risk=0.5,
            summary=f"Citizens of {there} are not admitted to {here} on an internal ID.",
            facts=tuple(rules),
        )


FACTOR = FreeEntryFactor()
