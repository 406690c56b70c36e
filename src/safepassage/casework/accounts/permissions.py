"""Who may change which account. The rule behind it: only someone who can already read every
case of the organisation (a coordinator) may do anything that gives a person access to cases,
so an administrator's account, if taken over, hands out nothing."""

from __future__ import annotations

from safepassage.casework.accounts.models import Role, User

ADMIN_CREATES = (Role.CASEWORKER, Role.ADMINISTRATOR)


def has_case_access(user: User) -> bool:
    return user.role == Role.COORDINATOR or user.teams.exists()


def may_reset(actor: User, target: User) -> bool:
    """A reset hands the resetter the account, so: coordinators any account of their
    organisation; administrators only caseworkers without case access (not each other)."""
    if actor.organisation_id is None or actor.organisation_id != target.organisation_id:
        return False
    if actor.role == Role.COORDINATOR:
        return True
    return actor.role == Role.ADMINISTRATOR and target.role == Role.CASEWORKER and not has_case_access(target)


def may_grant_access(target: User) -> bool:
    """Never to an account enrolled from a one-time password an administrator issued, even after
    enrolment: the administrator may have enrolled it themselves (their own password and
    authenticator) and be waiting for a coordinator to hand it case access. A coordinator's reset
    (a one-time password only they know, handed to the owner) is the step that lifts the bar."""
    return target.credentials_set_by != Role.ADMINISTRATOR


def may_manage_teams(actor: User) -> bool:
    return actor.role == Role.COORDINATOR
