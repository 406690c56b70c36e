"""Login (password, then TOTP), first-time enrolment, logout, language, the user's own page."""

from __future__ import annotations

import base64
import hashlib
import io
import threading
import time
import uuid
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import qrcode
import qrcode.image.svg
from django.contrib import auth, messages
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.accounts.forms import (
    EnrolForm,
    LanguageForm,
    LoginForm,
    PasswordCheckForm,
)
from safepassage.casework.accounts.lockout import locked_page, request_address, wait_for
from safepassage.casework.accounts.models import ApiToken, Authenticator, User
from safepassage.casework.audit.chain import record

ENROL_SESSION_KEY = "enrol"
ENROL_SECONDS = 600  # an enrolment must be finished within ten minutes of the password check


def _code_failed(request: HttpRequest, username: str) -> None:
    # A wrong TOTP code counts towards the lockout exactly like a wrong password.
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def _password_mark(user: User) -> str:
    """Changes whenever the password does, so an enrolment started with an old one dies."""
    return hashlib.sha256(user.password.encode()).hexdigest()


def _locked(request: HttpRequest, username: str) -> bool:
    """Locked for this name at this address (accounts/lockout.py)."""
    return wait_for(username, request_address(request)).total_seconds() > 0


_attempt_locks: weakref.WeakValueDictionary[str, threading.Lock] = weakref.WeakValueDictionary()
_attempt_locks_guard = threading.Lock()


@contextmanager
def _one_attempt_at_a_time(username: str) -> Iterator[None]:
    """Login attempts for one username run one after another, so parallel guesses cannot all
    pass the lockout check before their failures are counted. Keyed by the name as typed
    (hashed), whether or not the account exists, so waiting reveals nothing; held in this
    process, not in the database, so a flood of logins does not stall other writes. Each
    further server process allows one more attempt in parallel."""
    key = hashlib.sha256(username.casefold().encode()).hexdigest()
    with _attempt_locks_guard:
        lock = _attempt_locks.get(key)
        if lock is None:
            lock = threading.Lock()
            _attempt_locks[key] = lock
    with lock:
        yield


def _start_enrolment(request: HttpRequest, user: User) -> HttpResponse:
    """A fresh authenticator secret for this session only: a secret someone else saw in an
    earlier, abandoned enrolment is never shown again."""
    Authenticator.objects.filter(user=user, confirmed=False).delete()
    device = Authenticator.objects.create(user=user, confirmed=False, name="authenticator")
    request.session.cycle_key()
    request.session[ENROL_SESSION_KEY] = {
        "user": user.pk, "device": device.pk, "at": time.time(), "mark": _password_mark(user),
    }
    return redirect("accounts:enrol")


@sensitive_post_parameters("password", "code")
@never_cache
def login(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.user.is_verified():  # type: ignore[attr-defined]
        return redirect("cases:list")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        with _one_attempt_at_a_time(username):
            if _locked(request, username):
                return locked_page(request, username)
            user = auth.authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is None:
                if _locked(request, username):
                    return locked_page(request, username)
                messages.error(request, _("Wrong username, password or code."))
                return render(request, "accounts/login.html", {"form": form})
            device = None
            if Authenticator.objects.filter(user=user, confirmed=True).exists():
                # whoever has an authenticator must use it, even when a new password is due
                device = match_token(user, form.cleaned_data["code"].strip())
                if device is None:
                    _code_failed(request, username)
                    if _locked(request, username):
                        return locked_page(request, username)
                    messages.error(request, _("Wrong username, password or code."))
                    return render(request, "accounts/login.html", {"form": form})
            if device is None or user.must_set_password:
                return _start_enrolment(request, user)
            auth.login(request, user)
            otp_login(request, device)
            record(user.username, "account.login")
            return redirect("cases:list")
    return render(request, "accounts/login.html", {"form": form})


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _enrolment(request: HttpRequest) -> tuple[User, Authenticator] | None:
    """The user whose password was just checked and the secret made for this session, if the
    enrolment is still legitimate: recent, the password unchanged since, the device unconfirmed."""
    state = request.session.get(ENROL_SESSION_KEY)
    if not isinstance(state, dict) or time.time() - float(state.get("at", 0)) > ENROL_SECONDS:
        return None
    user = User.objects.filter(pk=int(state.get("user", 0)), is_active=True).first()
    if user is None or state.get("mark") != _password_mark(user):
        return None
    if not user.must_set_password and Authenticator.objects.filter(user=user, confirmed=True).exists():
        return None
    device = Authenticator.objects.filter(pk=int(state.get("device", 0)), user=user, confirmed=False).first()
    return (user, device) if device is not None else None


@sensitive_post_parameters("code", "new_password", "new_password_again")
@never_cache
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up the authenticator, and choose one's own password if someone else set it."""
    enrolment = _enrolment(request)
    if enrolment is None:
        request.session.pop(ENROL_SESSION_KEY, None)
        return redirect("accounts:login")
    user, device = enrolment
    if _locked(request, user.username):
        return locked_page(request, user.username)
    form = EnrolForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            with transaction.atomic():
                Authenticator.objects.filter(user=user, confirmed=True).delete()  # one authenticator
                device.confirmed = True
                device.save()
                if user.must_set_password:
                    # credentials_set_by stays: whoever issued the one-time password may be the
                    # one who just enrolled (accounts/permissions.py, may_grant_access)
                    user.set_password(form.cleaned_data["new_password"])
                    user.must_set_password = False
                    user.save(update_fields=["password", "must_set_password"])
            del request.session[ENROL_SESSION_KEY]
            auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, device)
            record(user.username, "account.enrol_totp")
            return redirect("cases:list")
        _code_failed(request, user.username)
        messages.error(request, _("That code did not match. Check the clock on your phone."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/enrol.html", {"form": form, "secret": secret, "qr": _qr_svg(device.config_url)})


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        record(request.user.get_username(), "account.logout")
    auth.logout(request)
    return redirect("accounts:login")


@require_POST
@verified_login_required
def set_language(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST)
    if form.is_valid():
        user = request.user
        assert isinstance(user, User)
        user.language = form.cleaned_data["language"]
        user.save(update_fields=["language"])
    back = request.POST.get("back", "")
    # Only a path on this site: an open redirect could send a user to a look-alike page.
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        return redirect(back)
    return redirect("cases:list")


@sensitive_post_parameters("password")
@verified_login_required
def me(request: HttpRequest) -> HttpResponse:
    """The user's own page: API tokens (a new one needs the password again; any can be revoked)."""
    user = request.user
    assert isinstance(user, User)
    token = None
    form = PasswordCheckForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "new-token" and form.is_valid():
        if _locked(request, user.username):
            return locked_page(request, user.username)
        if user.check_password(form.cleaned_data["password"]):
            _row, token = ApiToken.issue(user)
            record(user.username, "account.api_token")
        else:
            _code_failed(request, user.username)
            messages.error(request, _("Wrong password."))
    if request.method == "POST" and request.POST.get("action") == "revoke":
        try:
            token_id = uuid.UUID(request.POST.get("token", ""))
        except ValueError:
            token_id = None
        revoked, _count = ApiToken.objects.filter(user=user, pk=token_id).delete() if token_id else (0, {})
        if revoked:
            record(user.username, "account.api_token_revoke")
    return render(request, "accounts/me.html", {"token": token, "tokens": user.api_tokens.all(), "form": PasswordCheckForm()})
