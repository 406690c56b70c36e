"""The hindsight lint: facts whose summary names a year later than their earliest source."""

from __future__ import annotations

from pathlib import Path

from safepassage.kb.hindsight import find_hindsight
from safepassage.kb.loader import read_knowledge

from .conftest import write

FILE = """
sources:
  - {id: early, publisher: Publisher, title: An early report, url: "https://example.org/a", published: 2015-07-09, accessed: 2026-11-25}
  - {id: late, publisher: Publisher, title: A later report, url: "https://example.org/b", published: 2025-03-01, accessed: 2026-11-25}
facts:
  - id: th-mixed
    kind: cooperation_practice
    country: TH
    confidence: high
    sources: [early, late]
    summary: Thailand returned about 100 people in July 2015 and 40 more in February 2025.
    value: {counterpart: CN, practice: deportation, level: documented}
  - id: th-early-only
    kind: cooperation_practice
    country: TH
    confidence: high
    sources: [early, late]
    summary: Thailand returned about 100 people in July 2015.
    value: {counterpart: CN, practice: deportation, level: documented}
  - id: th-single
    kind: cooperation_practice
    country: TH
    confidence: high
    sources: [late]
    summary: Thailand returned about 100 people in July 2015 and 40 more in February 2025.
    value: {counterpart: CN, practice: deportation, level: documented}
"""


def test_flags_a_fact_whose_summary_outruns_its_earliest_source(tmp_path: Path) -> None:
    write(tmp_path / "data" / "TH.yaml", FILE)
    warnings = find_hindsight(read_knowledge(tmp_path / "data"))
    assert [(w.fact_id, w.year, w.earliest_source) for w in warnings] == [("th-mixed", 2025, "early")]
    assert "split it" in str(warnings[0])
