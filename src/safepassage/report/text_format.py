"""A rich table a defender reads in a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from safepassage.report.model import Report

COLOURS = {
    "unsafe": "bold red",
    "elevated": "dark_orange",
    "moderate": "yellow",
    "lower": "green",
    "unknown": "grey50",
}


class TextFormat:
    name = "text"
    suffix = ".txt"

    def render(self, report: Report) -> str:
        console = Console(
            file=io.StringIO(), record=True, width=120, force_terminal=False, highlight=False
        )
        console.print(
            f"[bold]Profile {escape(report.profile.id)}[/bold] — as known on "
            f"{report.as_of.isoformat()}, knowledge base {report.kb.version}"
        )
        if len(report.assessments) == 1:
            self._detail(console, report)
        else:
            self._ranking(console, report)
        return console.export_text(styles=False)

    def _ranking(self, console: Console, report: Report) -> None:
        table = Table(show_lines=False)
        for column in ("#", "country", "rating", "score", "conf.", "main reason"):
            table.add_column(column, overflow="fold")
        for rank, a in enumerate(report.assessments, 1):
            reason = (
                report.finding_text(a.headline, a.country) if a.headline else "too little is known"
            )
            table.add_row(
                str(rank),
                f"{escape(report.name(a.country))} ({a.country})",
                f"[{COLOURS[a.rating]}]{a.rating}[/]",
                "—" if a.score is None else f"{a.score:.0f}",
                a.confidence,
                escape(reason),
            )
        console.print(table)

    def _detail(self, console: Console, report: Report) -> None:
        for a in report.assessments:
            score = "no score" if a.score is None else f"score {a.score:.0f}/100"
            console.print(
                f"\n[bold]{escape(report.name(a.country))} ({a.country}): "
                f"[{COLOURS[a.rating]}]{a.rating.upper()}[/][/bold] — {score}, "
                f"confidence {a.confidence} (facts cover {a.coverage:.0%} of what matters)"
            )
            table = Table(show_lines=True)
            table.add_column("factor")
            table.add_column("risk", justify="right")
            table.add_column("why", overflow="fold")
            table.add_column("sources", overflow="fold")
            for finding in a.findings:
                sources = "\n".join(
                    f"{s['publisher']} {s['published']}".strip() + f" {s['url']}"
                    for s in report.finding_sources(finding)
                )
                why = escape(report.finding_text(finding, a.country)) + (
                    f" [bold](sets the rating to at least {finding.floor})[/bold]"
                    if finding.floor
                    else ""
                )
                table.add_row(finding.factor, f"{finding.risk:.2f}", why, escape(sources))
            console.print(table)
            for caveat in report.caveats(a):
                console.print(escape(caveat))
            if a.missing:
                console.print(
                    "[bold]Not known:[/bold] "
                    + "; ".join(f"{m.factor} ({escape(m.what)})" for m in a.missing)
                )


FORMAT = TextFormat()
