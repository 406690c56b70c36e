"""Evidence rules of issue 12: each a general rule over sourced facts, each with its own test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from safepassage.assess import assess_country
from safepassage.assess.engine import Assessment
from safepassage.assess.factor import Finding
from safepassage.assess.message import Choice
from safepassage.assess.policy import load_policy
from safepassage.kb import KnowledgeBase, load
from safepassage.profile.reader import profile_from_data
from safepassage.report.messages import Wording

from .conftest import said_parts, source_yaml, write

AS_OF = dt.date(2024, 6, 1)
WOMAN = {
    "id": "w",
    "citizenship": ["RU"],
    "origin": {"country": "RU"},
    "community": ["chechen"],
    "gender": "female",
    "threats": [{"actor": "family", "state": "RU"}],
}
DISSIDENT = {
    "id": "d",
    "citizenship": ["TJ"],
    "origin": {"country": "TJ"},
    "gender": "male",
    "threats": [{"actor": "state", "state": "TJ"}],
    "wanted": {"search_request": True},
}


def kb_of(tmp_path: Path, facts: str, instruments: str = "") -> KnowledgeBase:
    text = source_yaml("s", "2024-01-01") + (f"instruments:\n{instruments}" if instruments else "")
    write(tmp_path / "kb.yaml", text + "facts:\n" + facts)
    return load(tmp_path)


def assess(
    kb: KnowledgeBase, person: dict[str, object], country: str = "AM", **policy: object
) -> Assessment:
    chosen = replace(load_policy(), **policy) if policy else None  # type: ignore[arg-type]
    return assess_country(profile_from_data(person), country, kb.view(AS_OF), policy=chosen)


def finding(result: Assessment, factor: str) -> Finding:
    return next(f for f in result.findings if f.factor == factor)


def practice(practice: str, level: str, since: str = "2023-01", community: str = "") -> str:
    return f"""
  - id: practice-{practice.replace("_", "-")}-{level}-{since}
    kind: cooperation_practice
    country: AM
    about: RU
    {f"community: {community}" if community else ""}
    valid_from: {since}
    confidence: high
    sources: [s]
    summary: The host hands people over to the pursuing state as a documented practice.
    value: {{counterpart: RU, practice: {practice}, level: {level}}}
"""


class TestPracticeFloors:
    def test_a_current_documented_deportation_practice_sets_the_practice_floor(
        self, tmp_path: Path
    ) -> None:
        result = assess(kb_of(tmp_path, practice("deportation", "documented")), WOMAN)
        assert result.floor == "elevated" and result.floor_factor == "removal_record"

    def test_a_routine_one_sets_the_harm_floor(self, tmp_path: Path) -> None:
        assert assess(kb_of(tmp_path, practice("extradition", "routine")), WOMAN).floor == "unsafe"

    def test_a_handover_practice_sets_it_through_police_conduct(self, tmp_path: Path) -> None:
        result = assess(kb_of(tmp_path, practice("handover_to_relatives", "documented")), WOMAN)
        assert result.floor == "elevated" and result.floor_factor == "police_conduct"

    def test_a_rare_an_old_or_another_communitys_practice_sets_none(self, tmp_path: Path) -> None:
        for facts in (
            practice("deportation", "rare"),
            practice("deportation", "documented", since="2012-01"),
            practice("deportation", "documented", community="ingush"),
        ):
            folder = tmp_path / str(abs(hash(facts)))
            assert assess(kb_of(folder, facts), WOMAN).floor is None


OTHER_STATE_RETURN = """
  - id: other-state-return
    kind: incident
    country: AM
    about: IR
    confidence: high
    sources: [s]
    summary: The host deported a dissident of another state to that state.
    value:
      date: 2023-05-01
      person: {gender: male, profile: [dissident]}
      pursuers: [state]
      actors: [police]
      outcomes: [detained, deported]
