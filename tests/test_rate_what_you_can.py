"""Rate what you can (issue 11, point 4): structure alone still gives a band, at low confidence,
saying so and naming the open questions; `unknown` only where even structure is absent; never
`lower` without positive protective evidence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.assess import assess_country
from safepassage.assess.engine import Assessment
from safepassage.assess.message import Countries
from safepassage.kb import KnowledgeBase, load
from safepassage.profile.reader import profile_from_data
from safepassage.report.messages import Wording
from safepassage.report.model import Report

from .conftest import source_yaml, write

AS_OF = dt.date(2024, 6, 1)
DISSIDENT = {
    "id": "d",
    "citizenship": ["TJ"],
    "origin": {"country": "TJ"},
    "gender": "male",
    "threats": [{"actor": "state", "state": "TJ"}],
    "documents": ["passport"],
}
INSTRUMENTS = """
instruments:
  - {id: refugee-convention-1951, title: The refugee convention, kind: refugee_protection}
  - {id: echr, title: A human-rights court, kind: human_rights_court}
  - {id: cat-art22, title: Complaints to the torture committee, kind: complaint_mechanism}
  - {id: iccpr-op1, title: Complaints to the human rights committee, kind: complaint_mechanism}
"""
PARTY = """
  - id: pt-{instrument}
    kind: membership
    country: PT
    valid_from: 2000
    confidence: high
    sources: [s]
    summary: The state is a party to the instrument.
    value: {{instrument: {instrument}, status: party}}
"""
REMEDIES = "".join(
    PARTY.format(instrument=i)
    for i in ("refugee-convention-1951", "echr", "cat-art22", "iccpr-op1")
)
GOOD_ASYLUM = """
  - id: pt-asylum
    kind: asylum_practice
    country: PT
    about: TJ
    valid_from: 2020
    confidence: high
    sources: [s]
    summary: Asylum is generally accessible to people from the pursuing state.
    value: {access: good, recognition_rate: 0.8, year: 2022}
"""


def kb_of(tmp_path: Path, facts: str) -> KnowledgeBase:
    write(tmp_path / "kb.yaml", source_yaml("s", "2024-01-01") + INSTRUMENTS + "facts:\n" + facts)
    return load(tmp_path)


def assess(kb: KnowledgeBase, country: str = "PT") -> Assessment:
    return assess_country(profile_from_data(DISSIDENT), country, kb.view(AS_OF))


class TestStructureAlone:
    def test_it_gets_a_band_at_low_confidence_and_says_so(self, tmp_path: Path) -> None:
        kb = kb_of(tmp_path, PARTY.format(instrument="refugee-convention-1951"))
        result = assess(kb)
        assert result.rating in {"moderate", "elevated", "unsafe"}
        assert result.confidence == "low"
        assert result.structural_only
        report = Report(
            profile=profile_from_data(DISSIDENT), as_of=AS_OF, kb=kb, assessments=[result]
        )
        assert any("treaties, entry rules and statistics only" in c for c in report.said()[0].caveats)

    def test_the_missing_list_names_police_conduct_and_removals(self, tmp_path: Path) -> None:
        result = assess(kb_of(tmp_path, PARTY.format(instrument="refugee-convention-1951")))
        missing = {m.factor: m.what for m in result.missing}
        assert missing["police_conduct"].values["states"] == Countries(("TJ",))
        assert "Tajikistan" in Wording("en").say(missing["police_conduct"])
        assert "removal_record" in missing

    def test_without_any_curated_fact_it_is_unknown(self, tmp_path: Path) -> None:
        # Base geography alone (distance, borders) is no structure to rate from.
        result = assess(
            kb_of(tmp_path, PARTY.format(instrument="refugee-convention-1951")), country="UY"
        )
        assert result.rating == "unknown"


class TestNeverLowerWithoutProtection:
    def test_low_structural_risk_alone_gives_moderate(self, tmp_path: Path) -> None:
        kb = kb_of(tmp_path, REMEDIES)
        result = assess(kb)
        assert result.score is not None and result.score < 28  # the band would be `lower`
        assert result.rating == "moderate" and result.lifted

    def test_positive_protective_evidence_allows_lower(self, tmp_path: Path) -> None:
        kb = kb_of(
            tmp_path,
            REMEDIES + GOOD_ASYLUM,
        )
        result = assess(kb)
        assert result.rating == "lower" and not result.lifted
