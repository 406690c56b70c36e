"""Pursuers' reach at its fullest: the country is the state whose institutions they use.

Fleeing inside one's own state is the commonest case and the hardest: a state that pursues the
person controls every police station; a family that can file reports with that state's police
can have the person found and detained anywhere in it.
"""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Country, message


class PursuersHomeStateFactor:
    name = "pursuers_home_state"
    family = "reach"
    scope = "country"
    weights = Weights(family=4, state=4, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        if not context.in_pursuing_state:
            return None
        policy = context.policy
        actors = {
            t.actor
            for t in context.profile.threats
            if (t.state or context.profile.origin.country) == context.country
        }
        here = Country(context.country)
        if "state" in actors:
            return Finding(
                factor=self.name,
                risk=1.0,
                message=message("pursuers_home_state-state", here=here),
                floor=policy.pursuing_state_floor,
            )
        return Finding(
            factor=self.name,
            risk=0.9,
            message=message("pursuers_home_state-family", here=here),
            floor=policy.family_state_floor,
        )


FACTOR = PursuersHomeStateFactor()
