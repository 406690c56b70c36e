"""The engine: factors as plugins, threat-aware weights, floors, coverage, as-of."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pycountry

import safepassage.assess as assess_package
from safepassage.assess import assess_country, assess_world
from safepassage.assess.factor import Context, Finding, Weights
from safepassage.assess.message import Countries, Country, message
from safepassage.assess.registry import load_factors
from safepassage.kb import KnowledgeBase, load
from safepassage.profile.reader import profile_from_data

from .conftest import source_yaml, write

CHECHEN_WOMAN = {
    "id": "t",
    "citizenship": ["RU"],
    "origin": {"country": "RU", "region": "RU-CE"},
    "community": ["chechen"],
    "gender": "female",
    "threats": [{"actor": "family", "state": "RU"}],
    "wanted": {"search_request": True},
    "documents": ["internal_id"],
}


class TestFactors:
    def test_builtin_factors_are_found_through_entry_points(self) -> None:
        names = {f.name for f in load_factors()}
        assert {"land_border", "community_presence", "police_conduct", "onward_options"} <= names
        assert len(names) == 15

    def test_every_factor_implements_the_interface(self) -> None:
        for factor in load_factors():
            assert factor.family in {
                "reach",
                "legal_cooperation",
                "state_conduct",
                "community",
                "protection",
                "onward",
            }
            assert factor.scope in {"person", "country"}
            assert any(factor.weights.get(t) > 0 for t in ("family", "state", "non_state"))
            assert callable(factor.evaluate)

    def test_every_module_in_the_factors_package_is_a_listed_builtin(self) -> None:
        # a new built-in module that is not listed would silently do nothing
        import pkgutil

        import safepassage.assess.factors as package
        from safepassage.assess.registry import DEFAULT_FACTORS

        modules = {f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)}
        assert modules == set(DEFAULT_FACTORS)

    def test_factors_do_not_load_the_policy_themselves(self) -> None:
        root = Path(assess_package.__file__).parent / "factors"
        for path in root.glob("*.py"):
            assert "load_policy" not in path.read_text(), path

    def test_a_factor_missing_part_of_the_interface_is_refused_by_name(self) -> None:
        import pytest

        from safepassage.assess.registry import FactorError, check_factor

        class NoScope:
            name, family, weights = "no_scope", "reach", Weights(family=1.0)

            def evaluate(self, context: Context) -> None:
                return None

        with pytest.raises(FactorError, match=r"my_pkg\.no_scope: FACTOR has no 'scope'"):
            check_factor(NoScope(), "my_pkg.no_scope")

        class PlainDict(NoScope):
            scope = "country"
            weights = {"relatives": 1.0}  # type: ignore[assignment]  # noqa: RUF012

        with pytest.raises(FactorError, match="weights must be a Weights"):
            check_factor(PlainDict(), "my_pkg.plain_dict")
        with pytest.raises(TypeError):
            Weights(relatives=1.0)  # type: ignore[call-arg]

    def test_person_level_factors_come_from_their_declared_scope(self, kb: KnowledgeBase) -> None:
        result = assess_country(profile_from_data(CHECHEN_WOMAN), "KZ", kb.view(dt.date(2025, 2, 7)))
        assert result.person_factors == {f.name for f in load_factors() if f.scope == "person"}
        assert "onward_options" in result.person_factors

    def test_no_country_or_person_name_in_engine_code(self) -> None:
        names = {c.name.lower() for c in pycountry.countries}
        names |= {getattr(c, "common_name", c.name).lower() for c in pycountry.countries}
        names |= {"chechnya", "chechen", "kazakh", "soltaeva", "taramova", "qunun"}
        root = Path(assess_package.__file__).parent
        for path in [*root.rglob("*.py"), *root.rglob("*.ftl")]:  # code and its words
            text = path.read_text().lower()
            for name in names:
                assert not re.search(rf"\b{re.escape(name)}\b", text), f"{name!r} in {path}"
            assert not re.search(r'"[A-Z]{2}"', path.read_text()), f"an ISO code literal in {path}"


class TestEngine:
    def test_the_pursuers_own_state_is_assessed(self, kb: KnowledgeBase) -> None:
        profile = profile_from_data(CHECHEN_WOMAN)
        result = assess_country(profile, "RU", kb.view(dt.date(2025, 1, 1)))
        factors = {f.factor for f in result.findings}
        assert "pursuers_home_state" in factors
        assert result.rating in {"elevated", "unsafe"}

    def test_a_state_threat_weighs_legal_cooperation_more(self, kb: KnowledgeBase) -> None:
        family = profile_from_data(CHECHEN_WOMAN)
        state = profile_from_data({**CHECHEN_WOMAN, "threats": [{"actor": "state", "state": "RU"}]})
        view = kb.view(dt.date(2025, 2, 7))
        assert (
            assess_country(state, "KZ", view).weights["legal_cooperation"]
            > assess_country(family, "KZ", view).weights["legal_cooperation"]
        )
        assert (
            assess_country(family, "KZ", view).weights["community_presence"]
            > assess_country(state, "KZ", view).weights["community_presence"]
        )

    def test_unknown_documents_are_reported_missing(self, kb: KnowledgeBase) -> None:
        data = {k: v for k, v in CHECHEN_WOMAN.items() if k != "documents"}
        result = assess_country(profile_from_data(data), "KZ", kb.view(dt.date(2025, 2, 7)))
        assert any(m.factor == "onward_options" for m in result.missing)

    def test_a_country_with_no_facts_is_unknown(self, kb: KnowledgeBase) -> None:
        # a territory with no curated fact and no dataset row (the datasets cover every state)
        view = kb.view()
        empty = next(
            c for c in sorted(view.base.countries)
            if not view.about_country(c) and not view.dataset_facts(c, "RU")
        )
        result = assess_country(profile_from_data(CHECHEN_WOMAN), empty, view)
        assert result.rating == "unknown"

    def test_world_ranking_covers_every_country_and_puts_unknown_last(
        self, kb: KnowledgeBase
    ) -> None:
        ranked = assess_world(profile_from_data(CHECHEN_WOMAN), kb.view())
        assert len(ranked) == len(kb.base.countries)
        ratings = [a.rating for a in ranked]
        first_unknown = ratings.index("unknown")
        assert all(r == "unknown" for r in ratings[first_unknown:])


HANDOVER = """
facts:
  - id: xx-handover
    kind: incident
    country: KZ
    about: RU
    community: chechen
    confidence: high
    sources: [news]
    summary: Police handed a woman who fled her family back to her relatives.
    value:
      date: 2024-03-01
      person: {gender: female, profile: [domestic_violence_survivor]}
      pursuers: [family]
      pretext: theft
      actors: [police]
      outcomes: [detained, handed_to_relatives]
