"""Passport Index visa matrices: one file per snapshot date, passport (row) x destination (column).

Each (passport, destination) pair becomes periods: a value holds from the snapshot where it
first appears until the next snapshot that changes it (or no longer lists the pair). The cell's
words are mapped to `requirement` exactly as the compilation defines them (UPSTREAM-README.md),
with three vocabularies over the years:

- 2019 (numbers): 3 visa-free (no days given), 2 visa on arrival, 1 "eTA required" (e-visas
  appear among these cells: read as e-visa or eTA), 0 visa required, -1 own country;
- early 2020 (codes): a number of visa-free days, VF visa-free, VOA, ETA, VR visa required.
  In these files the labels VOA and ETA are swapped relative to the compilation's own earlier
  and later files; the importer checks that against the last 2019-style snapshot before reading
  them and records the evidence in the metadata;
- from late 2020 (words): a number of visa-free days, `visa free`, `visa on arrival`, `eta`,
  `e-visa` (including ETAs before 12 January 2025), `visa required`, `no admission`, and the
  legacy `covid ban` and `Hayya Entry Permit` (Qatar, World Cup 2022), `EVW` (the UK's
  electronic visa waiver, an ETA).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

from safepassage.kb.importers.derived import write_csv, write_csv_gz
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import is_alpha2

SNAPSHOT = re.compile(r"^(\d{4}-\d{2}-\d{2})\.csv$")
ETA_SPLIT = dt.date(2025, 1, 12)  # from this snapshot on, `e-visa` excludes ETAs
NUMERIC = {"3": ("visa_free", None), "2": ("visa_on_arrival", None), "1": ("e_visa_or_eta", None), "0": ("visa_required", None)}
CODES = {"VF": ("visa_free", None), "VR": ("visa_required", None)}
WORDS = {
    "visa free": ("visa_free", None),
    "visa on arrival": ("visa_on_arrival", None),
    "eta": ("eta", None),
    "EVW": ("eta", None),
    "visa required": ("visa_required", None),
    "no admission": ("no_admission", None),
    "covid ban": ("covid_ban", None),
    "Hayya Entry Permit": ("hayya_entry_permit", None),
}
OWN = "-1"
Cell = tuple[str, int | None, str]  # requirement, days, the cell as published


class PassportIndex:
    name = "passport-index"
    title = "Passport Index visa requirements, passport x destination, by snapshot date"
    reads = ("*.csv", "LICENSE")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        snapshots = sorted(
            (dt.date.fromisoformat(m.group(1)), p)
            for p in raw.glob("*.csv")
            if (m := SNAPSHOT.match(p.name))
        )
        if not snapshots:
            raise ImportFailure(f"{raw}: no snapshot files named YYYY-MM-DD.csv")
        tables = [(date, path.name, _read_matrix(path)) for date, path in snapshots]
        vocabularies = [_vocabulary(name, table) for _, name, table in tables]
        swap, evidence = _codes_swapped(tables, vocabularies)
        skipped: Counter[str] = Counter()
        history: dict[tuple[str, str], list[tuple[dt.date, Cell | None]]] = defaultdict(list)
        for (date, name, table), vocabulary in zip(tables, vocabularies, strict=True):
            seen = set()
            for passport, row in table.items():
                if not is_alpha2(passport):
                    skipped[f"passport {passport} skipped (no ISO 3166-1 code)"] += 1
                    continue
                for destination, cell in row.items():
                    if destination == passport or not is_alpha2(destination):
                        continue
                    value = _read_cell(name, passport, destination, cell, vocabulary, date, swap)
                    if value is None:
                        continue
                    history[(passport, destination)].append((date, value))
                    seen.add((passport, destination))
            for pair in history:  # a pair this snapshot no longer lists ends its period there
                if pair not in seen and history[pair][-1][1] is not None:
                    history[pair].append((date, None))
        by_passport: dict[str, list[list[object]]] = defaultdict(list)
        for (passport, destination), entries in sorted(history.items()):
            by_passport[passport].extend(_periods(destination, entries))
        summary = []
        for passport, rows in sorted(by_passport.items()):
            write_csv_gz(out / "by-passport" / f"{passport}.csv.gz", _columns(), rows)
            summary.append([passport, len({r[0] for r in rows}), len(rows), min(str(r[1]) for r in rows), max(str(r[1]) for r in rows)])
        from safepassage.kb.layers.entry_rules import SUMMARY_COLUMNS

        write_csv(out / "summary.csv", SUMMARY_COLUMNS, summary)
        first, last = snapshots[0][0].isoformat(), snapshots[-1][0].isoformat()
        return Release(
            title=f"Passport Index visa requirement matrices, {len(snapshots)} snapshots {first} to {last}",
            publisher="Passport Index (Arton Capital)",
            url="https://www.passportindex.org/",
            version=f"snapshots {first} to {last}",
            published=last,
            licence="MIT (the compilations); the data is collected from passportindex.org",
            compiled_by="community compilations of passportindex.org data (see UPSTREAM-README.md)",
            licence_files=[n for n in ("LICENSE", "LICENSE-2026-snapshot", "UPSTREAM-README.md") if (raw / n).is_file()],
            sources=[
                {
                    "id": f"passport-index-{date.isoformat()}",
                    "publisher": "Passport Index (Arton Capital), compiled from passportindex.org",
                    "title": f"Passport Index visa requirements matrix, snapshot of {date.isoformat()}",
                    "url": "https://www.passportindex.org/",
                    "published": date.isoformat(),
                }
                for date, _ in snapshots
            ],
            counts={
                "snapshots": len(snapshots),
                "cells read": sum(len(r) for _, _, t in tables for r in t.values()),
                "periods written": sum(len(r) for r in by_passport.values()),
                "passports": len(by_passport),
                **dict(sorted(skipped.items())),
            },
            notes=[
                "A period runs from the snapshot where a value first appears to the next snapshot "
                "that changes it or no longer lists the pair (`to`, empty when it still held in "
                "the last snapshot); `raw` is the cell as published in the first snapshot.",
                "2019 numbers: 3 visa_free (no days), 2 visa_on_arrival, 1 e_visa_or_eta (the "
                "compilation calls it 'eTA required'; e-visas are among these cells), 0 "
                "visa_required, -1 own country (left out).",
                "Words: a number is visa_free with that many days; 'visa free' visa_free; "
                "'visa on arrival'; 'eta' and 'EVW' eta; 'e-visa' e_visa_or_eta before "
                "2025-01-12 and e_visa from then (the compilation's README: ETAs were split out "
                "on 12 January 2025); 'visa required'; 'no admission'; 'covid ban'; "
                "'Hayya Entry Permit'.",
                *evidence,
                "Codes without an ISO 3166-1 alpha-2 code (XK, Kosovo) are left out and counted.",
            ],
        )


def _columns() -> tuple[str, ...]:
    from safepassage.kb.layers.entry_rules import COLUMNS

    return COLUMNS


def _read_matrix(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0][0].strip() != "Passport":
        raise RowError(path.name, 1, "Passport", "the header must start with 'Passport'")
    header = [h.strip() for h in rows[0][1:]]
    table: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(header) + 1:
            raise RowError(path.name, number, "*", f"{len(row)} cells, expected {len(header) + 1}")
        table[row[0].strip()] = {d: c.strip() for d, c in zip(header, row[1:], strict=True)}
    return table


def _vocabulary(name: str, table: dict[str, dict[str, str]]) -> str:
    cells = {c for row in table.values() for c in row.values()}
    if cells & {"VF", "VR", "VOA", "ETA"}:
        return "codes"
    if cells <= {"-1", "0", "1", "2", "3"}:
        return "numeric"
    return "words"


def _codes_swapped(tables: list[tuple[dt.date, str, dict[str, dict[str, str]]]], vocabularies: list[str]) -> tuple[bool, list[str]]:
    """Are VOA and ETA swapped in the early-2020 files? Decided against the last 2019 file."""
    if "codes" not in vocabularies:
        return False, []
    first = vocabularies.index("codes")
    if "numeric" not in vocabularies[:first]:
        return False, ["No 2019-style snapshot precedes the early-2020 files: VOA and ETA are read as labelled."]
    numeric = max(i for i, v in enumerate(vocabularies[:first]) if v == "numeric")
    (_, old_name, old), (_, new_name, new) = tables[numeric], tables[first]
    pairs: Counter[tuple[str, str]] = Counter(
        (old[p][d], new[p][d]) for p in old if p in new for d in old[p] if d in new[p]
    )
    as_labelled = pairs[("2", "VOA")] + pairs[("1", "ETA")]
    swapped = pairs[("2", "ETA")] + pairs[("1", "VOA")]
    if swapped > 10 * max(as_labelled, 1):
        return True, [
            f"Early-2020 codes (from {new_name}): VOA and ETA are swapped. Of the cells coded 2 "
            f"(visa on arrival) in {old_name}, {pairs[('2', 'ETA')]} read ETA and "
            f"{pairs[('2', 'VOA')]} VOA in {new_name}; of those coded 1 (eTA), "
            f"{pairs[('1', 'VOA')]} read VOA and {pairs[('1', 'ETA')]} ETA. So ETA is read as "
            "visa_on_arrival and VOA as e_visa_or_eta in these files."
        ]
    if as_labelled > 10 * max(swapped, 1):
        return False, [f"Early-2020 codes (from {new_name}) agree with {old_name}: VOA and ETA are read as labelled."]
    raise ImportFailure(
        f"{new_name}: cannot tell whether VOA and ETA mean what they say "
        f"({as_labelled} cells agree with {old_name}, {swapped} are swapped)"
    )


def _read_cell(file: str, passport: str, destination: str, cell: str, vocabulary: str, date: dt.date, swap: bool) -> Cell | None:
    if cell == OWN or cell == "":
        return None
    if vocabulary == "numeric":
        known = NUMERIC.get(cell)
    elif cell.isdigit():
        days = int(cell)
        if not 1 <= days <= 366:
            raise RowError(file, passport, destination, f"visa-free days {days} out of range")
        return ("visa_free", days, cell)
    elif vocabulary == "codes":
        if cell in ("VOA", "ETA"):
            reads_as_voa = (cell == "ETA") if swap else (cell == "VOA")
            known = ("visa_on_arrival", None) if reads_as_voa else ("e_visa_or_eta", None)
        else:
            known = CODES.get(cell)
    elif cell == "e-visa":
        known = ("e_visa", None) if date >= ETA_SPLIT else ("e_visa_or_eta", None)
    else:
        known = WORDS.get(cell)
    if known is None:
        raise RowError(file, passport, destination, f"unknown value {cell!r}")
    return (known[0], known[1], cell)


def _periods(destination: str, entries: list[tuple[dt.date, Cell | None]]) -> list[list[object]]:
    rows: list[list[object]] = []
    current: Cell | None = None
    for date, value in entries:
        same = current is not None and value is not None and value[:2] == current[:2]
        if same:
            continue
        if rows and rows[-1][2] == "":
            rows[-1][2] = date.isoformat()  # the previous period ends where this one starts
        if value is not None:
            rows.append([destination, date.isoformat(), "", value[0], value[1], value[2]])
        current = value
    return rows


IMPORTER = PassportIndex()
