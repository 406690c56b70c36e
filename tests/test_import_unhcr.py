"""The UNHCR asylum-decisions importer, on real rows cut from the release."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import rdata
import yaml

from safepassage.kb.importers.importer import ImportFailure, RowError
from safepassage.kb.layers.release import changed_files
from tests.datasets import FIXTURES, raw_copy, rows, run_import, snapshot

NAME = "unhcr-asylum-decisions"


@pytest.fixture()
def imported(tmp_path: Path) -> Path:
    return run_import(NAME, FIXTURES / "unhcr-refugees", tmp_path / "datasets", "2026-06-25")


class TestUnhcrImport:
    def test_it_sums_decision_levels_per_origin_host_year(self, imported: Path) -> None:
        kz = [r for r in rows(imported / "by-origin" / "RU.csv.gz") if r["asylum"] == "KZ"]
        by_year = {r["year"]: r for r in kz}
        # 2023: three rows of the release (administrative review, first instance, judicial review)
        assert by_year["2023"]["levels"] == "G/AR G/FI G/JR"
        assert (by_year["2023"]["rejected"], by_year["2023"]["otherwise_closed"], by_year["2023"]["total"]) == ("5", "33", "38")

    def test_it_keeps_cases_and_persons_apart(self, imported: Path) -> None:
        gb = [r for r in rows(imported / "by-origin" / "RU.csv.gz") if r["asylum"] == "GB"]
        assert sorted((r["basis"], r["recognised"], r["total"]) for r in gb) == [
            ("cases", "23", "28"),
            ("persons", "191", "269"),
        ]

    def test_it_leaves_out_non_states_and_empty_rows_and_counts_them(self, imported: Path) -> None:
        meta = yaml.safe_load((imported / "metadata.yaml").read_text())
        assert meta["counts"]["rows read"] == 33
        assert meta["counts"]["rows skipped: origin unknown origin (UNK)"] >= 1
        assert meta["counts"]["rows skipped: origin stateless (XXA)"] >= 1
        assert meta["counts"]["rows skipped: no decisions (dec_total 0)"] == 1

    def test_metadata_names_the_release_and_the_raw_files_sha256(self, imported: Path) -> None:
        meta = yaml.safe_load((imported / "metadata.yaml").read_text())
        assert meta["publisher"] == "UNHCR" and meta["version"] == "2025.12.1"
        assert meta["url"] == "https://www.unhcr.org/refugee-statistics/" and "CC BY 4.0" in meta["licence"]
        raw = FIXTURES / "unhcr-refugees" / "asylum_decisions.rda"
        digests = {f["file"]: f["sha256"] for f in meta["raw_files"]}
        assert digests["asylum_decisions.rda"] == hashlib.sha256(raw.read_bytes()).hexdigest()
        assert (imported / "LICENSE.md").read_text().startswith("Attribution 4.0 International")
        assert changed_files(imported) == []

    def test_a_malformed_row_names_file_row_and_column_and_changes_nothing(self, tmp_path: Path, imported: Path) -> None:
        raw = raw_copy(tmp_path, "unhcr-refugees")
        frame = rdata.read_rda(raw / "asylum_decisions.rda")["asylum_decisions"]
        frame.loc[15721, "dec_rejected"] = -5.0
        rdata.write_rda(raw / "asylum_decisions.rda", {"asylum_decisions": frame})
        before = snapshot(imported.parent)
        with pytest.raises(RowError) as error:
            run_import(NAME, raw, imported.parent, "2026-06-25")
        assert str(error.value) == "asylum_decisions.rda, row 15721, column dec_rejected: negative count -5.0"
        assert snapshot(imported.parent) == before  # the previous release is intact, no leftovers

    def test_an_unknown_country_code_is_refused(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "unhcr-refugees")
        frame = rdata.read_rda(raw / "asylum_decisions.rda")["asylum_decisions"]
        frame.loc[15721, "coa_iso"] = "QQQ"
        rdata.write_rda(raw / "asylum_decisions.rda", {"asylum_decisions": frame})
        with pytest.raises(RowError, match=r"row 15721, column coa_iso: unknown ISO 3166 alpha-3 code 'QQQ'"):
            run_import(NAME, raw, tmp_path / "datasets", "2026-06-25")
        assert not (tmp_path / "datasets" / NAME).exists()

    def test_it_needs_the_release_date(self, tmp_path: Path) -> None:
        with pytest.raises(ImportFailure, match="--released"):
            run_import(NAME, FIXTURES / "unhcr-refugees", tmp_path / "datasets")
