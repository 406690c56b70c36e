"""The names people type and read: every alias means one country, every community the facts
use has English and Russian names, and a name is matched whole, never by prefix."""

from __future__ import annotations

from collections import defaultdict

from safepassage.kb import KnowledgeBase
from safepassage.kb.base import load_base_layer
from safepassage.kb.names import _aliases, community_names, country_code, fold


def test_no_name_or_alias_means_two_countries() -> None:
    meanings: dict[str, set[str]] = defaultdict(set)
    for code, country in load_base_layer().countries.items():
        meanings[fold(country.name_en)].add(code)
        meanings[fold(country.name_ru)].add(code)
    for code, language, alias in _aliases():
        assert code in load_base_layer(), f"alias {alias!r} names an unknown code {code}"
        assert language in ("en", "ru")
        meanings[fold(alias)].add(code)
    assert {name: codes for name, codes in meanings.items() if len(codes) > 1} == {}


def test_names_are_matched_whole_in_either_language() -> None:
    assert country_code("Germany") == country_code("Германия") == country_code("germany") == "DE"
    assert country_code("Россия") == country_code("Российская Федерация") == "RU"
    assert country_code("Ge") is None and country_code("Germ") is None and country_code("") is None
    assert country_code("Türkiye") == country_code("Turkiye") == "TR"


def test_every_community_in_the_facts_has_english_and_russian_names(kb: KnowledgeBase) -> None:
    used = {f.community for f in kb.facts if getattr(f, "community", None)}
    named = community_names()
    assert sorted(used - set(named)) == [], "add the community to kb/data/base/community-names.csv"
    for community in named.values():
        assert community.name_en and community.name_ru and community.name_ru != community.name_en
