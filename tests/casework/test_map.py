"""The map of an assessment: only assessed countries coloured, the rest neutral and titled "not
assessed", every country named, ratings told by pattern as well as colour, and the page of
every country well under 500 KB."""

from __future__ import annotations

import re

from safepassage.report.world_map import MAP_STYLE, country_outlines, world_svg

from .conftest import World, verified_client


def test_a_one_country_assessment_leaves_the_world_neutral(world: World) -> None:
    client = verified_client(world.caseworker)
    page = client.post(f"/cases/{world.case.pk}/assess/", {"country": "KZ", "as_of": "2025-02-07"}, follow=True).content.decode()
    rated = re.findall(r'class="([a-z]{2}) country map-element r-([a-z]+)"', page)
    assert [code for code, _ in rated] == ["kz"]
    assert "<title>Germany: not assessed</title>" in page
    assert re.search(r"<title>Kazakhstan: (unsafe|elevated risk)</title>", page)
    assert 'href="#rank-1"' in page and "#c-KZ" not in page  # tapping leads to its reasons; no code in a URL
    assert "not assessed" in page.split('id="world-map"')[1].split("</figure>")[0]  # in the legend


def test_every_country_on_the_map_has_a_name_in_russian_too(world: World) -> None:
    world.caseworker.language = "ru"
    world.caseworker.save()
    page = verified_client(world.caseworker).post(f"/cases/{world.case.pk}/assess/", {"country": "KZ", "as_of": "2025-02-07"}, follow=True).content.decode()
    titles = re.findall(r"<title>([^<]+)</title>", page)
    assert len(titles) == len(country_outlines()) + 1  # one per country, and the page's own
    assert "Германия: не оценено" in titles


def test_ratings_differ_by_pattern_not_only_colour() -> None:
    fills = dict(re.findall(r"\.country\.r-([a-z]+) path \{ fill: ([^;]+);", MAP_STYLE))
    assert set(fills) == {"unsafe", "elevated", "moderate", "lower", "unknown"}
    patterns = [f for f in fills.values() if f.startswith("url(#")]
    assert len(set(patterns)) == 4  # every rating but "lower" (plain) has its own pattern
    svg = world_svg({"KZ": "unsafe"}, {}, {"unsafe": "unsafe"})
    assert all(f'id="{p[5:-1]}"' in svg for p in patterns)


def test_the_all_countries_page_weighs_well_under_500_kb(world: World) -> None:
    page = verified_client(world.caseworker).post(f"/cases/{world.case.pk}/assess/", {"as_of": "2025-02-07"}, follow=True).content
    assert page.count(b'class="ranked rating-') >= 240
    assert len(page) < 400_000, f"{len(page)} bytes"
    assert re.search(rb'<a href="#rank-\d+"', page) is None  # every country has its own page of reasons
    assert re.search(rb'href="/cases/[^"]+/assessments/[^"]+/1/"', page)
