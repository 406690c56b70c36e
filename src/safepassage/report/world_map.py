"""The world map for the HTML report, from the SVG that the pygal_maps_world package ships.

Country shapes are groups classed with the lowercase ISO code ("kz country map-element"), so a
report colours them with CSS alone: no script, no network, one self-contained file.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

RATING_FILL = {
    "unsafe": "#b2182b",
    "elevated": "#ef8a62",
    "moderate": "#fddbc7",
    "lower": "#67a9cf",
    "unknown": "#bdbdbd",
}


@cache
def world_svg() -> str:
    svg = (files("pygal_maps_world") / "worldmap.svg").read_text(encoding="utf-8")
    svg = re.sub(r"<\?xml[^>]*\?>", "", svg)
    return svg.replace("<svg ", '<svg role="img" aria-label="World map coloured by rating" ', 1)


def map_style(ratings: dict[str, str]) -> str:
    rules = [f".country path {{ fill: {RATING_FILL['unknown']}; stroke: #fff; stroke-width: .4; }}"]
    by_rating: dict[str, list[str]] = {}
    for code, rating in ratings.items():
        by_rating.setdefault(rating, []).append(code.lower())
    for rating, codes in sorted(by_rating.items()):
        selector = ", ".join(f".country.{c} path" for c in sorted(codes))
        rules.append(f"{selector} {{ fill: {RATING_FILL[rating]}; }}")
    return "\n".join(rules)
