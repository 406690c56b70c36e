"""the account command changes who has access; it must be audited, and it must not
give an administrator case access (threat model: administrators see no case content)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from safepassage.casework.accounts.models import Organisation, Role, Team, User
from safepassage.casework.audit.models import AuditEntry
from safepassage.casework.cases.access import visible_cases
from safepassage.cli import app

from .conftest import make_user, new_case


@pytest.mark.django_db(transaction=True)
def test_cli_account_create_is_audited() -> None:
    result = CliRunner().invoke(
        app, ["account", "create", "boss", "--organisation", "Crisis group", "--role", "coordinator"],
        input="a long enough one-time password\n",
    )
    assert result.exit_code == 0, result.output
    assert AuditEntry.objects.filter(action="account.create", detail__contains="boss").exists()


@pytest.mark.django_db(transaction=True)
def test_cli_cannot_make_an_administrator_who_reads_cases() -> None:
    org = Organisation.objects.create(name="Crisis group")
    team = Team.objects.create(organisation=org, name="Desk")
    new_case(make_user("coord", org, Role.COORDINATOR, [team]), team)
    # --role defaults to administrator; --team then puts the administrator into a team
    CliRunner().invoke(
        app, ["account", "create", "itadmin", "--organisation", "Crisis group", "--team", "Desk"],
        input="a long enough one-time password\n",
    )
    admin = User.objects.filter(username="itadmin").first()
    assert admin is None or not visible_cases(admin).exists()
