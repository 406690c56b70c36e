"""Per-case keys, wrapped by the master key, kept in a store outside the database.

Security: a case's data key is the only way to read its sealed fields, its attachments, its name
index (vault/blind_index.py) and its part of every backup (backup.py). The store is deliberately
not part of the database, and never part of a backup, so erasing a case (deleting its key) makes
all of that unreadable everywhere, including in backups taken earlier. The store also keeps a
tombstone per erased case, so a restore drops such a case entirely and a key file that turns up
again (say from a disk snapshot) is never used (docs/threat-model.md, "Erasure").
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from django.conf import settings

from safepassage.casework.vault.keys import KEY_BYTES, derive_key, subkey
from safepassage.casework.vault.sealing import SealError, seal, unseal


class CaseKeyMissing(Exception):
    """The case's key is gone: the case was erased (or the key store was lost)."""


class DirectoryKeyStore:
    """One small file per case: <case-id>.key holding the wrapped key."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or Path(settings.SAFEPASSAGE_CASE_KEY_DIR)

    def _path(self, case_id: uuid.UUID) -> Path:
        return self.directory / f"{uuid.UUID(str(case_id))}.key"  # normalised: no path tricks

    def put(self, case_id: uuid.UUID, wrapped: bytes) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self._path(case_id)
        temporary = path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(wrapped)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    def get(self, case_id: uuid.UUID) -> bytes | None:
        try:
            return self._path(case_id).read_bytes()
        except FileNotFoundError:
            return None

    def _tombstone(self, case_id: uuid.UUID) -> Path:
        return self.directory / f"{uuid.UUID(str(case_id))}.erased"

    def is_erased(self, case_id: uuid.UUID) -> bool:
        return self._tombstone(case_id).exists()

    def destroy(self, case_id: uuid.UUID) -> None:
        """Tombstone first (an interrupted erase still counts as one), then the key."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        tombstone = self._tombstone(case_id)
        fd = os.open(tombstone, os.O_WRONLY | os.O_CREAT, 0o600)
        os.fsync(fd)
        os.close(fd)
        os.utime(tombstone, (0, 0))  # the tombstone says that, not when
        path = self._path(case_id)
        if not path.exists():
            return
        # Overwrite before unlinking: on an SSD this is best effort, which is why the key is
        # also wrapped by the master key (a recovered file alone opens nothing).
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(os.urandom(size))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()


def _wrap_key() -> bytes:
    return derive_key("wrap")


def create_case_key(case_id: uuid.UUID, store: DirectoryKeyStore | None = None) -> bytes:
    key = os.urandom(KEY_BYTES)
    (store or DirectoryKeyStore()).put(case_id, seal(_wrap_key(), key, case_id.bytes))
    return key


def case_key(case_id: uuid.UUID, store: DirectoryKeyStore | None = None) -> bytes:
    store = store or DirectoryKeyStore()
    wrapped = store.get(case_id)
    if wrapped is None or store.is_erased(case_id):
        raise CaseKeyMissing(str(case_id))
    try:
        return unseal(_wrap_key(), wrapped, case_id.bytes)
    except SealError:
        raise CaseKeyMissing(str(case_id)) from None


def destroy_case_key(case_id: uuid.UUID, store: DirectoryKeyStore | None = None) -> None:
    (store or DirectoryKeyStore()).destroy(case_id)


def is_erased(case_id: uuid.UUID, store: DirectoryKeyStore | None = None) -> bool:
    return (store or DirectoryKeyStore()).is_erased(case_id)


def seal_for_case(case_id: uuid.UUID, purpose: str, plaintext: bytes) -> bytes:
    """Seal under a key derived from the case's key: readable exactly as long as the case is."""
    return seal(subkey(case_key(case_id), purpose), plaintext, uuid.UUID(str(case_id)).bytes)


def open_for_case(case_id: uuid.UUID, purpose: str, blob: bytes) -> bytes:
    """CaseKeyMissing once the case is erased; SealError if the blob is not this case's."""
    return unseal(subkey(case_key(case_id), purpose), blob, uuid.UUID(str(case_id)).bytes)
