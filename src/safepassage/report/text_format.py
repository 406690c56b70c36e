"""A rich table a defender reads in a terminal, in English or Russian."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from safepassage.report.explain import SaidAssessment
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
        w = report.wording
        console = Console(
            file=io.StringIO(), record=True, width=120, force_terminal=False, highlight=False
        )
        console.print(
            f"[bold]{escape(w.text('report-title', profile=report.profile.id))}[/bold] — "
            + escape(w.text("report-as-of", date=w.date(report.as_of), version=report.kb.version))
        )
        said = report.said()
        if len(said) == 1:
            self._detail(console, report, said)
        else:
            self._ranking(console, report, said)
        return console.export_text(styles=False)

    def _ranking(self, console: Console, report: Report, said: list[SaidAssessment]) -> None:
        w = report.wording
        table = Table(show_lines=False)
        for key in ("rank", "country", "rating", "score", "confidence", "main-reason"):
            table.add_column(w.text(f"report-{key}"), overflow="fold")
        for rank, a in enumerate(said, 1):
            table.add_row(
                str(rank),
                f"{escape(a.name)} ({a.country})",
                f"[{COLOURS[a.rating]}]{escape(a.rating_word)}[/]",
                "—" if a.score is None else f"{a.score:.0f}",
                escape(a.confidence_word),
                escape(a.headline or w.text("report-too-little")),
            )
        console.print(table)

    def _detail(self, console: Console, report: Report, said: list[SaidAssessment]) -> None:
        w = report.wording
        for a in said:
            score = (
                w.text("report-no-score")
                if a.score is None
                else w.text("report-score-of", score=f"{a.score:.0f}")
            )
            detail = w.text(
                "report-detail",
                rating=a.rating_word.upper(),
                score=score,
                confidence=a.confidence_word,
                coverage=f"{a.coverage:.0%}",
            )
            console.print(f"\n[bold]{escape(a.name)} ({a.country}):[/bold] {escape(detail)}")
            table = Table(show_lines=True)
            table.add_column(w.text("report-factor"))
            table.add_column(w.text("report-risk"), justify="right")
            table.add_column(w.text("report-why"), overflow="fold")
            table.add_column(w.text("report-sources"), overflow="fold")
            for finding in a.findings:
                sources = "\n".join(
                    f"{s['publisher']} {s['published']}".strip()
                    + f" {s['url']}"
                    + "".join(f"\n  row: {row}" for row in s.get("rows", ()))
                    for s in finding.sources
                )
                why = escape(finding.text) + (
                    f" [bold]{escape(w.text('finding-floor', rating=finding.floor))}[/bold]"
                    if finding.floor
                    else ""
                )
                table.add_row(escape(finding.label), f"{finding.risk:.2f}", why, escape(sources))
            console.print(table)
            for caveat in a.caveats:
                console.print(escape(caveat))
            if a.missing:
                console.print(
                    f"[bold]{escape(w.text('report-not-known'))}:[/bold] "
                    + "; ".join(f"{escape(m.label)} ({escape(m.text)})" for m in a.missing)
                )


FORMAT = TextFormat()
