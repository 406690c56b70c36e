"""The UN treaty importers (2015 status pages, 2022 table) and how the layer resolves them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safepassage.kb.importers.importer import RowError
from safepassage.kb.layers.layer import LayerContext
from safepassage.kb.layers.treaties import TreatyLayer
from safepassage.kb.models import MembershipFact, Source
from tests.datasets import FIXTURES, raw_copy, rows, run_import

CONTEXT = LayerContext(dt.date(2026, 12, 4), lambda code: code, {})


@pytest.fixture()
def datasets(tmp_path: Path) -> Path:
    folder = tmp_path / "datasets"
    run_import("un-treaties-2015", FIXTURES / "untreaties-2015", folder, "2015-03-14")
    run_import("hr-treaties-2022", FIXTURES / "hr-treaties-2022", folder, "2022-08-25")
    return folder


def status(datasets: Path, name: str, state: str, instrument: str) -> dict[str, str]:
    return next(r for r in rows(datasets / name / "status.csv") if (r["state"], r["instrument"]) == (state, instrument))


def facts(layer: TreatyLayer, state: str, instrument: str, as_of: dt.date) -> list[MembershipFact]:
    context = LayerContext(as_of, lambda code: code, {})
    return [f for f in layer.facts(context, state) if isinstance(f, MembershipFact) and f.value.instrument == instrument]


class TestTreatyImport:
    def test_the_2015_pages_give_dates_and_how_a_state_joined(self, datasets: Path) -> None:
        row = status(datasets, "un-treaties-2015", "KZ", "refugee-convention-1951")
        assert (row["status"], row["joined"], row["joined_by"]) == ("party", "1999-01-15", "accession")
        row = status(datasets, "un-treaties-2015", "ZM", "op-cedaw")
        assert (row["status"], row["signed"], row["joined"]) == ("signatory", "2008-09-29", "")

    def test_an_article_22_declaration_is_read_only_where_it_recognises_the_committee(self, datasets: Path) -> None:
        declared = [r["state"] for r in rows(datasets / "un-treaties-2015" / "status.csv") if r["instrument"] == "cat-art22"]
        # Guinea-Bissau recognises individual complaints; China refuses article 20 and Qatar
        # withdraws a reservation on articles 21 and 22: neither is a declaration under article 22
        assert declared == ["GW"]

    def test_the_2022_table_flags_coding_slips_reads_denunciations_and_todays_codes(self, datasets: Path) -> None:
        kz = status(datasets, "hr-treaties-2022", "KZ", "iccpr-op1")
        assert kz["status"] == "party" and "'state party' is 0" in kz["slip"]
        jm = status(datasets, "hr-treaties-2022", "JM", "iccpr-op1")
        assert jm["denounced"] == "1997"
        assert status(datasets, "hr-treaties-2022", "TL", "cat")["row"].endswith("East Timor")
        assert len(rows(datasets / "hr-treaties-2022" / "un-members.csv")) == 193

    def test_an_unknown_participant_names_file_row_and_column(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "untreaties-2015")
        path = raw / "treaties" / "5-2.csv"
        path.write_text(path.read_text().replace("Latvia,", "Atlantis,"))
        with pytest.raises(RowError, match=r"^5-2\.csv, row 9, column Participant: unknown country name 'Atlantis'"):
            run_import("un-treaties-2015", raw, tmp_path / "datasets", "2015-03-14")

    def test_a_bad_year_in_the_2022_table_names_file_row_and_column(self, tmp_path: Path) -> None:
        raw = raw_copy(tmp_path, "hr-treaties-2022")
        path = raw / "hr_status_cat.csv"
        path.write_text(path.read_text().replace("KZ,Kazakhstan,1,1998", "KZ,Kazakhstan,1,19x8"))
        with pytest.raises(RowError, match=r"^hr_status_cat\.csv, row 88, column year ratification or accession: not a year: '19x8'"):
            run_import("hr-treaties-2022", raw, tmp_path / "datasets", "2022-08-25")


class TestTreatyResolution:
    def test_a_ratification_is_public_from_its_own_date(self, datasets: Path) -> None:
        layer = TreatyLayer(datasets)
        assert facts(layer, "KZ", "refugee-convention-1951", dt.date(1999, 1, 14)) == []
        (party,) = facts(layer, "KZ", "refugee-convention-1951", dt.date(1999, 1, 15))
        assert party.value.status == "party" and party.row == "treaties/5-2.csv row 8: Kazakhstan"

    def test_a_state_the_register_does_not_list_is_not_a_party_from_the_scrape_on(self, datasets: Path) -> None:
        layer = TreatyLayer(datasets)  # India is a UN member and not on the refugee pages
        assert facts(layer, "IN", "refugee-convention-1951", dt.date(2015, 3, 13)) == []
        (fact,) = facts(layer, "IN", "refugee-convention-1951", dt.date(2015, 3, 14))
        assert fact.value.status == "non_party" and "not among its 12 participants" in (fact.row or "")

    def test_a_denunciation_the_2022_note_records_ends_the_party(self, datasets: Path) -> None:
        layer = TreatyLayer(datasets)
        assert [f.value.status for f in facts(layer, "JM", "iccpr-op1", dt.date(1990, 1, 1))] == ["party"]
        assert [f.value.status for f in facts(layer, "JM", "iccpr-op1", dt.date(2005, 1, 1))] == ["non_party"]

    def test_the_dated_table_decides_and_every_disagreement_is_a_warning(self, datasets: Path) -> None:
        layer = TreatyLayer(datasets)
        warnings = layer.warnings(CONTEXT, [], {})
        # Mongolia: party since 1991 in the 2015 pages, "no action" in the 2022 table
        assert any(w.startswith("treaties: MN iccpr-op1: the 2015 table says party since 1991-04-16") for w in warnings)
        assert [f.value.status for f in facts(layer, "MN", "iccpr-op1", dt.date(2024, 1, 1))] == ["party"]
        # Zambia: a 2008 accession in the 2022 table that the 2015 pages do not have
        assert any("ZM op-cedaw: the 2022 table says party since 2008" in w for w in warnings)
        assert [f.value.status for f in facts(layer, "ZM", "op-cedaw", dt.date(2024, 1, 1))] == ["signatory"]
        assert any("KZ iccpr-op1" in w and "coding slip" in w for w in warnings)
        assert any("JM iccpr-op1" in w and "denunciation" in w for w in warnings)

    def test_curated_memberships_that_the_tables_contradict_are_warned_about(self, datasets: Path) -> None:
        layer = TreatyLayer(datasets)
        source = Source(id="src-a", publisher="Example", title="Example page", url="https://example.org/a", published="2017-02-28", accessed=dt.date(2026, 11, 25))
        def curated(fact_id: str, country: str, status: str, valid_from: str | None = None) -> MembershipFact:
            return MembershipFact.model_validate(
                {"id": fact_id, "kind": "membership", "country": country, "valid_from": valid_from, "confidence": "high",
                 "sources": ["src-a"], "summary": "A curated membership for the test.",
                 "value": {"instrument": "refugee-convention-1951" if country == "IR" else "iccpr-op1", "status": status}}
            )
        warnings = layer.warnings(CONTEXT, [
            curated("ir-signatory", "IR", "signatory"),  # the register: acceded 28 July 1976
            curated("kz-party-2009", "KZ", "party", "2009"),  # ratified 30 June 2009: agrees
        ], {"src-a": source})
        mine = [w for w in warnings if w.startswith("curated")]
        assert len(mine) == 1 and mine[0].startswith("curated ir-signatory: status signatory from 2017-02-28 disagrees")