"""
PARTY = """
  - id: {id}
    kind: membership
    country: {country}
    valid_from: 2000
    confidence: high
    sources: [s]
    summary: The state is a party to the instrument.
    value: {{instrument: {instrument}, status: party}}
"""


def party(country: str, instrument: str) -> str:
    return PARTY.format(
        id=f"{country.lower()}-{instrument}", country=country, instrument=instrument
    )


class TestThinEvidence:
    def test_incidents_unlike_this_person_are_missing_and_not_coverage(
        self, tmp_path: Path
    ) -> None:
        kb = kb_of(tmp_path, OTHER_STATE_RETURN + party("AM", "court"), COURT)
        result = assess(kb, DISSIDENT)
        conduct = finding(result, "police_conduct")
        assert conduct.gap and conduct.gap.id == "police_conduct-missing"
        assert any(
            m.factor == "police_conduct" and m.what.id == "police_conduct-missing"
            for m in result.missing
        )
        assert "like this one" in Wording("en", kb).say(conduct.gap)
        without = assess(kb_of(tmp_path / "b", party("AM", "court"), COURT), DISSIDENT)
        assert result.coverage <= without.coverage  # thin evidence adds no coverage

    def test_thin_evidence_never_lowers_the_score(self, tmp_path: Path) -> None:
        # A mild, old detention of another state's dissident: low risk, but not protection.
        mild = OTHER_STATE_RETURN.replace("[detained, deported]", "[detained, released]").replace(
            "2023-05-01", "2005-05-01"
        )
        base = party("AM", "court")
        with_it = assess(kb_of(tmp_path, mild + base, COURT), DISSIDENT)
        without = assess(kb_of(tmp_path / "b", base, COURT), DISSIDENT)
        assert with_it.score is not None and without.score is not None
        assert with_it.score >= without.score
        assert "police_conduct" in with_it.uncounted


COURT = """
  - {id: court, title: A human-rights court, kind: human_rights_court}
  - {id: ext, title: An extradition convention, kind: extradition}
  - {id: assist, title: A legal-assistance convention, kind: legal_assistance}
  - {id: refugees, title: The refugee convention, kind: refugee_protection}
"""
HANDOVER = """
  - id: handover
    kind: incident
    country: AM
    about: RU
    community: chechen
    confidence: high
    sources: [s]
    summary: Police handed a woman who fled her family back to her relatives.
    value:
      date: 2016-03-01
      person: {gender: female, profile: [domestic_violence_survivor]}
      pursuers: [family]
      actors: [police]
      outcomes: [detained, handed_to_relatives]
"""
GOOD_ASYLUM = """
  - id: good-asylum
    kind: asylum_practice
    country: AM
    about: RU
    valid_from: 2020
    confidence: high
    sources: [s]
    summary: Asylum is generally accessible to people from the pursuing state.
    value: {access: good}
"""


class TestConductBound:
    def test_the_score_cannot_fall_far_below_the_strongest_conduct_here(
        self, tmp_path: Path
    ) -> None:
        # three handovers seven years ago: old enough to set no floor, together strong evidence
        handovers = "".join(
            HANDOVER.replace("id: handover", f"id: handover-{n}").replace(
                "2016-03-01", f"2017-0{n}-01"
            )
            for n in (1, 2, 3)
        )
        facts = handovers + GOOD_ASYLUM + party("AM", "court") + party("AM", "refugees")
        kb = kb_of(tmp_path, facts, COURT)
        bound = assess(kb, WOMAN)
        unbound = assess(kb, WOMAN, conduct_margin=1.0)
        conduct = finding(bound, "police_conduct")
        assert bound.score is not None and unbound.score is not None
        assert bound.score >= 100 * (conduct.risk - load_policy().conduct_margin) - 0.05
        assert bound.score > unbound.score
        assert bound.bound_factor == "police_conduct"


REFUSAL = """
  - id: refused
    kind: cooperation_practice
    country: AM
    about: TJ
    valid_from: 2022-01
    confidence: high
    sources: [s]
    summary: The host's courts refused the pursuing state's extradition requests.
    value: {counterpart: TJ, practice: refused_extradition, level: documented}
