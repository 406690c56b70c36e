"""`kb stats --origins`: which hosts hold facts about an origin, in how many kinds."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from safepassage.cli import app
from safepassage.kb.knowledge import load
from safepassage.kb.origin_coverage import origin_coverage

from .conftest import write

FILE = """
sources:
  - {id: s1, publisher: Publisher, title: A title, url: "https://example.org/1", published: 2020-01-01, accessed: 2026-11-25}
instruments:
  - {id: pact, title: A pact, kind: legal_assistance}
facts:
  - {id: h-entry, kind: entry_rule, country: HH, about: OO, confidence: high, sources: [s1], summary: A plain summary sentence.,
     value: {document: passport, admitted: true}}
  - {id: h-comm, kind: community_presence, country: HH, community: oo-people, confidence: high, sources: [s1], summary: A plain summary sentence.,
     value: {low: 10, high: 20, year: 2020}}
  - {id: o-comm, kind: community_presence, country: XX, about: OO, community: oo-people, confidence: high, sources: [s1], summary: A plain summary sentence.,
     value: {low: 1, high: 1, year: 2020}}
  - {id: h-pact, kind: membership, country: HH, confidence: high, sources: [s1], summary: A plain summary sentence., value: {instrument: pact, status: party}}
  - {id: o-pact, kind: membership, country: OO, confidence: high, sources: [s1], summary: A plain summary sentence., value: {instrument: pact, status: party}}
  - {id: h-coop, kind: cooperation_practice, country: HH, confidence: high, sources: [s1], summary: A plain summary sentence.,
     value: {counterpart: OO, practice: deportation, level: documented}}
  - {id: z-pact, kind: membership, country: ZZ, confidence: high, sources: [s1], summary: A plain summary sentence., value: {instrument: pact, status: signatory}}
"""


def test_counts_kinds_that_concern_the_origin(tmp_path: Path) -> None:
    data = tmp_path / "data"
    text = FILE.replace("HH", "GE").replace("OO", "RU").replace("XX", "KZ").replace("ZZ", "AM")
    write(data / "facts.yaml", text)
    kb = load(data_dir=data)
    [row] = origin_coverage(kb.view(), ["RU"])
    assert row.kinds_by_host["GE"] == {"entry_rule", "community_presence", "membership", "cooperation_practice"}
    assert "AM" not in row.kinds_by_host  # a signature is not a tie
    assert row.hosts_with(4) == ["GE"]


def test_the_command_prints_a_table() -> None:
    result = CliRunner().invoke(app, ["kb", "stats", "--origins", "RU"])
    assert result.exit_code == 0 and "| RU |" in result.output
