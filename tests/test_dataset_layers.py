"""Dataset layers reach the engine through KnowledgeView, lazily and by origin."""

from __future__ import annotations

import csv
import datetime as dt

from safepassage.assess import assess_country
from safepassage.kb import KnowledgeBase, load
from safepassage.kb.layers.registry import DATASETS_DIR
from safepassage.kb.models import EntryRuleFact, MembershipFact, MigrantStockFact
from safepassage.kb.stats import coverage_table
from safepassage.profile.reader import profile_from_data

PROFILE = {
    "id": "layer-test",
    "citizenship": ["RU"],
    "origin": {"country": "RU"},
    "threats": [{"actor": "family", "state": "RU"}],
    "documents": ["internal_id"],
}


class TestDatasetLayers:
    def test_origin_rows_come_only_when_asked_for_an_origin(self, kb: KnowledgeBase) -> None:
        view = kb.view(dt.date(2025, 2, 7))
        assert not any(f.row for f in view.of_kind("DE", EntryRuleFact))
        rules = view.concerning("DE", EntryRuleFact, "RU")
        assert [f.value.requirement for f in rules if f.row] == ["visa_required"]
        everywhere = view.from_origin(EntryRuleFact, "RU")
        assert len({f.country for f in everywhere if f.row}) > 150

    def test_a_country_assessment_reads_only_the_persons_origin(self) -> None:
        fresh = load()
        assess_country(profile_from_data(PROFILE), "KZ", fresh.view(dt.date(2025, 2, 7)))
        for layer in fresh.layers:
            loaded = getattr(layer, "_rows", None)
            if isinstance(loaded, dict) and layer.keyed_by == "about":
                assert set(loaded) <= {"RU"}, (layer.name, sorted(loaded))

    def test_treaty_status_answers_like_curated_memberships(self, kb: KnowledgeBase) -> None:
        view = kb.view(dt.date(2025, 2, 7))
        from_tables = [f for f in view.of_kind("PH", MembershipFact) if f.row]
        assert {f.value.instrument for f in from_tables} >= {"refugee-convention-1951", "cat"}

    def test_migrant_stock_says_it_is_not_a_community_figure(self, kb: KnowledgeBase) -> None:
        (fact,) = kb.view(dt.date(2025, 2, 7)).concerning("KZ", MigrantStockFact, "RU")
        assert "not the size of a community" in fact.summary and fact.community is None

    def test_at_least_190_un_members_have_facts_in_four_kinds(self, kb: KnowledgeBase) -> None:
        with (DATASETS_DIR / "hr-treaties-2022" / "un-members.csv").open() as handle:
            members = {row["state"] for row in csv.DictReader(handle)}
        coverage = coverage_table(kb.view(dt.date(2026, 12, 4)))
        assert sum(1 for m in members if coverage.kinds_covered(m) >= 4) >= 190
