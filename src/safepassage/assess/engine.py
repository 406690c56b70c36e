"""Run the factors for one country or the whole world and combine them into a rating with reasons.

Each factor that applies to the person's threats is evaluated; how findings become a score, a
rating and a confidence is in combine.py. The result keeps every reason, what is missing, which
floor or bound applied and why, so reports can say it aloud.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from safepassage.assess.combine import combine, covers, rate
from safepassage.assess.factor import (
    RATING_ORDER,
    Context,
    Factor,
    Finding,
    Missing,
    Rating,
)
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
    floor_factor: str | None = None  # the factor whose evidence set the floor
    bound: float | None = None  # the score was raised to this by documented conduct here
    bound_factor: str | None = None
    uncounted: frozenset[str] = frozenset()  # findings left out: they would only have lowered it
    structural_only: bool = False  # no documented conduct here backs any finding (combine.rate)
    lifted: bool = False  # `lower` raised to `moderate`: no protective evidence here
    floored: bool = False  # the floor, not the score's band, decided the rating

    @property
    def headline(self) -> Finding | None:
        """The finding that says most about the rating: the floor-setter, else the weightiest."""
        if not self.findings:
            return None
        floored = [f for f in self.findings if f.floor and f.floor == self.floor]
        if floored:
            return floored[0]
        # Prefer what is specific to this country over what holds everywhere for the person.
        specific = [
            f for f in self.findings if f.facts and f.factor not in self.person_factors
        ] or list(self.findings)
        return max(specific, key=lambda f: self.weights.get(f.factor, 0) * f.risk)


def assess_country(
    profile: Profile,
    country: str,
    view: KnowledgeView,
    factors: tuple[Factor, ...] | None = None,
    policy: Policy | None = None,
    shared: dict[object, object] | None = None,
) -> Assessment:
    """Assess one country. `shared` is a cache for one profile, view and policy across
    countries (assess_world passes one); never share it between profiles."""
    factors = load_factors() if factors is None else factors
    policy = policy or load_policy()
    context = Context(
        profile=profile,
        country=country,
        view=view,
        policy=policy,
        shared={} if shared is None else shared,
    )
    findings: list[Finding] = []
    missing: list[Missing] = []
    weights: dict[str, float] = {}
    applying, person_factors, families = _run_plan(context, factors)
    for factor, weight in applying:
        result = factor.evaluate(context)
        if result is None:
            continue
        weights[factor.name] = weight
        if isinstance(result, Missing):
            missing.append(result)
        else:
            findings.append(result)
            if result.gap:
                missing.append(Missing(result.factor, result.gap))
    # Coverage counts only findings backed by curated facts about this country: base-layer
    # geography, person-level findings and acts elsewhere exist for every country and would
    # hide a void.
    applicable = sum(w for name, w in weights.items() if name not in person_factors)
    covered = sum(weights[f.factor] for f in findings if covers(f, country, person_factors))
    coverage = covered / applicable if applicable > 0 else 0.0
    combined = combine(findings, weights, country, policy)
    rated = rate(combined, findings, coverage, country, person_factors, families, policy)
    score = combined.score
    findings.sort(key=lambda f: -weights[f.factor] * f.risk)
    assessed = Assessment(
        country=country,
        rating=rated.rating,
        score=None if score is None else round(score, 1),
        confidence=rated.confidence,
        coverage=round(coverage, 2),
        findings=tuple(findings),
        missing=tuple(missing),
        floor=combined.floor,
        weights=weights,
        person_factors=person_factors,
        floor_factor=combined.floor_factor,
        bound=None if combined.bound is None else round(combined.bound, 1),
        bound_factor=combined.bound_factor,
        uncounted=combined.uncounted,
        structural_only=rated.structural_only,
        lifted=rated.lifted,
        floored=rated.floored,
    )
    # Said aloud, the decisive reason comes first (the person's own detention before a diaspora
    # figure): the headline, then the rest by weight.
    headline = assessed.headline
    if headline is None:
        return assessed
    return replace(assessed, findings=(headline, *(f for f in findings if f is not headline)))


def _run_plan(
    context: Context, factors: tuple[Factor, ...]
) -> tuple[list[tuple[Factor, float]], frozenset[str], dict[str, str]]:
    """The factors that apply to this person with their weights, the person-scoped ones and
    each factor's family: the same for every country of a run, so worked out once."""
    key = ("run_plan", factors)
    if key not in context.shared:
        threats = context.profile.threat_actors
        weighted = [(f, context.policy.weight(f, threats)) for f in factors]
        context.shared[key] = (
            [(f, w) for f, w in weighted if w > 0],
            frozenset(f.name for f in factors if f.scope == "person"),
            {f.name: f.family for f in factors},
        )
    return context.shared[key]  # type: ignore[return-value]


def assess_world(
    profile: Profile,
    view: KnowledgeView,
    countries: list[str] | None = None,
) -> list[Assessment]:
    """Assess every country (or those given), ranked from lowest risk to highest."""
    factors, policy = load_factors(), load_policy()
    codes = countries if countries is not None else sorted(view.base.countries)
    shared: dict[object, object] = {}
    results = [assess_country(profile, code, view, factors, policy, shared) for code in codes]
    return sorted(results, key=rank_key)


def rank_key(assessment: Assessment) -> tuple[int, float, str]:
    order = RATING_ORDER.index(assessment.rating) if assessment.rating in RATING_ORDER else 99
    return (order, assessment.score if assessment.score is not None else 999.0, assessment.country)
