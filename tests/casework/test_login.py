"""Login: password and TOTP both required, enrolment at first login, lockout, argon2."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client
from django_otp.oath import totp

from safepassage.casework import settings as production
from safepassage.casework.accounts.models import Authenticator, Role, User

from .conftest import PASSWORD, World, current_code, make_user, verified_client


def login(client: Client, username: str, password: str, code: str = "") -> object:
    return client.post("/", {"username": username, "password": password, "code": code})


def test_password_and_code_log_in_and_reach_the_cases(world: World) -> None:
    client = Client()
    response = login(client, "worker", PASSWORD, current_code(world.caseworker))
    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200


def test_password_without_code_is_refused(world: World) -> None:
    client = Client()
    response = login(client, "worker", PASSWORD, "")
    assert response.status_code == 200
    assert client.get("/cases/").status_code == 302  # back to the login page


def test_wrong_code_is_refused(world: World) -> None:
    client = Client()
    good = current_code(world.caseworker)
    wrong = f"{(int(good) + 1) % 1_000_000:06d}"
    login(client, "worker", PASSWORD, wrong)
    assert client.get("/cases/")["Location"] == "/"


def test_a_code_cannot_be_used_twice(world: World) -> None:
    code = current_code(world.caseworker)
    assert login(Client(), "worker", PASSWORD, code)["Location"] == "/cases/"  # type: ignore[index]
    second = Client()
    login(second, "worker", PASSWORD, code)
    assert second.get("/cases/").status_code == 302


def test_first_login_requires_setting_up_an_authenticator(world: World) -> None:
    user = User.objects.create_user(username="newbie", password=PASSWORD, organisation=world.org, role=Role.CASEWORKER)
    client = Client()
    response = login(client, "newbie", PASSWORD)
    assert response["Location"] == "/enrol/"  # type: ignore[index]
    page = client.get("/enrol/")
    assert b"<svg" in page.content  # the QR code, rendered here, not by a third party
    assert client.get("/cases/").status_code == 302  # not logged in before confirming
    device = Authenticator.objects.get(user=user, confirmed=False)
    code = f"{totp(device.bin_key):06d}"
    assert client.post("/enrol/", {"code": code})["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(world: World) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "worker", "wrong password", "000000")
    response = login(Client(), "worker", PASSWORD, current_code(world.caseworker))
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert Client().get("/cases/").status_code == 302


def test_wrong_codes_count_towards_the_lockout(world: World) -> None:
    good = current_code(world.caseworker)
    wrong = f"{(int(good) + 7) % 1_000_000:06d}"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(Client(), "worker", PASSWORD, wrong)
    assert login(Client(), "worker", PASSWORD, good).status_code == 429  # type: ignore[attr-defined]


def test_coordinator_reset_unlocks_and_forces_a_new_password_and_authenticator(world: World) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(Client(), "worker", "wrong password")
    page = verified_client(world.coordinator).post(f"/accounts/{world.caseworker.pk}/reset/")
    one_time = page.content.decode().split('id="one-time-password">')[1].split("<")[0]
    assert login(Client(), "worker", PASSWORD).status_code == 200  # type: ignore[attr-defined]  # old password gone
    client = Client()
    assert login(client, "worker", one_time)["Location"] == "/enrol/"  # type: ignore[index]
    client.get("/enrol/")
    device = Authenticator.objects.get(user=world.caseworker, confirmed=False)
    new_password = "my own long passphrase 7"
    done = client.post("/enrol/", {"new_password": new_password, "new_password_again": new_password, "code": f"{totp(device.bin_key):06d}"})
    assert done["Location"] == "/cases/"
    world.caseworker.refresh_from_db()
    assert world.caseworker.check_password(new_password) and not world.caseworker.must_set_password


def test_an_administrator_cannot_reset_someone_with_case_access(world: World) -> None:
    response = verified_client(world.administrator).post(f"/accounts/{world.caseworker.pk}/reset/")
    assert response.status_code == 404
    assert Authenticator.objects.filter(user=world.caseworker, confirmed=True).exists()


def test_an_administrator_creates_only_accounts_without_case_access(world: World) -> None:
    admin = verified_client(world.administrator)
    admin.post("/accounts/", {"username": "mole", "role": "coordinator"})
    assert not User.objects.filter(username="mole").exists()
    page = admin.post("/accounts/", {"username": "helper", "role": "caseworker"}).content.decode()
    helper = User.objects.get(username="helper")
    assert helper.must_set_password and not helper.teams.exists()
    assert 'id="one-time-password"' in page
    assert verified_client(world.administrator).get(f"/accounts/{helper.pk}/access/").status_code == 404


def test_a_coordinator_grants_teams(world: World) -> None:
    coordinator = verified_client(world.coordinator)
    coordinator.post(f"/accounts/{world.outsider.pk}/access/", {"role": "caseworker", "teams": [str(world.team.pk)]})
    assert list(world.outsider.teams.all()) == [world.team]


def test_passwords_are_stored_with_argon2_in_production_settings(world: World, settings: Any) -> None:
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    user = make_user("hashed", world.org, Role.CASEWORKER, [])
    assert User.objects.get(pk=user.pk).password.startswith("argon2$argon2id$")


def test_logout_needs_post_and_ends_the_session(world: World) -> None:
    client = verified_client(world.caseworker)
    assert client.get("/logout/").status_code == 405
    client.post("/logout/")
    assert client.get("/cases/").status_code == 302


def test_sessions_are_short(world: World) -> None:
    assert settings.SESSION_COOKIE_AGE <= 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_make_user_helper_creates_confirmed_device(world: World) -> None:
    user = make_user("x1", world.org, Role.CASEWORKER, [])
    assert Authenticator.objects.filter(user=user, confirmed=True).count() == 1
