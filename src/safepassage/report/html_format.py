"""One self-contained HTML file: a map coloured by rating for this person, the ranked list,
and each country's findings with links to their sources. No scripts, fonts or requests out."""

from __future__ import annotations

from html import escape

from safepassage.report.model import Report
from safepassage.report.world_map import MAP_STYLE, RATING_FILL, legend_swatch, world_svg

PAGE = """<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>Safety assessment — {profile_id}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 1em auto; max-width: 70em; color: #222; padding: 0 .75em; overflow-wrap: break-word; -webkit-text-size-adjust: 100%; }}
.map svg {{ width: 100%; height: auto; background: #eef3f7; display: block; }}
.table-wrap {{ overflow-x: auto; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; }}
a {{ color: #1a5580; }}
@media (max-width: 700px) {{
  #ranking th:nth-child(1), #ranking td:nth-child(1), #ranking th:nth-child(4), #ranking td:nth-child(4), #ranking th:nth-child(5), #ranking td:nth-child(5) {{ display: none; }}
  #ranking td:nth-child(2) {{ min-width: 6.5em; }}
  h1 {{ font-size: 1.35em; }}
  li.finding {{ margin: .6em 0; }}
}}
.rating {{ font-weight: bold; padding: .1em .4em; border-radius: .3em; white-space: nowrap; }}
.legend span {{ display: inline-flex; align-items: center; gap: .3em; margin-right: 1em; }}
section.country {{ border-top: 2px solid #444; margin-top: 1.5em; }}
.sources {{ font-size: 90%; color: #444; }}
{ratings_css}
{map_css}
</style>
</head>
<body>
<h1>Safety assessment for profile <code>{profile_id}</code></h1>
<p>As known on {as_of} · knowledge base {kb_version}. No country is safe: ratings compare risk.</p>
<div class="map" id="map">{svg}</div>
<p class="legend">{legend}</p>
<h2>Ranking</h2>
<div class="table-wrap"><table id="ranking"><thead><tr><th>#</th><th>country</th><th>rating</th><th>score</th><th>confidence</th><th>main reason</th></tr></thead>
<tbody>{rows}</tbody></table></div>
<h2>Findings</h2>
{sections}
</body>
</html>
"""


class HtmlFormat:
    name = "html"
    suffix = ".html"

    def render(self, report: Report) -> str:
        ratings = {a.country: a.rating for a in report.assessments}
        ratings_css = "\n".join(
            f".r-{rating} {{ background: {colour}; color: {'#fff' if rating == 'unsafe' else '#000'}; }}"
            for rating, colour in RATING_FILL.items()
        )
        legend = "".join(f"<span>{legend_swatch(rating)}{rating}</span>" for rating in RATING_FILL) + (
            f"<span>{legend_swatch(None)}not assessed</span>"
            if len(ratings) < len(report.kb.base.countries)
            else ""
        )
        rows = []
        sections = []
        for rank, a in enumerate(report.assessments, 1):
            name = escape(f"{report.name(a.country)} ({a.country})")
            reason = escape(
                report.finding_text(a.headline, a.country) if a.headline else "too little is known"
            )
            score = "—" if a.score is None else f"{a.score:.0f}"
            rows.append(
                f'<tr><td>{rank}</td><td><a href="#c-{a.country}">{name}</a></td>'
                f'<td><span class="rating r-{a.rating}">{a.rating}</span></td><td>{score}</td>'
                f"<td>{a.confidence}</td><td>{reason}</td></tr>"
            )
            if not a.findings and not a.missing:
                continue
            items = []
            for finding in a.findings:
                links = "; ".join(
                    f'<a href="{escape(s["url"])}" rel="noreferrer">{escape(s["publisher"])}'
                    f"{', ' + escape(s['published']) if s['published'] else ''}</a>"
                    f" — {escape(s['title'])}"
                    for s in report.finding_sources(finding)
                )
                floor = (
                    f" <strong>Sets the rating to at least {finding.floor}.</strong>"
                    if finding.floor
                    else ""
                )
                items.append(
                    f'<li class="finding"><strong>{escape(finding.factor)}</strong> '
                    f"(risk {finding.risk:.2f}): {escape(report.finding_text(finding, a.country))}{floor}"
                    f'<div class="sources">{links or "base data"}</div></li>'
                )
            missing = "".join(f"<li>{escape(m.factor)}: {escape(m.what)}</li>" for m in a.missing)
            sections.append(
                f'<section class="country" id="c-{a.country}"><h3>{name}: '
                f'<span class="rating r-{a.rating}">{a.rating}</span></h3>'
                f"<p>Confidence {a.confidence}; facts cover {a.coverage:.0%} of what matters.</p>"
                + "".join(f'<p class="caveat">{escape(c)}</p>' for c in report.caveats(a))
                + f"<ul>{''.join(items)}</ul>"
                + (f"<p>Not known:</p><ul>{missing}</ul>" if missing else "")
                + "</section>"
            )
        return PAGE.format(
            language=report.language,
            profile_id=escape(report.profile.id),
            as_of=report.as_of.isoformat(),
            kb_version=escape(report.kb.version),
            svg=world_svg(
                ratings,
                {code: report.name(code) for code in report.kb.base.countries},
                {rating: rating for rating in RATING_FILL},
            ),
            legend=legend,
            ratings_css=ratings_css,
            map_css=MAP_STYLE,
            rows="".join(rows),
            sections="".join(sections),
        )


FORMAT = HtmlFormat()
