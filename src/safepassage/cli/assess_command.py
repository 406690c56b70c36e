"""`safepassage assess PROFILE [--country CC ...] [--as-of DATE] [--format ...]`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from safepassage.assess import assess_world
from safepassage.cli.errors import BadInput
from safepassage.cli.options import parse_as_of, parse_country
from safepassage.kb import KnowledgeBaseError, load
from safepassage.profile import ProfileError, read_profile
from safepassage.report.model import Report
from safepassage.report.registry import load_formats


def assess(
    profile: Annotated[Path, typer.Argument(help="profile file (YAML or JSON), DESIGN.md §5")],
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country", "-c", help="ISO code; repeat for several; omit for every country"
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="judge with what was known on YYYY-MM-DD")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text | json | markdown | html")
    ] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write to this file instead of stdout")
    ] = None,
    language: Annotated[
        str, typer.Option("--language", help="en | ru: the whole report in that language")
    ] = "en",
) -> None:
    """How safe is each country for this person, and why."""
    if language not in ("en", "ru"):
        raise BadInput(f"--language: {language!r} is not one of en, ru")
    formats = load_formats()
    if output_format not in formats:
        raise BadInput(f"--format: {output_format!r} is not one of {', '.join(sorted(formats))}")
    try:
        person = read_profile(profile)
    except ProfileError as error:
        raise BadInput(str(error)) from None
    try:
        kb = load()
    except KnowledgeBaseError as error:
        raise BadInput(f"{error}; run `safepassage kb check`") from None
    day = parse_as_of(as_of) or dt.date.today()
    codes = [parse_country(c, kb.base, "--country") for c in country] if country else None
    view = kb.view(day)
    assessments = assess_world(person, view, codes)
    rendered = formats[output_format].render(Report(person, day, kb, assessments, language))
    if output is None:
        sys.stdout.write(rendered)
    else:
        output.write_text(rendered, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
