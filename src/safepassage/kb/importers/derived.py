"""Writing derived files so that a re-import of the same release gives the same bytes.

Same bytes means git shows no change when nothing changed, and a reviewer's diff of a new
release shows only what the publisher changed. CSV with "\\n" line ends; gzip without a
timestamp; YAML with sorted keys.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from safepassage.kb.layers.release import sha256_of

__all__ = ["csv_bytes", "sha256_of", "write_csv", "write_csv_gz", "write_yaml"]


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue().encode("utf-8")


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a plain CSV (for files small enough to review in a diff); returns the row count."""
    rows = list(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(csv_bytes(header, rows))
    return len(rows)


def write_csv_gz(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a gzip-compressed CSV (for layers too big to review row by row; each comes with a
    plain summary file). `zcat FILE` reads it."""
    rows = list(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(csv_bytes(header, rows))
    return len(rows)


def write_yaml(path: Path, data: dict[str, Any]) -> None:
    path.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )
