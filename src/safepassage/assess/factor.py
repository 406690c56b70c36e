"""The one interface every factor implements, built-in or third-party.

A factor is a module exposing `FACTOR`, an object with a `name`, a `family`, a `scope` (is its
answer about the person or about the country assessed), its default `weights` per kind of threat
(a threat it does not weigh is one it does not apply to), and `evaluate(context)`. It answers
with a Finding (a risk contribution, the facts it used and what it found as a `Message`: an id and
typed values that the report layer words in each language from the catalogues the factor ships
beside its module), a Missing (what it would need to know, also a Message), or None when it does
not apply to this person and country. The engine's
numbers reach it on `context.policy`; a factor never loads them itself, so a caller can assess
with another policy. Built-ins are listed in `registry.DEFAULT_FACTORS`; a third party registers
its module under the `safepassage.factors` entry-point group (docs/extending.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from safepassage.assess.message import Message
from safepassage.kb.knowledge import KnowledgeView
from safepassage.kb.models import FactBase
from safepassage.profile import Profile

if TYPE_CHECKING:  # policy.py imports the rating names from here
    from safepassage.assess.policy import Policy

Rating = Literal["lower", "moderate", "elevated", "unsafe"]
RATING_ORDER: tuple[Rating, ...] = ("lower", "moderate", "elevated", "unsafe")
Family = Literal["reach", "legal_cooperation", "state_conduct", "community", "protection", "onward"]
# `person`: the answer depends on who the person is and what they hold more than on the country
# (wanted lists, documents); such findings exist for every country, so they neither count as
# coverage of a country nor make its headline reason.
Scope = Literal["person", "country"]
Basis = Literal["conduct", "structure"]
THREATS = ("family", "state", "non_state")


def highest(ratings: Iterable[Rating | None]) -> Rating | None:
    """The most severe of some ratings (None entries are skipped)."""
    best: Rating | None = None
    for rating in ratings:
        if rating is not None and (
            best is None or RATING_ORDER.index(rating) > RATING_ORDER.index(best)
        ):
            best = rating
    return best


@dataclass(frozen=True)
class Weights:
    """A factor's default weight for each kind of pursuer; 0 means it does not apply."""

    family: float = 0.0
    state: float = 0.0
    non_state: float = 0.0

    def __post_init__(self) -> None:
        for threat in THREATS:
            if getattr(self, threat) < 0:
                raise ValueError(f"weight for {threat} must be >= 0")

    def get(self, threat: str, default: float = 0.0) -> float:
        return float(getattr(self, threat)) if threat in THREATS else default


@dataclass(frozen=True)
class Finding:
    """What one factor found: risk from 0 (protective) to 1 (dangerous), and why."""

    factor: str
    risk: float
    message: Message  # what it found, for the report layer to word (never a number from here)
    facts: tuple[FactBase, ...] = ()
    floor: Rating | None = None  # strong specific evidence: the rating cannot be lower than this
    base_sources: tuple[str, ...] = ()  # base-layer packages used, when no curated fact applies
    # `conduct`: drawn from documented acts (incidents, a documented practice), which the score
    # cannot fall far below; `structure`: treaties, geography, entry rules, statistics.
    basis: Basis = "structure"
    # Evidence that can only point towards risk (acts of the pursuers elsewhere): it raises the
    # score when above it and is left out when it would lower it, since their absence or
    # distance is not protection.
    only_raises: bool = False
    # Set when the evidence found does not reach a person like this one (below the similarity
    # threshold): what would answer the question. The finding may raise the score, never lower
    # it, does not count as coverage, and the gap is listed as missing.
    gap: Message | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.risk <= 1.0:
            raise ValueError(f"{self.factor}: risk {self.risk} outside 0..1")


@dataclass(frozen=True)
class Missing:
    """What a factor would need to know and the knowledge base does not hold."""

    factor: str
    what: Message


@dataclass(frozen=True)
class Context:
    profile: Profile
    country: str
    view: KnowledgeView
    policy: Policy
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    # answers that do not depend on the country assessed (this person's candidate incidents,
    # another country's features), shared by every country of one run: a world ranking asks
    # them 249 times
    shared: dict[object, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def as_of(self) -> dt.date:
        return self.view.as_of

    @property
    def pursuing_states(self) -> frozenset[str]:
        return self.profile.pursuing_states

    @property
    def foreign_pursuers(self) -> list[str]:
        """Pursuing states other than the country assessed, sorted for stable output."""
        return sorted(s for s in self.pursuing_states if s != self.country)

    @property
    def in_pursuing_state(self) -> bool:
        return self.country in self.pursuing_states

    def name(self, code: str) -> str:
        return self.view.base.name(code)

    def elsewhere(self, country: str) -> Context:
        """The same person and knowledge, looking at another country (shares nothing cached)."""
        return Context(self.profile, country, self.view, self.policy, shared=self.shared)


class Factor(Protocol):
    name: str
    family: Family
    scope: Scope
    weights: Weights  # default weight per threat; weights.yaml may override

    def evaluate(self, context: Context) -> Finding | Missing | None: ...
