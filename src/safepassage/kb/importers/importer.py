"""The interface every importer implements, and the errors it raises.

An importer reads the files of one raw release (`reads`, inside the folder RAW_PATH) and writes
its derived files into an empty folder it is given. It returns a `Release` describing what it
read and wrote; `importing.import_dataset` then validates the derived files and swaps them in
whole, so a failed or interrupted import never leaves a dataset half-replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol


class ImportFailure(Exception):
    """The raw release cannot be imported; the message is one line naming what is wrong."""


class RowError(ImportFailure):
    """One malformed row: names the raw file, the row and the column."""

    def __init__(self, file: str, row: object, column: str, message: str) -> None:
        self.file, self.row, self.column = file, row, column
        super().__init__(f"{file}, row {row}, column {column}: {message}")


class MissingFile(ImportFailure):
    def __init__(self, raw: Path, name: str) -> None:
        super().__init__(f"{raw}: the release has no {name!r}")


@dataclass
class Release:
    """What an importer knows about the release it read: the metadata file is written from it.

    `sources` are knowledge-base sources (the `Source` fields) that facts from this dataset
    cite; each is defined here once. `notes` say, in plain words, how values were mapped.
    """

    title: str
    publisher: str
    url: str
    version: str
    published: str  # the release date, YYYY, YYYY-MM or YYYY-MM-DD
    licence: str
    compiled_by: str | None = None
    licence_files: list[str] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # rows read, written, skipped (by why)
    notes: list[str] = field(default_factory=list)


class Importer(Protocol):
    name: str  # the folder under kb/data/datasets/ and the name `kb import` takes
    title: str  # one line: what the dataset is
    reads: tuple[str, ...]  # files read inside RAW_PATH (a glob pattern where there are many)

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        """Read the raw release in `raw`, write derived files into the empty folder `out`.

        `released` is the release date when the caller gives it (some releases do not state
        their own); an importer that needs it and gets None raises ImportFailure.
        """
        ...
