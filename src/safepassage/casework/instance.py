"""The instance folder: where one deployment keeps its database (SQLite by default), its secrets
and its case-key store. `SAFEPASSAGE_HOME` chooses it; the default is `./.safepassage`."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path


def instance_dir() -> Path:
    # Everything the app writes (database, WAL, keys, backups) is for its own user only.
    os.umask(0o077)
    home = Path(os.environ.get("SAFEPASSAGE_HOME", ".safepassage")).resolve()
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    return home


def private_file(path: Path, make: bytes | None = None) -> bytes:
    """Read a secret file, creating it with `make` if absent.

    Security: a secret readable by other local users is refused rather than used, as ssh does
    with private keys, so a mistaken `chmod` is noticed instead of silently widening access.
    """
    if not path.exists():
        if make is None:
            raise FileNotFoundError(f"{path} does not exist")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(make)
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(f"{path} is readable by other users; run `chmod 600 {path}`")
    return path.read_bytes()


def secret_key(home: Path) -> str:
    return private_file(home / "django-secret-key", secrets.token_urlsafe(50).encode()).decode()
