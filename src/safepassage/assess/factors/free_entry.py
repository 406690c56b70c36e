"""Pursuers' reach: can the pursuers' fellow citizens enter freely, even on an internal ID?"""

from __future__ import annotations

from safepassage.assess.evidence import entry_rules, latest_passport_rule
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Choice, Count, Countries, Country, Message, message
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
        rule = latest_passport_rule(rules)
        if rule is not None:
            risk, passport = _passport_entry(rule, said)
            return Finding(factor=self.name, risk=risk, message=passport, facts=(rule,))
        return Finding(
            factor=self.name,
            risk=0.5,
            message=message("free_entry-no_internal_id", **said),
            facts=tuple(rules),
        )


def _passport_entry(rule: EntryRuleFact, said: dict[str, Country]) -> tuple[float, Message]:
    value = rule.value
    if value.requirement in PASSPORT_RISK:
        key = "free_entry-e_visa" if value.requirement == "e_visa_or_eta" else "free_entry-barred"
        return PASSPORT_RISK[value.requirement], message(key, **said)
    if value.admitted and (value.requirement in NO_VISA_IN_ADVANCE or value.visa_required is False):
        how = value.requirement if value.requirement in ("visa_on_arrival", "eta") else "none"
        return 0.6, message(
            "free_entry-visa_free", **said, how=Choice(how), days=Count(value.days or 0)
        )
    if not value.admitted:
        return 0.3, message("free_entry-barred", **said)
    return 0.3, message("free_entry-visa", **said)


FACTOR = FreeEntryFactor()
