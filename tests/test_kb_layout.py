"""Each fact lives in its home file, each source is defined once, and the docs' lists of kinds
and fields are the models' own (one registry)."""

from __future__ import annotations

from pathlib import Path

import yaml

from safepassage.kb.base import load_base_layer
from safepassage.kb.loader import read_knowledge
from safepassage.kb.reference import render_reference
from safepassage.kb.tidy import layout_defects, plan_layout, write_layout

from .conftest import source_yaml, write

DOCS = Path(__file__).parents[1] / "docs" / "kb-format.md"

INCIDENT = """
facts:
  - id: {id}
    kind: incident
    country: DE
    about: GE
    confidence: high
    sources: [src-a]
    summary: An exile was shot dead in a park on the orders of a foreign state.
    value:
      date: 2019-08-23
      pursuers: [state]
      actors: [origin_state_agents]
      outcomes: [killed]
      pursuing_state: RU
"""

BORDER = """
facts:
  - id: kz-border-ru
    kind: land_border
    country: KZ
    confidence: high
    sources: [src-a]
    summary: Kazakhstan and Russia share a land border.
    value: {neighbour: RU, length_km: 7644}
"""


class TestKbLayout:
    def test_the_bundled_knowledge_base_is_tidy(self) -> None:
        assert [str(d) for d in layout_defects(plan_layout())] == []

    def test_the_docs_list_exactly_the_models_kinds_and_fields(self) -> None:
        text = DOCS.read_text(encoding="utf-8")
        assert render_reference(text) == text, "run python scripts/update-kb-reference.py"

    def test_it_reports_a_misplaced_fact_and_a_source_defined_twice(self, tmp_path: Path) -> None:
        write(tmp_path / "scratch.yaml", source_yaml() + BORDER)
        write(tmp_path / "countries" / "KZ.yaml", source_yaml())
        messages = [str(d) for d in layout_defects(plan_layout(tmp_path))]
        assert any("kz-border-ru" in m and "belongs in countries/KZ.yaml" in m for m in messages)
        assert any("src-a" in m and "defined again" in m for m in messages)

    def test_tidy_moves_facts_home_without_changing_them(self, tmp_path: Path) -> None:
        write(tmp_path / "scratch.yaml", source_yaml() + INCIDENT.format(id="berlin-killing"))
        write(tmp_path / "more.yaml", source_yaml() + BORDER)
        before = {f.id: f for f in read_knowledge(tmp_path).facts}
        write_layout(plan_layout(tmp_path), load_base_layer(), tmp_path)
        files = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.yaml"))
        # the state behind the killing, not the victim's citizenship, names the file
        assert files == ["countries/KZ.yaml", "transnational/RU.yaml"]
        after = read_knowledge(tmp_path)
        assert after.defects == []
        assert {f.id: f for f in after.facts} == before
        defined = [
            s["id"]
            for p in tmp_path.rglob("*.yaml")
            for s in (yaml.safe_load(p.read_text()) or {}).get("sources") or []
        ]
        assert defined == ["src-a"]
        assert layout_defects(plan_layout(tmp_path)) == []
        assert write_layout(plan_layout(tmp_path), load_base_layer(), tmp_path) == []

    def test_it_reports_a_source_no_fact_cites(self, tmp_path: Path) -> None:
        write(tmp_path / "countries" / "KZ.yaml", source_yaml() + source_yaml("src-b").replace("sources:", "") + BORDER)
        messages = [str(d) for d in layout_defects(plan_layout(tmp_path))]
        assert messages == ["countries/KZ.yaml [source src-b]: no fact cites it; remove it or cite it"]

    def test_it_reports_two_ids_for_one_url(self, tmp_path: Path) -> None:
        twin = source_yaml("src-b").replace("sources:", "").replace("example.org/src-b", "example.org/src-a")
        write(tmp_path / "countries" / "KZ.yaml", source_yaml() + twin + BORDER.replace("[src-a]", "[src-a, src-b]"))
        messages = [str(d) for d in layout_defects(plan_layout(tmp_path))]
        assert messages == ["sources [source src-b]: has the same URL as src-a; use one id"]
