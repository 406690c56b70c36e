"""Account management: administrators create accounts and reset those without case access;
coordinators decide teams and roles and reset anyone in their organisation
(accounts/permissions.py has the rule and the reason)."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.casework.accounts import lockout
from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.accounts.forms import AccessForm, NewAccountForm
from safepassage.casework.accounts.models import ApiToken, Authenticator, Role, Team, User
from safepassage.casework.accounts.permissions import (
    ADMIN_CREATES,
    may_grant_access,
    may_manage_teams,
    may_reset,
)
from safepassage.casework.audit.chain import record


def _manager(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    if user.role not in (Role.ADMINISTRATOR, Role.COORDINATOR):
        raise Http404
    return user


def _one_time_password() -> str:
    # Shown once to whoever set it; the owner must replace it at first login.
    return secrets.token_urlsafe(12)


@verified_login_required
def account_list(request: HttpRequest) -> HttpResponse:
    actor = _manager(request)
    roles = ADMIN_CREATES if actor.role == Role.ADMINISTRATOR else tuple(Role.values)
    form = NewAccountForm(request.POST or None, roles=roles)
    issued: tuple[str, str] | None = None
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if User.objects.filter(username=username).exists():
            form.add_error("username", _("This username is taken."))
        else:
            password = _one_time_password()
            role = form.cleaned_data["role"]
            User.objects.create_user(
                username=username, password=password, organisation=actor.organisation,
                role=role, must_set_password=True, credentials_set_by=actor.role,
            )
            record(actor.username, "account.create", detail=f"{username}: {role}")
            issued = (username, password)
            form = NewAccountForm(roles=roles)
    users = list(User.objects.filter(organisation=actor.organisation).prefetch_related("teams").order_by("username"))
    locked = lockout.locked_names([u.username for u in users])
    return render(
        request,
        "accounts/list.html",
        {
            "form": form,
            "issued": issued,
            "rows": [(u, may_reset(actor, u), u.username in locked) for u in users],
            "manages_teams": may_manage_teams(actor),
        },
    )


@verified_login_required
def account_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """Lost phone or taken-over account: remove the authenticator, revoke API tokens, unlock,
    and issue a one-time password the owner must replace."""
    actor = _manager(request)
    target = get_object_or_404(User, pk=user_id, organisation=actor.organisation)
    if request.method != "POST" or not may_reset(actor, target):
        raise Http404
    password = _one_time_password()
    with transaction.atomic():
        Authenticator.objects.filter(user=target).delete()
        ApiToken.objects.filter(user=target).delete()
        target.set_password(password)
        target.must_set_password = True
        target.credentials_set_by = actor.role
        target.save(update_fields=["password", "must_set_password", "credentials_set_by"])
    lockout.unlock(target.username)
    record(actor.username, "account.reset", detail=target.username)
    return render(request, "accounts/issued.html", {"username": target.username, "password": password})


@require_POST
@verified_login_required
def account_unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    """Lift the lockout of an account of one's organisation (at every address), as the locked
    page promises. It gives nobody access, so administrators may do it too; it is audited."""
    actor = _manager(request)
    target = get_object_or_404(User, pk=user_id, organisation=actor.organisation)
    lockout.unlock(target.username)
    record(actor.username, "account.unlock", detail=target.username)
    return redirect("accounts:list")


@verified_login_required
def account_access(request: HttpRequest, user_id: int) -> HttpResponse:
    """A coordinator sets someone's teams and role."""
    actor = _manager(request)
    if not may_manage_teams(actor):
        raise Http404
    target = get_object_or_404(User, pk=user_id, organisation=actor.organisation)
    if target.role == Role.ADMINISTRATOR:
        raise Http404  # administrators stay without case access
    form = AccessForm(request.POST or None, initial={"role": target.role, "teams": list(target.teams.all())})
    form.fields["teams"].queryset = Team.objects.filter(organisation=actor.organisation)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        grants = form.cleaned_data["role"] == Role.COORDINATOR or bool(form.cleaned_data["teams"])
        if grants and not may_grant_access(target):
            form.add_error(None, _("An administrator set this person's current password. Reset the account yourself first, then grant access."))
            return render(request, "accounts/access.html", {"form": form, "target": target})
        target.role = form.cleaned_data["role"]
        target.save(update_fields=["role"])
        target.teams.set(form.cleaned_data["teams"])
        record(actor.username, "account.access", detail=f"{target.username}: {target.role}, {len(form.cleaned_data['teams'])} team(s)")
        return redirect("accounts:list")
    return render(request, "accounts/access.html", {"form": form, "target": target})
