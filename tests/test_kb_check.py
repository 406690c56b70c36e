"""`kb check` must catch each kind of defect in a small broken knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from safepassage.kb.base import load_base_layer
from safepassage.kb.check import find_defects
from safepassage.kb.loader import read_knowledge

from .conftest import TODAY, source_yaml, write

GOOD_FACT = """
facts:
  - id: {id}
    kind: land_border
    country: {country}
    confidence: high
    sources: [{source}]
    summary: Two example countries share a land border of 100 km.
    value: {{neighbour: {neighbour}, length_km: 100}}
"""


def fact(
    fact_id: str = "kz-border", country: str = "KZ", neighbour: str = "RU", source: str = "src-a"
) -> str:
    return GOOD_FACT.format(id=fact_id, country=country, neighbour=neighbour, source=source)


def defects_of(tmp_path: Path, **files: str) -> list[str]:
    for name, text in files.items():
        write(tmp_path / f"{name}.yaml", text)
    raw = read_knowledge(tmp_path)
    return [str(d) for d in find_defects(raw, load_base_layer(), today=TODAY)]


class TestKbCheck:
    def test_a_clean_fixture_has_no_defect(self, tmp_path: Path) -> None:
        assert defects_of(tmp_path, a=source_yaml() + fact()) == []

    def test_it_catches_a_fact_without_sources(self, tmp_path: Path) -> None:
        text = source_yaml() + fact().replace("sources: [src-a]", "sources: []")
        found = defects_of(tmp_path, a=text)
        assert any("fact kz-border: sources" in d for d in found), found

    def test_it_catches_a_dangling_source(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a=source_yaml() + fact(source="nowhere"))
        assert any("'nowhere' is not defined" in d for d in found), found

    def test_it_catches_a_bad_iso_code(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a=source_yaml() + fact(neighbour="XK"))
        assert any("'XK' is not an ISO 3166-1" in d for d in found), found

    def test_it_catches_a_lowercase_code(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a=source_yaml() + fact(country="kz"))
        assert any("fact kz-border: country" in d for d in found), found

    def test_it_catches_duplicate_fact_ids(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a=source_yaml() + fact(), b=fact())
        assert any("duplicate fact id" in d for d in found), found

    def test_it_catches_two_sources_with_one_id(self, tmp_path: Path) -> None:
        found = defects_of(
            tmp_path, a=source_yaml() + fact(), b=source_yaml(published="2021-01-01")
        )
        assert any("id used for two different sources" in d for d in found), found

    def test_it_accepts_identical_copies_of_a_source(self, tmp_path: Path) -> None:
        assert defects_of(tmp_path, a=source_yaml() + fact(), b=source_yaml()) == []

    def test_it_catches_a_source_without_url(self, tmp_path: Path) -> None:
        text = source_yaml().replace("    url: https://example.org/src-a\n", "") + fact()
        found = defects_of(tmp_path, a=text)
        assert any("source src-a: url" in d for d in found), found

    def test_it_catches_a_source_without_publisher(self, tmp_path: Path) -> None:
        text = source_yaml().replace("    publisher: Example Publisher\n", "") + fact()
        found = defects_of(tmp_path, a=text)
        assert any("source src-a: publisher" in d for d in found), found

    def test_it_catches_a_source_dated_in_the_future(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a=source_yaml(published="2027-01-01") + fact())
        assert any("in the future" in d for d in found), found

    def test_it_catches_an_unreadable_date(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a=source_yaml(published="soon") + fact())
        assert any("source src-a: published" in d for d in found), found

    def test_it_catches_a_period_that_ends_before_it_starts(self, tmp_path: Path) -> None:
        text = source_yaml() + fact().replace(
            "    confidence: high",
            "    valid_from: 2020-01-01\n    valid_to: 2019-01-01\n    confidence: high",
        )
        found = defects_of(tmp_path, a=text)
        assert any("valid_to is before valid_from" in d for d in found), found

    def test_it_catches_an_unknown_instrument(self, tmp_path: Path) -> None:
        text = (
            source_yaml()
            + """
facts:
  - id: kz-member-nothing
    kind: membership
    country: KZ
    confidence: high
    sources: [src-a]
    summary: Kazakhstan joined an instrument nobody defined.
    value: {instrument: no-such-treaty, status: party}
"""
        )
        found = defects_of(tmp_path, a=text)
        assert any("'no-such-treaty' is not defined" in d for d in found), found

    def test_it_catches_an_unknown_kind(self, tmp_path: Path) -> None:
        text = source_yaml() + fact().replace("kind: land_border", "kind: rumour")
        found = defects_of(tmp_path, a=text)
        assert any("fact kz-border" in d and "rumour" in d for d in found), found

    def test_it_catches_malformed_yaml(self, tmp_path: Path) -> None:
        found = defects_of(tmp_path, a="facts: [unclosed\n")
        assert any("not valid YAML" in d for d in found), found

    @pytest.mark.parametrize("field", ["confidence", "summary"])
    def test_it_catches_a_missing_required_field(self, tmp_path: Path, field: str) -> None:
        lines = [ln for ln in fact().splitlines() if not ln.strip().startswith(f"{field}:")]
        found = defects_of(tmp_path, a=source_yaml() + "\n".join(lines) + "\n")
        assert any(f"fact kz-border: {field}" in d for d in found), found

    def test_bare_no_is_read_as_norway(self, tmp_path: Path) -> None:
        # YAML 1.1 reads a bare NO as false; reviewers will write it anyway.
        text = source_yaml() + fact(fact_id="no-border", country="NO", neighbour="SE")
        assert defects_of(tmp_path, a=text) == []
