"""Legal cooperation with the pursuing state: conventions, blocs and bilateral treaties.

Legal-assistance conventions (Minsk 1993 and the like) oblige parties to search for, arrest and
extradite each other's wanted persons; security blocs and anti-extremism conventions add
intelligence sharing. Each shared tie adds risk; the strongest ties dominate.
"""

from __future__ import annotations

import re

from safepassage.assess.evidence import (
    bilateral_agreements,
    join_names,
    memberships,
    rule_of_law,
    shared_instruments,
)
from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import FactBase

# risk added by one shared instrument of each kind
KIND_RISK = {
    "legal_assistance": 0.35,
    "extradition": 0.25,
    "anti_extremism": 0.2,
    "security_bloc": 0.15,
    "economic_bloc": 0.05,
    "political_bloc": 0.1,
}
BILATERAL_RISK = {"in_force": 0.35, "signed": 0.15}
BASELINE = 0.1


class LegalCooperationFactor:
    name = "legal_cooperation"
    family = "legal_cooperation"
    scope = "country"
    weights = Weights(family=1.5, state=4, non_state=0.5)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        pursuers = context.foreign_pursuers
        if not pursuers:
            return None
        results = [self._with(context, state) for state in pursuers]
        findings = [r for r in results if isinstance(r, Finding)]
        if not findings:
            return results[0]
        return max(findings, key=lambda f: f.risk)

    def _with(self, context: Context, state: str) -> Finding | Missing:
        here, there = context.name(context.country), context.name(state)
        shared = shared_instruments(context, state)
        treaties = [
            f
            for f in bilateral_agreements(context, state)
            if f.value.subject in ("extradition", "legal_assistance")
        ]
        known_here = memberships(context, context.country)
        known_there = memberships(context, state)
        if not shared and not treaties:
            if not known_here or not known_there:
                return Missing(
                    self.name, f"treaty memberships of {here if not known_here else there}"
                )
            return Finding(
                factor=self.name,
                risk=BASELINE,
                summary=(
                    f"No legal-assistance, extradition or security convention ties {here} to "
                    f"{there} in the knowledge base, and no bilateral extradition treaty is recorded."
                ),
                facts=(),
            )
        risk = BASELINE
        used: list[FactBase] = []
        names = []
        # A family cannot itself request an extradition, and a rule-of-law host's courts test a
        # request the family gets the state to make: against a family pursuer (without state
        # power) an extradition treaty with such a host is not a risk.
        exempt = not context.profile.state_pursued and rule_of_law(context, context.country)
        set_aside = []
        for mine, theirs in shared:
            instrument = context.view.instrument(mine.value.instrument)
            added = KIND_RISK.get(instrument.kind, 0.0)
            if exempt and instrument.kind == "extradition":
                set_aside.append(re.sub(r"\s*\([^()]*\)$", "", instrument.title))
                continue
            if not added:
                continue
            risk += added
            used += [mine, theirs]
            names.append(re.sub(r"\s*\([^()]*\)$", "", instrument.title))
        for treaty in treaties:
            if exempt and treaty.value.subject == "extradition":
                set_aside.append("a bilateral extradition treaty")
                continue
            risk += BILATERAL_RISK[treaty.value.status]
            used.append(treaty)
            status = "in force" if treaty.value.status == "in_force" else "signed"
            names.append(f"a bilateral {treaty.value.subject.replace('_', ' ')} treaty ({status})")
        aside = (
            f" {join_names(set_aside)} with {there} is not counted: {here}'s courts answer to a "
            "human-rights court and test an extradition request, which a family cannot make itself."
            if set_aside
            else ""
        )
        if not names:
            return Finding(
                factor=self.name,
                risk=BASELINE,
                summary=f"{here} and {there} share no legal-assistance or security ties on record."
                + aside,
                facts=(),
            )
        return Finding(
            factor=self.name,
            risk=min(risk, 1.0),
            summary=(
                f"{here} is tied to {there} by {join_names(names)}: channels through which "
                f"{there} can ask for a person to be searched for, detained and returned." + aside
            ),
            facts=tuple(used),
        )


FACTOR = LegalCooperationFactor()
