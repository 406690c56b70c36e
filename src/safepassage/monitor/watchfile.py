"""The watch file of `safepassage monitor scan`: YAML, a list of {id, names}.

It holds names of people at risk: keep it on an encrypted disk and delete it after use. Errors
name the entry and the field, never a name."""

from __future__ import annotations

from pathlib import Path

import yaml

from safepassage.monitor.names.index import WatchEntry


class WatchFileError(ValueError):
    pass


def load_watch_file(path: Path) -> list[WatchEntry]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise WatchFileError(f"{path}: cannot read ({error.strerror or error.__class__.__name__})") from None
    except (yaml.YAMLError, UnicodeDecodeError):
        raise WatchFileError(f"{path}: not valid YAML (UTF-8)") from None
    if not isinstance(raw, list) or not raw:
        raise WatchFileError(f"{path}: expected a non-empty list of {{id, names}}")
    entries: list[WatchEntry] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) - {"id", "names"}:
            raise WatchFileError(f"{path}: entry {number}: expected only the keys id and names")
        watch_id = item.get("id")
        names = item.get("names")
        if not isinstance(watch_id, str | int) or not str(watch_id).strip():
            raise WatchFileError(f"{path}: entry {number}: id is missing")
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise WatchFileError(f"{path}: entry {number} ({watch_id}): names must be a non-empty list of text")
        if str(watch_id) in seen:
            raise WatchFileError(f"{path}: entry {number}: id {watch_id} is used twice")
        seen.add(str(watch_id))
        entries.append(WatchEntry(str(watch_id), tuple(n.strip() for n in names)))
    return entries
