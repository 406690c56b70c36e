"""No hindsight from datasets: each row is visible only from the day its dataset made it public."""

from __future__ import annotations

import datetime as dt

from safepassage.kb import KnowledgeBase
from safepassage.kb.knowledge import was_public
from safepassage.kb.models import (
    AirConnectionFact,
    AsylumDecisionsFact,
    EntryRuleFact,
    MembershipFact,
    MigrantStockFact,
    RuleOfLawFact,
)


def years(kb: KnowledgeBase, day: dt.date, host: str, origin: str) -> set[int]:
    return {f.value.year for f in kb.view(day).concerning(host, AsylumDecisionsFact, origin)}


class TestDatasetAsOf:
    def test_a_years_asylum_statistics_are_invisible_until_july_of_the_next_year(self, kb: KnowledgeBase) -> None:
        assert 2023 not in years(kb, dt.date(2023, 3, 1), "DE", "RU")
        assert 2023 not in years(kb, dt.date(2024, 6, 30), "DE", "RU")
        assert 2023 in years(kb, dt.date(2024, 7, 1), "DE", "RU")
        assert max(years(kb, dt.date(2024, 7, 1), "DE", "RU")) == 2023

    def test_a_freedom_house_edition_is_invisible_before_april_of_its_year(self, kb: KnowledgeBase) -> None:
        def editions(day: dt.date) -> set[int]:
            return {f.value.edition for f in kb.view(day).of_kind("KZ", RuleOfLawFact)}

        assert 2024 not in editions(dt.date(2024, 3, 31))
        assert 2024 in editions(dt.date(2024, 4, 1))

    def test_a_visa_value_holds_from_its_snapshot_until_the_one_that_changes_it(self, kb: KnowledgeBase) -> None:
        def rule(day: dt.date) -> list[tuple[str | None, int | None]]:
            return [
                (f.value.requirement, f.value.days)
                for f in kb.view(day).concerning("TH", EntryRuleFact, "RU")
                if f.value.document == "passport"
            ]

        assert rule(dt.date(2019, 11, 22)) == []  # before the first snapshot nothing is known
        assert rule(dt.date(2023, 8, 14)) == [("visa_free", 45)]  # snapshot 2022-12-21
        assert rule(dt.date(2023, 8, 15)) == [("visa_free", 30)]  # snapshot 2023-08-15

    def test_a_treaty_act_is_public_from_its_own_date(self, kb: KnowledgeBase) -> None:
        def statuses(day: dt.date) -> list[str]:
            return [
                f.value.status
                for f in kb.view(day).of_kind("KZ", MembershipFact)
                if f.value.instrument == "cat" and f.row
            ]

        assert statuses(dt.date(1998, 8, 25)) == []
        assert statuses(dt.date(1998, 8, 26)) == ["party"]

    def test_the_migrant_stock_and_air_routes_wait_for_their_release(self, kb: KnowledgeBase) -> None:
        assert kb.view(dt.date(2023, 6, 1)).concerning("KZ", MigrantStockFact, "RU") == []
        assert kb.view(dt.date(2024, 1, 1)).concerning("KZ", MigrantStockFact, "RU")
        assert kb.view(dt.date(2014, 6, 29)).of_kind("KZ", AirConnectionFact) == []
        assert kb.view(dt.date(2014, 7, 1)).of_kind("KZ", AirConnectionFact)

    def test_every_dataset_fact_in_a_view_was_public_and_cites_a_defined_source_and_row(self, kb: KnowledgeBase) -> None:
        day = dt.date(2025, 2, 7)
        view = kb.view(day)
        facts = view.dataset_facts("KZ", "RU") + view.from_origin(EntryRuleFact, "RU")
        assert {type(f) for f in facts} >= {MembershipFact, AsylumDecisionsFact, EntryRuleFact, MigrantStockFact, RuleOfLawFact}
        for fact in facts:
            if fact.row is None:
                continue  # a curated entry rule
            assert was_public(fact, kb.sources, day), fact.id
            assert all(kb.sources[s].url for s in fact.sources)
