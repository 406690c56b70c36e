"""New accounts start as caseworkers; roles are changed on the accounts pages, only by a
coordinator, and every change is in the audit log."""

from __future__ import annotations

import re

from safepassage.casework.accounts.models import Role, User
from safepassage.casework.audit.models import AuditEntry

from .conftest import World, verified_client


def test_the_new_account_form_starts_at_caseworker(world: World) -> None:
    for manager in (world.coordinator, world.administrator):
        page = verified_client(manager).get("/accounts/").content.decode()
        selected = re.search(r'<option value="([a-z]+)" selected>', page)
        assert selected is not None and selected.group(1) == "caseworker"


def test_a_coordinator_changes_a_role_and_it_is_audited(world: World) -> None:
    client = verified_client(world.coordinator)
    page = client.get("/accounts/").content.decode()
    assert f'/accounts/{world.caseworker.pk}/access/' in page  # the way to change it is on the page
    response = client.post(f"/accounts/{world.caseworker.pk}/access/", {"role": "coordinator", "teams": [str(world.team.pk)]})
    assert response.status_code == 302
    assert User.objects.get(pk=world.caseworker.pk).role == Role.COORDINATOR
    entry = AuditEntry.objects.filter(action="account.access").latest("seq")
    assert entry.actor == "coord" and "worker: coordinator" in entry.detail


def test_only_coordinators_change_roles(world: World) -> None:
    target = f"/accounts/{world.outsider.pk}/access/"
    for who in (world.caseworker, world.administrator):
        assert verified_client(who).post(target, {"role": "coordinator"}).status_code == 404
    assert User.objects.get(pk=world.outsider.pk).role == Role.CASEWORKER
    # administrators stay without case access: no coordinator can make one a caseworker with teams
    assert verified_client(world.coordinator).post(f"/accounts/{world.administrator.pk}/access/", {"role": "caseworker"}).status_code == 404
