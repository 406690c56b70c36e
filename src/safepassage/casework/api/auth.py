"""Bearer-token authentication for the JSON API.

The API takes only tokens (issued on the user's page after a password + TOTP login), never the
session cookie: so it needs no CSRF protection, and a page on another site can never use it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from safepassage.casework.accounts.models import ApiToken, User
from safepassage.casework.api.errors import BadJson, error
from safepassage.casework.cases.service import CaseErased


def token_user(request: HttpRequest) -> User | None:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return None
    digest = ApiToken.digest_of(header.removeprefix("Bearer ").strip())
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest, expires__gt=timezone.now(), user__is_active=True)
        .first()
    )
    return row.user if row else None


def api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Token authentication, and the same few errors for every endpoint: a case that is not
    visible and one that does not exist are the same 404."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = token_user(request)
        if user is None:
            return error(401, "a valid API token is required (Authorization: Bearer ...)")
        try:
            return view(request, user, *args, **kwargs)
        except Http404:
            return error(404, "not found, or not visible to this account")
        except CaseErased:
            return error(410, "this case was erased")
        except BadJson as problem:
            return error(400, str(problem))

    return wrapper
