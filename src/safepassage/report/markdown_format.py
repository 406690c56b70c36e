"""Markdown that pastes into a message or a case note."""

from __future__ import annotations

import re

from safepassage.report.model import Report

# Characters that make Markdown (or the HTML a renderer passes through) out of text: emphasis,
# code spans, links and images, tables, raw HTML, entities.
_ACTIVE = re.compile(r"([\\`*_{}\[\]<>|~&!])")


def escape(text: str) -> str:
    """Text that renders as itself: one line, every active character backslash-escaped.

    Security: a profile's id (and any engine sentence quoting the profile, such as a community
    name) is typed by whoever made the profile; pasted into a case note or a chat that renders
    Markdown, it must not become a link, an image or HTML."""
    return _ACTIVE.sub(r"\\\1", " ".join(text.split()))


class MarkdownFormat:
    name = "markdown"
    suffix = ".md"

    def render(self, report: Report) -> str:
        w = report.wording
        lines = [
            f"# {escape(w.text('report-title', profile=report.profile.id))}",
            "",
            escape(w.text("report-as-of", date=w.date(report.as_of), version=report.kb.version)),
            "",
        ]
        said = report.said()
        if len(said) != 1:
            heads = ("rank", "country", "rating", "score", "confidence", "main-reason")
            lines += [
                "| " + " | ".join(w.text(f"report-{h}") for h in heads) + " |",
                "|---|---|---|---|---|---|",
            ]
            for rank, a in enumerate(said, 1):
                reason = escape(a.headline or w.text("report-too-little"))
                score = "—" if a.score is None else f"{a.score:.0f}"
                lines.append(
                    f"| {rank} | {escape(a.name)} ({a.country}) | **{escape(a.rating_word)}** "
                    f"| {score} | {escape(a.confidence_word)} | {reason} |"
                )
            return "\n".join(lines) + "\n"
        for a in said:
            score = (
                w.text("report-no-score")
                if a.score is None
                else w.text("report-score-of", score=f"{a.score:.0f}")
            )
            lines += [
                f"## {escape(a.name)} ({a.country}): **{escape(a.rating_word)}**",
                "",
                escape(
                    w.text(
                        "report-detail",
                        rating=a.rating_word,
                        score=score,
                        confidence=a.confidence_word,
                        coverage=f"{a.coverage:.0%}",
                    )
                ),
                "",
                *[f"> {escape(caveat)}" for caveat in a.caveats],
                *([""] if a.caveats else []),
            ]
            for finding in a.findings:
                floor = (
                    f" *{escape(w.text('finding-floor', rating=finding.floor))}*" if finding.floor else ""
                )
                lines.append(
                    f"- **{escape(finding.label)}** ({w.text('report-risk')} {finding.risk:.2f}): "
                    f"{escape(finding.text)}{floor}"
                )
                for source in finding.sources:
                    date = f", {source['published']}" if source["published"] else ""
                    rows = "".join(f"; row: {row}" for row in source.get("rows", ()))
                    lines.append(
                        f"  - [{source['publisher']}{date}]({source['url']}) — {source['title']}{rows}"
                    )
            if a.missing:
                lines += ["", f"{escape(w.text('report-not-known'))}:"]
                lines += [f"- {escape(m.label)}: {escape(m.text)}" for m in a.missing]
            lines.append("")
        return "\n".join(lines)


FORMAT = MarkdownFormat()
