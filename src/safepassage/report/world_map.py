"""The world map of a report, from the SVG that the pygal_maps_world package ships.

The shipped file is 780 KB of curves with two decimals; a report needs country outlines at
screen size. So the outlines are simplified once per process: curves become lines through their
end points, points closer than a unit (a third of a pixel on a wide screen) are merged with the
Ramer-Douglas-Peucker method, coordinates are whole numbers, and specks smaller than two units
are dropped (never a country's last outline). The map of every country weighs about a fifth of
the original.

Each country is a group classed with its lowercase ISO code and its rating ("kz country
map-element r-unsafe"), with a <title> naming it and its rating (shown on hover, read by screen
readers). Countries the report did not assess are left neutral and titled "not assessed", so a
one-country assessment does not paint the world "unknown". Ratings are told apart by pattern as
well as colour (`MAP_STYLE`, patterns in the SVG's <defs>), and the legend names each one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache
from html import escape
from importlib.resources import files

RATING_FILL = {
    "unsafe": "#b2182b",
    "elevated": "#ef8a62",
    "moderate": "#fddbc7",
    "lower": "#67a9cf",
    "unknown": "#bdbdbd",
}
NOT_ASSESSED_FILL = "#f4f4f1"
TOLERANCE = 1.0  # map units (the map is 2475 units wide)
SPECK = 2.0  # outlines smaller than this, in both directions, are dropped

_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">(.*?)</g>', re.S)
_PATH = re.compile(r'<path d="([^"]+)"')
_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")
_ARGS = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "z": 0}

Point = tuple[float, float]

# One pattern per rating, so print-outs in black and white and colour-blind readers tell them
# apart; "lower" is plain, "unknown" (assessed, too little known) is cross-hatched.
_DEFS = (
    "<defs>"
    f'<pattern id="map-unsafe" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    f'<rect width="8" height="8" fill="{RATING_FILL["unsafe"]}"/><rect width="3" height="8" fill="#fff" opacity=".45"/></pattern>'
    f'<pattern id="map-elevated" width="7" height="7" patternUnits="userSpaceOnUse">'
    f'<rect width="7" height="7" fill="{RATING_FILL["elevated"]}"/><rect width="2" height="7" fill="#000" opacity=".2"/></pattern>'
    f'<pattern id="map-moderate" width="6" height="6" patternUnits="userSpaceOnUse">'
    f'<rect width="6" height="6" fill="{RATING_FILL["moderate"]}"/><circle cx="3" cy="3" r="1.2" fill="#000" opacity=".3"/></pattern>'
    f'<pattern id="map-unknown" width="8" height="8" patternUnits="userSpaceOnUse">'
    f'<rect width="8" height="8" fill="{RATING_FILL["unknown"]}"/><path d="M0 0L8 8M8 0L0 8" stroke="#666" stroke-width=".8"/></pattern>'
    "</defs>"
)
_FILLS = {
    "unsafe": "url(#map-unsafe)",
    "elevated": "url(#map-elevated)",
    "moderate": "url(#map-moderate)",
    "lower": RATING_FILL["lower"],
    "unknown": "url(#map-unknown)",
}
MAP_STYLE = "\n".join(
    [
        f".country path {{ fill: {NOT_ASSESSED_FILL}; stroke: #9a9a9a; stroke-width: .5; }}",
        *(f".country.r-{rating} path {{ fill: {fill}; stroke: #fff; }}" for rating, fill in _FILLS.items()),
        ".country:hover path, .country:focus path { stroke: #000; stroke-width: 1.5; }",
    ]
)


def _subpaths(d: str) -> list[list[Point]]:
    """Absolute on-curve points of each subpath (control points are dropped)."""
    tokens = _TOKEN.findall(d)
    shapes: list[list[Point]] = []
    x = y = 0.0
    command = ""
    i = 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command.lower() == "z":
                continue
        size = _ARGS[command.lower()]
        args = [float(t) for t in tokens[i : i + size]]
        i += size
        relative = command.islower()
        kind = command.lower()
        if kind == "h":
            x = x + args[0] if relative else args[0]
        elif kind == "v":
            y = y + args[0] if relative else args[0]
        else:
            dx, dy = args[-2], args[-1]
            x, y = (x + dx, y + dy) if relative else (dx, dy)
        if kind == "m":
            shapes.append([(x, y)])
            command = "l" if relative else "L"  # further pairs after a move are lines
        else:
            shapes[-1].append((x, y))
    return shapes


def _simplify(points: list[Point], tolerance: float) -> list[Point]:
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    length = math.hypot(bx - ax, by - ay)
    far, index = 0.0, 0
    for k, (px, py) in enumerate(points[1:-1], 1):
        if length:
            distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
        else:
            distance = math.hypot(px - ax, py - ay)
        if distance > far:
            far, index = distance, k
    if far <= tolerance:
        return [points[0], points[-1]]
    return _simplify(points[: index + 1], tolerance)[:-1] + _simplify(points[index:], tolerance)


def _extent(points: list[Point]) -> float:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(max(xs) - min(xs), max(ys) - min(ys))


def _path(points: list[Point]) -> str:
    rounded = [(round(px), round(py)) for px, py in points]
    x, y = rounded[0]
    parts = [f"M{x} {y}"]
    for px, py in rounded[1:]:
        if (px, py) != (x, y):
            parts.append(f"l{px - x} {py - y}".replace(" -", "-"))
            x, y = px, py
    return "".join(parts) + "z"


@cache
def country_outlines() -> dict[str, str]:
    """Lowercase ISO code -> one simplified path `d` with all the country's outlines."""
    svg = (files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")
    outlines: dict[str, str] = {}
    for code, body in _GROUP.findall(svg):
        shapes = [s for d in _PATH.findall(body) for s in _subpaths(d)]
        kept = [s for s in shapes if _extent(s) >= SPECK] or [max(shapes, key=_extent)]
        outlines[code] = "".join(_path(_simplify(s, TOLERANCE)) for s in kept)
    return outlines


def world_svg(
    ratings: Mapping[str, str],
    names: Mapping[str, str],
    rating_words: Mapping[str, str],
    not_assessed: str = "not assessed",
    label: str = "World map coloured by rating",
    links: Mapping[str, str] | None = None,
) -> str:
    """The map for one report. `ratings` and `names` are keyed by upper-case ISO code; an
    assessed country links to its section of the report (`links`, by default "#c-CC"), so
    tapping it on a phone shows its name, rating and reasons."""
    groups = []
    for code, d in country_outlines().items():
        upper = code.upper()
        rating = ratings.get(upper)
        name = names.get(upper, upper)
        title = escape(f"{name}: {rating_words.get(rating, rating)}" if rating else f"{name}: {not_assessed}")
        css = f"{code} country map-element" + (f" r-{rating}" if rating else "")
        group = f'<g class="{css}"><title>{title}</title><path d="{d}"/></g>'
        href = (links or {}).get(upper, f"#c-{upper}") if rating else None
        if href:
            group = f'<a href="{escape(href)}" aria-label="{title}">{group}</a>'
        groups.append(group)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2475 1388" role="group" aria-label="{escape(label)}">'
        + _DEFS
        + '<g id="countries">'
        + "".join(groups)
        + "</g></svg>"
    )


def legend_swatch(rating: str | None) -> str:
    """A small SVG square in the rating's fill and pattern, for the legend of a page that holds
    the map (the patterns are the map's own, defined once per page: ids stay unique)."""
    fill = _FILLS[rating] if rating else NOT_ASSESSED_FILL
    return (
        f'<svg class="swatch-box" width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">'
        f'<rect width="22" height="16" fill="{fill}" stroke="#555"/></svg>'
    )
