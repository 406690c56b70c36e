"""UN M49 geographic regions for every ISO 3166-1 country, from a vendored, sourced table.

`data/base/un-m49-regions.csv` (provenance and licence beside it) gives each country's region
(Asia, Europe, ...), sub-region (Western Asia, Central Asia, ...) and, where the UN defines one,
an intermediate region (Eastern Africa, Caribbean, ...). The engine asks whether two countries
lie in the same area: the finest of these levels is the `area`, the region the `continent`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGIONS_FILE = Path(__file__).parent / "data" / "base" / "un-m49-regions.csv"


@dataclass(frozen=True)
class Region:
    continent: str  # M49 region
    area: str  # M49 intermediate region where one exists, else the sub-region


@cache
def load_regions(path: Path = REGIONS_FILE) -> dict[str, Region]:
    regions = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["region"]:
                continue  # a code the UN table does not place (Antarctica, Taiwan)
            area = row["intermediate-region"] or row["sub-region"]
            regions[row["alpha-2"]] = Region(continent=row["region"], area=area)
    return regions


def region_of(code: str) -> Region | None:
    return load_regions().get(code)
