"""The pursuing state's reach abroad: acts anywhere count for every host it can reach."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safepassage.assess import assess_country
from safepassage.assess.engine import Assessment
from safepassage.assess.factor import Finding, Missing
from safepassage.assess.message import Count
from safepassage.assess.similarity import SIMILAR, reaches
from safepassage.kb import KnowledgeBase, load
from safepassage.kb.regions import region_of
from safepassage.profile.reader import profile_from_data
from safepassage.report.messages import Wording

from .conftest import said_parts, source_yaml, write

AS_OF = dt.date(2024, 6, 1)
EXILE = {
    "id": "exile",
    "citizenship": ["IR"],
    "origin": {"country": "IR"},
    "community": ["ahwazi"],
    "gender": "male",
    "threats": [{"actor": "state", "state": "IR"}],
}

ACT = """
  - id: {id}
    kind: incident
    country: {country}
    about: IR
    community: {community}
    confidence: high
    sources: [news]
    summary: Agents of the pursuing state acted against an exile living abroad.
    value:
      date: {date}
      person: {{gender: male, profile: [dissident]}}
      pursuers: [state]
      actors: [{actors}]
      outcomes: [{outcomes}]
"""


def act(
    id: str = "act",
    country: str = "TR",
    community: str = "ahwazi",
    date: str = "2022-03-01",
    actors: str = "origin_state_agents",
    outcomes: str = "killed",
    attribution: str | None = None,
) -> str:
    text = ACT.format(
        id=id, country=country, community=community, date=date, actors=actors, outcomes=outcomes
    )
    return text + (f"      attribution: {attribution}\n" if attribution else "")


def kb_with(tmp_path: Path, *acts: str) -> KnowledgeBase:
    write(tmp_path / "kb.yaml", source_yaml("news", "2024-01-01") + "facts:\n" + "".join(acts))
    return load(tmp_path)


def reach(result: Assessment) -> Finding | Missing | None:
    for finding in result.findings:
        if finding.factor == "transnational_reach":
            return finding
    return next((m for m in result.missing if m.factor == "transnational_reach"), None)


def assess(kb: KnowledgeBase, country: str, **changes: object) -> Assessment:
    return assess_country(profile_from_data({**EXILE, **changes}), country, kb.view(AS_OF))


class TestReachAbroad:
    def test_a_state_ordered_killing_raises_risk_where_the_state_has_not_struck(
        self, tmp_path: Path
    ) -> None:
        kb = kb_with(tmp_path, act())
        finding = reach(assess(kb, "CA"))
        assert isinstance(finding, Finding)
        assert finding.risk >= 0.6
        count = said_parts(finding.message)["transnational_reach-count"]
        assert count.values["here_count"] == Count(0)  # type: ignore[attr-defined]
        assert "none of them yet in Canada" in Wording("en", kb).say(finding.message)
        assert finding.facts[0].id == "act"

    def test_it_sets_an_elevated_floor_for_a_prominent_or_targeted_person(
        self, tmp_path: Path
    ) -> None:
        kb = kb_with(tmp_path, act())
        assert assess(kb, "CA").floor is None
        prominent = assess(kb, "CA", prominence="public_figure")
        assert prominent.floor == "elevated" and prominent.floor_factor == "transnational_reach"
        assert prominent.rating in {"elevated", "unsafe"}
        targeted = assess(kb, "CA", previously_targeted={"threats_abroad": True})
        assert targeted.floor == "elevated"

    def test_an_alleged_act_weighs_less_and_sets_no_floor(self, tmp_path: Path) -> None:
        alleged = kb_with(tmp_path, act(actors="unknown_attackers"))
        finding = reach(assess(alleged, "CA", prominence="public_figure"))
        assert isinstance(finding, Finding) and finding.floor is None
        assert finding.risk < 0.6

    def test_a_court_finding_counts_even_without_agents_named(self, tmp_path: Path) -> None:
        kb = kb_with(tmp_path, act(actors="unknown_attackers", attribution="established"))
        assert assess(kb, "CA", prominence="activist").floor == "elevated"

    def test_an_act_older_than_the_recent_window_sets_no_floor(self, tmp_path: Path) -> None:
        kb = kb_with(tmp_path, act(date="2015-03-01"))
        result = assess(kb, "CA", prominence="public_figure")
        assert result.floor is None
        finding = reach(result)
        assert isinstance(finding, Finding) and finding.risk < 0.6

    def test_threats_abroad_do_not_set_the_floor(self, tmp_path: Path) -> None:
        kb = kb_with(tmp_path, act(outcomes="threatened"))
        result = assess(kb, "CA", prominence="public_figure")
        assert result.floor is None

    def test_a_host_like_the_one_where_it_struck_weighs_more(self, tmp_path: Path) -> None:
        # Georgia and Turkey lie in the same UN area (Western Asia); Canada does not.
        kb = kb_with(tmp_path, act(outcomes="threatened"))
        near, far = reach(assess(kb, "GE")), reach(assess(kb, "CA"))
        assert isinstance(near, Finding) and isinstance(far, Finding)
        assert near.risk > far.risk
        struck = reach(assess(kb, "TR"))
        assert isinstance(struck, Finding) and struck.risk > near.risk
        assert said_parts(struck.message)["transnational_reach-count"].values["here_count"] == Count(1)  # type: ignore[attr-defined]
        assert "once in Turkey" in Wording("en", kb).say(struck.message)


class TestWhatDoesNotCount:
    def test_a_victim_unlike_this_person_is_missing_not_protection(self, tmp_path: Path) -> None:
        kb = kb_with(tmp_path, act(community="baluch"))
        result = assess(kb, "CA", prominence="public_figure")
        assert isinstance(reach(result), Missing)
        assert result.floor is None

    def test_a_formal_removal_by_the_host_is_the_removal_records_evidence(
        self, tmp_path: Path
    ) -> None:
        kb = kb_with(tmp_path, act(outcomes="deported, abducted"))
        assert isinstance(reach(assess(kb, "CA")), Missing)

    def test_a_family_without_state_power_is_not_weighed_for_state_reach(
        self, tmp_path: Path
    ) -> None:
        kb = kb_with(tmp_path, act())
        family = assess(kb, "CA", threats=[{"actor": "family", "state": "IR"}])
        assert reach(family) is None
        powerful = assess(
            kb, "CA", threats=[{"actor": "family", "state": "IR", "state_power": True}]
        )
        assert isinstance(reach(powerful), Finding)

    def test_in_the_pursuing_state_itself_the_factor_does_not_apply(self, tmp_path: Path) -> None:
        kb = kb_with(tmp_path, act())
        assert reach(assess(kb, "IR")) is None

    def test_acts_elsewhere_are_not_coverage_of_this_host(self, tmp_path: Path) -> None:
        kb = kb_with(tmp_path, act())
        assert assess(kb, "CA").coverage == 0.0
        assert assess(kb, "TR").coverage > 0.0

    def test_a_weak_act_elsewhere_never_lowers_the_score(self, tmp_path: Path) -> None:
        old = kb_with(tmp_path, act(date="2004-03-01", outcomes="threatened", country="AU"))
        with_act = assess(old, "CA")
        assert "transnational_reach" in with_act.uncounted


class TestSimilarityTolerance:
    @pytest.mark.parametrize("value", [0.6499, 0.1 + 0.35 + 0.2, 0.65, 0.7])
    def test_a_similarity_at_the_threshold_reaches_it(self, value: float) -> None:
        assert reaches(value, SIMILAR)

    def test_a_clearly_lower_similarity_does_not(self) -> None:
        assert not reaches(0.64, SIMILAR)


def test_regions_come_from_the_un_m49_table() -> None:
    central, western = region_of("KZ"), region_of("TR")
    assert central and western
    assert central.area == "Central Asia" and western.area == "Western Asia"
    assert central.continent == western.continent == "Asia"
    assert region_of("AQ") is None  # the table places no country there
