"""A failed login is not logged with what was typed as the username (django-axes would log it
even with AXES_VERBOSE off, and people type passwords there)."""

from __future__ import annotations

import io
import logging

from django.test import Client

from .conftest import World


def test_failed_login_does_not_log_what_was_typed_as_username(world: World) -> None:
    handler = next(h for h in logging.getLogger("axes").handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    old = handler.setStream(buffer)
    try:
        Client().post("/", {"username": "zarema-passphrase-oops", "password": "x", "code": ""})
    finally:
        handler.setStream(old)  # type: ignore[arg-type]
    assert "zarema-passphrase-oops" not in buffer.getvalue()
