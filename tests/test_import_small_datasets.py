"""The Freedom House, World Bank migrant stock and OpenFlights importers, on real cut rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdata
import yaml

from safepassage.kb.importers.importer import ImportFailure, RowError
from tests.datasets import FIXTURES, raw_copy, rows, run_import


class TestFreedomHouseImport:
    def test_it_keeps_f1_to_f3_by_edition_and_leaves_territories_out(self, tmp_path: Path) -> None:
        out = run_import("freedom-house", FIXTURES / "freedom-house", tmp_path)
        kz = {r["edition"]: r for r in rows(out / "rule-of-law.csv") if r["state"] == "KZ"}
        assert (kz["2025"]["year"], kz["2025"]["F1"], kz["2025"]["F2"], kz["2025"]["F3"]) == ("2024", "1", "1", "1")
        meta = yaml.safe_load((out / "metadata.yaml").read_text())
        assert meta["counts"]["rows skipped: Crimea (no ISO code of its own)"] == 2
        assert meta["published"] == "2025-02" and meta["sources"][0]["url"].endswith("All_data_FIW_2013-2024.xlsx")

    def test_a_score_outside_0_to_4_names_row_and_column(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "freedom-house")
        frame = rdata.read_rda(raw / "fh_full.rda")["fh_full"]
        row = frame.index[frame.fh_full_country == "Germany"][0]
        frame.loc[row, "F2"] = 7.0
        rdata.write_rda(raw / "fh_full.rda", {"fh_full": frame})
        with pytest.raises(RowError, match=rf"^fh_full\.rda, row {row}, column F2: score 7 outside 0-4$"):
            run_import("freedom-house", raw, tmp_path / "datasets")


class TestMigrantStockImport:
    def test_it_reads_people_by_country_of_birth(self, tmp_path: Path) -> None:
        out = run_import("wb-migrant-stock", FIXTURES / "wb-migration-2020", tmp_path, "2023")
        found = {(r["origin"], r["destination"]): int(r["people"]) for r in rows(out / "migrant-stock.csv")}
        assert found[("RU", "KZ")] == 2476019
        notes = yaml.safe_load((out / "metadata.yaml").read_text())["notes"]
        assert any("not the size of a community" in n for n in notes)

    def test_a_changed_file_does_not_match_its_meta_and_is_refused(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "wb-migration-2020")
        path = raw / "diaspora-migrant-stock-2020-wb.csv"
        path.write_text(path.read_text().replace("RU,KZ,2476019", "RU,KZ,2476020"))
        with pytest.raises(ImportFailure, match="sha256 differs"):
            run_import("wb-migrant-stock", raw, tmp_path / "datasets", "2023")

    def test_a_malformed_stock_names_row_and_column(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "wb-migration-2020")
        path = raw / "diaspora-migrant-stock-2020-wb.csv"
        path.write_text(path.read_text().replace("RU,KZ,2476019", "RU,KZ,many"))
        meta_path = raw / "diaspora-migrant-stock-2020-wb.meta.json"
        meta = json.loads(meta_path.read_text())
        import hashlib

        meta["csvSha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        meta_path.write_text(json.dumps(meta))
        line = path.read_text().splitlines().index("RU,KZ,many") + 1
        with pytest.raises(RowError, match=rf"^diaspora-migrant-stock-2020-wb\.csv, row {line}, column stock: expected a positive whole number, got 'many'$"):
            run_import("wb-migrant-stock", raw, tmp_path / "datasets", "2023")


class TestOpenFlightsImport:
    def test_it_keeps_direct_routes_and_sums_them_by_country(self, tmp_path: Path) -> None:
        out = run_import("openflights", FIXTURES / "openflights", tmp_path)
        meta = yaml.safe_load((out / "metadata.yaml").read_text())
        assert meta["counts"]["routes skipped: not direct (stops > 0)"] == 1
        assert "ODbL" in meta["licence"] and (out / "LICENSE").is_file()
        pairs = {(r["from"], r["to"]) for r in rows(out / "countries.csv")}
        routes = rows(out / "routes.csv.gz")
        airports = {r["iata"]: r["country"] for r in rows(out / "airports.csv")}
        assert {(airports[r["from"]], airports[r["to"]]) for r in routes} - {(a, a) for a in airports.values()} == pairs

    def test_a_malformed_airport_names_row_and_column(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "openflights")
        path = raw / "airports.dat"
        lines = path.read_text(encoding="utf-8").splitlines()
        cells = lines[0].split(",")
        cells[6] = "north"
        lines[0] = ",".join(cells)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(RowError, match=r"^airports\.dat, row 1, column latitude/longitude: not numbers"):
            run_import("openflights", raw, tmp_path / "datasets")
