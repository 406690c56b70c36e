"""a restore must not bring back a one-time password the owner has already replaced
(the person who issued it could then log in as them and enrol their own authenticator)."""

from __future__ import annotations

from pathlib import Path

from django.test import Client
from django_otp.oath import totp

from safepassage.casework.accounts.models import Authenticator, Role, User
from safepassage.casework.backup import create_backup, restore_backup

from .conftest import World

ONE_TIME = "issued-one-time-pw-4711"
CHOSEN = "my own secret passphrase 99"


def test_restore_does_not_revive_a_spent_one_time_password(world: World, tmp_path: Path) -> None:
    user = User.objects.create_user(
        username="newbie", password=ONE_TIME, organisation=world.org, role=Role.CASEWORKER, must_set_password=True
    )
    user.teams.add(world.team)
    backup = tmp_path / "b.spbk"
    create_backup(backup)  # nightly backup, before the owner's first login
    owner = Client()
    owner.post("/", {"username": "newbie", "password": ONE_TIME, "code": ""})
    owner.get("/enrol/")
    device = Authenticator.objects.get(user=user, confirmed=False)
    done = owner.post("/enrol/", {"new_password": CHOSEN, "new_password_again": CHOSEN, "code": f"{totp(device.bin_key):06d}"})
    assert done["Location"] == "/cases/"
    restore_backup(backup)
    issuer = Client()
    response = issuer.post("/", {"username": "newbie", "password": ONE_TIME, "code": ""})
    assert response.get("Location") != "/enrol/"
