"""OpenFlights direct scheduled connections as listed in June 2014, as a layer keyed by country.

As-of rule: the route database is a snapshot of June 2014, visible from the end of June 2014;
it says a direct connection was listed then, not that it flies today, and it is not a
timetable. The airport-level files (airports.csv, routes.csv.gz) are for the route planner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.kb.dates import PartialDate
from safepassage.kb.layers.layer import (
    DatasetLayer,
    LayerContext,
    RowIndex,
    build,
    iter_rows,
    read_rows,
    visible,
)
from safepassage.kb.layers.release import read_meta
from safepassage.kb.models import AirConnectionFact, FactBase

DATASET = "openflights"
AIRPORT_COLUMNS = ("iata", "country", "name", "city", "lat", "lon")
ROUTE_COLUMNS = ("from", "to", "airlines", "codeshare_only")
COUNTRY_COLUMNS = ("from", "to", "routes", "airport_pairs", "airlines")


class AirConnectionsLayer(DatasetLayer):
    name = "air-connections"
    datasets = (DATASET,)
    kind = AirConnectionFact
    keyed_by = "country"

    def __init__(self, datasets_dir: Path) -> None:
        super().__init__(datasets_dir)
        self._index: RowIndex | None = None

    def _rows(self) -> RowIndex:
        if self._index is None:
            self._index = RowIndex(self.dir / DATASET / "countries.csv")
        return self._index

    def known_keys(self) -> list[str]:
        return self._rows().keys()

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        meta = self.meta(DATASET)
        if not visible(meta.published, None, context.as_of):
            return []
        source = meta.sources[0].id
        return [_fact(context, source, meta.published, row, validate=False) for row in self._rows().rows(key)]

    def airports(self) -> list[dict[str, str]]:
        """Airports with direct routes in June 2014: IATA code, country, name, city, position."""
        return read_rows(self.dir / DATASET / "airports.csv")

    def routes(self) -> list[dict[str, str]]:
        """Direct airport-to-airport routes listed in June 2014, with the number of airlines."""
        return read_rows(self.dir / DATASET / "routes.csv.gz")

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        meta = read_meta(folder)
        context = LayerContext(as_of=dt.date.max, name=lambda code: code, instruments={})
        problems = []
        iata = {r["iata"] for r in read_rows(folder / "airports.csv")}
        for number, row in iter_rows(folder / "routes.csv.gz"):
            if row["from"] not in iata or row["to"] not in iata:
                problems.append(f"{dataset}/routes.csv.gz row {number}: an airport missing from airports.csv")
        for number, row in iter_rows(folder / "countries.csv"):
            try:
                _fact(context, meta.sources[0].id, meta.published, row, validate=True)
            except (ValueError, KeyError) as error:
                problems.append(f"{dataset}/countries.csv row {number}: {' '.join(str(error).split())[:300]}")
        return problems


def _fact(context: LayerContext, source: str, published: PartialDate, row: dict[str, str], validate: bool) -> FactBase:
    here, there = row["from"], row["to"]
    routes, pairs, airlines = int(row["routes"]), int(row["airport_pairs"]), int(row["airlines"])
    return build(
        AirConnectionFact,
        validate,
        {"counterpart": there, "routes": routes, "airport_pairs": pairs, "airlines": airlines},
        id=f"of-{here}-{there}-2014".lower(),
        country=here,
        about=there,
        valid_from=published,
        confidence="medium",
        sources=(source,),
        summary=(
            f"In June 2014 the OpenFlights route database listed {routes} direct airline route(s) "
            f"from {context.name(here)} to {context.name(there)} ({pairs} airport pair(s), "
            f"{airlines} airline(s)): a connection that existed then, not a timetable."
        ),
        row=f"openflights countries.csv: from {here} to {there}",
    )
