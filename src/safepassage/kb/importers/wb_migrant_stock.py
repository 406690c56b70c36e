"""World Bank Global Bilateral Migration Matrix: migrant stock 2020, origin x destination.

The number of people born in the origin country and living in the destination (male + female),
as extracted to ISO alpha-2 codes with its own meta file and sha256. This is people by country
of birth: not a community, a nationality or an ethnicity.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from safepassage.kb.importers.derived import sha256_of, write_csv
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import UnknownName, current_alpha2
from safepassage.kb.layers.migrant_stock import COLUMNS

CSV = "diaspora-migrant-stock-2020-wb.csv"
META = "diaspora-migrant-stock-2020-wb.meta.json"


class WbMigrantStock:
    name = "wb-migrant-stock"
    title = "World Bank bilateral migrant stock 2020 (people by country of birth and residence)"
    reads = (CSV, META, "PROVENANCE.txt")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        meta = json.loads((raw / META).read_text(encoding="utf-8"))
        if sha256_of(raw / CSV) != meta.get("csvSha256"):
            raise ImportFailure(f"{CSV}: sha256 differs from csvSha256 in {META}")
        if not released:
            raise ImportFailure("the extract does not state the matrix's release date: give --released YYYY[-MM[-DD]]")
        rows = []
        with (raw / CSV).open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header != ["origin", "destination", "stock"]:
                raise RowError(CSV, 1, "*", f"expected origin,destination,stock, got {header}")
            for number, cells in enumerate(reader, start=2):
                if len(cells) != 3:
                    raise RowError(CSV, number, "*", f"{len(cells)} cells, expected 3")
                codes = []
                for column, cell in zip(("origin", "destination"), cells[:2], strict=True):
                    try:
                        code = current_alpha2(cell)
                    except UnknownName:
                        code = None
                    if code is None:
                        raise RowError(CSV, number, column, f"not an ISO 3166-1 alpha-2 code: {cell!r}")
                    codes.append(code)
                if codes[0] == codes[1]:
                    raise RowError(CSV, number, "destination", "same as origin")
                if not cells[2].isdigit() or int(cells[2]) <= 0:
                    raise RowError(CSV, number, "stock", f"expected a positive whole number, got {cells[2]!r}")
                rows.append([*codes, int(cells[2])])
        if len(rows) != meta.get("pairCount"):
            raise ImportFailure(f"{CSV}: {len(rows)} rows, the meta file says {meta.get('pairCount')}")
        rows.sort()
        written = write_csv(out / "migrant-stock.csv", COLUMNS, rows)
        year = int(meta["year"])
        return Release(
            title=f"{meta['sourceName']}: migrant stock {year}",
            publisher="World Bank",
            url=str(meta["sourceUrl"]),
            version=f"{meta['fileName']}, sheet {meta['sheet']}, year {year}",
            published=released,
            licence=f"CC BY 4.0 ({meta['license']})",
            compiled_by="extract in wlad-c/Hana-s-flag-game scripts/data (see PROVENANCE.txt)",
            licence_files=[META, "PROVENANCE.txt"],
            sources=[
                {
                    "id": f"world-bank-bilateral-migration-matrix-{year}",
                    "publisher": "World Bank",
                    "title": f"{meta['sourceName']}, migrant stock {year}",
                    "url": str(meta["sourceUrl"]),
                    "published": released,
                }
            ],
            counts={"rows read": written, "rows written": written, "origins": len({r[0] for r in rows})},
            notes=[
                f"people = {meta['measure']}.",
                "It counts people by country of birth, whatever their community, ethnicity or "
                "citizenship: it is not the size of a community.",
                f"As the extract says: {meta['notes']}",
            ],
        )


IMPORTER = WbMigrantStock()