"""
GRANT = """
  - id: granted
    kind: incident
    country: AM
    about: TJ
    confidence: high
    sources: [s]
    summary: The host granted asylum to a dissident wanted by the pursuing state.
    value:
      date: 2023-02-01
      person: {gender: male, profile: [dissident]}
      pursuers: [state]
      actors: [courts]
      outcomes: [granted_asylum]
"""


class TestWantedExposureRelief:
    def test_refusals_and_asylum_grants_lower_wanted_exposure(self, tmp_path: Path) -> None:
        ties = party("AM", "assist") + party("TJ", "assist")
        plain = finding(assess(kb_of(tmp_path / "a", ties, COURT), DISSIDENT), "wanted_exposure")
        refused = finding(
            assess(kb_of(tmp_path / "b", ties + REFUSAL, COURT), DISSIDENT), "wanted_exposure"
        )
        both = finding(
            assess(kb_of(tmp_path / "c", ties + REFUSAL + GRANT, COURT), DISSIDENT),
            "wanted_exposure",
        )
        assert plain.risk > refused.risk > both.risk
        relief = said_parts(refused.message)["wanted_exposure-relief"]
        assert relief.values["kinds"] == Choice("refused")  # type: ignore[attr-defined]
        assert any(f.id == "refused" for f in refused.facts)
        assert said_parts(both.message)["wanted_exposure-relief"].values["kinds"] == Choice("both")  # type: ignore[attr-defined]
        assert "asylum has been granted" in Wording("en", kb_of(tmp_path / "d", ties + REFUSAL + GRANT, COURT)).say(both.message)


class TestExtraditionAgainstAFamily:
    def kb(self, tmp_path: Path, court: bool = True) -> KnowledgeBase:
        facts = party("AM", "ext") + party("RU", "ext") + (party("AM", "court") if court else "")
        return kb_of(tmp_path, facts, COURT)

    def test_a_rule_of_law_hosts_extradition_treaty_is_no_risk_against_a_family(
        self, tmp_path: Path
    ) -> None:
        kb = self.kb(tmp_path)
        family = finding(assess(kb, WOMAN), "legal_cooperation")
        state = finding(
            assess(kb, {**WOMAN, "threats": [{"actor": "state", "state": "RU"}]}),
            "legal_cooperation",
        )
        powerful = finding(
            assess(
                kb, {**WOMAN, "threats": [{"actor": "family", "state": "RU", "state_power": True}]}
            ),
            "legal_cooperation",
        )
        assert family.risk < state.risk
        assert "legal_cooperation-aside" in said_parts(family.message)
        assert "Not counted" in Wording("en", kb).say(family.message)
        assert powerful.risk == state.risk  # a family wielding state power can use the treaty

    def test_without_a_human_rights_court_it_still_counts(self, tmp_path: Path) -> None:
        family = finding(assess(self.kb(tmp_path, court=False), WOMAN), "legal_cooperation")
        assert family.risk > 0.1 and "legal_cooperation-aside" not in said_parts(family.message)


CANCELS = """
  - id: cancels
    kind: document_access
    country: TJ
    confidence: high
    sources: [s]
    summary: The state's consulates refuse to renew critics' passports and cancel some.
    value: {document: passport, access: restricted}
