"""Security headers, quick exit, and the case and assessment pages."""

from __future__ import annotations

import re

from django.test import Client

from safepassage.casework.assessments.models import SnapshotSummary
from safepassage.casework.assessments.service import Change, compare

from .conftest import SECRET_NAME, World, verified_client


def test_every_page_sends_strict_headers(world: World) -> None:
    client = verified_client(world.caseworker)
    for path in ("/", "/cases/", f"/cases/{world.case.pk}/", "/no-such-page/"):
        response = client.get(path)
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response["Cache-Control"] == "no-store"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_make_no_third_party_requests(world: World) -> None:
    client = verified_client(world.caseworker)
    page = client.get(f"/cases/{world.case.pk}/").content.decode()
    # every src/href that loads something is local (links to sources are navigation, not loads)
    loads = re.findall(r'<(?:script|img|link|iframe)[^>]+(?:src|href)="([^"]+)"', page)
    assert loads and all(url.startswith("/") for url in loads)


def test_quick_exit_is_on_every_page_and_ends_the_session(world: World) -> None:
    client = verified_client(world.caseworker)
    for path in ("/", "/cases/", f"/cases/{world.case.pk}/"):
        assert b'id="quick-exit"' in client.get(path, follow=True).content
    response = client.post("/exit/")
    assert response.status_code == 200
    assert "cookies" in response["Clear-Site-Data"]
    assert b"http-equiv=\"refresh\"" in response.content
    assert client.get("/cases/").status_code == 302  # logged out


def test_case_page_shows_the_file(world: World) -> None:
    page = verified_client(world.caseworker).get(f"/cases/{world.case.pk}/").content.decode()
    assert SECRET_NAME in page and "Dossor" in page and 'id="assess"' in page


def test_case_list_does_not_show_names(world: World) -> None:
    page = verified_client(world.caseworker).get("/cases/").content.decode()
    assert SECRET_NAME not in page


def test_assess_now_shows_map_reasons_and_sources(world: World) -> None:
    client = verified_client(world.caseworker)
    response = client.post(f"/cases/{world.case.pk}/assess/", {"country": "KZ", "as_of": "2025-02-07"}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and re.search(r'class="kz country map-element r-(unsafe|elevated)"', page)  # coloured for Kazakhstan
    assert "Land border" in page and "7,644" in page  # a reason with its figure
    assert "https://" in page  # and its source


def test_second_assessment_shows_what_changed(world: World) -> None:
    client = verified_client(world.caseworker)
    client.post(f"/cases/{world.case.pk}/assess/", {"country": "KZ", "as_of": "2010-01-01"})
    page = client.post(f"/cases/{world.case.pk}/assess/", {"country": "KZ", "as_of": "2025-02-07"}, follow=True).content.decode()
    assert 'id="changes"' in page


def test_compare_lists_changed_ratings_only() -> None:
    before = SnapshotSummary(as_of="2015-01-01", kb_version="a", scope=None, ratings={"KZ": "elevated", "GE": "moderate", "FR": "lower"})
    after = SnapshotSummary(as_of="2025-02-07", kb_version="b", scope=None, ratings={"KZ": "unsafe", "GE": "moderate", "FR": "lower"})
    assert compare(before, after) == [Change("KZ", "elevated", "unsafe")]
    assert compare(None, after) == []


def test_world_assessment_ranks_every_country(world: World) -> None:
    client = verified_client(world.caseworker)
    page = client.post(f"/cases/{world.case.pk}/assess/", {"as_of": "2025-02-07"}, follow=True).content.decode()
    assert page.count('class="ranked rating-') >= 240


def test_russian_interface(world: World) -> None:
    client = verified_client(world.caseworker)
    client.post("/language/", {"language": "ru", "back": "/cases/"})
    page = client.get("/cases/").content.decode()
    assert "Дела" in page and "Быстрый выход" in page
    world.caseworker.refresh_from_db()
    assert world.caseworker.language == "ru"


def test_language_switch_does_not_redirect_off_site(world: World) -> None:
    client = verified_client(world.caseworker)
    response = client.post("/language/", {"language": "en", "back": "//evil.example/"})
    assert response["Location"] == "/cases/"


def test_anonymous_login_page(world: World) -> None:
    page = Client().get("/").content.decode()
    assert 'name="code"' in page and 'name="password"' in page


def test_static_files_are_served_with_their_types(world: World) -> None:
    from django.test import Client as PlainClient

    client = PlainClient()
    css = client.get("/static/safepassage/site.css")
    js = client.get("/static/safepassage/quick-exit.js")
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")
    assert js.status_code == 200 and "javascript" in js["Content-Type"]


def test_a_long_timeline_shows_the_latest_events_first(world: World) -> None:
    import datetime as dt

    from safepassage.casework.cases.records import EventRecord
    from safepassage.casework.cases.service import add_record, open_case

    opened = open_case(world.caseworker, world.case.pk)
    for day in range(1, 36):
        add_record(world.caseworker, opened, EventRecord(kind="moved", date=dt.date(2024, 1, 1) + dt.timedelta(days=day), place=f"place-{day}"))
    client = verified_client(world.caseworker)
    page = client.get(f"/cases/{world.case.pk}/").content.decode()
    # the latest 30 by date: the fixture's detention in 2025, then place-35 down to place-7
    assert "Dossor <small>" in page and "place-35 <small>" in page and "place-7 <small>" in page
    assert "place-6 <small>" not in page and "Show 6 earlier events" in page
    every = client.get(f"/cases/{world.case.pk}/", {"events": "all"}).content.decode()
    assert "place-1 <small>" in every and "earlier event" not in every
