"""The demo organisation and case that `safepassage serve --demo` starts with.

The case is the founding case as Caucasian Knot published it on 7 February 2025: no personal
data beyond what was published. Demo credentials are generated once per instance folder and
kept there in an owner-only file, so the command can print them at every start.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from importlib.resources import files
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from safepassage.casework.accounts.models import Authenticator, Organisation, Role, Team, User
from safepassage.casework.cases.records import CaseRecord, EventRecord
from safepassage.casework.cases.service import add_record, create_case, open_case
from safepassage.casework.instance import private_file

DEMO_USER = "coordinator"
CREDENTIALS_FILE = "demo-login.json"


def demo_profile() -> dict[str, object]:
    data: dict[str, object] = yaml.safe_load((files("safepassage.casework") / "demo_profile.yaml").read_text(encoding="utf-8"))
    return data


def ensure_demo() -> dict[str, str]:
    """Create the demo organisation, users and case once; return the login details."""
    path = Path(settings.HOME) / CREDENTIALS_FILE
    if path.exists():
        credentials: dict[str, str] = json.loads(private_file(path))
        if User.objects.filter(username=DEMO_USER).exists():
            return credentials
    password = secrets.token_urlsafe(12)
    key = secrets.token_bytes(20)
    with transaction.atomic():
        organisation = Organisation.objects.create(name="Demo crisis group")
        team = Team.objects.create(organisation=organisation, name="North Caucasus desk")
        Team.objects.create(organisation=organisation, name="Central Asia desk")
        user = User.objects.create_user(
            username=DEMO_USER, password=password, organisation=organisation, role=Role.COORDINATOR
        )
        user.teams.add(team)
        device = Authenticator(user=user, name="demo", confirmed=True)
        device.set_seed(key)
        device.save()
    credentials = {
        "username": DEMO_USER,
        "password": password,
        "totp_secret": base64.b32encode(key).decode(),
    }
    path.unlink(missing_ok=True)
    private_file(path, make=json.dumps(credentials).encode())
    _demo_case(user, team)
    return credentials


def _demo_case(user: User, team: Team) -> None:
    profile = demo_profile()
    record = CaseRecord(
        name="Elza Soltaeva (published case)",
        profile=profile,
        place="Kazakhstan (published: a shelter after release)",
        summary=(
            "A woman from Chechnya fleeing domestic violence crossed into Kazakhstan with only her "
            "internal passport. Detained on 5 February 2025 on her relatives' missing-person report, "
            "released the same day after publicity (Caucasian Knot, 7 February 2025)."
        ),
    )
    case = create_case(user, team, record)
    opened = open_case(user, case.pk, action="case.open_for_update")
    add_record(user, opened, EventRecord(kind="detained", date=dt.date(2025, 2, 5), place="Dossor, Atyrau region", description="Detained by police on the relatives' missing-person report."))
    add_record(user, opened, EventRecord(kind="released", date=dt.date(2025, 2, 5), place="Dossor, Atyrau region", description="Released after publicity and a lawyer's help; helped to a shelter."))
