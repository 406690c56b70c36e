"""API errors: one JSON line naming the problem, never repeating submitted values."""

from __future__ import annotations

from django.http import JsonResponse


class BadJson(Exception):
    """The body is not JSON, or does not fit the endpoint's schema."""


def error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)
