"""Who may change which account. The rule behind it: only someone who can already read every
case of the organisation (a coordinator) may do anything that gives a person access to cases,
so an administrator's account, if taken over, hands out nothing."""

from __future__ import annotations

from safepassage.casework.accounts.models import Role, User

ADMIN_CREATES = (Role.CASEWORKER, Role.ADMINISTRATOR)


def has_case_access(user: User) -> bool:
    return user.role == Role.COORDINATOR or user.teams.exists()


def may_reset(actor: User, target: User) -> bool:
    if actor.organisation_id is None or actor.organisation_id != target.organisation_id:
        return False
    if actor.role == Role.COORDINATOR:
        return True
    return actor.role == Role.ADMINISTRATOR and not has_case_access(target)


def may_manage_teams(actor: User) -> bool:
    return actor.role == Role.COORDINATOR
