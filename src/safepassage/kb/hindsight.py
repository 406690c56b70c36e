"""Hindsight warnings: facts whose summary mentions a year later than their earliest source.

A fact is visible "as of" D once any of its sources was published by D. If its summary (and
perhaps its value) also carries what a later source added, an assessment of a past date quietly
uses knowledge that was not public yet. The remedy is to split the fact: an early one with what
the early sources say, a later one with the later sources. This lint finds candidates; a
reviewer decides (a later year can be harmless: "still a member in 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safepassage.kb.loader import RawKnowledge

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass(frozen=True)
class Hindsight:
    file: str
    fact_id: str
    year: int
    earliest_source: str
    earliest_year: int

    def __str__(self) -> str:
        return (
            f"{self.file} [fact {self.fact_id}]: summary mentions {self.year}, but it is visible from "
            f"{self.earliest_year} on the strength of {self.earliest_source}; split it so each "
            "source supports what it is cited for"
        )


def find_hindsight(knowledge: RawKnowledge) -> list[Hindsight]:
    found = []
    for fact in knowledge.facts:
        years = [int(y) for y in _YEAR.findall(fact.summary)]
        sources = [knowledge.sources[s] for s in fact.sources if s in knowledge.sources]
        if not years or len(sources) < 2:
            continue  # a single source supports its own summary, whatever years it names
        earliest = min(sources, key=lambda s: s.published.latest)
        if max(years) > earliest.published.latest.year:
            found.append(
                Hindsight(knowledge.fact_files[fact.id], fact.id, max(years), earliest.id, earliest.published.latest.year)
            )
    return found
