"""A shared police-cooperation body (Interpol) is not a legal-assistance channel.

Nearly every state is an Interpol member, so counting it as a tie would give every host the
same "wanted lists circulate" risk and hide the conventions that do differ between hosts.
"""

from __future__ import annotations

from pathlib import Path

from safepassage.assess.factor import Context, Finding, Missing
from safepassage.assess.factors.legal_cooperation import BASELINE
from safepassage.assess.factors.legal_cooperation import FACTOR as LEGAL
from safepassage.assess.factors.wanted_exposure import FACTOR as WANTED
from safepassage.assess.policy import load_policy
from safepassage.kb.knowledge import load
from safepassage.profile.reader import profile_from_data
from safepassage.report.messages import Wording

from .conftest import said_parts, source_yaml, write

KB = """
instruments:
  - {{id: interpol, title: International Criminal Police Organization, kind: police_cooperation}}
  - {{id: minsk, title: Example legal-assistance convention, kind: legal_assistance}}
facts:
  - id: kz-interpol
    kind: membership
    country: KZ
    confidence: high
    sources: [src-a]
    summary: Kazakhstan is an Interpol member.
    value: {{instrument: interpol, status: member}}
  - id: ru-interpol
    kind: membership
    country: RU
    confidence: high
    sources: [src-a]
    summary: Russia is an Interpol member.
    value: {{instrument: interpol, status: member}}
{extra}
"""

MINSK = """
  - id: kz-minsk
    kind: membership
    country: KZ
    confidence: high
    sources: [src-a]
    summary: Kazakhstan is a party to the example convention.
    value: {instrument: minsk, status: party}
  - id: ru-minsk
    kind: membership
    country: RU
    confidence: high
    sources: [src-a]
    summary: Russia is a party to the example convention.
    value: {instrument: minsk, status: party}
"""

WANTED_WOMAN = {
    "id": "t",
    "citizenship": ["RU"],
    "origin": {"country": "RU"},
    "threats": [{"actor": "state", "state": "RU"}],
    "wanted": {"interpol": True},
    "documents": ["passport"],
}


def context(tmp_path: Path, extra: str = "") -> Context:
    write(tmp_path / "kb.yaml", source_yaml() + KB.format(extra=extra))
    kb = load(tmp_path)
    return Context(profile_from_data(WANTED_WOMAN), "KZ", kb.view(), load_policy())


def test_shared_interpol_membership_adds_no_legal_cooperation_risk(tmp_path: Path) -> None:
    # Interpol is no tie, and membership of it does not say the two states' ties are on record
    # (evidence.TIE_KINDS): the question stays open instead of reading as "no ties"
    finding = LEGAL.evaluate(context(tmp_path))
    assert isinstance(finding, Missing)
    assert Wording("en").say(finding.what) == "the treaty memberships of Kazakhstan"


def test_with_ties_on_record_and_none_shared_the_risk_is_the_baseline(tmp_path: Path) -> None:
    kz_only = MINSK.split("  - id: ru-minsk")[0]
    ru_other = """
  - id: ru-other
    kind: membership
    country: RU
    confidence: high
    sources: [src-a]
    summary: Russia is a party to another convention.
    value: {instrument: other, status: party}
"""
    extra = kz_only + ru_other
    write(tmp_path / "more.yaml", "instruments:\n  - {id: other, title: Another convention, kind: legal_assistance}\n")
    finding = LEGAL.evaluate(context(tmp_path, extra))
    assert isinstance(finding, Finding)
    assert finding.risk == BASELINE and finding.facts == ()


def test_an_interpol_notice_is_not_treated_as_a_convention_channel(tmp_path: Path) -> None:
    finding = WANTED.evaluate(context(tmp_path))
    assert isinstance(finding, Finding)
    assert "wanted_exposure-interpol" in said_parts(finding.message) and finding.risk < 0.9


def test_a_shared_legal_assistance_convention_still_counts(tmp_path: Path) -> None:
    finding = WANTED.evaluate(context(tmp_path, MINSK))
    assert isinstance(finding, Finding)
    assert finding.risk == 0.9 and {f.id for f in finding.facts} == {"kz-minsk", "ru-minsk"}
