"""The loaded knowledge base and its "as known on date D" views.

A curated fact is visible on D when it held on D and at least one of its sources had been
published by D. Partial dates are read cautiously: a fact starting "2019-03" is not visible
before the end of March 2019, and a source dated "2019" is not counted before the last day of
2019. That way a past case is never judged with knowledge that was not yet public. Facts from
datasets come through layers (`safepassage.kb.layers`), each applying its dataset's own as-of
rule (docs/kb-format.md, "Datasets"), and only for the countries and origins asked about.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from safepassage.kb.base import BASE_FILE, BaseLayer, load_base_layer
from safepassage.kb.check import find_defects
from safepassage.kb.layers.layer import DatasetLayer, LayerContext
from safepassage.kb.layers.registry import load_layers
from safepassage.kb.layers.release import METADATA
from safepassage.kb.loader import DATA_DIR, DATASETS_FOLDER, Defect, read_knowledge
from safepassage.kb.models import Fact, FactBase, Instrument, MembershipFact, Source, fact_start
from safepassage.kb.updates import fold_updates

F = TypeVar("F", bound=FactBase)


class KnowledgeBaseError(Exception):
    """The knowledge base has defects; `kb check` lists them."""

    def __init__(self, defects: list[Defect]) -> None:
        self.defects = defects
        first = defects[0] if defects else "unknown defect"
        super().__init__(f"knowledge base has {len(defects)} defect(s), first: {first}")


def was_public(fact: FactBase, sources: dict[str, Source], as_of: dt.date) -> bool:
    """Could a reader have known this fact on `as_of`? A curated fact: one of its sources had
    been published, or, for a membership an official register records, its own date had come. A dataset fact (it names its `row`): its layer dates it from the day its
    dataset's as-of rule makes it public (`valid_from`), even when the release we read it from
    is later (a 1999 accession in a 2015 copy of the treaty register was public in 1999)."""
    if fact.row is not None:
        return fact.valid_from is not None and fact.valid_from.latest <= as_of
    if (
        isinstance(fact, MembershipFact)
        and fact.valid_from is not None
        and fact.valid_from.latest <= as_of
        and any(sources[s].registry for s in fact.sources if s in sources)
    ):
        return True  # a register records a ratification or accession public since it happened
    return any(
        sources[source_id].published.latest <= as_of
        for source_id in fact.sources
        if source_id in sources
    )


def is_visible(fact: FactBase, sources: dict[str, Source], as_of: dt.date) -> bool:
    start = fact_start(fact)
    if start is not None and start.latest > as_of:
        return False
    if fact.valid_to is not None and fact.valid_to.earliest <= as_of:
        return False
    return was_public(fact, sources, as_of)


@dataclass
class KnowledgeView:
    """The facts visible on one date, indexed by the country they are about.

    `facts` holds the curated facts; dataset layers are asked lazily. A layer keyed by country
    (treaty status, rule of law, air connections) answers `of_kind` like curated facts do; a
    layer keyed by origin (asylum decisions, passport entry rules, migrant stock) answers only
    when asked about an origin, through `concerning` and `from_origin`, so a world ranking for
    one person reads that person's rows and no others.
    """

    as_of: dt.date
    facts: list[Fact]
    kb: KnowledgeBase
    _by_country: dict[str, list[Fact]] = field(default_factory=dict)
    _by_kind: dict[type, list[Fact]] = field(default_factory=dict)
    _of_kind: dict[tuple[str, type], list[Fact]] = field(default_factory=dict)
    _concerning: dict[tuple[str, type, str], list[FactBase]] = field(default_factory=dict)
    _from_origin: dict[tuple[type, str], list[FactBase]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.facts:
            index[fact.country].append(fact)
        self._by_country = dict(index)

    def about_country(self, country: str) -> list[Fact]:
        """The curated facts about `country` (dataset layers: `dataset_facts`)."""
        return self._by_country.get(country, [])

    def of_kind(self, country: str, kind: type[F]) -> list[F]:
        """Facts of `kind` about `country`: curated ones and those of country-keyed layers."""
        # cached: a world ranking asks for the same country's memberships thousands of times
        key = (country, kind)
        if key not in self._of_kind:
            found: list[FactBase] = [f for f in self.about_country(country) if isinstance(f, kind)]
            for layer in self.kb.layers_of(kind, "country"):
                found.extend(layer.facts(self.layer_context, country))
            self._of_kind[key] = found  # type: ignore[assignment]
        return self._of_kind[key]  # type: ignore[return-value]

    def concerning(self, country: str, kind: type[F], about: str) -> list[F]:
        """Facts of `kind` about `country` that concern origin (or citizenship) `about`:
        curated ones naming it, and the rows of origin-keyed layers for this pair."""
        key = (country, kind, about)
        if key not in self._concerning:
            found: list[FactBase] = [f for f in self.of_kind(country, kind) if f.about == about]
            for layer in self.kb.layers_of(kind, "about"):
                found.extend(layer.facts(self.layer_context, about, country))
            self._concerning[key] = found
        return self._concerning[key]  # type: ignore[return-value]

    def from_origin(self, kind: type[F], about: str) -> list[F]:
        """Facts of `kind` concerning `about`, in every country (e.g. where its passport is
        admitted): curated ones and every row an origin-keyed layer has for it."""
        key = (kind, about)
        if key not in self._from_origin:
            found: list[FactBase] = [f for f in self.all_of_kind(kind) if f.about == about]
            for layer in self.kb.layers_of(kind, "about"):
                found.extend(layer.facts(self.layer_context, about))
            self._from_origin[key] = found
        return self._from_origin[key]  # type: ignore[return-value]

    def all_of_kind(self, kind: type[F]) -> Iterator[F]:
        """Every curated fact of `kind`, and every fact of country-keyed layers of that kind."""
        # indexed once per view: factors ask for every entry rule or membership many times
        if kind not in self._by_kind:
            found: list[FactBase] = [fact for fact in self.facts if isinstance(fact, kind)]
            for layer in self.kb.layers_of(kind, "country"):
                for country in layer.known_keys():
                    found.extend(layer.facts(self.layer_context, country))
            self._by_kind[kind] = found  # type: ignore[assignment]
        return iter(self._by_kind[kind])  # type: ignore[arg-type]

    def dataset_facts(self, country: str, about: str | None = None) -> list[FactBase]:
        """What the dataset layers say about `country` (and, given `about`, concerning it)."""
        found: list[FactBase] = []
        for layer in self.kb.layers:
            if layer.keyed_by == "country":
                found.extend(layer.facts(self.layer_context, country))
            elif about is not None:
                found.extend(layer.facts(self.layer_context, about, country))
        return [f for f in found if about is None or f.about in (None, about)]

    @cached_property
    def layer_context(self) -> LayerContext:
        return LayerContext(self.as_of, self.kb.base.name, self.kb.instruments)

    @property
    def base(self) -> BaseLayer:
        return self.kb.base

    def source(self, source_id: str) -> Source:
        return self.kb.sources[source_id]

    def instrument(self, instrument_id: str) -> Instrument:
        return self.kb.instruments[instrument_id]


class Sources(dict[str, Source]):
    """The curated sources, and the dataset releases' sources read on first use."""

    def __init__(self, curated: dict[str, Source], layers: tuple[DatasetLayer, ...]) -> None:
        super().__init__(curated)
        self._layers = layers
        self._loaded = not layers

    def load_datasets(self) -> None:
        if not self._loaded:
            self._loaded = True
            for layer in self._layers:
                for source in layer.sources():
                    self.setdefault(source.id, source)

    def __missing__(self, key: str) -> Source:
        if not self._loaded:
            self.load_datasets()
            if key in self:
                return self[key]
        raise KeyError(key)


