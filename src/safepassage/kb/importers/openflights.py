"""OpenFlights airports (updated 2019) and routes (the June 2014 route database).

A route is an airline's direct service from one airport to another as the route database
listed it in June 2014: evidence that a scheduled connection existed then, not a timetable and
not proof that it still flies. We keep direct routes (0 stops) between airports with an IATA
code, count the airlines per airport pair (and whether all of them were codeshares), and sum
them per pair of countries. Airports in territories without an ISO code are left out, counted.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from safepassage.kb.importers.derived import write_csv, write_csv_gz
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import UnknownName, code_for_name, current_alpha2
from safepassage.kb.layers.air_connections import AIRPORT_COLUMNS, COUNTRY_COLUMNS, ROUTE_COLUMNS

NULL = "\\N"


class OpenFlights:
    name = "openflights"
    title = "OpenFlights direct scheduled connections (routes June 2014, airports 2019)"
    reads = ("airports.dat", "routes.dat", "countries.dat", "LICENSE")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        countries = _countries(raw / "countries.dat")
        airports: dict[str, list[object]] = {}
        skipped: dict[str, int] = defaultdict(int)
        for number, cells in _rows(raw / "airports.dat", 14):
            iata = cells[4]
            if iata in ("", NULL):
                continue
            if cells[3] in countries:
                code = countries[cells[3]]
            else:
                try:
                    code = code_for_name(cells[3])
                except UnknownName:
                    raise RowError("airports.dat", number, "country", f"country {cells[3]!r} is neither in countries.dat nor country-names.yaml") from None
            if code is None:
                skipped["airports skipped: territory without an ISO code"] += 1
                continue
            try:
                lat, lon = round(float(cells[6]), 4), round(float(cells[7]), 4)
            except ValueError:
                raise RowError("airports.dat", number, "latitude/longitude", f"not numbers: {cells[6]!r}, {cells[7]!r}") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise RowError("airports.dat", number, "latitude/longitude", f"out of range: {lat}, {lon}")
            airports[cells[0]] = [iata, code, cells[1], cells[2], lat, lon]
        pairs: dict[tuple[str, str], dict[str, bool]] = defaultdict(dict)
        read = 0
        for number, cells in _rows(raw / "routes.dat", 9):
            read += 1
            if cells[7] not in ("0", "1", "2", "3"):
                raise RowError("routes.dat", number, "stops", f"expected a number of stops, got {cells[7]!r}")
            if cells[7] != "0":
                skipped["routes skipped: not direct (stops > 0)"] += 1
                continue
            if cells[3] not in airports or cells[5] not in airports:
                skipped["routes skipped: an airport without IATA code, ISO country or entry"] += 1
                continue
            codeshare = cells[6] == "Y"
            key = (str(airports[cells[3]][0]), str(airports[cells[5]][0]))
            airline = cells[1] if cells[1] != NULL else cells[0]
            # an airline counts as operating the route if any of its listings is not a codeshare
            pairs[key][airline] = pairs[key].get(airline, True) and codeshare
        if not pairs:
            raise ImportFailure("routes.dat: no direct routes between known airports")
        used = {a for pair in pairs for a in pair}
        airport_rows = sorted(r for r in airports.values() if r[0] in used)
        country_of = {str(r[0]): str(r[1]) for r in airport_rows}
        routes_between: Counter[tuple[str, str]] = Counter()
        pairs_between: Counter[tuple[str, str]] = Counter()
        airlines_between: dict[tuple[str, str], set[str]] = defaultdict(set)
        for (a, b), airlines in pairs.items():
            key = (country_of[a], country_of[b])
            if key[0] == key[1]:
                continue  # domestic
            routes_between[key] += len(airlines)
            pairs_between[key] += 1
            airlines_between[key].update(airlines)
        write_csv(out / "airports.csv", AIRPORT_COLUMNS, airport_rows)
        routes = write_csv_gz(
            out / "routes.csv.gz",
            ROUTE_COLUMNS,
            sorted([a, b, len(v), int(all(v.values()))] for (a, b), v in pairs.items()),
        )
        links = write_csv(
            out / "countries.csv",
            COUNTRY_COLUMNS,
            sorted(
                [a, b, routes_between[(a, b)], pairs_between[(a, b)], len(airlines_between[(a, b)])]
                for (a, b) in routes_between
            ),
        )
        return Release(
            title="OpenFlights airport database (2019) and route database (June 2014)",
            publisher="OpenFlights (openflights.org)",
            url="https://openflights.org/data.html",
            version="routes as of June 2014; airports updated 2019",
            published="2014-06",
            licence="Open Database License (ODbL) 1.0: the derived files here are shared under the same licence",
            compiled_by="github.com/jpatokal/openflights (data/)",
            licence_files=["LICENSE"],
            sources=[
                {
                    "id": "openflights-routes-2014-06",
                    "publisher": "OpenFlights (openflights.org)",
                    "title": "OpenFlights route database (67,663 routes as of June 2014) and airport database",
                    "url": "https://openflights.org/data.html",
                    "published": "2014-06",
                }
            ],
            counts={
                "routes read": read,
                "airport pairs written": routes,
                "country pairs written": links,
                "airports written": len(airport_rows),
                **dict(sorted(skipped.items())),
            },
            notes=[
                "Only direct routes (stops 0) between airports with an IATA code; one row per "
                "airport pair with the number of airlines listing it, and codeshare_only 1 when "
                "every listing was a codeshare.",
                "countries.csv sums airport pairs between two countries (domestic routes left "
                "out): routes = airline-route listings, airlines = distinct airlines.",
                "These say a direct scheduled connection was listed in June 2014: not a "
                "timetable, not that it flies today.",
            ],
        )


def _rows(path: Path, width: int) -> list[tuple[int, list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for number, cells in enumerate(csv.reader(handle), start=1):
            if len(cells) != width:
                raise RowError(path.name, number, "*", f"{len(cells)} fields, expected {width}")
            rows.append((number, [c.strip() for c in cells]))
        return rows


def _countries(path: Path) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for number, (name, iso, _dafif) in _rows(path, 3):
        try:
            found[name] = current_alpha2(iso) if iso not in ("", NULL) else None
        except UnknownName:
            raise RowError(path.name, number, "iso_code", f"not an ISO 3166-1 alpha-2 code: {iso!r} (add it to country-names.yaml)") from None
    return found


IMPORTER = OpenFlights()
