"""The case list's filters and the dashboard: status, team, rating and due check-ins may be in a
URL; a name or a location is only ever read from a POST body."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from safepassage.casework.assessments.service import run_assessment
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.records import SafetyPlanRecord
from safepassage.casework.cases.service import check_in, open_case, save_safety_plan

from .conftest import World, new_case, verified_client


def ids(response: object) -> set[str]:
    return {str(c.pk) for c in response.context["cases"]}  # type: ignore[attr-defined]


def test_filters_by_status_team_and_rating_from_the_url(world: World) -> None:
    client = verified_client(world.coordinator)
    Case.objects.filter(pk=world.other_case.pk).update(status="closed")
    assert ids(client.get("/cases/", {"status": "open"})) == {str(world.case.pk)}
    assert ids(client.get("/cases/", {"team": str(world.other_team.pk)})) == {str(world.other_case.pk)}
    run_assessment(world.caseworker, open_case(world.caseworker, world.case.pk), ["KZ"], dt.date(2025, 2, 7))
    rating = Case.objects.get(pk=world.case.pk).location_rating
    assert rating in ("unsafe", "elevated")  # the person is in Kazakhstan (the fixture's profile)
    assert ids(client.get("/cases/", {"rating": rating})) == {str(world.case.pk)}
    assert ids(client.get("/cases/", {"rating": "none"})) == {str(world.other_case.pk)}


def test_location_and_name_filter_only_by_post(world: World) -> None:
    client = verified_client(world.coordinator)
    assert ids(client.post("/cases/", {"location": "Kazakhstan"})) == {str(world.case.pk), str(world.other_case.pk)}
    assert ids(client.post("/cases/", {"location": "Германия"})) == set()
    assert ids(client.post("/cases/", {"q": "zarema", "location": "KZ"})) == {str(world.case.pk)}
    ignored = client.get("/cases/", {"location": "DE", "q": "nobody"})
    assert ids(ignored) == {str(world.case.pk), str(world.other_case.pk)}


def test_a_moved_person_loses_the_old_places_rating(world: World) -> None:
    opened = open_case(world.caseworker, world.case.pk)
    run_assessment(world.caseworker, opened, ["KZ"], dt.date(2025, 2, 7))
    from safepassage.casework.cases.service import update_case

    moved = opened.record.model_copy(update={"profile": {**opened.record.profile, "location": {"country": "DE"}}})
    update_case(world.caseworker, open_case(world.caseworker, world.case.pk), moved)
    assert Case.objects.get(pk=world.case.pk).location_rating == ""
    assert ids(verified_client(world.coordinator).post("/cases/", {"location": "Germany"})) == {str(world.case.pk)}


def test_dashboard_counts_open_cases_and_check_ins(world: World) -> None:
    now = timezone.now()
    opened = open_case(world.caseworker, world.case.pk)
    save_safety_plan(world.caseworker, opened, SafetyPlanRecord(check_in_every_hours=12), now - dt.timedelta(hours=1))
    later = new_case(world.caseworker, world.team, name="Third Person")
    save_safety_plan(world.caseworker, open_case(world.caseworker, later.pk), SafetyPlanRecord(), now + dt.timedelta(hours=3))
    page = verified_client(world.caseworker).get("/cases/")
    board = page.context["dashboard"]
    assert (board.open_cases, board.overdue, [c.pk for c in board.upcoming]) == (2, 1, [later.pk])
    assert ids(verified_client(world.caseworker).get("/cases/", {"due": "overdue"})) == {str(world.case.pk)}
    following = check_in(world.caseworker, open_case(world.caseworker, world.case.pk))
    assert following is not None and following > now + dt.timedelta(hours=11)
    assert verified_client(world.caseworker).get("/cases/").context["dashboard"].overdue == 0


def test_the_list_never_shows_names_or_places(world: World) -> None:
    page = verified_client(world.coordinator).post("/cases/", {"location": "Kazakhstan"}).content.decode()
    assert "Zarema" not in page and "Quietstreet" not in page


def test_new_case_needs_a_team_of_ones_own(world: World) -> None:
    assert verified_client(world.administrator).get("/cases/new/").status_code == 404
    assert verified_client(world.caseworker).get("/cases/new/").status_code == 200
    assert Client().get("/cases/new/").status_code == 302
