"""Every case URL × every role: who may read or change a case, and that everyone else gets the
same 404 as for a case that does not exist (guessing ids reveals nothing)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

import pytest
from django.test import Client

from safepassage.casework.accounts.models import ApiToken, User
from safepassage.casework.assessments.service import run_assessment
from safepassage.casework.cases.records import ReferralRecord
from safepassage.casework.cases.service import add_attachment, add_record, open_case

from .conftest import World, verified_client
from .monitoring_helpers import add_alert

ALLOWED = "allowed"
HIDDEN = "hidden"  # 404, as for a case that does not exist
LOGIN = "login"  # sent to the login page


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    data: dict[str, str]


def case_calls(world: World) -> list[Call]:
    user = world.caseworker
    opened = open_case(user, world.case.pk)
    attachment = add_attachment(user, opened, "a.txt", "text/plain", b"hello")
    referral = add_record(user, opened, ReferralRecord(kind="lawyer", to="A lawyer", date=dt.date(2025, 2, 6)))
    snapshot = run_assessment(user, opened, ["KZ"], dt.date(2025, 2, 7))
    alert = add_alert(world.case)
    c = f"/cases/{world.case.pk}"
    return [
        Call("get", f"{c}/", {}),
        Call("get", f"{c}/edit/", {}),
        Call("post", f"{c}/events/", {"kind": "moved", "date": "2025-02-06", "place": "x"}),
        Call("post", f"{c}/notes/", {"text": "a note"}),
        Call("get", f"{c}/attachments/{attachment.pk}/", {}),
        Call("post", f"{c}/consent/", {"may_store": "on", "given_on": "2025-02-06"}),
        Call("post", f"{c}/safety-plan/", {"check_in": "daily 20:00", "next_check_in": "2025-02-07T20:00", "check_in_every_hours": "24"}),
        Call("post", f"{c}/check-in/", {}),
        Call("get", f"{c}/summary/", {}),
        Call("post", f"{c}/referrals/", {"kind": "shelter", "to": "x", "status": "made", "date": "2025-02-06"}),
        Call("post", f"{c}/referrals/{referral.pk}/", {"status": "accepted"}),
        Call("post", f"{c}/assess/", {"country": "KZ", "as_of": "2025-02-07"}),
        Call("get", f"{c}/assessments/{snapshot.pk}/", {}),
        Call("get", f"{c}/assessments/{snapshot.pk}/1/", {}),
        Call("post", f"{c}/watch/", {"names": "A Name\nА Имя", "enabled": "on", "min_score": "0.6"}),
        Call("post", f"{c}/alerts/{alert.pk}/", {}),
        Call("post", f"{c}/dossier/", {"kind": "lawyer", "language": "en", "as_of": "2025-02-07"}),
    ]


ROLES = ["coordinator", "caseworker", "outsider", "administrator", "foreign_coordinator", "anonymous"]
EXPECTED = {
    "coordinator": ALLOWED,
    "caseworker": ALLOWED,
    "outsider": HIDDEN,
    "administrator": HIDDEN,
    "foreign_coordinator": HIDDEN,
    "anonymous": LOGIN,
}


def client_for(world: World, role: str) -> Client:
    if role == "anonymous":
        return Client()
    user: User = getattr(world, role)
    return verified_client(user)


def outcome(status: int, location: str) -> str:
    if status in (200, 302) and location != "/":
        return ALLOWED
    if status == 302 and location == "/":
        return LOGIN
    if status == 404:
        return HIDDEN
    return f"status {status}"


@pytest.mark.parametrize("role", ROLES)
def test_case_urls_by_role(world: World, role: str) -> None:
    calls = case_calls(world)
    client = client_for(world, role)
    results = {}
    for call in calls:
        response = getattr(client, call.method)(call.path, call.data)
        results[f"{call.method.upper()} {call.path}"] = outcome(response.status_code, response.get("Location", ""))
    assert results == {key: EXPECTED[role] for key in results}


@pytest.mark.parametrize("role", ROLES)
def test_erase_is_for_coordinators_only(world: World, role: str) -> None:
    client = client_for(world, role)
    response = client.post(f"/cases/{world.case.pk}/erase/", {"confirm": "erase"})
    expected = {"coordinator": ALLOWED, "anonymous": LOGIN}.get(role, HIDDEN)
    assert outcome(response.status_code, response.get("Location", "")) == expected


def test_guessed_ids_look_like_missing_cases(world: World) -> None:
    client = verified_client(world.outsider)
    not_theirs = client.get(f"/cases/{world.case.pk}/")
    does_not_exist = client.get(f"/cases/{uuid.uuid4()}/")
    assert not_theirs.status_code == does_not_exist.status_code == 404
    # the pages differ only in the per-response CSRF mask and the requested path itself
    strip = re.compile(rb'name="(?:csrfmiddlewaretoken|back)" value="[^"]+"')
    assert strip.sub(b"", not_theirs.content) == strip.sub(b"", does_not_exist.content)


def test_case_list_shows_only_visible_cases(world: World) -> None:
    ids = {
        role: {str(c.pk) for c in client_for(world, role).get("/cases/").context["cases"]}
        for role in ("coordinator", "caseworker", "outsider", "administrator", "foreign_coordinator")
    }
    assert ids["coordinator"] == {str(world.case.pk), str(world.other_case.pk)}
    assert ids["caseworker"] == {str(world.case.pk)}
    assert ids["outsider"] == {str(world.other_case.pk)}
    assert ids["administrator"] == set()
    assert ids["foreign_coordinator"] == set()


def test_search_finds_only_visible_cases(world: World) -> None:
    found = verified_client(world.outsider).post("/cases/", {"q": "Zarema"}).context["cases"]
    assert found == []
    found = verified_client(world.caseworker).post("/cases/", {"q": "zarema"}).context["cases"]
    assert [c.pk for c in found] == [world.case.pk]


def test_account_pages_are_for_administrators_and_coordinators(world: World) -> None:
    for role in ("caseworker", "outsider"):
        assert client_for(world, role).get("/accounts/").status_code == 404
    for role in ("administrator", "coordinator", "foreign_coordinator"):
        page = client_for(world, role).get("/accounts/")
        assert page.status_code == 200
        names = {row[0].username for row in page.context["rows"]}
        assert ("foreign" in names) == (role == "foreign_coordinator")  # own organisation only
    assert Client().get("/accounts/").status_code == 302
    # another organisation's coordinator cannot reset or re-team our people
    foreign = client_for(world, "foreign_coordinator")
    assert foreign.post(f"/accounts/{world.caseworker.pk}/reset/").status_code == 404
    assert foreign.post(f"/accounts/{world.caseworker.pk}/access/", {"role": "coordinator"}).status_code == 404


def test_password_alone_without_second_factor_opens_nothing(world: World) -> None:
    client = Client()
    client.force_login(world.caseworker, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"/cases/{world.case.pk}/")["Location"] == "/"
    assert client.get("/cases/")["Location"] == "/"


def api(world: World, role: str) -> Client:
    if role == "anonymous":
        return Client()
    _row, token = ApiToken.issue(getattr(world, role))
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


API_EXPECTED = {"coordinator": 200, "caseworker": 200, "outsider": 404, "administrator": 404, "foreign_coordinator": 404, "anonymous": 401}


@pytest.mark.parametrize("role", ROLES)
def test_api_by_role(world: World, role: str) -> None:
    client = api(world, role)
    base = f"/api/v1/cases/{world.case.pk}"
    expected = API_EXPECTED[role]
    assert client.get(base).status_code == expected
    created = 201 if expected == 200 else expected
    event = client.post(f"{base}/events", {"kind": "moved", "date": "2025-02-06"}, content_type="application/json")
    assert event.status_code == created
    assess = client.post(f"{base}/assessments", {"country": "KZ", "as_of": "2025-02-07"}, content_type="application/json")
    assert assess.status_code == created
    erase = client.delete(base)
    assert erase.status_code == {"coordinator": 204, "anonymous": 401}.get(role, 404)


def test_rows_of_another_case_are_not_found(world: World) -> None:
    """An attachment or referral id from a case one can see, used under another case's URL."""
    theirs = open_case(world.outsider, world.other_case.pk)
    attachment = add_attachment(world.outsider, theirs, "b.txt", "text/plain", b"theirs")
    referral = add_record(world.outsider, theirs, ReferralRecord(kind="lawyer", to="x", date=dt.date(2025, 2, 6)))
    client = verified_client(world.coordinator)  # may see both cases
    mine = f"/cases/{world.case.pk}"
    assert client.get(f"{mine}/attachments/{attachment.pk}/").status_code == 404
    assert client.post(f"{mine}/referrals/{referral.pk}/", {"status": "accepted"}).status_code == 404
    assert client.get(f"{mine}/attachments/{uuid.uuid4()}/").status_code == 404
    their_alert = add_alert(world.other_case)
    assert client.post(f"{mine}/alerts/{their_alert.pk}/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_incident_review_is_for_case_roles_and_never_for_administrators(world: World, role: str) -> None:
    from safepassage.casework.monitoring.models import Article, IncidentCandidate

    article = Article.objects.create(url="https://news.example/a", url_hash="h" * 64, content_hash="c" * 64, source_id="s")
    candidate = IncidentCandidate.objects.create(article=article, kinds="detention", origins="chechen")
    client = client_for(world, role)
    listing = client.get("/monitor/incidents/")
    review = client.post(f"/monitor/incidents/{candidate.pk}/", {"status": "dismissed"})
    expected = {"administrator": HIDDEN, "anonymous": LOGIN}.get(role, ALLOWED)
    assert outcome(listing.status_code, listing.get("Location", "")) == expected
    assert outcome(review.status_code, review.get("Location", "")) == expected
    candidate.refresh_from_db()
    assert (candidate.status == "dismissed") == (expected == ALLOWED)
