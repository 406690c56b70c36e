"""Statements backed by the knowledge base, each with its sources as footnotes.

Traceability (EUAA COI methodology): every statement carries the publisher, title, date and
address of each source behind it, and only sources published by the dossier's date are cited,
so a document dated D shows what could have been read on D.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from safepassage.kb.knowledge import KnowledgeBase
from safepassage.kb.models import FactBase, Source
from safepassage.report.dossier.catalogue import Catalogue
from safepassage.report.explain import SaidFinding


@dataclass
class Footnotes:
    """The first citation of a source in a document carries the full reference; later ones
    point back to that footnote, as COI reports do, so fifty statements from one report do not
    repeat it fifty times. Also the list of every source cited, for the bibliography."""

    t: Catalogue
    _seen: dict[str, dict[str, str]] = field(default_factory=dict)

    def cite(self, source: dict[str, str]) -> dict[str, Any]:
        label = "src-" + source["id"]
        first = label not in self._seen
        if first:
            self._seen[label] = source
        return {"id": label, "first": first, "text": self.reference(source), "url": source["url"]}

    def reference(self, source: dict[str, str]) -> str:
        parts = [source["publisher"], self.t("format.title", title=source["title"])]
        if source.get("published"):
            parts.append(source["published"])
        parts.append(source["url"])
        text = ", ".join(parts)
        if source.get("accessed"):
            text += " " + self.t("format.accessed", date=source["accessed"])
        return text

    def bibliography(self) -> list[str]:
        return [self.reference(source) for source in self._seen.values()]


def source_entry(t: Catalogue, source: Source) -> dict[str, str]:
    return {
        "id": source.id,
        "publisher": source.publisher,
        "title": source.title,
        "url": str(source.url),
        "published": t.partial_date(source.published),
        "accessed": t.date(source.accessed),
    }


def known_sources(kb: KnowledgeBase, facts: Iterable[FactBase], as_of: dt.date) -> list[Source]:
    """The sources of these facts that had been published by `as_of` (a later article may
    confirm a fact, but it was not what anyone could have read then)."""
    return [s for s in kb.sources_of(facts) if s.published.latest <= as_of]


def fact_statement(
    kb: KnowledgeBase, fact: FactBase, notes: Footnotes, as_of: dt.date, language: str
) -> dict[str, Any]:
    """A fact in the reader's language by the one rule every face follows
    (report.messages.Wording.fact_text): its Russian text, else its English one, marked."""
    said = notes.t.wording.fact_text_of(fact)
    sources = known_sources(kb, [fact], as_of)
    return {
        "text": said.text,
        "original": said.language != language,  # shown in English
        "notes": [notes.cite(source_entry(notes.t, s)) for s in sources],
    }


def finding_statement(kb: KnowledgeBase, finding: SaidFinding, notes: Footnotes) -> dict[str, Any]:
    """One finding of a stored or fresh assessment as every face says it
    (report.explain.said_finding), its sources as footnotes (already limited to the as-of
    date)."""
    cited = []
    for raw in finding.sources:
        source = kb.sources.get(raw["id"])
        entry = source_entry(notes.t, source) if source else {**raw, "published": raw.get("published", "")}
        cited.append(notes.cite(entry))
    return {
        "label": finding.label,
        "risk": f"{finding.risk:.2f}",
        "text": finding.text,
        "original": finding.language != notes.t.language,  # stored before messages: English
        "floor": finding.floor,
        "notes": cited,
    }
