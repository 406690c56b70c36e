"""API validation errors name the field and never repeat the submitted value."""

from __future__ import annotations

import copy

from django.test import Client

from safepassage.casework.accounts.models import ApiToken

from .conftest import PROFILE, SECRET_PLACE, World


def test_api_validation_error_does_not_echo_the_value(world: World) -> None:
    _row, token = ApiToken.issue(world.caseworker)
    profile = copy.deepcopy(PROFILE)
    profile["threats"] = [{"actor": SECRET_PLACE, "state": "RU"}]
    response = Client(HTTP_AUTHORIZATION=f"Bearer {token}").post(
        "/api/v1/cases",
        {"team": str(world.team.pk), "record": {"name": "x", "profile": profile}},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert SECRET_PLACE not in response.content.decode()
