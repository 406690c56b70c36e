"""The Passport Index importer, on five real snapshots cut to 14 passports and destinations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from safepassage.kb.importers.importer import RowError
from tests.datasets import FIXTURES, raw_copy, rows, run_import, snapshot

NAME = "passport-index"


@pytest.fixture()
def imported(tmp_path: Path) -> Path:
    return run_import(NAME, FIXTURES / "passport-index", tmp_path / "datasets")


def periods(imported: Path, passport: str, destination: str) -> list[tuple[str, str, str, str, str]]:
    return [
        (r["from"], r["to"], r["requirement"], r["days"], r["raw"])
        for r in rows(imported / "by-passport" / f"{passport}.csv.gz")
        if r["destination"] == destination
    ]


class TestPassportIndexImport:
    def test_a_value_holds_until_the_snapshot_that_changes_it(self, imported: Path) -> None:
        assert periods(imported, "RU", "TH") == [
            ("2019-12-17", "2020-02-07", "visa_free", "", "3"),
            ("2020-02-07", "2023-03-12", "visa_free", "30", "30"),
            ("2023-03-12", "2025-01-12", "visa_free", "45", "45"),
            ("2025-01-12", "", "visa_free", "60", "60"),
        ]

    def test_the_early_2020_labels_are_read_by_what_the_2019_codes_said(self, imported: Path) -> None:
        # 2019 code 2 (visa on arrival) reads "ETA" in 2020-02-07; code 1 (eTA) reads "VOA"
        assert periods(imported, "RU", "EG")[0][:3] == ("2019-12-17", "", "visa_on_arrival")
        assert periods(imported, "DE", "US")[0][:3] == ("2019-12-17", "2020-11-19", "e_visa_or_eta")
        meta = yaml.safe_load((imported / "metadata.yaml").read_text())
        assert any("VOA and ETA are swapped" in note for note in meta["notes"])

    def test_e_visa_includes_etas_until_they_were_split_out(self, imported: Path) -> None:
        assert periods(imported, "DE", "US")[-2:] == [
            ("2023-03-12", "2025-01-12", "e_visa_or_eta", "", "e-visa"),
            ("2025-01-12", "", "eta", "", "eta"),
        ]
        assert periods(imported, "RU", "IN")[-1][2] == "e_visa"

    def test_codes_without_an_iso_code_are_left_out_and_counted(self, imported: Path) -> None:
        meta = yaml.safe_load((imported / "metadata.yaml").read_text())
        assert meta["counts"]["passport XK skipped (no ISO 3166-1 code)"] == 5
        assert not (imported / "by-passport" / "XK.csv.gz").exists()
        assert meta["sources"][0]["id"] == "passport-index-2019-12-17"

    def test_an_unknown_cell_names_snapshot_passport_and_destination(self, tmp_path: Path, imported: Path) -> None:
        raw = raw_copy(tmp_path, "passport-index")
        path = raw / "2023-03-12.csv"
        lines = path.read_text().splitlines()
        header = lines[0].split(",")
        row = next(i for i, line in enumerate(lines) if line.startswith("RU,"))
        cells = lines[row].split(",")
        cells[header.index("KZ")] = "visa maybe"
        lines[row] = ",".join(cells)
        path.write_text("\n".join(lines) + "\n")
        before = snapshot(imported.parent)
        with pytest.raises(RowError) as error:
            run_import(NAME, raw, imported.parent)
        assert str(error.value) == "2023-03-12.csv, row RU, column KZ: unknown value 'visa maybe'"
        assert snapshot(imported.parent) == before
