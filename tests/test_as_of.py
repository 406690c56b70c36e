"""As-of visibility: what was known on a date, and nothing later."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.assess import assess_world
from safepassage.kb.knowledge import KnowledgeBase, load
from safepassage.profile.reader import read_profile
from safepassage.report.model import Report

from .conftest import source_yaml, write

INCIDENT = """
facts:
  - id: kz-incident
    kind: incident
    country: KZ
    about: RU
    confidence: high
    sources: [{source}]
    summary: An example detention reported by an example publisher.
    value:
      date: {date}
      outcomes: [detained]
  - id: kz-membership
    kind: membership
    country: KZ
    valid_from: 2000-01-01
    valid_to: 2010-06-30
    confidence: high
    sources: [old]
    summary: Kazakhstan was party to an example treaty from 2000 to mid-2010.
    value: {{instrument: cis, status: member}}
instruments:
  - {{id: cis, title: Example bloc, kind: political_bloc}}
"""


def build(tmp_path: Path, incident_date: str, published: str):  # type: ignore[no-untyped-def]
    text = (
        source_yaml("news", published)
        + source_yaml("old", "2001-01-01").replace("sources:\n", "")
        + INCIDENT.format(source="news", date=incident_date)
    )
    write(tmp_path / "kb.yaml", text)
    return load(tmp_path)


def ids(kb, day: dt.date) -> set[str]:  # type: ignore[no-untyped-def]
    return {fact.id for fact in kb.view(day).facts}


class TestAsOf:
    def test_an_incident_after_the_date_is_invisible(self, tmp_path: Path) -> None:
        kb = build(tmp_path, "2024-05-10", "2024-05-11")
        assert "kz-incident" not in ids(kb, dt.date(2024, 5, 9))

    def test_an_incident_reported_before_the_date_is_visible(self, tmp_path: Path) -> None:
        kb = build(tmp_path, "2024-05-10", "2024-05-11")
        assert "kz-incident" in ids(kb, dt.date(2024, 5, 11))

    def test_an_incident_not_yet_reported_is_invisible(self, tmp_path: Path) -> None:
        kb = build(tmp_path, "2024-05-10", "2024-06-01")
        assert "kz-incident" not in ids(kb, dt.date(2024, 5, 20))

    def test_a_source_dated_only_by_month_counts_from_the_month_end(self, tmp_path: Path) -> None:
        kb = build(tmp_path, "2024-05-10", "2024-05")
        assert "kz-incident" not in ids(kb, dt.date(2024, 5, 30))
        assert "kz-incident" in ids(kb, dt.date(2024, 5, 31))

    def test_a_fact_holds_only_within_its_period(self, tmp_path: Path) -> None:
        kb = build(tmp_path, "2024-05-10", "2024-05-11")
        assert "kz-membership" not in ids(kb, dt.date(1999, 12, 31))
        assert "kz-membership" in ids(kb, dt.date(2005, 1, 1))
        assert "kz-membership" not in ids(kb, dt.date(2010, 6, 30))


def test_reports_cite_only_sources_published_by_the_as_of_date(kb: KnowledgeBase) -> None:
    profile = read_profile(Path(__file__).parents[1] / "examples" / "founding-case.yaml")
    day = dt.date(2025, 2, 7)
    report = Report(profile, day, kb, assess_world(profile, kb.view(day), ["KZ"])).to_dict()
    cited = [s for a in report["assessments"] for f in a["findings"] for s in f["sources"] if s["published"]]
    assert cited
    assert all(s["published"][:10] <= "2025-02-07" for s in cited)
