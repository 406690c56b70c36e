"""`safepassage kb import`: one command per release, one line and exit 2 on bad input."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import safepassage.kb.importers as importers_package
from safepassage.kb.importers.registry import (
    DEFAULT_IMPORTERS,
    ImporterError,
    check_importer,
    load_importers,
)
from tests.datasets import FIXTURES, raw_copy


def kb_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safepassage", "kb", "import", *args], capture_output=True, text=True, timeout=120
    )


class TestImportCommand:
    def test_it_writes_the_derived_folder_where_it_is_told(self, tmp_path: Path) -> None:
        result = kb_import("freedom-house", str(FIXTURES / "freedom-house"), "--datasets-dir", str(tmp_path))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "freedom-house" / "rule-of-law.csv").is_file()
        assert result.stdout.startswith(f"wrote {tmp_path / 'freedom-house'}")

    def test_a_malformed_row_is_one_line_and_exit_2(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "passport-index")
        path = raw / "2025-01-12.csv"
        path.write_text(path.read_text().replace("visa on arrival", "perhaps", 1))
        result = kb_import("passport-index", str(raw), "--datasets-dir", str(tmp_path / "out"))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: 2025-01-12.csv, row ")
        assert "column" in result.stderr and "Traceback" not in result.stderr
        assert not any((tmp_path / "out").iterdir())  # nothing half-imported, no temporary folder left

    def test_an_unknown_dataset_and_a_missing_file_are_bad_input(self, tmp_path: Path) -> None:
        result = kb_import("nonsense", str(tmp_path))
        assert result.returncode == 2 and "unknown dataset 'nonsense'" in result.stderr
        result = kb_import("openflights", str(tmp_path), "--datasets-dir", str(tmp_path / "out"))
        assert result.returncode == 2 and "has no 'airports.dat'" in result.stderr


class TestImporterRegistry:
    def test_every_importer_module_is_listed_like_a_plugin(self) -> None:
        modules = {
            f"safepassage.kb.importers.{m.name}"
            for m in pkgutil.iter_modules(importers_package.__path__)
            if hasattr(importlib.import_module(f"safepassage.kb.importers.{m.name}"), "IMPORTER")
        }
        assert modules == set(DEFAULT_IMPORTERS)
        assert len(load_importers()) == len(DEFAULT_IMPORTERS)

    def test_an_object_without_the_interface_is_refused_by_name(self) -> None:
        class Half:
            name = "half"
            title = "No run method"
            reads = ("x.csv",)

        with pytest.raises(ImporterError, match="somewhere: IMPORTER has no 'run'"):
            check_importer(Half(), "somewhere")
