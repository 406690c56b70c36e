"""An enrolment session dies with the state that justified it: someone who knew only the
password cannot add a second authenticator after the owner has set up theirs."""

from __future__ import annotations

from django.test import Client
from django_otp.oath import totp

from safepassage.casework.accounts.models import Authenticator, Role, User

from .conftest import PASSWORD, World


def _login(client: Client, username: str) -> str:
    return client.post("/", {"username": username, "password": PASSWORD, "code": ""})["Location"]


def test_stale_enrol_session_cannot_add_a_second_authenticator(world: World) -> None:
    user = User.objects.create_user(username="newbie", password=PASSWORD, organisation=world.org, role=Role.CASEWORKER)
    attacker = Client()
    assert _login(attacker, "newbie") == "/enrol/"  # knows only the password
    owner = Client()
    assert _login(owner, "newbie") == "/enrol/"
    owner.get("/enrol/")
    device = Authenticator.objects.get(user=user, confirmed=False)
    assert owner.post("/enrol/", {"code": f"{totp(device.bin_key):06d}"})["Location"] == "/cases/"
    # the owner now has an authenticator; the attacker's old enrol session must be dead
    page = attacker.get("/enrol/")
    if page.status_code == 200:
        extra = Authenticator.objects.filter(user=user, confirmed=False).first()
        if extra is not None:
            attacker.post("/enrol/", {"code": f"{totp(extra.bin_key):06d}"})
    assert Authenticator.objects.filter(user=user, confirmed=True).count() == 1
    assert attacker.get("/cases/").status_code == 302