@dataclass
class KnowledgeBase:
    facts: list[Fact]
    sources: dict[str, Source]
    instruments: dict[str, Instrument]
    base: BaseLayer
    version: str
    fact_files: dict[str, str]
    layers: tuple[DatasetLayer, ...] = ()
    _views: dict[dt.date, KnowledgeView] = field(default_factory=dict)
    _layers_of: dict[tuple[type, str], tuple[DatasetLayer, ...]] = field(default_factory=dict)

    def layers_of(self, kind: type, keyed_by: str) -> tuple[DatasetLayer, ...]:
        key = (kind, keyed_by)
        if key not in self._layers_of:
            self._layers_of[key] = tuple(
                layer
                for layer in self.layers
                if layer.keyed_by == keyed_by and issubclass(layer.kind, kind)
            )
        return self._layers_of[key]

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
    """Load and check the knowledge base; raise KnowledgeBaseError if it has any defect.

    Dataset layers are found but not read: their rows are read when first asked for.
    """
    raw = read_knowledge(data_dir)
    base = load_base_layer(base_file)
    defects = find_defects(raw, base)
    if defects:
        raise KnowledgeBaseError(defects)
    datasets = data_dir / DATASETS_FOLDER
    layers = load_layers(datasets)
    return KnowledgeBase(
        facts=raw.facts,
        sources=Sources(raw.sources, layers),
        instruments=raw.instruments,
        base=base,
        version=_version(raw.version, datasets),
        fact_files=raw.fact_files,
        layers=layers,
    )


def _version(curated: str, datasets: Path) -> str:
    """One version for curated files and dataset releases: a new release is a new version."""
    if not datasets.is_dir():
        return curated
    digest = hashlib.sha256(curated.encode())
    for meta in sorted(datasets.glob(f"*/{METADATA}")):
        digest.update(meta.parent.name.encode() + b"\0" + meta.read_bytes())
        sums = meta.parent / "SHA256SUMS"
        if sums.is_file():
            digest.update(sums.read_bytes())
    return digest.hexdigest()[:12]
