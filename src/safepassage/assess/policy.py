"""The engine's numbers, read from weights.yaml (data with a written rationale, not code).

Each factor ships its own default weights per threat (`Factor.weights`); weights.yaml holds the
bands, the evidence thresholds and any override of those weights, so a team can re-weigh a
factor without touching its code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

import yaml

from safepassage.assess.factor import RATING_ORDER, THREATS, Factor, Rating

POLICY_FILE = Path(__file__).with_name("weights.yaml")


@dataclass(frozen=True)
class Policy:
    bands: dict[Rating, float]
    overrides: dict[str, dict[str, float]]  # threat -> factor name -> weight
    coverage_high: float
    coverage_medium: float
    protective_risk: float
    recent_years: float
    half_life_years: float
    similar_harm_floor: Rating
    similar_detention_floor: Rating
    pursuing_state_floor: Rating
    family_state_floor: Rating
    transnational_floor: Rating
    practice_floor: Rating
    conduct_margin: float

    def weight(self, factor: Factor, threats: frozenset[str]) -> float:
        """The factor's weight for a person with these threats: the largest among them."""
        return max((self.threat_weight(factor, t) for t in threats), default=0.0)

    def threat_weight(self, factor: Factor, threat: str) -> float:
        override = self.overrides.get(threat, {}).get(factor.name)
        return float(factor.weights.get(threat, 0.0) if override is None else override)

    def band(self, score: float) -> Rating:
        for rating in reversed(RATING_ORDER[1:]):
            if score >= self.bands[rating]:
                return rating
        return "lower"


def _rating(value: object, key: str) -> Rating:
    if value not in RATING_ORDER:
        raise ValueError(f"weights.yaml: {key} must be one of {RATING_ORDER}, got {value!r}")
    return cast(Rating, value)


@cache
def load_policy(path: Path = POLICY_FILE) -> Policy:
    raw = yaml.safe_load(path.read_text())
    evidence = raw["evidence"]
    return Policy(
        bands={_rating(k, "bands"): float(v) for k, v in raw["bands"].items()},
        overrides=_overrides(raw.get("overrides") or {}),
        coverage_high=float(raw["coverage"]["high"]),
        coverage_medium=float(raw["coverage"]["medium"]),
        protective_risk=float(evidence["protective_risk"]),
        recent_years=float(evidence["recent_years"]),
        half_life_years=float(evidence["half_life_years"]),
        similar_harm_floor=_rating(evidence["similar_harm_floor"], "similar_harm_floor"),
        similar_detention_floor=_rating(
            evidence["similar_detention_floor"], "similar_detention_floor"
        ),
        pursuing_state_floor=_rating(evidence["pursuing_state_floor"], "pursuing_state_floor"),
        family_state_floor=_rating(evidence["family_state_floor"], "family_state_floor"),
        transnational_floor=_rating(evidence["transnational_floor"], "transnational_floor"),
        practice_floor=_rating(evidence["practice_floor"], "practice_floor"),
        conduct_margin=float(evidence["conduct_margin"]),
    )


def _overrides(raw: dict[str, dict[str, object]]) -> dict[str, dict[str, float]]:
    for threat in raw:
        if threat not in THREATS:
            raise ValueError(f"weights.yaml: overrides: {threat!r} is not one of {THREATS}")
    return {
        threat: {factor: float(w) for factor, w in (table or {}).items()}  # type: ignore[arg-type]
        for threat, table in raw.items()
    }
