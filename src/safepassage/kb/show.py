"""A country's facts with their sources, for a lawyer to read (`safepassage kb show`)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from safepassage.kb.knowledge import KnowledgeView
from safepassage.kb.models import FACT_KINDS, KIND_MODELS, FactBase


def render_country(view: KnowledgeView, country: str, about: str | None = None) -> None:
    console = Console(highlight=False)
    base = view.base
    facts: list[FactBase] = [
        fact for fact in view.about_country(country) if about is None or fact.about in (None, about)
    ]
    facts += view.dataset_facts(country, about)
    heading = f"{base.name(country)} ({country})"
    if about:
        heading += f", concerning {base.name(about)} ({about})"
    console.print(f"[bold]{escape(heading)}[/bold] — as known on {view.as_of.isoformat()}")
    record = base.countries.get(country)
    if record:
        console.print(
            f"Capital {record.capital or '?'}; land neighbours "
            f"{', '.join(record.neighbours) or 'none'}; population {record.population or '?'} "
            f"(base layer: {', '.join(f'{k} {v}' for k, v in base.built_from.items())})"
        )
    if not facts:
        console.print("No sourced facts are known for this country on that date.")
        return
    for kind in FACT_KINDS:
        of_kind = [f for f in facts if isinstance(f, KIND_MODELS[kind])]
        if not of_kind:
            continue
        console.print(f"\n[bold underline]{KIND_MODELS[kind].title}[/bold underline]")
        for fact in sorted(of_kind, key=lambda f: str(f.valid_from or "")):
            console.print(
                f"• {escape(fact.summary)} [dim]({fact.id}, confidence {fact.confidence})[/dim]"
            )
            for source_id in fact.sources:
                source = view.source(source_id)
                console.print(
                    f"    {escape(source.publisher)}, “{escape(source.title)}”, "
                    f"{source.published}, {source.url} (accessed {source.accessed})",
                    soft_wrap=True,
                )
            if fact.row:
                console.print(f"    [dim]row: {escape(fact.row)}[/dim]", soft_wrap=True)
    if about is None and any(layer.keyed_by == "about" for layer in view.kb.layers):
        console.print(
            "\n[dim]Asylum decisions, passport entry rules and migrant stock concern one origin "
            "or passport: add --about CC to see them.[/dim]"
        )
