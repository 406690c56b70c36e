"""Cross-file checks behind `safepassage kb check`: codes, references and dates."""

from __future__ import annotations

import datetime as dt

from safepassage.kb.base import BaseLayer
from safepassage.kb.loader import Defect, RawKnowledge
from safepassage.kb.models import (
    BilateralAgreementFact,
    CooperationPracticeFact,
    Fact,
    IncidentFact,
    LandBorderFact,
    MembershipFact,
)


def find_defects(
    knowledge: RawKnowledge, base: BaseLayer, today: dt.date | None = None
) -> list[Defect]:
    """Every defect in the knowledge base: those found while reading, then cross-file ones."""
    today = today or dt.date.today()
    defects = list(knowledge.defects)
    for source in knowledge.sources.values():
        where = f"source {source.id}"
        if source.published.earliest > today:
            defects.append(
                Defect("sources", where, f"published {source.published} is in the future")
            )
        if source.accessed > today:
            defects.append(Defect("sources", where, f"accessed {source.accessed} is in the future"))
        if source.published.earliest > source.accessed:
            defects.append(
                Defect(
                    "sources",
                    where,
                    f"published {source.published} after accessed {source.accessed}",
                )
            )
    by_id = {fact.id: fact for fact in knowledge.facts}
    for fact in knowledge.facts:
        file = knowledge.fact_files[fact.id]
        for message in _fact_defects(fact, knowledge, base, today) + _updates_defects(fact, by_id):
            defects.append(Defect(file, f"fact {fact.id}", message))
    return defects


def _fact_defects(
    fact: Fact, knowledge: RawKnowledge, base: BaseLayer, today: dt.date
) -> list[str]:
    messages = []
    for field_name, code in _country_codes(fact):
        if code not in base:
            messages.append(f"{field_name} {code!r} is not an ISO 3166-1 country code")
    for source_id in fact.sources:
        if source_id not in knowledge.sources:
            messages.append(f"source {source_id!r} is not defined in any file")
        elif knowledge.sources[source_id].registry and not isinstance(fact, MembershipFact):
            # a register dates memberships; anything else must be public through its own sources
            messages.append(f"registry source {source_id!r} can only support a membership")
    if isinstance(fact, MembershipFact) and fact.value.instrument not in knowledge.instruments:
        messages.append(f"instrument {fact.value.instrument!r} is not defined in instruments.yaml")
    if isinstance(fact, IncidentFact):
        if fact.value.date.earliest > today:
            messages.append(f"incident date {fact.value.date} is in the future")
        sources = [knowledge.sources[s] for s in fact.sources if s in knowledge.sources]
        if sources and all(s.published.latest < fact.value.date.earliest for s in sources):
            messages.append("every source was published before the incident it reports")
    if fact.valid_from and fact.valid_from.earliest > today:
        messages.append(f"valid_from {fact.valid_from} is in the future")
    if isinstance(fact, LandBorderFact) and fact.value.neighbour == fact.country:
        messages.append("a country cannot border itself")
    return messages


def _updates_defects(fact: Fact, by_id: dict[str, Fact]) -> list[str]:
    """`updates` must name an earlier fact of the same kind and country, with no loop."""
    if fact.updates is None:
        return []
    target = by_id.get(fact.updates)
    if target is None:
        return [f"updates {fact.updates!r}, which is not a fact"]
    if target.kind != fact.kind or target.country != fact.country:
        return [f"updates {fact.updates!r}, a fact of another kind or country"]
    seen = {fact.id}
    while target is not None and target.updates:
        if target.updates in seen:
            return [f"updates chain through {fact.updates!r} loops back"]
        seen.add(target.id)
        target = by_id.get(target.updates)
    return []


def _country_codes(fact: Fact) -> list[tuple[str, str]]:
    codes = [("country", fact.country)]
    if fact.about:
        codes.append(("about", fact.about))
    if isinstance(fact, LandBorderFact):
        codes.append(("value.neighbour", fact.value.neighbour))
    if isinstance(fact, IncidentFact) and fact.value.pursuing_state:
        codes.append(("value.pursuing_state", fact.value.pursuing_state))
    if isinstance(fact, BilateralAgreementFact | CooperationPracticeFact):
        codes.append(("value.counterpart", fact.value.counterpart))
    return codes
