"""Helpers for the importer tests: import a fixture into a temporary datasets folder."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import shutil
from pathlib import Path

from safepassage.kb.importers.importing import import_dataset
from safepassage.kb.importers.registry import load_importers

FIXTURES = Path(__file__).parent / "fixtures" / "datasets"
TODAY = dt.date(2026, 12, 4)


def raw_copy(tmp_path: Path, fixture: str) -> Path:
    """A writable copy of a fixture release, to spoil in a test."""
    target = tmp_path / "raw" / fixture
    shutil.copytree(FIXTURES / fixture, target)
    return target


def run_import(name: str, raw: Path, datasets: Path, released: str | None = None) -> Path:
    return import_dataset(load_importers()[name], raw, datasets, released, today=TODAY)


def rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to show nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
