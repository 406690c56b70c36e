"""Every URL the app serves is either in the permission matrix or deliberately public, and every
model change has a migration: a new view or field cannot slip past either."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

# url name -> where its access control is tested
COVERED = {
    "cases:detail": "test_permissions.test_case_urls_by_role",
    "cases:edit": "test_permissions.test_case_urls_by_role",
    "cases:event_new": "test_permissions.test_case_urls_by_role",
    "cases:note_new": "test_permissions.test_case_urls_by_role",
    "cases:attachment": "test_permissions.test_case_urls_by_role",
    "cases:consent_new": "test_permissions.test_case_urls_by_role",
    "cases:safety_plan": "test_permissions.test_case_urls_by_role",
    "cases:check_in": "test_permissions.test_case_urls_by_role",
    "cases:summary": "test_permissions.test_case_urls_by_role",
    "cases:referral_new": "test_permissions.test_case_urls_by_role",
    "cases:referral_status": "test_permissions.test_case_urls_by_role",
    "assessments:assess": "test_permissions.test_case_urls_by_role",
    "assessments:detail": "test_permissions.test_case_urls_by_role",
    "assessments:country": "test_permissions.test_case_urls_by_role",
    "dossiers:download": "test_permissions.test_case_urls_by_role and test_dossier_download",
    "cases:attachment_new": "test_log_scrubbing (upload) and test_uploads",
    "cases:erase": "test_permissions.test_erase_is_for_coordinators_only",
    "cases:list": "test_permissions.test_case_list_shows_only_visible_cases",
    "cases:new": "test_case_form (caseworker) and test_case_list.test_new_case_needs_a_team_of_ones_own",
    "accounts:list": "test_permissions.test_account_pages_are_for_administrators_and_coordinators",
    "accounts:reset": "test_login and test_permissions (another organisation)",
    "accounts:access": "test_login.test_an_administrator_creates_only_accounts_without_case_access",
    "accounts:unlock": "test_lockout.test_only_managers_of_the_same_organisation_unlock",
    "accounts:me": "test_api.test_tokens_are_issued_on_the_account_page_and_stored_hashed",
    "accounts:language": "test_pages.test_russian_interface",
    "api:cases": "test_permissions.test_api_by_role",
    "api:case": "test_permissions.test_api_by_role",
    "api:events": "test_permissions.test_api_by_role",
    "api:assessments": "test_permissions.test_api_by_role",
    "api:assessment": "test_api.test_create_read_and_assess_a_case",
    "api:search": "test_api.test_search_through_the_api",
    "monitoring:watch": "test_permissions.test_case_urls_by_role",
    "monitoring:alert_review": "test_permissions.test_case_urls_by_role (and another case's alert)",
    "monitoring:incidents": "test_permissions.test_incident_review_is_for_case_roles_and_never_for_administrators",
    "monitoring:incident_review": "test_permissions.test_incident_review_is_for_case_roles_and_never_for_administrators",
}
PUBLIC = {"accounts:login", "accounts:enrol", "accounts:logout", "quick_exit", "api:openapi"}


def url_names(patterns: list[URLPattern | URLResolver], namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif pattern.name:
            names.add(f"{namespace}{pattern.name}")
        else:
            names.add(f"{namespace}(unnamed {pattern.pattern})")
    return names


def test_every_url_is_covered_or_public() -> None:
    served = url_names(get_resolver().url_patterns)
    assert served - set(COVERED) - PUBLIC == set(), "add the new URL to the permission tests"
    assert set(COVERED) | PUBLIC <= served, "a listed URL no longer exists"


@pytest.mark.django_db
def test_models_and_migrations_agree() -> None:
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())
