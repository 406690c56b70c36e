"""Rule of law: are the courts independent, is there due process, is force used lawfully?

Freedom House scores each state every year on an independent judiciary (F1), due process in
civil and criminal matters (F2) and protection from the illegitimate use of physical force (F3),
0 to 4. Where courts answer to the executive and due process is weak, an extradition request or
a pretext charge meets no real check; where force is used unlawfully, detention itself is a
danger. It is structural evidence, weighed with the rest, never a finding about this person.
"""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.kb.models import RuleOfLawFact

# risk from the mean of the three scores (0-4): 0 gives 0.9, 4 gives 0.1, linear between
WORST, BEST = 0.9, 0.1


class RuleOfLawFactor:
    name = "rule_of_law"
    family = "protection"
    scope = "country"
    weights = Weights(family=1, state=2, non_state=1)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        here = context.name(context.country)
        editions = context.view.of_kind(context.country, RuleOfLawFact)
        if not editions:
            return Missing(self.name, f"how independent the courts and police of {here} are")
        latest = max(editions, key=lambda f: f.value.edition)
        value = latest.value
        mean = (value.judiciary + value.due_process + value.use_of_force) / 3
        risk = WORST - (WORST - BEST) * mean / 4
        return Finding(
            factor=self.name,
            risk=round(risk, 2),
            summary=(
                f"Freedom House (Freedom in the World {value.edition}, covering {value.year}) "
                f"scores {here} {value.judiciary} of 4 for an independent judiciary, "
                f"{value.due_process} of 4 for due process and {value.use_of_force} of 4 for "
                "protection from the illegitimate use of force."
            ),
            facts=(latest,),
        )


FACTOR = RuleOfLawFactor()
