"""Freedom House rule-of-law sub-scores (F1-F3) by edition, as a layer keyed by country.

As-of rule: Freedom in the World appears in February or March of its edition's year (the 2024
edition on 29 February 2024, the 2025 edition on 26 February 2025), so edition E is visible from
1 April of year E, never before; a view shows the latest edition visible then.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safepassage.kb.layers.layer import (
    DatasetLayer,
    LayerContext,
    RowIndex,
    build,
    from_date,
    iter_rows,
)
from safepassage.kb.layers.release import read_meta
from safepassage.kb.models import FactBase, RuleOfLawFact

DATASET = "freedom-house"
COLUMNS = ("state", "edition", "year", "F1", "F2", "F3", "row")


def public_from(edition: int) -> dt.date:
    return dt.date(edition, 4, 1)


class RuleOfLawLayer(DatasetLayer):
    name = "rule-of-law"
    datasets = (DATASET,)
    kind = RuleOfLawFact
    keyed_by = "country"

    def __init__(self, datasets_dir: Path) -> None:
        super().__init__(datasets_dir)
        self._index: RowIndex | None = None

    def _rows(self) -> RowIndex:
        if self._index is None:
            self._index = RowIndex(self.dir / DATASET / "rule-of-law.csv")
        return self._index

    def known_keys(self) -> list[str]:
        return self._rows().keys()

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        """The latest edition public on the as-of date: each edition scores the state anew, so
        a newer one takes the place of the older (as a later stage does for a curated fact)."""
        public = [r for r in self._rows().rows(key) if public_from(int(r["edition"])) <= context.as_of]
        if not public:
            return []
        latest = max(public, key=lambda r: int(r["edition"]))
        return [_fact(context, self.meta(DATASET).sources[0].id, latest, validate=False)]

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        source = read_meta(folder).sources[0].id
        context = LayerContext(as_of=dt.date.max, name=lambda code: code, instruments={})
        problems = []
        for number, row in iter_rows(folder / "rule-of-law.csv"):
            try:
                _fact(context, source, row, validate=True)
            except (ValueError, KeyError) as error:
                problems.append(f"{dataset}/rule-of-law.csv row {number}: {' '.join(str(error).split())[:300]}")
        return problems


def _fact(context: LayerContext, source: str, row: dict[str, str], validate: bool) -> FactBase:
    edition, year = int(row["edition"]), int(row["year"])
    f1, f2, f3 = int(row["F1"]), int(row["F2"]), int(row["F3"])
    return build(
        RuleOfLawFact,
        validate,
        {"edition": edition, "year": year, "judiciary": f1, "due_process": f2, "use_of_force": f3},
        id=f"fh-{row['state']}-{edition}".lower(),
        country=row["state"],
        valid_from=from_date(public_from(edition)),
        confidence="high",
        sources=(source,),
        summary=(
            f"Freedom House, Freedom in the World {edition} (covering {year}): "
            f"{context.name(row['state'])} scored {f1} of 4 for an independent judiciary, {f2} of 4 "
            f"for due process and {f3} of 4 for protection from the illegitimate use of force."
        ),
        row=row["row"],
    )
