"""Login (password, then TOTP), first-time TOTP enrolment, logout, language, account admin."""

from __future__ import annotations

import base64
import io

import qrcode
import qrcode.image.svg
from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.contrib import auth, messages
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from safepassage.casework.accounts.decorators import administrator_required, verified_login_required
from safepassage.casework.accounts.forms import EnrolForm, LanguageForm, LoginForm, NewAccountForm
from safepassage.casework.accounts.models import ApiToken, Team, User
from safepassage.casework.audit.chain import record

ENROL_SESSION_KEY = "enrol_user_id"


def _code_failed(request: HttpRequest, username: str) -> None:
    # A wrong TOTP code counts towards the lockout exactly like a wrong password.
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


@sensitive_post_parameters("password", "code")
@never_cache
def login(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and request.user.is_verified():  # type: ignore[attr-defined]
        return redirect("cases:list")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if AxesProxyHandler.is_locked(request, credentials={"username": username}):
            return render(request, "accounts/locked.html", status=429)
        user = auth.authenticate(request, username=username, password=form.cleaned_data["password"])
        if user is None:
            if AxesProxyHandler.is_locked(request, credentials={"username": username}):
                return render(request, "accounts/locked.html", status=429)
            messages.error(request, _("Wrong username, password or code."))
        elif not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            request.session.cycle_key()
            request.session[ENROL_SESSION_KEY] = user.pk
            return redirect("accounts:enrol")
        else:
            device = match_token(user, form.cleaned_data["code"].strip())
            if device is None:
                _code_failed(request, username)
                if AxesProxyHandler.is_locked(request, credentials={"username": username}):
                    return render(request, "accounts/locked.html", status=429)
                messages.error(request, _("Wrong username, password or code."))
            else:
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


@sensitive_post_parameters("code")
@never_cache
def enrol(request: HttpRequest) -> HttpResponse:
    """First login: the password was right and no authenticator is set up yet."""
    user_id = request.session.get(ENROL_SESSION_KEY)
    if user_id is None:
        return redirect("accounts:login")
    user = get_object_or_404(User, pk=user_id, is_active=True)
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save()
            del request.session[ENROL_SESSION_KEY]
            auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            otp_login(request, device)
            record(user.username, "account.enrol_totp")
            return redirect("cases:list")
        _code_failed(request, user.username)
        messages.error(request, _("That code did not match. Check the clock on your phone."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/enrol.html",
        {"form": form, "secret": secret, "qr": _qr_svg(device.config_url)},
    )


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


@verified_login_required
def me(request: HttpRequest) -> HttpResponse:
    """The user's own page: language, API tokens."""
    user = request.user
    assert isinstance(user, User)
    token = None
    if request.method == "POST" and request.POST.get("action") == "new-token":
        _row, token = ApiToken.issue(user)
        record(user.username, "account.api_token")
    return render(request, "accounts/me.html", {"token": token, "tokens": user.api_tokens.all()})


@administrator_required
def account_list(request: HttpRequest) -> HttpResponse:
    admin = request.user
    assert isinstance(admin, User)
    form = NewAccountForm(request.POST or None)
    form.fields["teams"].queryset = Team.objects.filter(organisation=admin.organisation)  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            validate_password(data["password"])
        except ValidationError as error:
            form.add_error("password", error)
        else:
            if User.objects.filter(username=data["username"]).exists():
                form.add_error("username", _("This username is taken."))
            else:
                user = User.objects.create_user(
                    username=data["username"],
                    password=data["password"],
                    organisation=admin.organisation,
                    role=data["role"],
                )
                user.teams.set(data["teams"])
                record(admin.username, "account.create", detail=user.username)
                messages.success(request, _("Account created. At first login it must set up an authenticator."))
                return redirect("accounts:list")
    users = User.objects.filter(organisation=admin.organisation).prefetch_related("teams").order_by("username")
    return render(request, "accounts/list.html", {"form": form, "users": users})


@require_POST
@administrator_required
def account_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """Unlock an account and make it set up a new authenticator (lost phone)."""
    admin = request.user
    assert isinstance(admin, User)
    user = get_object_or_404(User, pk=user_id, organisation=admin.organisation)
    TOTPDevice.objects.filter(user=user).delete()
    axes_reset(username=user.username)
    record(admin.username, "account.reset", detail=user.username)
    messages.success(request, _("Account unlocked; a new authenticator is needed at next login."))
    return redirect("accounts:list")
