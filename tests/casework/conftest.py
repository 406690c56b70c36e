"""Fixtures for the casework app: two organisations, teams, one account per role, cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp

from safepassage.casework.accounts.models import Authenticator, Organisation, Role, Team, User
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.records import CaseRecord, EventRecord
from safepassage.casework.cases.service import add_record, create_case, open_case

PASSWORD = "correct horse battery staple"
PROFILE = {
    "id": "case",
    "citizenship": ["RU"],
    "origin": {"country": "RU", "region": "RU-CE"},
    "community": ["chechen"],
    "gender": "female",
    "threats": [{"actor": "family", "state": "RU"}],
    "documents": ["internal_id"],
    "location": {"country": "KZ"},
}
# the case form's questions about what the pursuers already tried, all answered "not known"
UNKNOWN_HISTORY = {"attempts_on_life": "unknown", "abduction_attempts": "unknown", "threats_abroad": "unknown"}
SECRET_NAME = "Zarema Secretova"
SECRET_PLACE = "Flat 7, Quietstreet 13"


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    team: Team
    other_team: Team
    coordinator: User
    caseworker: User
    outsider: User  # caseworker of another team, same organisation
    administrator: User
    foreign_coordinator: User  # coordinator of another organisation
    case: Case
    other_case: Case  # belongs to other_team


def make_user(username: str, org: Organisation, role: str, teams: list[Team]) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, organisation=org, role=role)
    user.teams.set(teams)
    Authenticator.objects.create(user=user, name="phone", confirmed=True)
    return user


def device_of(user: User) -> Authenticator:
    return Authenticator.objects.get(user=user, confirmed=True)


def pending_device(user: User) -> Authenticator:
    """The authenticator an enrolment is setting up (shown to the user as a QR code)."""
    return Authenticator.objects.get(user=user, confirmed=False)


def current_code(user: User) -> str:
    device = device_of(user)
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def verified_client(user: User) -> Client:
    """A client logged in with password and second factor (without spending a TOTP code)."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = Authenticator.objects.get(user=user).persistent_id
    session.save()
    return client


def new_case(user: User, team: Team, name: str = SECRET_NAME, place: str = SECRET_PLACE) -> Case:
    case = create_case(user, team, CaseRecord(name=name, profile=PROFILE, place=place, summary="summary"))
    opened = open_case(user, case.pk)
    add_record(user, opened, EventRecord(kind="detained", date=dt.date(2025, 2, 5), place="Dossor"))
    return case


@pytest.fixture
def world(db: None) -> World:
    org = Organisation.objects.create(name="Crisis group")
    other_org = Organisation.objects.create(name="Another group")
    team = Team.objects.create(organisation=org, name="Caucasus desk")
    other_team = Team.objects.create(organisation=org, name="Asia desk")
    foreign_team = Team.objects.create(organisation=other_org, name="Their desk")
    coordinator = make_user("coord", org, Role.COORDINATOR, [team])
    caseworker = make_user("worker", org, Role.CASEWORKER, [team])
    outsider = make_user("outsider", org, Role.CASEWORKER, [other_team])
    administrator = make_user("admin", org, Role.ADMINISTRATOR, [])
    foreign = make_user("foreign", other_org, Role.COORDINATOR, [foreign_team])
    return World(
        org=org,
        other_org=other_org,
        team=team,
        other_team=other_team,
        coordinator=coordinator,
        caseworker=caseworker,
        outsider=outsider,
        administrator=administrator,
        foreign_coordinator=foreign,
        case=new_case(caseworker, team),
        other_case=new_case(outsider, other_team, name="Other Person", place="Elsewhere"),
    )


@pytest.fixture(autouse=True)
def _own_audit_anchor(settings: object, tmp_path: object) -> None:
    """Each test's audit chain lives in its own database transaction; so does its anchor."""
    settings.SAFEPASSAGE_AUDIT_ANCHOR = tmp_path / "audit-anchor.json"  # type: ignore[attr-defined,operator]
