"""The loaded knowledge base and its "as known on date D" views.

A fact is visible on D when it held on D and at least one of its sources had been published by
D. Partial dates are read cautiously: a fact starting "2019-03" is not visible before the end of
March 2019, and a source dated "2019" is not counted before the last day of 2019. That way a past
case is never judged with knowledge that was not yet public.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from safepassage.kb.base import BASE_FILE, BaseLayer, load_base_layer
from safepassage.kb.check import find_defects
from safepassage.kb.loader import DATA_DIR, Defect, read_knowledge
from safepassage.kb.models import Fact, FactBase, Instrument, Source, fact_start
from safepassage.kb.updates import fold_updates

F = TypeVar("F", bound=FactBase)


class KnowledgeBaseError(Exception):
    """The knowledge base has defects; `kb check` lists them."""

    def __init__(self, defects: list[Defect]) -> None:
        self.defects = defects
        first = defects[0] if defects else "unknown defect"
        super().__init__(f"knowledge base has {len(defects)} defect(s), first: {first}")


def is_visible(fact: FactBase, sources: dict[str, Source], as_of: dt.date) -> bool:
    start = fact_start(fact)
    if start is not None and start.latest > as_of:
        return False
    if fact.valid_to is not None and fact.valid_to.earliest <= as_of:
        return False
    return any(
        sources[source_id].published.latest <= as_of
        for source_id in fact.sources
        if source_id in sources
    )


@dataclass
class KnowledgeView:
    """The facts visible on one date, indexed by the country they are about."""

    as_of: dt.date
    facts: list[Fact]
    kb: KnowledgeBase
    _by_country: dict[str, list[Fact]] = field(default_factory=dict)
    _by_kind: dict[type, list[Fact]] = field(default_factory=dict)
    _of_kind: dict[tuple[str, type], list[Fact]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.facts:
            index[fact.country].append(fact)
        self._by_country = dict(index)

    def about_country(self, country: str) -> list[Fact]:
        return self._by_country.get(country, [])

    def of_kind(self, country: str, kind: type[F]) -> list[F]:
        # cached: a world ranking asks for the same country's memberships thousands of times
        key = (country, kind)
        if key not in self._of_kind:
            self._of_kind[key] = [fact for fact in self.about_country(country) if isinstance(fact, kind)]  # type: ignore[misc]
        return self._of_kind[key]  # type: ignore[return-value]

    def all_of_kind(self, kind: type[F]) -> Iterator[F]:
        # indexed once per view: factors ask for every entry rule or membership many times
        if kind not in self._by_kind:
            self._by_kind[kind] = [fact for fact in self.facts if isinstance(fact, kind)]  # type: ignore[misc]
        return iter(self._by_kind[kind])  # type: ignore[arg-type]

    @property
    def base(self) -> BaseLayer:
        return self.kb.base

    def source(self, source_id: str) -> Source:
        return self.kb.sources[source_id]

    def instrument(self, instrument_id: str) -> Instrument:
        return self.kb.instruments[instrument_id]


@dataclass
class KnowledgeBase:
    facts: list[Fact]
    sources: dict[str, Source]
    instruments: dict[str, Instrument]
    base: BaseLayer
    version: str
    fact_files: dict[str, str]
    _views: dict[dt.date, KnowledgeView] = field(default_factory=dict)

    @cached_property
    def facts_by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    def view(self, as_of: dt.date | None = None) -> KnowledgeView:
        """The facts known on `as_of` (today when omitted); cached per date."""
        as_of = as_of or dt.date.today()
        if as_of not in self._views:
            visible = fold_updates([f for f in self.facts if is_visible(f, self.sources, as_of)])
            self._views[as_of] = KnowledgeView(as_of=as_of, facts=visible, kb=self)
        return self._views[as_of]

    def sources_of(self, facts: Iterable[FactBase]) -> list[Source]:
        seen: dict[str, Source] = {}
        for fact in facts:
            for source_id in fact.sources:
                seen.setdefault(source_id, self.sources[source_id])
        return list(seen.values())


def load(data_dir: Path = DATA_DIR, base_file: Path = BASE_FILE) -> KnowledgeBase:
    """Load and check the knowledge base; raise KnowledgeBaseError if it has any defect."""
    raw = read_knowledge(data_dir)
    base = load_base_layer(base_file)
    defects = find_defects(raw, base)
    if defects:
        raise KnowledgeBaseError(defects)
    return KnowledgeBase(
        facts=raw.facts,
        sources=raw.sources,
        instruments=raw.instruments,
        base=base,
        version=raw.version,
        fact_files=raw.fact_files,
    )
