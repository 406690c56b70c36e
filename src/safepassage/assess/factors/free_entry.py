"""Pursuers' reach: can the pursuers' fellow citizens enter freely, even on an internal ID?"""

from __future__ import annotations

from safepassage.assess.evidence import entry_rules, latest_passport_rule
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import NO_VISA_IN_ADVANCE, EntryRuleFact

# Risk that the pursuers follow, by what a passport holder needs (the Passport Index's words):
# no visa in advance is as open as a curated "no visa" rule always was (0.6); a visa to apply
# for is a check (0.3); an e-visa or eTA, which the early snapshots do not tell apart, lies
# between; no admission keeps them out.
PASSPORT_RISK = {"e_visa_or_eta": 0.45, "no_admission": 0.15}


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
        rule = latest_passport_rule(rules)
        if rule is not None:
            risk, words = _passport_entry(rule)
            return Finding(
                factor=self.name,
                risk=risk,
                summary=f"Citizens of {there} {words.format(here=here)}.",
                facts=(rule,),
            )
        return Finding(
            factor=self.name,
            risk=0.5,
            summary=f"Citizens of {there} are not admitted to {here} on an internal ID.",
            facts=tuple(rules),
        )


def _passport_entry(rule: EntryRuleFact) -> tuple[float, str]:
    value = rule.value
    if value.requirement in PASSPORT_RISK:
        wording = {
            "e_visa_or_eta": "need an e-visa or an electronic travel authorisation to enter {here}",
            "no_admission": "are not admitted to {here}",
        }[value.requirement]
        return PASSPORT_RISK[value.requirement], wording
    if value.admitted and (value.requirement in NO_VISA_IN_ADVANCE or value.visa_required is False):
        how = {
            "visa_on_arrival": " (a visa on arrival)",
            "eta": " (an electronic travel authorisation)",
        }.get(value.requirement or "", "")
        days = f" for up to {value.days} days" if value.days else ""
        return 0.6, f"enter {{here}} with a passport and no visa in advance{how}{days}"
    if not value.admitted:
        return 0.3, "are barred from {here} for now (" + (value.requirement or "no admission").replace("_", " ") + ")"
    return 0.3, "need a visa to enter {here}"


FACTOR = FreeEntryFactor()
