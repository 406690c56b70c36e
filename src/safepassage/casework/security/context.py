from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def quick_exit(request: HttpRequest) -> dict[str, str]:
    return {"quick_exit_url": settings.QUICK_EXIT_URL}
