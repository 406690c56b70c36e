"""World Bank bilateral migrant stock 2020: people born in one country living in another.

As-of rule: a statistic is visible from its release's date (the metadata's `published`). The
figure counts people by country of birth, whatever their community or citizenship: a Chechen
woman's community in a country is not everyone born in Russia living there, so the engine uses
it only where no community figure exists, and says what it is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.kb.layers.layer import (
    DatasetLayer,
    LayerContext,
    build,
    iter_rows,
    visible,
)
from safepassage.kb.layers.release import read_meta
from safepassage.kb.models import FactBase, MigrantStockFact

DATASET = "wb-migrant-stock"
COLUMNS = ("origin", "destination", "people")
YEAR = 2020


class MigrantStockLayer(DatasetLayer):
    name = "migrant-stock"
    datasets = (DATASET,)
    kind = MigrantStockFact
    keyed_by = "about"

    def __init__(self, datasets_dir: Path) -> None:
        super().__init__(datasets_dir)
        self._lines: dict[str, list[str]] | None = None
        self._rows: dict[str, dict[str, int]] = {}

    def _lines_by_origin(self) -> dict[str, list[str]]:
        # one file of 10,000 rows; only the origins asked for are parsed (a cold start asks one)
        if self._lines is None:
            self._lines = {}
            text = (self.dir / DATASET / "migrant-stock.csv").read_text(encoding="utf-8")
            for line in text.splitlines()[1:]:
                self._lines.setdefault(line[:2], []).append(line)
        return self._lines

    def _by_origin(self, origin: str) -> dict[str, int]:
        if origin not in self._rows:
            parsed: dict[str, int] = {}
            for line in self._lines_by_origin().get(origin, ()):
                _, destination, people = line.split(",")
                parsed[destination] = int(people)
            self._rows[origin] = parsed
        return self._rows[origin]

    def known_keys(self) -> list[str]:
        return sorted(self._lines_by_origin())

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        meta = self.meta(DATASET)
        if not visible(meta.published, None, context.as_of):
            return []
        rows = self._by_origin(key)
        places = [country] if country is not None else sorted(rows)
        source = meta.sources[0].id
        return [
            _fact(context, source, meta.published, key, place, rows[place], validate=False)
            for place in places
            if place in rows
        ]

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        meta = read_meta(folder)
        context = LayerContext(as_of=dt.date.max, name=lambda code: code, instruments={})
        problems = []
        for number, row in iter_rows(folder / "migrant-stock.csv"):
            try:
                _fact(context, meta.sources[0].id, meta.published, row["origin"], row["destination"], int(row["people"]), validate=True)
            except (ValueError, KeyError) as error:
                problems.append(f"{dataset}/migrant-stock.csv row {number}: {' '.join(str(error).split())[:300]}")
        return problems


def _fact(context: LayerContext, source: str, published: object, origin: str, place: str, people: int, validate: bool) -> FactBase:
    return build(
        MigrantStockFact,
        validate,
        {"people": people, "year": YEAR},
        id=f"wb-{place}-{origin}-{YEAR}".lower(),
        country=place,
        about=origin,
        valid_from=published,
        confidence="medium",
        sources=(source,),
        summary=(
            f"In {YEAR}, {people:,} people born in {context.name(origin)} lived in "
            f"{context.name(place)} (World Bank bilateral migrant stock: everyone born there, of any "
            "community or citizenship; not the size of a community)."
        ),
        row=f"migrant stock {YEAR}: origin {origin}, destination {place}",
    )
