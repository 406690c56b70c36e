"""AES-256-GCM sealing of one record's sensitive fields.

Every blob is bound to where it belongs by the associated data (model, row id, field): a sealed
value copied into another row or another case fails to open instead of being shown there.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12


class SealError(Exception):
    """A blob could not be opened: wrong key, wrong place, or tampered with."""


def seal(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_VERSION + nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def unseal(key: bytes, blob: bytes, associated: bytes) -> bytes:
    if not blob or blob[:1] != FORMAT_VERSION:
        raise SealError("unknown sealed-data format")
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, body, associated)
    except InvalidTag:
        raise SealError("sealed data failed authentication") from None
