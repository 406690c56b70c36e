"""Pursuers' reach: can the pursuers' fellow citizens enter freely, even on an internal ID?"""

from __future__ import annotations

from safepassage.assess.evidence import entry_rules
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Countries, Country, message


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
            return Missing(
                self.name, message("free_entry-missing", there=Countries(tuple(pursuers)))
            )
        return best

    def _judge(self, context: Context, state: str, rules: list) -> Finding:  # type: ignore[type-arg]
        said = {"here": Country(context.country), "there": Country(state)}
        internal = [r for r in rules if r.value.document == "internal_id" and r.value.admitted]
        if internal:
            # the rule's conditions ("by air only") are in its fact, cited with the finding
            return Finding(
                factor=self.name,
                risk=0.9,
                message=message("free_entry-internal_id", **said),
                facts=tuple(internal),
            )
        passport = [r for r in rules if r.value.document == "passport"]
        free = [r for r in passport if r.value.admitted and r.value.visa_required is False]
        if free:
            return Finding(
                factor=self.name,
                risk=0.6,
                message=message("free_entry-visa_free", **said),
                facts=tuple(free),
            )
        if passport:
            return Finding(
                factor=self.name,
                risk=0.3,
                message=message("free_entry-visa", **said),
                facts=tuple(passport),
            )
        return Finding(
            factor=self.name,
            risk=0.5,
            message=message("free_entry-no_internal_id", **said),
            facts=tuple(rules),
        )


FACTOR = FreeEntryFactor()
