"""An administrator must never reach case content through an account they created: creating an
account, logging in with its one-time password and enrolling one's own authenticator and
password must not make it an account a coordinator can give case access to. Only a reset by a
coordinator (who then hands the new one-time password to the real owner) lifts that."""

from __future__ import annotations

import importlib

from django.test import Client
from django_otp.oath import totp

from safepassage.casework.accounts.models import Authenticator, User
from safepassage.casework.audit.chain import record
from safepassage.casework.cases.access import visible_cases

from .conftest import World, verified_client

CHOSEN = "admins own secret passphrase 31"


def one_time_password(page: bytes) -> str:
    return page.decode().split('id="one-time-password">')[1].split("<")[0]


def enrol(client: Client, username: str, password: str, new_password: str) -> User:
    """Log in with a one-time password and finish enrolment: own password, own authenticator."""
    assert client.post("/", {"username": username, "password": password, "code": ""})["Location"] == "/enrol/"
    client.get("/enrol/")
    user = User.objects.get(username=username)
    device = Authenticator.objects.get(user=user, confirmed=False)
    done = client.post("/enrol/", {"new_password": new_password, "new_password_again": new_password, "code": f"{totp(device.bin_key):06d}"})
    assert done["Location"] == "/cases/"
    return user


def grant(coordinator: Client, user: User, world: World) -> None:
    coordinator.post(f"/accounts/{user.pk}/access/", {"role": "caseworker", "teams": [str(world.team.pk)]})


def test_an_account_an_administrator_created_and_enrolled_never_gets_case_access(world: World) -> None:
    admin = verified_client(world.administrator)
    issued = one_time_password(admin.post("/accounts/", {"username": "mole", "role": "caseworker"}).content)
    mole_session = Client()
    mole = enrol(mole_session, "mole", issued, CHOSEN)  # the administrator is now the account's owner
    coordinator = verified_client(world.coordinator)
    grant(coordinator, mole, world)
    assert not mole.teams.exists()
    grant(coordinator, mole, world)  # and again later: the refusal is permanent
    mole.refresh_from_db()
    assert not mole.teams.exists() and mole.role == "caseworker"
    coordinator.post(f"/accounts/{mole.pk}/access/", {"role": "coordinator"})
    mole.refresh_from_db()
    assert mole.role == "caseworker"
    assert mole_session.get(f"/cases/{world.case.pk}/").status_code == 404


def test_a_coordinators_reset_lets_the_real_owner_in(world: World) -> None:
    admin = verified_client(world.administrator)
    issued = one_time_password(admin.post("/accounts/", {"username": "newbie", "role": "caseworker"}).content)
    enrol(Client(), "newbie", issued, CHOSEN)
    coordinator = verified_client(world.coordinator)
    reset = one_time_password(coordinator.post(f"/accounts/{User.objects.get(username='newbie').pk}/reset/").content)
    owner = Client()
    newbie = enrol(owner, "newbie", reset, "the real owners passphrase 58")
    grant(coordinator, newbie, world)
    assert list(newbie.teams.all()) == [world.team]
    assert owner.get(f"/cases/{world.case.pk}/").status_code == 200
    # an administrator's reset of an account without access puts the bar back
    newbie.teams.clear()
    verified_client(world.administrator).post(f"/accounts/{newbie.pk}/reset/")
    newbie.refresh_from_db()
    grant(coordinator, newbie, world)
    assert not newbie.teams.exists()


def test_an_account_an_administrator_issued_sees_no_case_even_with_a_team(world: World) -> None:
    """Defence in depth for accounts given access before this rule (or by a database edit)."""
    world.caseworker.credentials_set_by = "administrator"
    world.caseworker.save()
    assert verified_client(world.caseworker).get(f"/cases/{world.case.pk}/").status_code == 404
    assert visible_cases(world.caseworker).count() == 0


def test_the_migration_marks_accounts_enrolled_from_an_administrators_password(world: World) -> None:
    """Accounts enrolled before this rule had the mark cleared; the audit log still says who issued
    their current credentials (the last account.create or account.reset naming them)."""
    from django.apps import apps

    migration = importlib.import_module("safepassage.casework.accounts.migrations.0004_credentials_issuer_kept")
    old = User.objects.create_user(username="legacy", password="x" * 20, organisation=world.org, role="caseworker")
    record(world.administrator.username, "account.create", detail="legacy: caseworker")
    reset_later = User.objects.create_user(username="legacy2", password="x" * 20, organisation=world.org, role="caseworker")
    record(world.administrator.username, "account.create", detail="legacy2: caseworker")
    record(world.coordinator.username, "account.reset", detail="legacy2")
    migration.mark_administrator_issued(apps, None)
    old.refresh_from_db()
    reset_later.refresh_from_db()
    assert old.credentials_set_by == "administrator"
    assert reset_later.credentials_set_by == ""
