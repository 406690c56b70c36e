"""Administrators hand out no case access (they cannot create coordinators), and a reset
revokes the account's API tokens."""

from __future__ import annotations

from django.test import Client

from safepassage.casework.accounts.models import ApiToken, Role, User

from .conftest import World, verified_client

NEW_PASSWORD = "a perfectly long passphrase 42"


def test_administrator_cannot_create_a_coordinator(world: World) -> None:
    admin = verified_client(world.administrator)
    admin.post("/accounts/", {"username": "mole", "role": "coordinator", "password": NEW_PASSWORD})
    assert not User.objects.filter(username="mole", role=Role.COORDINATOR).exists()


def test_account_reset_revokes_api_tokens(world: World) -> None:
    _row, token = ApiToken.issue(world.caseworker)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/cases").status_code == 200
    verified_client(world.coordinator).post(f"/accounts/{world.caseworker.pk}/reset/")
    assert api.get("/api/v1/cases").status_code == 401


def test_no_case_access_for_an_account_whose_password_an_administrator_knows(world: World) -> None:
    verified_client(world.administrator).post("/accounts/", {"username": "newbie", "role": "caseworker"})
    newbie = User.objects.get(username="newbie")
    coordinator = verified_client(world.coordinator)
    refused = coordinator.post(f"/accounts/{newbie.pk}/access/", {"role": "caseworker", "teams": [str(world.team.pk)]})
    assert refused.status_code == 200 and not newbie.teams.exists()
    coordinator.post(f"/accounts/{newbie.pk}/reset/")  # now only the coordinator knows it
    coordinator.post(f"/accounts/{newbie.pk}/access/", {"role": "caseworker", "teams": [str(world.team.pk)]})
    assert list(newbie.teams.all()) == [world.team]


def test_an_administrator_cannot_reset_another_administrator(world: World) -> None:
    other = User.objects.create_user(username="admin2", password="x" * 16, organisation=world.org, role=Role.ADMINISTRATOR)
    assert verified_client(world.administrator).post(f"/accounts/{other.pk}/reset/").status_code == 404