"""


class TestEvidenceFloor:
    def test_a_recent_similar_handover_sets_a_floor_and_as_of_changes_it(
        self, tmp_path: Path
    ) -> None:
        write(tmp_path / "kb.yaml", source_yaml("news", "2024-03-02") + HANDOVER)
        small = load(tmp_path)
        profile = profile_from_data(CHECHEN_WOMAN)
        before = assess_country(profile, "KZ", small.view(dt.date(2024, 3, 1)))
        after = assess_country(profile, "KZ", small.view(dt.date(2024, 3, 2)))
        assert before.rating == "unknown"
        assert after.rating == "unsafe"
        assert after.floor == "unsafe"

    def test_as_of_changes_the_answer_on_the_real_knowledge_base(self, kb: KnowledgeBase) -> None:
        # Before the February 2025 detention was reported, no recent similar case set a floor.
        profile = profile_from_data(CHECHEN_WOMAN)
        before = assess_country(profile, "KZ", kb.view(dt.date(2025, 2, 4)))
        after = assess_country(profile, "KZ", kb.view(dt.date(2025, 2, 7)))
        assert (before.score, before.floor) != (after.score, after.floor)
        assert after.floor == "elevated" and before.floor is None


class TestExtension:
    def test_a_third_party_factor_plugs_in_through_the_same_interface(
        self, kb: KnowledgeBase
    ) -> None:
        class AlwaysWorried:
            name = "always_worried"
            family = "reach"
            scope = "country"
            weights = Weights(family=1.0)

            def evaluate(self, context: Context) -> Finding:
                # the policy travels on the context: the factor never loads it
                assert context.policy.recent_years > 0
                return Finding(self.name, 1.0, message("always_worried", here=Country(context.country)))

        result = assess_country(
            profile_from_data(CHECHEN_WOMAN),
            "KZ",
            kb.view(),
            factors=(*load_factors(), AlwaysWorried()),
        )
        assert any(f.factor == "always_worried" for f in result.findings)
        assert result.weights["always_worried"] == 1.0
        # a factor with no weight for the person's threat is not evaluated
        state = profile_from_data({**CHECHEN_WOMAN, "threats": [{"actor": "state", "state": "RU"}]})
        result = assess_country(state, "KZ", kb.view(), factors=(*load_factors(), AlwaysWorried()))
        assert "always_worried" not in result.weights

    def test_weights_yaml_overrides_a_factors_default_weight(self, kb: KnowledgeBase) -> None:
        from dataclasses import replace

        from safepassage.assess.policy import load_policy

        policy = load_policy()
        custom = replace(policy, overrides={"family": {"community_presence": 0.0}})
        profile = profile_from_data(CHECHEN_WOMAN)
        view = kb.view(dt.date(2025, 2, 7))
        assert "community_presence" in assess_country(profile, "KZ", view).weights
        assert "community_presence" not in assess_country(profile, "KZ", view, policy=custom).weights

    def test_an_override_for_an_unknown_threat_is_refused(self, tmp_path: Path) -> None:
        import pytest

        from safepassage.assess.policy import POLICY_FILE, load_policy

        bad = tmp_path / "weights.yaml"
        bad.write_text(POLICY_FILE.read_text().replace("overrides: {}", "overrides: {clan: {distance: 1}}"))
        with pytest.raises(ValueError, match="'clan' is not one of"):
            load_policy(bad)


def test_onward_options_names_each_destination_once_when_several_rules_hold(kb: KnowledgeBase) -> None:
    """Two entry rules admitting the same internal ID in one country (a rule and its update)
    once crashed the ranking; each destination must be named once."""
    for origin in ("TJ", "UZ", "RU"):
        profile = profile_from_data(
            {"id": "p", "citizenship": [origin], "origin": {"country": origin},
             "threats": [{"actor": "family", "state": origin}], "documents": ["internal_id"]}
        )
        for assessment in assess_world(profile, kb.view())[:30]:
            for finding in assessment.findings:
                where = finding.message.values.get("destinations")
                if finding.factor == "onward_options" and isinstance(where, Countries):
                    assert len(where.codes) == len(set(where.codes))


def test_the_documented_weight_table_is_the_code_s() -> None:
    """docs/assessment.md's weight table must say what runs: every factor, every weight."""
    doc = (Path(__file__).parents[1] / "docs" / "assessment.md").read_text()
    rows = re.findall(r"^\| `(\w+)` \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", doc, re.M)
    table = {name: tuple(float(x) for x in weights) for name, *weights in rows}
    code = {
        f.name: tuple(float(f.weights.get(t, 0)) for t in ("family", "state", "non_state"))
        for f in load_factors()
    }
    assert table == code
