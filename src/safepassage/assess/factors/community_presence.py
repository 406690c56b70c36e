"""Community presence: a large diaspora of the person's community widens the pursuers' search.

For a family or clan threat this is decisive (relatives ask around in the community); the
defenders in the founding case named it first among their reasons.
"""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Communities, Country, People, When, message
from safepassage.kb.dates import PartialDate
from safepassage.kb.models import CommunityPresenceFact

# (at least this many people, risk)
STEPS = ((10_000, 0.9), (1_000, 0.65), (100, 0.4))
SMALL_RISK = 0.2


class CommunityPresenceFactor:
    name = "community_presence"
    family = "community"
    scope = "country"
    weights = Weights(family=3, state=1, non_state=2)

    def evaluate(self, context: Context) -> Finding | Missing | None:
        communities = context.profile.community
        if not communities:
            return None
        facts: list[CommunityPresenceFact] = [
            f
            for f in context.view.of_kind(context.country, CommunityPresenceFact)
            if f.community in communities
        ]
        if not facts:
            return Missing(
                self.name,
                message(
                    "community_presence-missing",
                    communities=Communities(tuple(communities)),
                    here=Country(context.country),
                ),
            )
        latest = max(facts, key=lambda f: (f.value.year, f.value.high))
        biggest = max(f.value.high for f in facts)
        risk = next((r for limit, r in STEPS if biggest >= limit), SMALL_RISK)
        newest_first = sorted(facts, key=lambda fact: -fact.value.year)
        return Finding(
            factor=self.name,
            risk=risk,
            message=message(
                "community_presence-size",
                community=Communities((latest.community or "",)),
                here=Country(context.country),
                people=People(latest.value.low, latest.value.high),
                year=When(PartialDate.parse(latest.value.year)),
            ),
            facts=tuple(newest_first),
        )


FACTOR = CommunityPresenceFactor()
