"""One self-contained HTML file: a map coloured by rating for this person, the ranked list,
and each country's findings with links to their sources. No scripts, fonts or requests out."""

from __future__ import annotations

from html import escape

from safepassage.report.model import Report
from safepassage.report.world_map import RATING_FILL, map_style, world_svg

PAGE = """<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 70em; color: #222; padding: 0 1em; }}
.map svg {{ width: 100%; height: auto; background: #eef3f7; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; }}
.rating {{ font-weight: bold; padding: .1em .4em; border-radius: .3em; }}
.legend span {{ display: inline-block; margin-right: 1em; }}
.legend i {{ display: inline-block; width: 1em; height: 1em; vertical-align: middle; margin-right: .3em; }}
section.country {{ border-top: 2px solid #444; margin-top: 1.5em; }}
.sources {{ font-size: 90%; color: #444; }}
{ratings_css}
{map_css}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{as_of}. {no_safe}</p>
<div class="map" id="map">{svg}</div>
<p class="legend">{legend}</p>
<h2>{ranking}</h2>
<table id="ranking"><thead><tr>{heads}</tr></thead>
<tbody>{rows}</tbody></table>
<h2>{findings}</h2>
{sections}
</body>
</html>
"""


class HtmlFormat:
    name = "html"
    suffix = ".html"

    def render(self, report: Report) -> str:
        w = report.wording
        ratings = {a.country: a.rating for a in report.assessments}
        ratings_css = "\n".join(
            f".r-{rating} {{ background: {colour}; color: {'#fff' if rating == 'unsafe' else '#000'}; }}"
            for rating, colour in RATING_FILL.items()
        )
        legend = "".join(
            f'<span><i style="background:{colour}"></i>{escape(w.rating(rating))}</span>'
            for rating, colour in RATING_FILL.items()
        )
        rows = []
        sections = []
        for rank, a in enumerate(report.said(), 1):
            name = escape(f"{a.name} ({a.country})")
            reason = escape(a.headline or w.text("report-too-little"))
            score = "—" if a.score is None else f"{a.score:.0f}"
            rating = f'<span class="rating r-{a.rating}">{escape(a.rating_word)}</span>'
            rows.append(
                f'<tr><td>{rank}</td><td><a href="#c-{a.country}">{name}</a></td>'
                f"<td>{rating}</td><td>{score}</td>"
                f"<td>{escape(a.confidence_word)}</td><td>{reason}</td></tr>"
            )
            if not a.findings and not a.missing:
                continue
            items = []
            for finding in a.findings:
                # a source's publisher and title are its own words: marked so a page checker
                # (or a translating browser) leaves them alone
                links = "; ".join(
                    f'<a href="{escape(s["url"])}" rel="noreferrer">{escape(s["publisher"])}'
                    f"{', ' + escape(s['published']) if s['published'] else ''}</a>"
                    f" — <cite>{escape(s['title'])}</cite>"
                    + "".join(f" (row: {escape(row)})" for row in s.get("rows", ()))
                    for s in finding.sources
                )
                floor = (
                    f" <strong>{escape(w.text('finding-floor', rating=finding.floor))}</strong>"
                    if finding.floor
                    else ""
                )
                items.append(
                    f'<li class="finding"><strong>{escape(finding.label)}</strong> '
                    f"({escape(w.text('report-risk'))} {finding.risk:.2f}): "
                    f'<span lang="{finding.language}">{escape(finding.text)}</span>{floor}'
                    f'<div class="sources" translate="no">{links or escape(w.text("report-base-data"))}</div></li>'
                )
            missing = "".join(
                f'<li>{escape(m.label)}: <span lang="{m.language}">{escape(m.text)}</span></li>'
                for m in a.missing
            )
            coverage = w.text(
                "report-coverage", confidence=a.confidence_word, coverage=f"{a.coverage:.0%}"
            )
            sections.append(
                f'<section class="country" id="c-{a.country}"><h3>{name}: {rating}</h3>'
                f"<p>{escape(coverage)}</p>"
                + "".join(f'<p class="caveat">{escape(c)}</p>' for c in a.caveats)
                + f"<ul>{''.join(items)}</ul>"
                + (f"<p>{escape(w.text('report-not-known'))}:</p><ul>{missing}</ul>" if missing else "")
                + "</section>"
            )
        heads = ("rank", "country", "rating", "score", "confidence", "main-reason")
        return PAGE.format(
            language=report.language,
            title=escape(w.text("report-title", profile=report.profile.id)),
            as_of=escape(w.text("report-as-of", date=w.date(report.as_of), version=report.kb.version)),
            no_safe=escape(w.text("report-no-safe")),
            ranking=escape(w.text("report-ranking")),
            findings=escape(w.text("report-findings")),
            heads="".join(f"<th>{escape(w.text(f'report-{h}'))}</th>" for h in heads),
            svg=world_svg(),
            legend=legend,
            ratings_css=ratings_css,
            map_css=map_style(ratings),
            rows="".join(rows),
            sections="".join(sections),
        )


FORMAT = HtmlFormat()
