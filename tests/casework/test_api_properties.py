"""Property-based tests (hypothesis) of the JSON API's inputs: whatever body a script or an
attacker sends to an endpoint, the answer is a success or a clear one-line error (400/404/409),
never a server error, and an error never repeats what was submitted."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from safepassage.casework.accounts.models import ApiToken

from ..strategies import JSON_VALUES, mutated
from .conftest import PROFILE, World

MARKER = "SECRET-"  # submitted strings start with it, so an echo is easy to see
SECRETS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz'\" <>", min_size=4, max_size=20).map(lambda s: MARKER + s)
BODIES = JSON_VALUES | st.recursive(SECRETS, lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3), max_leaves=8)
RAW = st.binary(max_size=200) | st.sampled_from([b"", b"{", b"[" * 5000 + b"]" * 5000, b'{"q": 1' + b"0" * 5000 + b"}", b"\xff\xfe", b"null", b"NaN"])


def valid_bodies(world: World) -> dict[str, dict[str, Any]]:
    return {
        "cases": {"team": str(world.team.pk), "record": {"name": "Someone", "profile": PROFILE, "place": "x", "summary": "y"}},
        "search": {"q": "zarema"},
        "events": {"kind": "moved", "date": "2025-02-06", "place": "p", "description": "d"},
        "assessments": {"country": "KZ", "as_of": "2025-02-07"},
    }


def urls(world: World) -> dict[str, str]:
    case = world.case.pk
    return {
        "cases": "/api/v1/cases",
        "search": "/api/v1/cases/search",
        "events": f"/api/v1/cases/{case}/events",
        "assessments": f"/api/v1/cases/{case}/assessments",
    }


@pytest.fixture
def api(world: World) -> Client:
    _row, token = ApiToken.issue(world.caseworker)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def check(response: Any) -> None:
    assert response.status_code in (200, 201, 400, 404, 409), response.status_code
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error and "\n" not in error and "Traceback" not in error
        assert MARKER not in error, error  # nothing submitted comes back


ENDPOINTS = st.sampled_from(["cases", "search", "events", "assessments"])


@given(endpoint=ENDPOINTS, body=BODIES)
def test_any_json_body(world: World, api: Client, endpoint: str, body: Any) -> None:
    sent = json.dumps(body, allow_nan=True).encode()
    check(api.post(urls(world)[endpoint], sent, content_type="application/json"))


@given(endpoint=ENDPOINTS, raw=RAW)
@example(endpoint="cases", raw=b"[" * 5000 + b"]" * 5000)
@example(endpoint="search", raw=b'{"q": 1' + b"0" * 5000 + b"}")
def test_any_bytes(world: World, api: Client, endpoint: str, raw: bytes) -> None:
    check(api.post(urls(world)[endpoint], raw, content_type="application/json"))


@given(data=st.data(), endpoint=ENDPOINTS)
@example(data=None, endpoint="assessments")
def test_a_valid_body_with_one_part_changed(world: World, api: Client, data: Any, endpoint: str) -> None:
    valid = valid_bodies(world)[endpoint]
    body = data.draw(mutated(valid)) if data is not None else {"country": "XX", "as_of": "0001-01-01"}
    sent = json.dumps(body, allow_nan=True).encode()
    check(api.post(urls(world)[endpoint], sent, content_type="application/json"))
