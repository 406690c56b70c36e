"""Headers on every response, and the one access-log line per request."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

access_log = logging.getLogger("safepassage.access")


def no_store_and_headers(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = get_response(request)
        if not request.path.startswith("/static/"):
            # Case pages must not stay in the browser cache of a shared or seized device.
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        response["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        # Log the route pattern, never the path or query: no ids, names or search terms in logs.
        match = getattr(request, "resolver_match", None)
        route = match.route if match is not None else "(unrouted)"
        access_log.info(
            "%s %s %s %.0fms", request.method, route, response.status_code, (time.perf_counter() - started) * 1000
        )
        return response

    return middleware
