"""Which knowledge-base facts about a country bear on this person, grouped by theme.

Relevance (EUAA COI methodology): a fact is about the person's situation when it concerns the
states that pursue her (or whose citizen she is), her community, or no one in particular
(a law, a treaty); facts about other origins are left out. Every relevant fact is kept, those
that speak for protection as much as those against: balance is not ours to trim.
"""

from __future__ import annotations

from dataclasses import dataclass

from safepassage.kb.knowledge import KnowledgeView
from safepassage.kb.models import (
    BINDING_STATUSES,
    AsylumPracticeFact,
    BilateralAgreementFact,
    CommunityPresenceFact,
    CooperationPracticeFact,
    DocumentAccessFact,
    EntryRuleFact,
    ExitControlFact,
    Fact,
    IncidentFact,
    InterimMeasuresFact,
    LandBorderFact,
    MembershipFact,
    TravelSchemeFact,
    ViolenceProtectionFact,
    fact_start,
)
from safepassage.profile import Profile

PROTECTION_INSTRUMENTS = frozenset({"refugee_protection", "complaint_mechanism", "human_rights_court"})
THEMES = ("reach", "cooperation", "conduct", "community", "protection", "documents")


@dataclass(frozen=True)
class Scope:
    view: KnowledgeView
    country: str
    profile: Profile

    @property
    def pursuers(self) -> frozenset[str]:
        return self.profile.pursuing_states

    @property
    def concerned(self) -> frozenset[str]:
        """States a fact may be about and still concern this person."""
        return self.pursuers | set(self.profile.citizenship) | {self.profile.origin.country}

    def relevant(self, fact: Fact) -> bool:
        # an act of the pursuing state against someone of another citizenship still shows its reach
        by_pursuers = isinstance(fact, IncidentFact) and fact.pursuing_state in self.pursuers
        if fact.about is not None and fact.about not in self.concerned and not by_pursuers:
            return False
        return fact.community is None or fact.community in self.profile.community

    def shared_with_pursuers(self, instrument: str) -> bool:
        return any(
            f.value.instrument == instrument and f.value.status in BINDING_STATUSES
            for state in self.pursuers
            if state != self.country
            for f in self.view.of_kind(state, MembershipFact)
        )


def _theme(scope: Scope, fact: Fact) -> str | None:
    if isinstance(fact, LandBorderFact):
        return "reach" if fact.value.neighbour in scope.pursuers else None
    if isinstance(fact, EntryRuleFact | ExitControlFact):
        return "reach"
    if isinstance(fact, MembershipFact):
        if fact.value.status not in BINDING_STATUSES:
            return None
        kind = scope.view.instrument(fact.value.instrument).kind
        if kind in PROTECTION_INSTRUMENTS:
            return "protection"
        return "cooperation" if scope.shared_with_pursuers(fact.value.instrument) else None
    if isinstance(fact, BilateralAgreementFact | CooperationPracticeFact):
        return "cooperation" if fact.value.counterpart in scope.pursuers else None
    if isinstance(fact, IncidentFact):
        return "conduct"
    if isinstance(fact, CommunityPresenceFact):
        return "community"
    if isinstance(fact, AsylumPracticeFact | ViolenceProtectionFact | InterimMeasuresFact | TravelSchemeFact):
        return "protection"
    if isinstance(fact, DocumentAccessFact):
        return "documents" if scope.country in scope.profile.citizenship else None
    return None


def by_theme(scope: Scope, themes: tuple[str, ...] = THEMES) -> dict[str, list[Fact]]:
    """The relevant facts of each theme, oldest first (undated ones, such as laws in force,
    before them), so a reader sees how the situation developed up to the dossier's date."""
    grouped: dict[str, list[Fact]] = {theme: [] for theme in themes}
    for fact in scope.view.about_country(scope.country):
        if not scope.relevant(fact):
            continue
        theme = _theme(scope, fact)
        if theme in grouped:
            grouped[theme].append(fact)
    return {theme: sorted(facts, key=_order) for theme, facts in grouped.items()}


def _order(fact: Fact) -> tuple[int, str, str]:
    start = fact_start(fact)
    return (0, "", fact.id) if start is None else (1, start.earliest.isoformat(), fact.id)
