"""Output formats: the JSON contract of DESIGN.md §5, Markdown, text and self-contained HTML."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

from safepassage.assess import assess_world
from safepassage.kb import KnowledgeBase
from safepassage.profile.reader import read_profile
from safepassage.report.model import Report
from safepassage.report.registry import load_formats

EXAMPLE = Path(__file__).parents[1] / "examples" / "founding-case.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safepassage", *args], capture_output=True, text=True, timeout=120
    )


class TestFormats:
    def test_json_has_the_documented_shape(self) -> None:
        result = run(
            "assess", str(EXAMPLE), "--country", "KZ", "--as-of", "2025-02-07", "-f", "json"
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert set(data) == {"schema_version", "profile_id", "as_of", "kb_version", "assessments"}
        assert data["schema_version"] == "1.2"
        assert data["as_of"] == "2025-02-07"
        (kz,) = data["assessments"]
        assert {"country", "rating", "score", "confidence", "findings", "missing"} <= set(kz)
        assert {"coverage", "structural_only", "floor", "bound", "caveats"} <= set(kz)
        assert kz["country"] == "KZ"
        assert 0 < kz["coverage"] <= 1
        # the founding case: a recent similar detention sets an `elevated` floor, and says why
        assert kz["floor"]["rating"] == "elevated"
        assert kz["floor"]["factor"] == "police_conduct"
        assert "detained" in kz["floor"]["why"]
        for finding in kz["findings"]:
            assert {"factor", "risk", "summary", "facts", "sources", "basis", "counted"} <= set(
                finding
            )
            # 1.2: what the summary says, as a message id and typed values
            assert finding["message"]["id"].startswith(finding["factor"]) or finding["message"]["id"] == "sentences"
        for missing in kz["missing"]:
            assert {"factor", "what", "message"} <= set(missing)
            for source in finding["sources"]:
                assert source["url"].startswith(("https://", "http://"))

    def test_without_country_every_country_is_ranked(self) -> None:
        result = run("assess", str(EXAMPLE), "--as-of", "2025-02-07", "-f", "json")
        data = json.loads(result.stdout)
        assert len(data["assessments"]) >= 249
        order = ["lower", "moderate", "elevated", "unsafe", "unknown"]
        ranks = [order.index(a["rating"]) for a in data["assessments"]]
        assert ranks == sorted(ranks)

    def test_markdown_lists_findings_with_links(self) -> None:
        result = run(
            "assess", str(EXAMPLE), "--country", "KZ", "--as-of", "2025-02-07", "-f", "markdown"
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("# Safety assessment")
        assert "](https://" in result.stdout

    def test_text_is_a_table_with_the_rating(self) -> None:
        result = run("assess", str(EXAMPLE), "--country", "KZ", "--as-of", "2025-02-07")
        assert result.returncode == 0, result.stderr
        assert "Kazakhstan (KZ):" in result.stdout

        assert "Land border" in result.stdout and "land_border" not in result.stdout  # labels, never ids

    def test_html_is_self_contained(self, tmp_path: Path) -> None:
        out = tmp_path / "r.html"
        result = run("assess", str(EXAMPLE), "--as-of", "2025-02-07", "-f", "html", "-o", str(out))
        assert result.returncode == 0, result.stderr
        html = out.read_text()
        assert "<svg" in html and 'class="kz country' in html
        assert "<script" not in html
        assert 'src="http' not in html and "@import" not in html
        assert "Content-Security-Policy" in html

    def test_an_unknown_format_is_bad_input(self) -> None:
        result = run("assess", str(EXAMPLE), "--country", "KZ", "-f", "pdf")
        assert result.returncode == 2
        assert "--format: 'pdf'" in result.stderr


def test_russian_reports_use_russian_names_and_fact_text(kb: KnowledgeBase) -> None:
    profile = read_profile(Path(__file__).parents[1] / "examples" / "founding-case.yaml")
    day = dt.date(2025, 2, 7)
    report = Report(profile, day, kb, assess_world(profile, kb.view(day), ["KZ"]), language="ru")
    markdown = load_formats()["markdown"].render(report)
    assert "Казахстан (KZ)" in markdown
    assert re.search(r"7\s644 км", markdown)  # Russian number grouping
    assert markdown.count("граничат по суше") == 1  # stated once, not from both sides
    assert '<html lang="ru">' in load_formats()["html"].render(report)
