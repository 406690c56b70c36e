"""Freedom House, Freedom in the World: rule-of-law sub-scores by country and edition.

From the democracyData packaging (`fh_full`) of Freedom House's "All data FIW 2013-2024" file,
we keep the rule-of-law questions F1 (independent judiciary), F2 (due process in civil and
criminal matters) and F3 (protection from the illegitimate use of physical force, and freedom
from war and insurgencies), each scored 0-4 by Freedom House (4 best), by edition (the edition
of year E covers calendar year E-1). Territories without their own ISO code (Crimea, Abkhazia,
...) are left out and counted; they are never merged into a state.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from safepassage.kb.importers.derived import write_csv
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import UnknownName, code_for_name
from safepassage.kb.importers.rda import count, need, rda_rows
from safepassage.kb.layers.rule_of_law import COLUMNS

RAW = "fh_full.rda"
DOC = "download_fh_full.Rd"
XLSX = re.compile(r"\\url\{(https://freedomhouse\.org/sites/default/files/(\d{4}-\d{2})/([^}]+))\}")


class FreedomHouse:
    name = "freedom-house"
    title = "Freedom House, Freedom in the World: rule-of-law sub-scores F1-F3 by edition"
    reads = (RAW, DOC, "DESCRIPTION")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        match = XLSX.search((raw / DOC).read_text(encoding="utf-8"))
        if not match:
            raise ImportFailure(f"{DOC}: no freedomhouse.org file URL to name the release")
        xlsx_url, published, xlsx = match.groups()
        rows: list[list[object]] = []
        skipped: Counter[str] = Counter()
        seen: dict[tuple[str, int], str] = {}
        read = 0
        for row, record in rda_rows(raw / RAW, "fh_full"):
            read += 1
            name = str(need(RAW, row, record, "fh_full_country"))
            try:
                state = code_for_name(name)
            except UnknownName:
                raise RowError(RAW, row, "fh_full_country", f"unknown country name {name!r} (add it to country-names.yaml)") from None
            edition = count(RAW, row, record, "edition")
            year = count(RAW, row, record, "year")
            if year != edition - 1:
                raise RowError(RAW, row, "year", f"edition {edition} should cover year {edition - 1}, not {year}")
            if state is None:
                skipped[f"rows skipped: {name} (no ISO code of its own)"] += 1
                continue
            if (state, edition) in seen:
                raise RowError(RAW, row, "fh_full_country", f"{name} and {seen[(state, edition)]} both map to {state} in edition {edition}")
            seen[(state, edition)] = name
            scores = []
            for column in ("F1", "F2", "F3"):
                score = count(RAW, row, record, column)
                if score > 4:
                    raise RowError(RAW, row, column, f"score {score} outside 0-4")
                scores.append(score)
            rows.append([state, edition, year, *scores, f"{RAW} row {row}: {name}, edition {edition}"])
        if not rows:
            raise ImportFailure(f"{RAW}: no rows")
        rows.sort(key=lambda r: (str(r[0]), int(str(r[1]))))
        written = write_csv(out / "rule-of-law.csv", COLUMNS, rows)
        editions = sorted({int(str(r[1])) for r in rows})
        return Release(
            title=f"Freedom in the World, all data ({xlsx}), editions {editions[0]}-{editions[-1]}",
            publisher="Freedom House",
            url="https://freedomhouse.org/report/freedom-world",
            version=f"{xlsx} (editions {editions[0]}-{editions[-1]}), via the R package democracyData",
            published=published,
            licence="Freedom House terms: free to use with attribution; the packaging R library is GPL-3 (DESCRIPTION)",
            compiled_by="R package democracyData (github.com/xmarquez/democracyData)",
            licence_files=["DESCRIPTION"],
            sources=[
                {
                    "id": f"freedom-house-fiw-all-data-{editions[0]}-{editions[-1]}",
                    "publisher": "Freedom House",
                    "title": f"Freedom in the World: all data, editions {editions[0]}-{editions[-1]} ({xlsx})",
                    "url": xlsx_url,
                    "published": published,
                }
            ],
            counts={"rows read": read, "rows written": written, **dict(sorted(skipped.items()))},
            notes=[
                "F1 independent judiciary, F2 due process in civil and criminal matters, F3 "
                "protection from the illegitimate use of physical force and freedom from war and "
                "insurgencies: Freedom House's scores, 0 (worst) to 4 (best), as published.",
                "An edition of year E covers calendar year E-1 (`year`).",
                "Territories without an ISO code of their own are left out (counted above).",
            ],
        )


IMPORTER = FreedomHouse()
