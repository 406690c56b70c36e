"""How findings become a score, a rating and a confidence (docs/assessment.md explains each rule).

1. score = 100 x the weighted mean of the risks found; evidence that can only raise risk
   (documented harm here or elsewhere, evidence below the similarity threshold) joins the mean
   only where it raises it, so old, distant or thin evidence never reads as protection;
2. the score cannot fall far below the strongest documented conduct in this country: it is bound
   from below at the riskiest conduct finding minus `conduct_margin`;
3. strong specific evidence sets a floor under the rating;
4. coverage is the share of the applicable weight answered by curated facts about this country,
   and gives the confidence;
5. rate what you can: a country is `unknown` only when no curated fact about it answers any
   question (and no floor stands). Rated from structural facts alone (treaties, entry rules,
   statistics, no documented conduct here), it gets its band at `low` confidence and says so;
6. never `lower` without positive protective evidence here (a protection finding or documented
   conduct with risk at most `protective_risk`): otherwise the rating is at least `moderate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from safepassage.assess.factor import Finding, Rating, highest
from safepassage.assess.policy import Policy


@dataclass(frozen=True)
class Combined:
    score: float | None
    uncounted: frozenset[str]  # findings left out of the mean: they would only have lowered it
    bound: float | None  # the conduct bound, when it raised the score
    bound_factor: str | None
    floor: Rating | None
    floor_factor: str | None


def covers(finding: Finding, country: str, person_factors: frozenset[str]) -> bool:
    """A finding answers for this country when curated facts about it back the finding."""
    return (
        finding.gap is None
        and finding.factor not in person_factors
        and any(fact.country == country for fact in finding.facts)
    )


def combine(
    findings: list[Finding],
    weights: Mapping[str, float],
    country: str,
    policy: Policy,
) -> Combined:
    solid = [f for f in findings if not (f.only_raises or f.gap)]
    raising = sorted((f for f in findings if f.only_raises or f.gap), key=lambda f: -f.risk)
    total_weight = sum(weights[f.factor] for f in solid)
    total = sum(weights[f.factor] * f.risk for f in solid)
    uncounted = set()
    for finding in raising:
        if total_weight and finding.risk <= total / total_weight:
            uncounted.add(finding.factor)
            continue
        total_weight += weights[finding.factor]
        total += weights[finding.factor] * finding.risk
    score = 100 * total / total_weight if total_weight else None

    bound = bound_factor = None
    conduct = [
        f
        for f in findings
        if f.basis == "conduct" and f.gap is None and any(x.country == country for x in f.facts)
    ]
    if score is not None and conduct:
        strongest = max(conduct, key=lambda f: f.risk)
        least = 100 * (strongest.risk - policy.conduct_margin)
        if score < least:
            score, bound, bound_factor = least, least, strongest.factor

    floored = [f for f in findings if f.floor]
    floor = highest(f.floor for f in floored)
    floor_factor = next((f.factor for f in floored if f.floor == floor), None)
    return Combined(
        score=score,
        uncounted=frozenset(uncounted),
        bound=bound,
        bound_factor=bound_factor,
        floor=floor,
        floor_factor=floor_factor,
    )


@dataclass(frozen=True)
class Rated:
    rating: str  # a Rating or "unknown"
    confidence: str  # high | medium | low
    structural_only: bool  # no documented conduct here backs any finding
    lifted: bool  # `lower` was raised to `moderate` for want of protective evidence
    floored: bool  # the floor, not the score's band, decided the rating


def rate(
    combined: Combined,
    findings: list[Finding],
    coverage: float,
    country: str,
    person_factors: frozenset[str],
    families: Mapping[str, str],
    policy: Policy,
) -> Rated:
    answering = [f for f in findings if covers(f, country, person_factors)]
    structural_only = not any(f.basis == "conduct" for f in answering)
    if combined.score is None or (not answering and combined.floor is None):
        return Rated("unknown", "low", structural_only, lifted=False, floored=False)
    band = policy.band(combined.score)
    rating: str = highest([band, combined.floor]) or "lower"
    floored = rating != band
    lifted = False
    # evidence that can only raise risk is never protective, however low its risk
    protective = any(
        f.risk <= policy.protective_risk
        and not f.only_raises
        and (f.basis == "conduct" or families.get(f.factor) == "protection")
        for f in answering
    )
    if rating == "lower" and not protective:
        rating, lifted = "moderate", True
    if structural_only or coverage < policy.coverage_medium:
        confidence = "low"
    elif coverage >= policy.coverage_high:
        confidence = "high"
    else:
        confidence = "medium"
    return Rated(rating, confidence, structural_only, lifted, floored)
