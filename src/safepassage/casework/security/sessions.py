"""Sessions a copy of the database cannot use (SESSION_ENGINE).

Django's database backend keeps the cookie's value itself as the row's key, so anyone who reads
`django_session` (a stolen backup, a database dump, a SQL injection) can set that cookie and be
logged in as whoever's row it is, second factor included. Here a row holds instead:

- as its key, an HMAC of the cookie value under a master-key subkey (not in the database), so
  the cookie cannot be derived from the row;
- as its data, the session sealed with AES-256-GCM under another subkey and bound to that HMAC,
  so data copied into another row (say an insider's own session) does not open there.

A session that does not open is treated as no session: the visitor is asked to log in.
"""

from __future__ import annotations

import base64
from typing import Any

from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from safepassage.casework.vault.keys import keyed_digest, open_under, seal_under
from safepassage.casework.vault.sealing import SealError


def stored_key(session_key: str) -> str:
    """What the database holds for a cookie value: 160 bits of HMAC (the column takes 40 hex)."""
    return keyed_digest("session-key", session_key.encode())[:40]


class SessionStore(DatabaseStore):
    """Django's database sessions (its save() and create() are used as they are), with the row's
    key and data as above."""

    def _row(self) -> Session | None:
        if self.session_key is None:
            return None
        return Session.objects.filter(
            session_key=stored_key(self.session_key), expire_date__gt=timezone.now()
        ).first()

    def load(self) -> dict[str, Any]:
        row = self._row()
        if row is not None:
            try:
                sealed = base64.b64decode(row.session_data)
                data = open_under("session-data", sealed, row.session_key.encode()).decode()
                return self.decode(data)
            except (SealError, ValueError):
                pass  # copied from another row, or written by something else: not a session
        self._session_key = None
        return {}

    def exists(self, session_key: str) -> bool:
        return Session.objects.filter(session_key=stored_key(session_key)).exists()

    def create_model_instance(self, data: dict[str, Any]) -> Session:
        key = stored_key(self._get_or_create_session_key())  # type: ignore[attr-defined]
        sealed = seal_under("session-data", self.encode(data).encode(), key.encode())
        return Session(
            session_key=key,
            session_data=base64.b64encode(sealed).decode(),
            expire_date=self.get_expiry_date(),
        )

    def delete(self, session_key: str | None = None) -> None:
        key = session_key if session_key is not None else self.session_key
        if key is not None:
            Session.objects.filter(session_key=stored_key(key)).delete()

    # The app runs under WSGI only; no unhashed path may exist, so the async API is closed.
    async def aload(self) -> dict[str, Any]:
        raise NotImplementedError("hashed sessions are synchronous")

    async def aexists(self, session_key: str) -> bool:
        raise NotImplementedError("hashed sessions are synchronous")

    async def asave(self, must_create: bool = False) -> None:
        raise NotImplementedError("hashed sessions are synchronous")

    async def adelete(self, session_key: str | None = None) -> None:
        raise NotImplementedError("hashed sessions are synchronous")
