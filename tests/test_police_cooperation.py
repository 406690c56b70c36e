"""A shared police-cooperation body (Interpol) is not a legal-assistance channel.

Nearly every state is an Interpol member, so counting it as a tie would give every host the
same "wanted lists circulate" risk and hide the conventions that do differ between hosts.
"""

from __future__ import annotations

from pathlib import Path

from safepassage.assess.factor import Context, Finding
from safepassage.assess.factors.legal_cooperation import BASELINE
from safepassage.assess.factors.legal_cooperation import FACTOR as LEGAL
from safepassage.assess.factors.wanted_exposure import FACTOR as WANTED
from safepassage.assess.policy import load_policy
from safepassage.kb.knowledge import load
from safepassage.profile.reader import profile_from_data

from .conftest import source_yaml, write

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
    finding = LEGAL.evaluate(context(tmp_path))
    assert isinstance(finding, Finding)
    assert finding.risk == BASELINE and finding.facts == ()


def test_an_interpol_notice_is_not_treated_as_a_convention_channel(tmp_path: Path) -> None:
    finding = WANTED.evaluate(context(tmp_path))
    assert isinstance(finding, Finding)
    assert "Interpol notice" in finding.summary and finding.risk < 0.9


def test_a_shared_legal_assistance_convention_still_counts(tmp_path: Path) -> None:
    finding = WANTED.evaluate(context(tmp_path, MINSK))
    assert isinstance(finding, Finding)
    assert finding.risk == 0.9 and {f.id for f in finding.facts} == {"kz-minsk", "ru-minsk"}
