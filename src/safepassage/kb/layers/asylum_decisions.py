"""UNHCR asylum decisions as a layer: this origin's nationals, decided in this host, by year.

As-of rule: UNHCR publishes a year's statistics in June of the next year (with its Global
Trends report), so the figures for year Y are visible from 1 July of Y+1 and never before. The
figures are those of the release we hold, which may revise what was first published.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from safepassage.kb.layers.layer import DatasetLayer, LayerContext, build, from_date, iter_rows
from safepassage.kb.layers.release import read_meta
from safepassage.kb.models import AsylumDecisionsFact, FactBase

DATASET = "unhcr-asylum-decisions"
COLUMNS = (
    "asylum",
    "year",
    "basis",
    "recognised",
    "complementary",
    "rejected",
    "otherwise_closed",
    "total",
    "levels",
)
SUMMARY_COLUMNS = ("origin", "rows", "hosts", "first_year", "last_year", "decisions")
BASIS = {"P": "persons", "C": "cases"}
COUNTS = ("recognised", "complementary", "rejected", "otherwise_closed", "total")
# Fewer decisions on the merits than this in a year are too few to give a rate: the release
# shows no counts of 1-4 or 6-9 (small numbers appear rounded to 5 or 10), so a handful of
# decisions can move a rate by half. Below it the counts are still shown, without a rate.
FEW_DECISIONS = 30


def public_from(year: int) -> dt.date:
    return dt.date(year + 1, 7, 1)


class AsylumDecisionsLayer(DatasetLayer):
    name = "asylum-decisions"
    datasets = (DATASET,)
    kind = AsylumDecisionsFact
    keyed_by = "about"

    def __init__(self, datasets_dir: Path) -> None:
        super().__init__(datasets_dir)
        self._rows: dict[str, dict[str, list[dict[str, str]]]] = {}

    def known_keys(self) -> list[str]:
        folder = self.dir / DATASET / "by-origin"
        return sorted(p.name.split(".")[0] for p in folder.glob("*.csv.gz"))

    def _by_host(self, origin: str) -> dict[str, list[dict[str, str]]]:
        if origin not in self._rows:
            path = self.dir / DATASET / "by-origin" / f"{origin}.csv.gz"
            by_host: dict[str, list[dict[str, str]]] = {}
            if path.is_file():
                for _, row in iter_rows(path):
                    by_host.setdefault(row["asylum"], []).append(row)
            self._rows[origin] = by_host
        return self._rows[origin]

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        by_host = self._by_host(key)
        hosts = [country] if country is not None else sorted(by_host)
        source = self.meta(DATASET).sources[0].id
        return [
            _fact(context, source, key, host, row, validate=False)
            for host in hosts
            for row in by_host.get(host, ())
            if public_from(int(row["year"])) <= context.as_of
        ]

    def count_by_country(self, context: LayerContext) -> Counter[str]:
        counts: Counter[str] = Counter()
        for origin in self.known_keys():
            for host, rows in self._by_host(origin).items():
                counts[host] += sum(1 for r in rows if public_from(int(r["year"])) <= context.as_of)
        return counts

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        problems = []
        source = read_meta(folder).sources[0].id
        for path in sorted((folder / "by-origin").glob("*.csv.gz")):
            origin = path.name.split(".")[0]
            for number, row in iter_rows(path):
                try:
                    _fact(_CHECK, source, origin, row["asylum"], row, validate=True)
                except (ValueError, KeyError) as error:
                    problems.append(f"{dataset}/by-origin/{path.name} row {number}: {_first_line(error)}")
        return problems


_CHECK = LayerContext(as_of=dt.date.max, name=lambda code: code, instruments={})


def _first_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300]


def _fact(
    context: LayerContext, source: str, origin: str, host: str, row: dict[str, str], validate: bool
) -> FactBase:
    year, basis = int(row["year"]), row["basis"]
    numbers = {name: int(row[name]) for name in COUNTS}
    levels = tuple(row["levels"].split())
    value = {"year": year, "basis": basis, **numbers, "levels": levels}
    there, here = context.name(origin), context.name(host)
    substantive = numbers["recognised"] + numbers["complementary"] + numbers["rejected"]
    rate = (
        f"; {(numbers['recognised'] + numbers['complementary']) / substantive:.0%} of the "
        f"{substantive:,} decisions on the merits gave protection"
        if substantive >= FEW_DECISIONS
        else f"; too few decisions on the merits ({substantive:,}) to give a rate"
    )
    summary = (
        f"UNHCR statistics for {year}: {here} decided the asylum claims of {numbers['total']:,} "
        f"{basis} from {there}: {numbers['recognised']:,} recognised as refugees, "
        f"{numbers['complementary']:,} given complementary protection, {numbers['rejected']:,} "
        f"rejected, {numbers['otherwise_closed']:,} otherwise closed{rate}."
    )
    return build(
        AsylumDecisionsFact,
        validate,
        value,
        id=f"unhcr-{host}-{origin}-{year}-{basis}".lower(),
        country=host,
        about=origin,
        valid_from=from_date(public_from(year)),
        confidence="high",
        sources=(source,),
        summary=summary,
        row=(
            f"asylum_decisions: origin {origin}, asylum {host}, year {year}, {basis} "
            f"(summed: {' '.join(levels)})"
        ),
    )

