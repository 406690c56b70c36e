"""The one interface every factor implements, built-in or third-party.

A factor is a module exposing `FACTOR`, an object with a `name`, a `family`, the `threats` it
applies to, and `evaluate(context)`. It answers with a Finding (a risk contribution, the facts it
used and one plain sentence), a Missing (what it would need to know), or None when it does not
apply to this person and country. Register it under the `safepassage.factors` entry-point group.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Protocol

from safepassage.kb.knowledge import KnowledgeView
from safepassage.kb.models import FactBase
from safepassage.profile import Profile

Rating = Literal["lower", "moderate", "elevated", "unsafe"]
RATING_ORDER: tuple[Rating, ...] = ("lower", "moderate", "elevated", "unsafe")
Family = Literal["reach", "legal_cooperation", "state_conduct", "community", "protection", "onward"]


@dataclass(frozen=True)
class Finding:
    """What one factor found: risk from 0 (protective) to 1 (dangerous), and why."""

    factor: str
    risk: float
    summary: str
    facts: tuple[FactBase, ...] = ()
    floor: Rating | None = None  # strong specific evidence: the rating cannot be lower than this
    base_sources: tuple[str, ...] = ()  # base-layer packages used, when no curated fact applies

    def __post_init__(self) -> None:
        if not 0.0 <= self.risk <= 1.0:
            raise ValueError(f"{self.factor}: risk {self.risk} outside 0..1")


@dataclass(frozen=True)
class Missing:
    """What a factor would need to know and the knowledge base does not hold."""

    factor: str
    what: str


@dataclass(frozen=True)
class Context:
    profile: Profile
    country: str
    view: KnowledgeView
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

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


class Factor(Protocol):
    name: str
    family: Family
    threats: frozenset[str]

    def evaluate(self, context: Context) -> Finding | Missing | None: ...
