"""enrolment with a one-time password must leave the person who issued it with
nothing: not the new password, not the authenticator secret, not a working password."""

from __future__ import annotations

import re

from django.test import Client
from django_otp.oath import totp

from safepassage.casework.accounts.models import Authenticator, Role, User

from .conftest import World
from .test_vault import all_database_bytes

ONE_TIME = "issued-one-time-pw-4711"
CHOSEN = "my own secret passphrase 99"


def _pending(world: World) -> User:
    return User.objects.create_user(
        username="newbie", password=ONE_TIME, organisation=world.org, role=Role.CASEWORKER, must_set_password=True
    )


def _start(client: Client) -> str:
    assert client.post("/", {"username": "newbie", "password": ONE_TIME, "code": ""})["Location"] == "/enrol/"
    page = client.get("/enrol/").content.decode()
    match = re.search(r'id="totp-secret">([A-Z2-7=]+)<', page)
    assert match
    return match.group(1)


def test_wrong_code_at_enrolment_does_not_store_the_new_password(world: World) -> None:
    # accounts/views.py: _code_failed reports the failure to the lockout, which must keep no
    # form data (django-axes's own handler stored the POST, masking only some fields).
    user = _pending(world)
    client = Client()
    _start(client)
    device = Authenticator.objects.get(user=user, confirmed=False)
    wrong = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    client.post("/enrol/", {"new_password": CHOSEN, "new_password_again": CHOSEN, "code": wrong})
    assert CHOSEN.encode() not in all_database_bytes()


def test_enrolment_secret_seen_by_an_earlier_session_is_not_reused(world: World) -> None:
    # Whoever issued the one-time password opens /enrol/ and leaves: the unconfirmed device
    # (and its secret) stays, and the owner is later given the very same secret to confirm.
    _pending(world)
    issuer_saw = _start(Client())
    owner_gets = _start(Client())
    assert owner_gets != issuer_saw


def test_new_password_cannot_be_the_one_time_password(world: World) -> None:
    user = _pending(world)
    client = Client()
    _start(client)
    device = Authenticator.objects.get(user=user, confirmed=False)
    client.post("/enrol/", {"new_password": ONE_TIME, "new_password_again": ONE_TIME, "code": f"{totp(device.bin_key):06d}"})
    user.refresh_from_db()
    # either refused (still pending) or the issuer's password no longer works
    assert user.must_set_password or not user.check_password(ONE_TIME)
