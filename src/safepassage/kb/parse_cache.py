"""A cache of the parsed knowledge-base files, so a fresh process need not re-parse the YAML.

Parsing ~1.4 MB of YAML is most of a cold start (about 0.3 s of a 0.5 s command); validating the
parsed data with pydantic is a fifth of that. So we cache only what the YAML parser returns, as
JSON (dates tagged, so they come back as dates), keyed by the sha256 of every file's name and
bytes: any edit, even one character, is a new key. Everything after parsing — validation, the
checks, the defects — runs on every load exactly as without the cache.

Security (docs/threat-model.md): the cache holds only the public knowledge base, never case data.
It is JSON, never pickle, so reading it cannot run code. It lives in the user's cache folder
(SAFEPASSAGE_CACHE_DIR, else the platform's user cache dir), created 0700 with files 0600,
written atomically; a cache file that is not the user's own or that others may write is ignored.
`kb check` never reads it, so a review always checks the files themselves.
SAFEPASSAGE_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 1  # bump when the cached layout changes


def cache_dir() -> Path | None:
    if os.environ.get("SAFEPASSAGE_NO_CACHE"):
        return None
    configured = os.environ.get("SAFEPASSAGE_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("safepassage", appauthor=False))


def _path(folder: Path, digest: str) -> Path:
    return folder / f"kb-parsed-{FORMAT}-{digest}.json"


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> object:
    if len(obj) == 1:
        if "$date" in obj:
            return dt.date.fromisoformat(obj["$date"])
        if "$datetime" in obj:
            return dt.datetime.fromisoformat(obj["$datetime"])
    return obj


def _trusted(path: Path) -> bool:
    """Only our own file, writable by no one else, is read."""
    try:
        info = path.stat()
    except OSError:
        return False
    owned = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owned and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read(digest: str) -> dict[str, Any] | None:
    """The parsed files for this digest, or None (no cache, a miss, or anything odd)."""
    folder = cache_dir()
    if folder is None:
        return None
    path = _path(folder, digest)
    if not _trusted(path):
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("digest") != digest:
        return None
    files = data.get("files")
    return files if isinstance(files, dict) else None


def write(digest: str, files: dict[str, Any]) -> None:
    """Store the parsed files; failing to write a cache is never an error."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        text = json.dumps({"digest": digest, "files": files}, default=_encode, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # a value JSON cannot hold: do without the cache
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".kb-parsed-", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp makes it 0600
            out.write(text)
        target = _path(folder, digest)
        os.replace(temporary, target)
        for old in folder.glob(f"kb-parsed-{FORMAT}-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        return
