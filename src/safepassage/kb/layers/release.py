"""The metadata file every derived dataset carries: where it came from, and what it holds.

`metadata.yaml` sits beside the derived files in `kb/data/datasets/<name>/`. It names the
publisher, title, version or snapshot date, original URL and licence of the release, the sha256
of every raw file the importer read, how many rows went in and out, the notes on how values were
mapped, and the knowledge-base sources that facts from this dataset cite (each defined here
once). `SHA256SUMS` (the format `sha256sum -c` reads) lists every derived file with its sha256,
so `kb check` notices a derived file edited by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from safepassage.kb.dates import PartialDate
from safepassage.kb.models import Source

METADATA = "metadata.yaml"
CHECKSUMS = "SHA256SUMS"
_YamlLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FileDigest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    bytes: Annotated[int, Field(ge=0)]


class DatasetMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    title: str
    publisher: str
    url: HttpUrl
    version: str
    published: PartialDate
    licence: str
    licence_files: tuple[str, ...] = ()
    compiled_by: str | None = None
    imported: dt.date
    importer: str
    raw_files: tuple[FileDigest, ...]
    counts: dict[str, int] = {}
    notes: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


class ReleaseError(Exception):
    """A derived dataset folder is missing its metadata or does not match it."""


def read_meta(folder: Path) -> DatasetMeta:
    path = folder / METADATA
    if not path.is_file():
        raise ReleaseError(f"{folder.name}: no {METADATA}")
    raw = yaml.load(path.read_bytes(), Loader=_YamlLoader)
    try:
        return DatasetMeta.model_validate(raw)
    except ValueError as error:
        first = str(error).splitlines()
        raise ReleaseError(f"{folder.name}/{METADATA}: {' '.join(first[:3])}") from error


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksums(folder: Path) -> list[Path]:
    """Write SHA256SUMS for every file in `folder` but the metadata; returns the files."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in (METADATA, CHECKSUMS))
    lines = [f"{sha256_of(p)}  {p.relative_to(folder).as_posix()}" for p in files]
    (folder / CHECKSUMS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return files


def changed_files(folder: Path) -> list[str]:
    """Derived files missing from `folder` or different from their SHA256SUMS entry."""
    path = folder / CHECKSUMS
    if not path.is_file():
        return [CHECKSUMS]
    changed = []
    listed = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed.add(name)
        target = folder / name
        if not target.is_file() or sha256_of(target) != digest:
            changed.append(name)
    present = {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name not in (METADATA, CHECKSUMS)
    }
    return changed + sorted(f"{name} (not listed)" for name in present - listed)
