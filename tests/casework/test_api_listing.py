"""API lists and search return no names: names are read case by case, each read audited."""

from __future__ import annotations

from django.test import Client

from safepassage.casework.accounts.models import ApiToken
from safepassage.casework.audit.models import AuditEntry

from .conftest import SECRET_NAME, World


def _api(world: World) -> Client:
    _row, token = ApiToken.issue(world.coordinator)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _last_seq() -> int:
    last = AuditEntry.objects.order_by("-seq").first()
    return last.seq if last else 0


def test_api_case_list_reveals_names_only_with_a_per_case_audit_entry(world: World) -> None:
    api = _api(world)
    before = _last_seq()
    response = api.get("/api/v1/cases")
    assert response.status_code == 200
    if SECRET_NAME in response.content.decode():
        assert AuditEntry.objects.filter(seq__gt=before, case_id=str(world.case.pk)).exists()


def test_api_search_reveals_names_only_with_a_per_case_audit_entry(world: World) -> None:
    api = _api(world)
    before = _last_seq()
    response = api.post("/api/v1/cases/search", {"q": "Zarema"}, content_type="application/json")
    assert response.status_code == 200
    if SECRET_NAME in response.content.decode():
        assert AuditEntry.objects.filter(seq__gt=before, case_id=str(world.case.pk)).exists()