"""


class TestPassportCancellation:
    def test_a_state_that_cancels_passports_raises_onward_risk_for_a_holder(
        self, tmp_path: Path
    ) -> None:
        kb = kb_of(tmp_path, CANCELS + party("AM", "court"), COURT)
        holder = {**DISSIDENT, "documents": ["passport"]}
        held = finding(assess(kb, holder), "onward_options")
        quiet = finding(
            assess(kb_of(tmp_path / "b", party("AM", "court"), COURT), holder), "onward_options"
        )
        assert held.risk > quiet.risk
        assert held.facts and held.facts[0].id == "cancels"

    def test_a_restriction_on_the_other_gender_does_not_apply(self, tmp_path: Path) -> None:
        women_only = CANCELS.replace(
            "value: {document: passport, access: restricted}",
            "value: {document: passport, access: restricted, gender: female}",
        )
        kb = kb_of(tmp_path, women_only + party("AM", "court"), COURT)
        holder = {**DISSIDENT, "documents": ["passport"]}  # a man
        assert finding(assess(kb, holder), "onward_options").risk == 0.2
        woman = {**holder, "gender": "female"}
        assert finding(assess(kb, woman), "onward_options").risk == 0.5

    def test_a_second_citizenship_passport_is_not_the_pursuers_to_cancel(
        self, tmp_path: Path
    ) -> None:
        kb = kb_of(tmp_path, CANCELS + party("AM", "court"), COURT)
        dual = {**DISSIDENT, "citizenship": ["TJ", "TR"], "documents": ["passport"]}
        assert finding(assess(kb, dual), "onward_options").risk == 0.2

    def test_a_cancelled_passport_is_no_travel_document(self, tmp_path: Path) -> None:
        kb = kb_of(tmp_path, CANCELS + party("AM", "court"), COURT)
        cancelled = finding(
            assess(kb, {**DISSIDENT, "documents": ["passport:cancelled"]}), "onward_options"
        )
        assert cancelled.risk >= 0.85
        assert cancelled.message.values["passport"] == Choice("cancelled")
        assert "cancelled" in Wording("en", kb).say(cancelled.message)


class TestSimilarityTolerance:
    def test_a_similarity_summing_to_a_hair_below_the_threshold_still_sets_the_floor(
        self, tmp_path: Path
    ) -> None:
        # Same pursuer kind (0.35) + same gender (0.2) + base (0.1) = 0.6499999... in floats,
        # another community (no community points): exactly the 0.65 threshold.
        recent = HANDOVER.replace("2016-03-01", "2023-03-01").replace(
            "community: chechen", "community: ingush"
        )
        assert 0.1 + 0.35 + 0.2 < 0.65
        assert assess(kb_of(tmp_path, recent), WOMAN).floor == "unsafe"


class TestHarmIsNeverProtection:
    def test_an_old_handover_here_neither_lowers_the_score_nor_counts_as_protection(
        self, tmp_path: Path
    ) -> None:
        old = HANDOVER.replace("2016-03-01", "2004-03-01")
        remedies = party("AM", "court") + party("AM", "refugees")
        with_it = assess(kb_of(tmp_path, old + remedies, COURT), WOMAN)
        without = assess(kb_of(tmp_path / "b", remedies, COURT), WOMAN)
        conduct = finding(with_it, "police_conduct")
        assert conduct.only_raises and conduct.risk < 0.3
        assert with_it.score is not None and without.score is not None
        assert with_it.score >= without.score
        assert with_it.rating != "lower"  # weak evidence of harm is not protective evidence

    def test_the_pursuers_own_agents_acting_here_are_reach_not_host_conduct(
        self, tmp_path: Path
    ) -> None:
        agents = """
  - id: agents-attack
    kind: incident
    country: AM
    about: TJ
    confidence: high
    sources: [s]
    summary: Agents of the pursuing state attacked an exile in the host.
    value:
      date: 2023-04-01
      person: {gender: male, profile: [dissident]}
      pursuers: [state]
      actors: [origin_state_agents]
      outcomes: [attacked]
"""
        result = assess(kb_of(tmp_path, agents + party("AM", "court"), COURT), DISSIDENT)
        assert "police_conduct" not in {f.factor for f in result.findings}
        reach = finding(result, "transnational_reach")
        assert reach.facts[0].id == "agents-attack"
