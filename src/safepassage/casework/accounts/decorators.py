"""The gate every case view passes: logged in with password AND a TOTP code."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def verified_login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        # OTPMiddleware gives the user is_verified(): true only after a TOTP code this session
        if not user.is_authenticated or not user.is_verified():  # type: ignore[attr-defined]
            return redirect("accounts:login")
        return view(request, *args, **kwargs)

    return wrapper
