"""Community presence: a large diaspora of the person's community widens the pursuers' search.

For a family or clan threat this is decisive (relatives ask around in the community); the
defenders in the founding case named it first among their reasons.
"""

from __future__ import annotations

from safepassage.assess.factor import Context, Finding, Missing, Weights
from safepassage.assess.message import Communities, Country, Message, People, When, message
from safepassage.kb.dates import PartialDate
from safepassage.kb.models import CommunityPresenceFact, MigrantStockFact

# (at least this many people, risk)
STEPS = ((10_000, 0.9), (1_000, 0.65), (100, 0.4))
SMALL_RISK = 0.2
# People born in the origin state are not the community: their number can point to a diaspora
# but never as strongly as a count of the community itself.
BORN_THERE_MAX = 0.5


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
            wanted = message(
                "community_presence-missing",
                communities=Communities(tuple(communities)),
                here=Country(context.country),
            )
            return self._born_there(context, wanted) or Missing(self.name, wanted)
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

    def _born_there(self, context: Context, wanted: Message) -> Finding | None:
        """Where no count of the community exists: how many people born in the person's country
        live here (World Bank). Not the community (everyone born there, whatever their community),
        so it may raise the score and never lower it, does not count as coverage, and the community's
        size stays on the list of what is missing."""
        stock = [
            f
            for citizenship in context.profile.citizenship
            for f in context.view.concerning(context.country, MigrantStockFact, citizenship)
        ]
        if not stock:
            return None
        largest = max(stock, key=lambda f: f.value.people)
        people_born = largest.value.people
        risk = min(next((r for limit, r in STEPS if people_born >= limit), SMALL_RISK), BORN_THERE_MAX)
        return Finding(
            factor=self.name,
            risk=risk,
            message=message(
                "community_presence-born-there",
                communities=Communities(tuple(context.profile.community)),
                here=Country(context.country),
                people=People(people_born, people_born),
                origin=Country(largest.about or ""),
                year=When(PartialDate.parse(largest.value.year)),
            ),
            facts=(largest,),
            gap=wanted,
        )


FACTOR = CommunityPresenceFactor()
