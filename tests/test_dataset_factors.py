"""The factors read the dataset layers where they belong, and never mistake them for more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.assess import assess_country
from safepassage.assess.factor import Context, Finding, Missing
from safepassage.assess.factors.community_presence import FACTOR as COMMUNITY
from safepassage.assess.factors.free_entry import FACTOR as FREE_ENTRY
from safepassage.assess.factors.international_remedies import FACTOR as REMEDIES
from safepassage.assess.factors.legal_cooperation import FACTOR as LEGAL
from safepassage.assess.factors.onward_options import FACTOR as ONWARD
from safepassage.assess.factors.refugee_protection import FACTOR as REFUGE
from safepassage.assess.factors.rule_of_law import FACTOR as RULE_OF_LAW
from safepassage.assess.policy import load_policy
from safepassage.kb import KnowledgeBase, load
from safepassage.kb.layers.asylum_decisions import FEW_DECISIONS
from safepassage.kb.models import (
    AsylumDecisionsFact,
    EntryRuleFact,
    MigrantStockFact,
    RuleOfLawFact,
)
from safepassage.profile.reader import profile_from_data
from safepassage.report.messages import Wording
from tests.conftest import source_yaml, write


def english(found: Finding) -> str:
    """A finding as the English reports say it (the real knowledge base's words)."""
    return Wording("en", load()).say(found.message)

PERSON = {
    "id": "dataset-factors",
    "citizenship": ["RU"],
    "origin": {"country": "RU"},
    "community": ["chechen"],
    "gender": "female",
    "threats": [{"actor": "family", "state": "RU"}],
    "documents": ["passport"],
}


def context(kb: KnowledgeBase, country: str, day: dt.date, **changes: object) -> Context:
    profile = profile_from_data({**PERSON, **changes})
    return Context(profile, country, kb.view(day), load_policy())


def finding(result: Finding | Missing | None) -> Finding:
    assert isinstance(result, Finding), result
    return result


class TestRefugeeProtectionReadsUnhcr:
    def test_the_latest_year_with_enough_decisions_is_read_as_practice(self, kb: KnowledgeBase) -> None:
        found = finding(REFUGE.evaluate(context(kb, "DE", dt.date(2025, 2, 7))))
        (stats,) = [f for f in found.facts if isinstance(f, AsylumDecisionsFact)]
        assert stats.value.year == 2023 and stats.value.substantive >= FEW_DECISIONS
        assert f"UNHCR's statistics for 2023 count {stats.value.substantive:,} decisions" in english(found)
        assert stats.row and stats.row.startswith("asylum_decisions: origin RU, asylum DE, year 2023")

    def test_a_year_with_few_decisions_gives_no_rate(self, kb: KnowledgeBase) -> None:
        view = kb.view(dt.date(2025, 2, 7))
        years = view.concerning("KZ", AsylumDecisionsFact, "RU")
        assert years and all(f.value.substantive < FEW_DECISIONS for f in years)
        found = finding(REFUGE.evaluate(context(kb, "KZ", dt.date(2025, 2, 7))))
        assert not any(isinstance(f, AsylumDecisionsFact) for f in found.facts)
        assert "UNHCR" not in english(found)

    def test_a_treaty_never_makes_poor_practice_look_better(self, tmp_path: Path) -> None:
        write(tmp_path / "kb.yaml", source_yaml() + POOR_PRACTICE)
        found = finding(REFUGE.evaluate(context(load(tmp_path), "RS", dt.date(2024, 1, 1))))
        assert found.risk == 0.8  # "poor" practice; the party status cannot lower it


class TestCommunityFallsBackOnMigrantStock:
    def test_people_born_there_stand_in_only_as_a_gap_that_may_raise(self, kb: KnowledgeBase) -> None:
        day = dt.date(2025, 2, 7)
        found = finding(COMMUNITY.evaluate(context(kb, "PT", day)))
        (stock,) = found.facts
        assert isinstance(stock, MigrantStockFact) and stock.about == "RU"
        assert found.gap is not None
        assert Wording("en").say(found.gap) == "the size of the Chechen community in Portugal"
        assert "not the community itself" in english(found) and found.risk <= 0.5
        result = assess_country(profile_from_data(PERSON), "PT", kb.view(day))
        assert any(m.factor == "community_presence" for m in result.missing)


class TestEntryRulesFromThePassportIndex:
    def test_free_entry_reads_the_snapshot_for_the_pursuers_passport(self, kb: KnowledgeBase) -> None:
        found = finding(FREE_ENTRY.evaluate(context(kb, "TH", dt.date(2023, 8, 14))))
        assert found.risk == 0.6 and "no visa in advance for up to 45 days" in english(found)
        (rule,) = found.facts
        assert isinstance(rule, EntryRuleFact) and rule.sources == ("passport-index-2022-12-21",)
        visa = finding(FREE_ENTRY.evaluate(context(kb, "US", dt.date(2024, 1, 1))))
        assert visa.risk == 0.3 and "need a visa" in english(visa)

    def test_onward_options_counts_where_the_passport_goes_without_a_visa(self, kb: KnowledgeBase) -> None:
        # a Kazakh citizen pursued by Russia's institutions, assessed in Germany
        found = finding(ONWARD.evaluate(context(kb, "DE", dt.date(2025, 2, 7), citizenship=["KZ"], origin={"country": "KZ"})))
        count = found.message.values["reached"].n  # type: ignore[attr-defined]
        view = kb.view(dt.date(2025, 2, 7))
        expected = {
            f.country
            for f in view.from_origin(EntryRuleFact, "KZ")
            if f.row and f.value.requirement in ("visa_free", "visa_on_arrival", "eta") and f.country not in ("RU", "DE")
        }
        assert count == len(expected) and found.risk == 0.2
        assert all(isinstance(f, EntryRuleFact) and f.row for f in found.facts)


class TestRuleOfLaw:
    def test_the_latest_visible_edition_gives_the_risk(self, kb: KnowledgeBase) -> None:
        day = dt.date(2025, 2, 7)
        found = finding(RULE_OF_LAW.evaluate(context(kb, "KZ", day)))
        (edition,) = found.facts
        assert isinstance(edition, RuleOfLawFact) and edition.value.edition == 2024
        mean = (edition.value.judiciary + edition.value.due_process + edition.value.use_of_force) / 3
        assert found.risk == round(0.9 - 0.8 * mean / 4, 2)

    def test_before_the_first_edition_it_is_missing(self, kb: KnowledgeBase) -> None:
        assert isinstance(RULE_OF_LAW.evaluate(context(kb, "KZ", dt.date(2012, 6, 1))), Missing)


class TestTreatyTablesAreNotCooperationTies:
    def test_human_rights_treaties_do_not_say_the_ties_are_on_record(self, tmp_path: Path) -> None:
        write(tmp_path / "kb.yaml", source_yaml() + HUMAN_RIGHTS_ONLY)
        result = LEGAL.evaluate(context(load(tmp_path), "JO", dt.date(2024, 1, 1), threats=[{"actor": "state", "state": "AE"}], citizenship=["AE"], origin={"country": "AE"}))
        assert isinstance(result, Missing)  # not "no ties on record" at baseline risk

    def test_remedies_a_state_has_ignored_do_not_lower_the_risk(self, tmp_path: Path) -> None:
        write(tmp_path / "kb.yaml", source_yaml() + IGNORED_REMEDIES)
        found = finding(REMEDIES.evaluate(context(load(tmp_path), "RS", dt.date(2024, 1, 1))))
        assert found.risk >= 0.9  # as with no procedure at all: the record decides


INSTRUMENTS = """
instruments:
  - {id: cat, title: Convention against Torture, kind: non_refoulement}
  - {id: refugee-convention-1951, title: Refugee Convention, kind: refugee_protection}
  - {id: iccpr-op1, title: ICCPR Optional Protocol, kind: complaint_mechanism}
  - {id: op-cedaw, title: OP-CEDAW, kind: complaint_mechanism}
"""


def membership(fact_id: str, country: str, instrument: str) -> str:
    return (
        f"  - {{id: {fact_id}, kind: membership, country: {country}, valid_from: 2000, confidence: high, "
        f"sources: [src-a], summary: A membership for the test., value: {{instrument: {instrument}, status: party}}}}\n"
    )


POOR_PRACTICE = INSTRUMENTS + "facts:\n" + membership("rs-refugee", "RS", "refugee-convention-1951") + """\
  - {id: rs-practice, kind: asylum_practice, country: RS, valid_from: 2017, confidence: high, sources: [src-a],
     summary: Access to asylum is poor for the test., value: {access: poor}}
"""
HUMAN_RIGHTS_ONLY = INSTRUMENTS + "facts:\n" + membership("jo-cat", "JO", "cat") + membership("ae-cat", "AE", "cat")
IGNORED_REMEDIES = INSTRUMENTS + "facts:\n" + membership("rs-op1", "RS", "iccpr-op1") + membership("rs-cedaw", "RS", "op-cedaw") + """\
  - {id: rs-ignored, kind: interim_measures, country: RS, valid_from: 2017, confidence: high, sources: [src-a],
     summary: Serbia ignored an interim measure in the test., value: {body: un_cat, record: ignored}}
"""


class TestRuleOfLawEvidence:
    def test_freedom_house_scores_let_courts_outside_a_human_rights_court_count(self, kb: KnowledgeBase) -> None:
        from safepassage.assess.evidence import rule_of_law

        day = dt.date(2025, 2, 7)
        (canada,) = kb.view(day).of_kind("CA", RuleOfLawFact)
        assert min(canada.value.judiciary, canada.value.due_process) >= 3
        assert rule_of_law(context(kb, "CA", day), "CA") is True
        assert rule_of_law(context(kb, "KZ", day), "KZ") is False
