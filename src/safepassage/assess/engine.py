"""Combine factor findings into a rating with reasons, for one country or the whole world.

score = 100 x the weighted mean of the risks of the factors that found something, with weights
chosen by the person's threats (weights.yaml). Strong specific evidence sets a floor under the
rating; coverage (the share of applicable weight backed by facts) gives the confidence, and too
little coverage gives `unknown` rather than a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from safepassage.assess.factor import RATING_ORDER, Context, Factor, Finding, Missing, Rating
from safepassage.assess.policy import Policy, load_policy
from safepassage.assess.registry import load_factors
from safepassage.kb.knowledge import KnowledgeView
from safepassage.profile import Profile


@dataclass(frozen=True)
class Assessment:
    country: str
    rating: str  # lower | moderate | elevated | unsafe | unknown
    score: float | None
    confidence: str  # high | medium | low
    coverage: float
    findings: tuple[Finding, ...]
    missing: tuple[Missing, ...]
    floor: Rating | None
    weights: dict[str, float]
    # factors whose answer is about the person, not this country (Factor.scope == "person")
    person_factors: frozenset[str] = frozenset()

    @property
    def headline(self) -> Finding | None:
        """The finding that says most about the rating: the floor-setter, else the weightiest."""
        if not self.findings:
            return None
        floored = [f for f in self.findings if f.floor and f.floor == self.floor]
        if floored:
            return floored[0]
        # Prefer what is specific to this country over what holds everywhere for the person.
        specific = [f for f in self.findings if f.facts and f.factor not in self.person_factors] or list(
            self.findings
        )
        return max(specific, key=lambda f: self.weights.get(f.factor, 0) * f.risk)


def assess_country(
    profile: Profile,
    country: str,
    view: KnowledgeView,
    factors: tuple[Factor, ...] | None = None,
    policy: Policy | None = None,
) -> Assessment:
    factors = load_factors() if factors is None else factors
    policy = policy or load_policy()
    context = Context(profile=profile, country=country, view=view, policy=policy)
    threats = profile.threat_actors
    findings: list[Finding] = []
    missing: list[Missing] = []
    weights: dict[str, float] = {}
    applicable_weight = 0.0
    person_factors = frozenset(f.name for f in factors if f.scope == "person")
    for factor in factors:
        weight = policy.weight(factor, threats)
        if weight <= 0:
            continue
        result = factor.evaluate(context)
        if result is None:
            continue
        applicable_weight += weight
        weights[factor.name] = weight
        if isinstance(result, Missing):
            missing.append(result)
        else:
            findings.append(result)
    found_weight = sum(weights[f.factor] for f in findings)
    # Coverage counts only findings about this country backed by curated facts: base-layer
    # geography and person-level findings exist for every country and would hide a void.
    covered_weight = sum(
        weights[f.factor] for f in findings if f.facts and f.factor not in person_factors
    )
    applicable_weight -= sum(weights.get(name, 0.0) for name in person_factors)
    coverage = covered_weight / applicable_weight if applicable_weight > 0 else 0.0
    floor = _highest(f.floor for f in findings if f.floor)
    score = (
        100 * sum(weights[f.factor] * f.risk for f in findings) / found_weight
        if found_weight
        else None
    )
    if score is None or (coverage < policy.unknown_below and floor is None):
        rating: str = "unknown"
    else:
        rating = _highest([policy.band(score), *([floor] if floor else [])]) or "lower"
    confidence = (
        "high"
        if coverage >= policy.coverage_high
        else "medium"
        if coverage >= policy.coverage_medium
        else "low"
    )
    findings.sort(key=lambda f: -weights[f.factor] * f.risk)
    return Assessment(
        country=country,
        rating=rating,
        score=None if score is None else round(score, 1),
        confidence=confidence,
        coverage=round(coverage, 2),
        findings=tuple(findings),
        missing=tuple(missing),
        floor=floor,
        weights=weights,
        person_factors=person_factors,
    )


def assess_world(
    profile: Profile,
    view: KnowledgeView,
    countries: list[str] | None = None,
) -> list[Assessment]:
    """Assess every country (or those given), ranked from lowest risk to highest."""
    factors, policy = load_factors(), load_policy()
    codes = countries if countries is not None else sorted(view.base.countries)
    results = [assess_country(profile, code, view, factors, policy) for code in codes]
    return sorted(results, key=rank_key)


def rank_key(assessment: Assessment) -> tuple[int, float, str]:
    order = RATING_ORDER.index(assessment.rating) if assessment.rating in RATING_ORDER else 99
    return (order, assessment.score if assessment.score is not None else 999.0, assessment.country)


def _highest(ratings: object) -> Rating | None:
    best: Rating | None = None
    for rating in ratings:  # type: ignore[attr-defined]
        if best is None or RATING_ORDER.index(rating) > RATING_ORDER.index(best):
            best = rating
    return best
