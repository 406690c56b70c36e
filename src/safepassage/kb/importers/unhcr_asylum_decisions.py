"""UNHCR asylum decisions (R package `refugees`, `asylum_decisions`): origin x asylum x year.

Rows of the release are per procedure type (government, UNHCR, joint) and decision level (first
instance, appeal, ...). We add them up per origin, country of asylum, year and basis, keeping
cases and persons apart (`dec_pc`: a case may hold several persons, so the two are never added),
and keep which decision levels were summed: an appeal decision may concern a person already
decided at first instance that year. Counts are as published; the release holds no counts
between 1 and 4 or between 6 and 9 (small numbers appear rounded), so the layer treats few
decisions as too few to give a rate (see docs/kb-format.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from safepassage.kb.importers.derived import write_csv, write_csv_gz
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import code_for_alpha3
from safepassage.kb.importers.rda import count, need, rda_rows
from safepassage.kb.layers.asylum_decisions import BASIS, COLUMNS, SUMMARY_COLUMNS

RAW = "asylum_decisions.rda"
# Origins in the release that are not states: their rows are counted and left out.
NOT_STATES = {"UNK": "unknown origin", "XXA": "stateless", "TIB": "Tibetan"}
PROCEDURES = {"G", "U", "J"}


class UnhcrAsylumDecisions:
    name = "unhcr-asylum-decisions"
    title = "UNHCR asylum decisions by country of origin, country of asylum and year"
    reads = (RAW, "DESCRIPTION", "LICENSE.md")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        if not released:
            raise ImportFailure("the refugees package does not state its release date: give --released YYYY-MM-DD")
        version = _version(raw / "DESCRIPTION")
        groups: dict[tuple[str, str, int, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
        levels: dict[tuple[str, str, int, str], set[str]] = defaultdict(set)
        rows_in = 0
        skipped: dict[str, int] = defaultdict(int)
        for row, record in rda_rows(raw / RAW, "asylum_decisions"):
            rows_in += 1
            year = count(RAW, row, record, "year")
            if not 1950 <= year <= 2100:
                raise RowError(RAW, row, "year", f"year {year} out of range")
            origin3 = str(need(RAW, row, record, "coo_iso"))
            asylum3 = str(need(RAW, row, record, "coa_iso"))
            basis = str(need(RAW, row, record, "dec_pc"))
            if basis not in BASIS:
                raise RowError(RAW, row, "dec_pc", f"expected C (cases) or P (persons), got {basis!r}")
            procedure = str(need(RAW, row, record, "procedure_type"))
            if procedure not in PROCEDURES:
                raise RowError(RAW, row, "procedure_type", f"unknown procedure type {procedure!r}")
            level = str(need(RAW, row, record, "dec_level"))
            numbers = [
                count(RAW, row, record, column)
                for column in ("dec_recognized", "dec_other", "dec_rejected", "dec_closed", "dec_total")
            ]
            if origin3 in NOT_STATES:
                skipped[f"rows skipped: origin {NOT_STATES[origin3]} ({origin3})"] += 1
                continue
            origin, asylum = code_for_alpha3(origin3), code_for_alpha3(asylum3)
            if origin is None:
                raise RowError(RAW, row, "coo_iso", f"unknown ISO 3166 alpha-3 code {origin3!r}")
            if asylum is None:
                raise RowError(RAW, row, "coa_iso", f"unknown ISO 3166 alpha-3 code {asylum3!r}")
            if numbers[4] == 0:
                skipped["rows skipped: no decisions (dec_total 0)"] += 1
                continue
            key = (origin, asylum, year, BASIS[basis])
            for i, number in enumerate(numbers):
                groups[key][i] += number
            levels[key].add(f"{procedure}/{level}")
        if not groups:
            raise ImportFailure(f"{RAW}: no rows with decisions")
        by_origin: dict[str, list[list[object]]] = defaultdict(list)
        for (origin, asylum, year, basis), numbers in sorted(groups.items()):
            key = (origin, asylum, year, basis)
            by_origin[origin].append([asylum, year, basis, *numbers, " ".join(sorted(levels[key]))])
        summary = []
        for origin, rows in sorted(by_origin.items()):
            write_csv_gz(out / "by-origin" / f"{origin}.csv.gz", COLUMNS, rows)
            years = sorted({int(str(r[1])) for r in rows})
            summary.append(
                [origin, len(rows), len({r[0] for r in rows}), years[0], years[-1], sum(int(str(r[7])) for r in rows)]
            )
        write_csv(out / "summary.csv", SUMMARY_COLUMNS, summary)
        return Release(
            title=f"Refugee Population Statistics Database: asylum decisions (R package refugees {version})",
            publisher="UNHCR",
            url="https://www.unhcr.org/refugee-statistics/",
            version=version,
            published=released,
            licence="CC BY 4.0",
            compiled_by="R package refugees (github.com/PopulationStatistics/refugees)",
            licence_files=["LICENSE.md"],
            sources=[
                {
                    "id": f"unhcr-refugees-{version.replace('.', '-')}-asylum-decisions",
                    "publisher": "UNHCR",
                    "title": f"Refugee Data Finder: asylum decisions by origin, country of asylum and year (R package refugees {version})",
                    "url": "https://www.unhcr.org/refugee-statistics/",
                    "published": released,
                }
            ],
            counts={
                "rows read": rows_in,
                "rows written": sum(len(r) for r in by_origin.values()),
                "origins": len(by_origin),
                **dict(sorted(skipped.items())),
            },
            notes=[
                "One derived row per origin, country of asylum, year and basis (persons or cases), "
                "summing the release's rows over procedure types (G government, U UNHCR, J joint) "
                "and decision levels; `levels` lists which were summed.",
                "recognised = dec_recognized (Convention status), complementary = dec_other, "
                "rejected = dec_rejected, otherwise_closed = dec_closed, total = dec_total, each "
                "as published (dec_total is not recomputed).",
                "Cases and persons are never added together (dec_pc C and P give separate rows).",
                "Rows whose origin is not a state (unknown, stateless, Tibetan) and rows with no "
                "decisions are left out and counted above.",
                "ISO 3166 alpha-3 codes are mapped to alpha-2 with pycountry.",
            ],
        )


def _version(description: Path) -> str:
    match = re.search(r"^Version:\s*(\S+)", description.read_text(encoding="utf-8"), re.M)
    if not match:
        raise ImportFailure(f"{description.name}: no Version: line")
    return match.group(1)


IMPORTER = UnhcrAsylumDecisions()
