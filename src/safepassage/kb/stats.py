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
    from_datasets: int = 0  # of the facts counted, those read from dataset layers

    def kinds_covered(self, country: str) -> int:
        return sum(1 for n in self.counts.get(country, Counter()).values() if n)


def coverage_table(view: KnowledgeView) -> Coverage:
    """Facts per country and kind on the view's date: curated facts and every dataset row."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for fact in view.facts:
        counts[fact.country][fact.kind] += 1
    from_datasets = 0
    for layer in view.kb.layers:
        kind = KIND_OF_MODEL[layer.kind]
        for country, number in layer.count_by_country(view.layer_context).items():
            counts[country][kind] += number
            from_datasets += number
    incidents = sum(1 for _ in view.all_of_kind(IncidentFact))
    sources = len({s for fact in view.facts for s in fact.sources})
    return Coverage(
        counts=dict(counts), incidents=incidents, sources=sources, from_datasets=from_datasets
    )


KIND_OF_MODEL = {model: kind for kind, model in KIND_MODELS.items()}


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
    total = sum(sum(c.values()) for c in coverage.counts.values())
    four = sum(1 for c in countries if coverage.kinds_covered(c) >= 4)
    footer = (
        f"{total} facts about {len(countries)} countries ({total - coverage.from_datasets} "
        f"curated, {coverage.from_datasets} from datasets; {four} countries with facts in at "
        f"least four kinds), {coverage.incidents} incidents, {coverage.sources} curated sources "
        f"cited; knowledge base {kb.version}"
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
