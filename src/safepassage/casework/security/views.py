"""Quick exit, and the neutral error pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import auth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from safepassage.casework.audit.chain import record


@require_POST
def quick_exit(request: HttpRequest) -> HttpResponse:
    """End the session at once and show a neutral page that moves on to QUICK_EXIT_URL.

    The script (static/safepassage/quick-exit.js) replaces the page itself and sends this as a
    beacon; without script, the button posts here. The response tells the browser to drop the
    site's cookies and storage, and it is not cached.
    """
    if request.user.is_authenticated:
        record(request.user.get_username(), "account.quick_exit")
    auth.logout(request)
    response = render(request, "security/exit.html", {"url": settings.QUICK_EXIT_URL})
    response["Clear-Site-Data"] = '"cookies", "storage"'
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "security/error.html", {"status": 404}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "security/error.html", {"status": 500}, status=500)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "security/error.html", {"status": 403}, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "security/error.html", {"status": 400}, status=400)
