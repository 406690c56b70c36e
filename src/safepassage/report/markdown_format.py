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
        lines = [
            f"# Safety assessment for profile {escape(report.profile.id)}",
            "",
            f"As known on {report.as_of.isoformat()} · knowledge base {report.kb.version}",
            "",
        ]
        single = len(report.assessments) == 1
        if not single:
            lines += [
                "| # | country | rating | score | confidence | main reason |",
                "|---|---|---|---|---|---|",
            ]
            for rank, a in enumerate(report.assessments, 1):
                reason = escape(report.finding_text(a.headline, a.country)) if a.headline else "too little is known"
                score = "—" if a.score is None else f"{a.score:.0f}"
                lines.append(
                    f"| {rank} | {report.name(a.country)} ({a.country}) | **{a.rating}** | {score} "
                    f"| {a.confidence} | {reason} |"
                )
            return "\n".join(lines) + "\n"
        for a in report.assessments:
            score = "no score" if a.score is None else f"score {a.score:.0f}/100"
            lines += [
                f"## {report.name(a.country)} ({a.country}): **{a.rating}**",
                "",
                f"{score}, confidence {a.confidence} (facts cover {a.coverage:.0%} of what matters)",
                "",
                *[f"> {caveat}" for caveat in report.caveats(a)],
                *([""] if report.caveats(a) else []),
            ]
            for finding in a.findings:
                floor = f" — sets the rating to at least *{finding.floor}*" if finding.floor else ""
                lines.append(
                    f"- **{finding.factor}** (risk {finding.risk:.2f}){floor}: {escape(report.finding_text(finding, a.country))}"
                )
                for source in report.finding_sources(finding):
                    date = f", {source['published']}" if source["published"] else ""
                    lines.append(
                        f"  - [{source['publisher']}{date}]({source['url']}) — {source['title']}"
                    )
            if a.missing:
                lines += ["", "Not known:"]
                lines += [f"- {m.factor}: {escape(m.what)}" for m in a.missing]
            lines.append("")
        return "\n".join(lines)


FORMAT = MarkdownFormat()
