"""A copy of the database is not a login: authenticator seeds are sealed under a key outside the
database, a session row copied out of `django_session` (or into another session) opens nothing,
and passwords must be hard to guess (length plus zxcvbn's estimate), refused in the user's
language."""

from __future__ import annotations

import base64

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from safepassage.casework.accounts.models import Role, User

from .conftest import PASSWORD, World, current_code, device_of
from .test_vault import all_database_bytes


def test_authenticator_seeds_are_not_in_the_database(world: World) -> None:
    stored = all_database_bytes()
    for user in (world.caseworker, world.coordinator):
        seed = device_of(user).bin_key
        for form in (seed, seed.hex().encode(), base64.b32encode(seed)):
            assert form not in stored


def logged_in(world: World) -> Client:
    """The victim logs in for real: password and code."""
    client = Client()
    response = client.post("/", {"username": "worker", "password": PASSWORD, "code": current_code(world.caseworker)})
    assert response["Location"] == "/cases/"
    return client


def test_a_session_key_read_from_the_database_is_not_a_cookie(world: World) -> None:
    victim = logged_in(world)
    assert victim.get(f"/cases/{world.case.pk}/").status_code == 200
    for row in Session.objects.all():
        thief = Client()
        thief.cookies[settings.SESSION_COOKIE_NAME] = row.session_key
        assert thief.get(f"/cases/{world.case.pk}/").status_code == 302  # to the login page


def test_session_data_copied_into_another_session_opens_nothing(world: World) -> None:
    """An insider with database access copies the victim's session data into their own session."""
    before = set(Session.objects.values_list("session_key", flat=True))
    victim = logged_in(world)
    victims_row = Session.objects.exclude(session_key__in=before).get()
    insider = Client()
    insider.post("/", {"username": "outsider", "password": PASSWORD, "code": current_code(world.outsider)})
    insiders_row = Session.objects.exclude(session_key__in=before | {victims_row.session_key}).get()
    Session.objects.filter(pk=insiders_row.pk).update(session_data=victims_row.session_data)
    assert insider.get(f"/cases/{world.case.pk}/").status_code == 302  # not the victim, not anyone
    assert victim.get(f"/cases/{world.case.pk}/").status_code == 200


@pytest.mark.parametrize("password", ["aaaaaaaaaaaaaaaa", "abcabcabcabcabc", "worker-worker-12"])
def test_long_but_guessable_passwords_are_refused(world: World, password: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, world.caseworker)
    assert any("guess" in message for message in refused.value.messages)


def test_a_passphrase_is_accepted(world: World) -> None:
    validate_password("violet harbour ninety lanterns", world.caseworker)


def test_short_passwords_are_still_refused(world: World) -> None:
    with pytest.raises(ValidationError):
        validate_password("Xq7!vL2#", world.caseworker)


def test_the_refusal_is_in_russian_for_a_russian_reader(world: World) -> None:
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        validate_password("aaaaaaaaaaaaaaaa", world.caseworker)
    assert any("угадать" in message for message in refused.value.messages)


def test_enrolment_refuses_a_guessable_password(world: World) -> None:
    user = User.objects.create_user(username="newbie", password=PASSWORD, organisation=world.org, role=Role.CASEWORKER, must_set_password=True)
    client = Client()
    assert client.post("/", {"username": "newbie", "password": PASSWORD, "code": ""})["Location"] == "/enrol/"
    client.get("/enrol/")
    from django_otp.oath import totp

    from .conftest import pending_device

    code = f"{totp(pending_device(user).bin_key):06d}"
    page = client.post("/enrol/", {"new_password": "abcabcabcabcabc", "new_password_again": "abcabcabcabcabc", "code": code})
    assert page.status_code == 200 and "guess" in page.content.decode()
    user.refresh_from_db()
    assert user.must_set_password and user.check_password(PASSWORD)


def test_the_migration_seals_seeds_kept_in_clear_by_django_otp(world: World) -> None:
    """An instance that used django-otp's TOTP plugin: the same seed (the phone keeps working),
    now sealed; the clear copy is deleted."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    from safepassage.casework.accounts.models import Authenticator

    migration = importlib.import_module("safepassage.casework.accounts.migrations.0005_authenticator_sealed_seed")
    seed = bytes(range(20))
    user = User.objects.create_user(username="phone-owner", password=PASSWORD, organisation=world.org)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE otp_totp_totpdevice (id integer PRIMARY KEY, user_id integer, name varchar(64), "
            "confirmed boolean, key varchar(80), step integer, t0 bigint, digits integer, drift integer, last_t bigint)"
        )
        cursor.execute(
            "INSERT INTO otp_totp_totpdevice VALUES (1, %s, 'phone', %s, %s, 30, 0, 6, 0, -1)", [user.pk, True, seed.hex()]
        )
    migration.move_legacy_devices(apps, SimpleNamespace(connection=connection))
    assert Authenticator.objects.get(user=user).bin_key == seed
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM otp_totp_totpdevice")
        assert cursor.fetchone() == (0,)
    assert seed.hex().encode() not in all_database_bytes()
