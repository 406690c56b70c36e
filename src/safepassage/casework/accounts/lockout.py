"""Login lockout by (name as typed, client address), with waits that double: django-axes's
handler interface (AXES_HANDLER), our record.

Security decisions (docs/threat-model.md, "Lockout"):
- Counting per name *and* address means someone who knows a colleague's username can lock only
  themselves out, where they are; a flat lock per account let anyone shut a colleague out for an
  hour, again and again. Guessing from many addresses is bounded by the password rule (zxcvbn
  score 3), argon2, and the second factor (whose wrong codes are also throttled per device,
  accounts/authenticators.py). IPv6 addresses count per /64, which one subscriber holds.
- After FAILURES_BEFORE_LOCK failures the pair is locked for FIRST_LOCK; each further failure
  after a lock runs out locks it again for twice as long, up to LONGEST_LOCK. A pair quiet for
  FORGET_AFTER is forgotten; a successful login forgets it at once.
- The record keeps no helper metadata in clear: the name as typed (a password typed into the
  name field lands there) and the address exist only inside HMACs under a master-key subkey,
  and no form data, user agent or path is stored at all (axes's own tables stay empty).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from safepassage.casework.vault.keys import keyed_digest

FIRST_LOCK = dt.timedelta(minutes=1)
LONGEST_LOCK = dt.timedelta(days=1)
FORGET_AFTER = dt.timedelta(days=1)


def now() -> dt.datetime:
    return timezone.now()


class LoginFailures(models.Model):
    account = models.CharField(max_length=64, db_index=True)  # HMAC of the name as typed
    client = models.CharField(max_length=64, unique=True)  # HMAC of (name as typed, address)
    failures = models.PositiveIntegerField(default=0)
    last_failure = models.DateTimeField()
    locked_until = models.DateTimeField(null=True)


def _name(username: str) -> str:
    return keyed_digest("lockout-account", username.casefold().encode())


def _address(address: str) -> str:
    """The client as counted: an IPv4 address, or the /64 of an IPv6 one."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def _client(username: str, address: str) -> str:
    return keyed_digest("lockout-client", f"{username.casefold()}\0{_address(address)}".encode())


def request_address(request: HttpRequest | None) -> str:
    # REMOTE_ADDR is the client's own address: `serve` sets it from X-Forwarded-For only when
    # the request came through the trusted TLS proxy (cli/web_commands.py).
    return str(getattr(request, "META", {}).get("REMOTE_ADDR", ""))


def _username(credentials: dict[str, Any] | None) -> str:
    return str((credentials or {}).get("username") or "")


def wait_for(username: str, address: str) -> dt.timedelta:
    """How long (name, address) stays locked; zero when it is not locked."""
    record = LoginFailures.objects.filter(client=_client(username, address)).first()
    if record is None or record.locked_until is None:
        return dt.timedelta(0)
    return max(record.locked_until - now(), dt.timedelta(0))


def record_failure(username: str, address: str) -> bool:
    """Count one failed password or code; True when the pair is locked now."""
    moment = now()
    limit = int(settings.AXES_FAILURE_LIMIT)
    with transaction.atomic():
        record, _created = LoginFailures.objects.select_for_update().get_or_create(
            client=_client(username, address),
            defaults={"account": _name(username), "last_failure": moment},
        )
        locked = record.locked_until is not None and record.locked_until > moment
        if locked:
            return True  # refused before any check: not counted, the lock does not grow
        last_activity = max(record.last_failure, record.locked_until or record.last_failure)
        if moment - last_activity > FORGET_AFTER:
            record.failures, record.locked_until = 0, None
        record.failures += 1
        record.last_failure = moment
        if record.failures >= limit:
            doubling = min(record.failures - limit, 32)  # 2**32 minutes is past any cap anyway
            record.locked_until = moment + min(FIRST_LOCK * 2**doubling, LONGEST_LOCK)
        record.save()
    return record.failures >= limit


def forget(username: str, address: str) -> None:
    LoginFailures.objects.filter(client=_client(username, address)).delete()


def unlock(username: str) -> int:
    """Lift every lock on this name, at every address; the number of records removed."""
    removed, _ = LoginFailures.objects.filter(account=_name(username)).delete()
    return int(removed)


def locked_names(usernames: list[str]) -> set[str]:
    """Which of these names are locked somewhere now (for the accounts page)."""
    digests = {_name(name): name for name in usernames}
    rows = LoginFailures.objects.filter(account__in=list(digests), locked_until__gt=now())
    return {digests[account] for account in rows.values_list("account", flat=True)}


def forget_quiet(before: dt.datetime) -> int:
    """Records with no failure and no lock since `before` (the pruning step)."""
    stale = LoginFailures.objects.filter(last_failure__lt=before).exclude(locked_until__gte=before)
    removed, _ = stale.delete()
    return int(removed)


def locked_page(request: HttpRequest, username: str) -> HttpResponse:
    wait = wait_for(username, request_address(request))
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return render(request, "accounts/locked.html", {"minutes": minutes}, status=429)


def lockout_response(request: HttpRequest, original: HttpResponse | None = None, credentials: dict[str, Any] | None = None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the page axes's middleware shows when a request got locked."""
    return locked_page(request, _username(credentials))


class LockoutHandler:
    """The axes handler (signals from django.contrib.auth, and the backend's question "is this
    attempt allowed?") over LoginFailures. Whitelists and blacklists are not used."""

    def is_allowed(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        return not self.is_locked(request, credentials)

    def is_locked(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> bool:
        return wait_for(_username(credentials), request_address(request)) > dt.timedelta(0)

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        record = LoginFailures.objects.filter(client=_client(_username(credentials), request_address(request))).first()
        return record.failures if record else 0

    def user_login_failed(self, sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any) -> None:
        if request is None:
            return
        if record_failure(_username(credentials), request_address(request)):
            request.axes_locked_out = True  # type: ignore[attr-defined]  # axes's middleware shows the locked page
            request.axes_credentials = credentials  # type: ignore[attr-defined]

    def user_logged_in(self, sender: object, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
        if request is not None:
            forget(user.get_username(), request_address(request))

    def user_logged_out(self, sender: object, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
        pass

    def reset_attempts(self, *, ip_address: str | None = None, username: str | None = None, ip_or_username: bool = False) -> int:
        return unlock(username) if username else 0

    def reset_logs(self, *, age_days: int | None = None) -> int:
        return 0  # no access log is kept here: the audit log records logins

    def reset_failure_logs(self, *, age_days: int | None = None) -> int:
        return 0

    def remove_out_of_limit_failure_logs(self, *, username: str, limit: int | None = None) -> int:
        return 0

    def post_save_access_attempt(self, instance: object, **kwargs: Any) -> None:
        pass

    def post_delete_access_attempt(self, instance: object, **kwargs: Any) -> None:
        pass
