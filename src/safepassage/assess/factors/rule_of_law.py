"""Rule of law: are the courts independent, is there due process, is force used lawfully?

Freedom House scores each state every year on an independent judiciary (F1), due process in
civil and criminal matters (F2) and protection from the illegitimate use of physical force (F3),
0 to 4. Where courts answer to the executive and due process is weak, an extradition request or
a pretext charge meets no real check; where force is used unlawfully, detention itself is a
danger. It is structural evidence, weighed with the rest, never a finding about this person.
"""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Count, Country, When, message
from safepassage.kb.dates import PartialDate
from safepassage.kb.models import RuleOfLawFact

# risk from the mean of the three scores (0-4): 0 gives 0.9, 4 gives 0.1, linear between
WORST, BEST = 0.9, 0.1


class RuleOfLawFactor:
    name = "rule_of_law"
    family = "protection"
    scope = "country"
    weights = Weights(family=1, state=2, non_state=1)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        here = Country(context.country)
        editions = context.view.of_kind(context.country, RuleOfLawFact)
        if not editions:
            return Missing(self.name, message("rule_of_law-missing", here=here))
        latest = max(editions, key=lambda f: f.value.edition)
        value = latest.value
        mean = (value.judiciary + value.due_process + value.use_of_force) / 3
        risk = WORST - (WORST - BEST) * mean / 4
        return Finding(
            factor=self.name,
            risk=round(risk, 2),
            # the source's own scores (0 to 4), not the engine's risk
            message=message(
                "rule_of_law-scores",
                here=here,
                edition=When(PartialDate.parse(value.edition)),
                year=When(PartialDate.parse(value.year)),
                judiciary=Count(value.judiciary),
                due_process=Count(value.due_process),
                use_of_force=Count(value.use_of_force),
            ),
            facts=(latest,),
        )


FACTOR = RuleOfLawFactor()
