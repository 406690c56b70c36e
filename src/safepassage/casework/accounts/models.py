"""People, their organisation, teams and roles.

Roles (docs/threat-model.md, "Who sees what"):
- administrator: creates accounts and resets those without case access; sees no case content
  and cannot grant access to any;
- coordinator: every case of their organisation; decides who is in which team and who is a
  coordinator; resets accounts with case access; may erase a case;
- caseworker: the cases of the teams they are a member of.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safepassage.casework.accounts.authenticators import Authenticator
from safepassage.casework.accounts.lockout import LoginFailures

__all__ = ["ApiToken", "Authenticator", "LoginFailures", "Organisation", "Role", "Team", "User"]


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("administrator")
    COORDINATOR = "coordinator", _("coordinator")
    CASEWORKER = "caseworker", _("caseworker")


class User(AbstractUser):  # type: ignore[django-manager-missing]  # its authenticators: untyped django-otp base
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, related_name="users"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CASEWORKER)
    teams = models.ManyToManyField(Team, blank=True, related_name="members")
    language = models.CharField(max_length=8, default="en")
    # Set when someone else chose the password (new account, reset): the owner must replace it
    # at the next login, so the person who set it cannot log in as them later.
    must_set_password = models.BooleanField(default=False)
    # Who issued the one-time password this account was last enrolled with ("administrator",
    # "coordinator", "cli"). Kept after enrolment, until the next reset: nobody can tell whether
    # the owner or the issuer enrolled, so a coordinator may never give case access to an account
    # an administrator issued; they reset it themselves first (accounts/permissions.py).
    credentials_set_by = models.CharField(max_length=20, blank=True)

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR


TOKEN_LIFETIME = timedelta(days=30)


class ApiToken(models.Model):
    """A bearer token for scripts, created by a user after a full (password + TOTP) login.

    Only a SHA-256 of the token is stored: a database leak gives no usable token.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User) -> tuple[ApiToken, str]:
        token = "sp_" + secrets.token_urlsafe(32)
        row = cls.objects.create(
            user=user, digest=cls.digest_of(token), expires=timezone.now() + TOKEN_LIFETIME
        )
        return row, token
