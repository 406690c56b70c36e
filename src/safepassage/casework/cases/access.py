"""Who may see which case. Every view and API endpoint goes through `case_for`.

Security: a case outside the user's reach answers 404, exactly like a case that does not exist,
so guessing ids tells an attacker nothing.
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from safepassage.casework.accounts.models import Role, Team, User
from safepassage.casework.accounts.permissions import may_grant_access
from safepassage.casework.cases.models import Case


def visible_cases(user: User) -> QuerySet[Case]:
    if user.organisation_id is None or user.role == Role.ADMINISTRATOR:
        return Case.objects.none()  # administrators manage accounts and never see case content
    if not may_grant_access(user):
        # enrolled from an administrator's one-time password: the administrator may be the one
        # using it, so no case until a coordinator resets it (accounts/permissions.py)
        return Case.objects.none()
    cases = Case.objects.filter(organisation_id=user.organisation_id)
    if user.role == Role.COORDINATOR:
        return cases
    # caseworkers, and administrators (who see content only of teams they belong to)
    return cases.filter(team__in=user.teams.all())  # caseworkers: their teams' cases


def case_for(user: User, case_id: uuid.UUID | str) -> Case:
    try:
        key = uuid.UUID(str(case_id))
    except ValueError:
        raise Http404 from None
    try:
        return visible_cases(user).select_related("team").get(pk=key)
    except Case.DoesNotExist:
        raise Http404 from None


def teams_for_new_case(user: User) -> QuerySet[Team]:
    if user.organisation_id is None or user.role == Role.ADMINISTRATOR:
        return Team.objects.none()
    teams = Team.objects.filter(organisation_id=user.organisation_id)
    return teams if user.role == Role.COORDINATOR else teams.filter(members=user)


def may_erase(user: User) -> bool:
    return user.role == Role.COORDINATOR
