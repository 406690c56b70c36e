"""The JSON API: bearer tokens only, the same service layer as the pages, and an OpenAPI
document that covers every route."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import get_resolver
from django.utils import timezone

from safepassage.casework.accounts.models import ApiToken
from safepassage.casework.api.openapi import openapi_document

from .conftest import PASSWORD, PROFILE, SECRET_NAME, World, verified_client


def token_client(world: World) -> Client:
    _row, token = ApiToken.issue(world.caseworker)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def test_tokens_are_issued_on_the_account_page_and_stored_hashed(world: World) -> None:
    client = verified_client(world.caseworker)
    assert "api-token" not in client.post("/me/", {"action": "new-token", "password": "wrong"}).content.decode()
    page = client.post("/me/", {"action": "new-token", "password": PASSWORD}).content.decode()
    token = page.split('id="api-token">')[1].split("<")[0]
    assert token.startswith("sp_")
    assert not ApiToken.objects.filter(digest=token).exists()
    assert ApiToken.objects.filter(digest=ApiToken.digest_of(token)).exists()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/cases").status_code == 200


def test_expired_tokens_and_session_cookies_are_refused(world: World) -> None:
    row, token = ApiToken.issue(world.caseworker)
    row.expires = timezone.now() - dt.timedelta(seconds=1)
    row.save()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/cases").status_code == 401
    # a logged-in browser session is not enough: no cookie-driven API calls, so no CSRF surface
    assert verified_client(world.caseworker).get("/api/v1/cases").status_code == 401


def test_create_read_and_assess_a_case(world: World) -> None:
    api = token_client(world)
    created = api.post(
        "/api/v1/cases",
        {"team": str(world.team.pk), "record": {"name": "API Person", "profile": PROFILE}},
        content_type="application/json",
    )
    assert created.status_code == 201
    case_id = created.json()["id"]
    api.post(f"/api/v1/cases/{case_id}/events", {"kind": "moved", "date": "2025-02-06"}, content_type="application/json")
    case = api.get(f"/api/v1/cases/{case_id}").json()
    assert case["name"] == "API Person" and case["events"][0]["event"]["kind"] == "moved"
    snapshot = api.post(f"/api/v1/cases/{case_id}/assessments", {"country": "KZ", "as_of": "2025-02-07"}, content_type="application/json").json()
    assert snapshot["report"]["assessments"][0]["country"] == "KZ"
    assert api.get(f"/api/v1/cases/{case_id}/assessments/{snapshot['id']}").status_code == 200


def test_search_through_the_api(world: World) -> None:
    api = token_client(world)
    found = api.post("/api/v1/cases/search", {"q": "zarema"}, content_type="application/json").json()
    assert [c["id"] for c in found["cases"]] == [str(world.case.pk)]
    assert SECRET_NAME not in str(found)  # names come only with an audited read of the case
    assert api.get(f"/api/v1/cases/{found['cases'][0]['id']}").json()["name"] == SECRET_NAME


def test_bad_input_gets_one_line_naming_the_field(world: World) -> None:
    api = token_client(world)
    bad = api.post(f"/api/v1/cases/{world.case.pk}/events", {"kind": "moved", "date": "yesterday"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["error"].startswith("date:")
    assert "\n" not in bad.json()["error"]
    broken = api.post(f"/api/v1/cases/{world.case.pk}/events", "{not json", content_type="application/json")
    assert broken.status_code == 400 and "JSON" in broken.json()["error"]
    profile = api.post("/api/v1/cases", {"team": str(world.team.pk), "record": {"name": "x", "profile": {**PROFILE, "citizenship": ["XX"]}}}, content_type="application/json")
    assert profile.status_code == 400 and "citizenship" in profile.json()["error"]


def test_openapi_documents_every_api_route() -> None:
    document = openapi_document()
    routes = {
        "/api/v1/" + str(p.pattern).replace("<uuid:", "{").replace(">", "}")
        for p in get_resolver().url_patterns
        if str(p.pattern) == "api/v1/"
        for p in p.url_patterns  # type: ignore[attr-defined]
        if str(p.pattern) != "openapi.json"
    }
    assert routes == set(document["paths"])
    for schema in ("CaseIn", "EventRecord", "SnapshotOut", "Error"):
        assert schema in document["components"]["schemas"]
    assert Client().get("/api/v1/openapi.json").json()["openapi"].startswith("3.1")


def test_tokens_can_be_revoked(world: World) -> None:
    row, token = ApiToken.issue(world.caseworker)
    verified_client(world.caseworker).post("/me/", {"action": "revoke", "token": str(row.pk)})
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/cases").status_code == 401
