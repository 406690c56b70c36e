"""Coverage of the knowledge base per country and fact kind (`safepassage kb stats`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from safepassage.kb.knowledge import KnowledgeBase, KnowledgeView
from safepassage.kb.models import FACT_KINDS, KIND_MODELS, IncidentFact


@dataclass(frozen=True)
class Coverage:
    counts: dict[str, Counter[str]]  # country -> kind -> number of facts
    incidents: int
    sources: int

    def kinds_covered(self, country: str) -> int:
        return sum(1 for n in self.counts.get(country, Counter()).values() if n)


def coverage_table(view: KnowledgeView) -> Coverage:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for fact in view.facts:
        counts[fact.country][fact.kind] += 1
    incidents = sum(1 for _ in view.all_of_kind(IncidentFact))
    sources = len({s for fact in view.facts for s in fact.sources})
    return Coverage(counts=dict(counts), incidents=incidents, sources=sources)


def render_coverage(coverage: Coverage, kb: KnowledgeBase, markdown: bool = False) -> None:
    countries = sorted(coverage.counts, key=lambda c: (-sum(coverage.counts[c].values()), c))
    headers = ["country", *(KIND_MODELS[k].short for k in FACT_KINDS), "kinds", "total"]
    rows = []
    for code in countries:
        counter = coverage.counts[code]
        rows.append(
            [
                f"{code} {kb.base.name(code)}",
                *(str(counter.get(kind, 0) or "·") for kind in FACT_KINDS),
                str(coverage.kinds_covered(code)),
                str(sum(counter.values())),
            ]
        )
    footer = (
        f"{sum(sum(c.values()) for c in coverage.counts.values())} facts about "
        f"{len(countries)} countries, {coverage.incidents} incidents, "
        f"{coverage.sources} sources cited; knowledge base {kb.version}"
    )
    if markdown:
        print("| " + " | ".join(headers) + " |")
        print("|" + "---|" * len(headers))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        print(f"\n{footer}")
        return
    table = Table(title="Knowledge-base coverage (facts per kind)", show_lines=False)
    for header in headers:
        table.add_column(header, justify="left" if header == "country" else "right")
    for row in rows:
        table.add_row(*row)
    console = Console()
    console.print(table)
    console.print(footer)
