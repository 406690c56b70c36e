"""The master key and the keys derived from it.

Security: the master key never enters the database. It is read from a key file with owner-only
permissions (FileKeyProvider); a deployment may plug in another provider (an HSM, a secrets
manager) by naming a class in SAFEPASSAGE_KEY_PROVIDER. Every purpose gets its own subkey through
HKDF, so a key used for one job (say the audit MACs) cannot decrypt anything.

The rest of the app never sees these keys: it asks for a keyed digest (audit chain, session
keys, lockout records), or to seal and open under a purpose (backups, sessions, authenticator
seeds). Case keys live in vault/keystore.py.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from functools import cache
from pathlib import Path
from typing import Protocol

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils.module_loading import import_string

from safepassage.casework.instance import private_file
from safepassage.casework.vault.sealing import seal, unseal

KEY_BYTES = 32  # AES-256


class KeyProvider(Protocol):
    def master_key(self) -> bytes: ...


class FileKeyProvider:
    """The master key in a file (created with mode 0600 on first start)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(settings.SAFEPASSAGE_MASTER_KEY_FILE)

    def master_key(self) -> bytes:
        key = private_file(self.path, make=os.urandom(KEY_BYTES))
        if len(key) != KEY_BYTES:
            raise ValueError(f"{self.path} must hold exactly {KEY_BYTES} bytes")
        return key


@cache
def _provider() -> KeyProvider:
    provider: KeyProvider = import_string(settings.SAFEPASSAGE_KEY_PROVIDER)()
    return provider


def subkey(key: bytes, purpose: str, context: str = "") -> bytes:
    """A 256-bit key for one purpose, derived (HKDF-SHA256) from `key`: the master key, or a
    case's data key for what must die with the case (its name index, its part of a backup)."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=f"safepassage/{purpose}/{context}".encode(),
    )
    return hkdf.derive(key)


@cache
def derive_key(purpose: str, context: str = "") -> bytes:
    """A subkey of the master key for one purpose ("wrap", "audit", "backup", ...).

    Cached for the life of the process: the app holds these keys in memory while it runs
    anyway, and reading the key file and running HKDF on every request would cost more
    than it protects. Only the vault calls this; the rest of the app uses the functions below,
    which never hand out key material."""
    return subkey(_provider().master_key(), purpose, context)


def keyed_digest(purpose: str, data: bytes) -> str:
    """HMAC-SHA256 (hex) under a master-key subkey: equal inputs give equal digests, but
    someone with only the database can neither compute nor reverse them."""
    return hmac.new(derive_key(purpose), data, hashlib.sha256).hexdigest()


def seal_under(purpose: str, plaintext: bytes, associated: bytes) -> bytes:
    """AES-256-GCM under a master-key subkey, bound to `associated` (where the blob belongs)."""
    return seal(derive_key(purpose), plaintext, associated)


def open_under(purpose: str, blob: bytes, associated: bytes) -> bytes:
    """The reverse of seal_under; SealError if the blob is not from this instance or this place."""
    return unseal(derive_key(purpose), blob, associated)


def forget_cached_keys() -> None:
    """For tests that swap the key file."""
    _provider.cache_clear()
    derive_key.cache_clear()
