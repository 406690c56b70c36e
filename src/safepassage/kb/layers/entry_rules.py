"""Passport entry rules from the Passport Index snapshots, as a layer keyed by passport.

As-of rule: a value is visible from the snapshot where it first appears until the next snapshot
that changes it; each snapshot is its own source, published on its date. The fact cites the
snapshot that set the value and, in its row reference, the latest snapshot up to the as-of date
that still showed it. Before the first snapshot nothing is known.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from pathlib import Path

from safepassage.kb.layers.layer import DatasetLayer, LayerContext, build, day, iter_rows
from safepassage.kb.layers.release import read_meta
from safepassage.kb.models import EntryRuleFact, FactBase

DATASET = "passport-index"
COLUMNS = ("destination", "from", "to", "requirement", "days", "raw")
SUMMARY_COLUMNS = ("passport", "destinations", "periods", "first_snapshot", "last_snapshot")
NOT_ADMITTED = frozenset({"no_admission", "covid_ban"})
VISA_REQUIRED = {"visa_required": True, "e_visa": True, "visa_free": False, "visa_on_arrival": False, "eta": False}
WORDS = {
    "visa_on_arrival": "could get a visa on arrival in {here}",
    "eta": "needed an electronic travel authorisation (eTA) to enter {here}",
    "e_visa": "needed an e-visa to enter {here}",
    "e_visa_or_eta": "needed an e-visa or an electronic travel authorisation to enter {here}",
    "visa_required": "needed a visa to enter {here}",
    "no_admission": "were not admitted to {here}",
    "covid_ban": "were barred from {here} by COVID-19 travel restrictions",
    "hayya_entry_permit": "needed a Hayya entry permit (FIFA World Cup 2022) to enter {here}",
}


class EntryRulesLayer(DatasetLayer):
    name = "entry-rules"
    datasets = (DATASET,)
    kind = EntryRuleFact
    keyed_by = "about"

    def __init__(self, datasets_dir: Path) -> None:
        super().__init__(datasets_dir)
        self._rows: dict[str, dict[str, list[dict[str, str]]]] = {}
        self._snapshots: list[str] | None = None

    def known_keys(self) -> list[str]:
        return sorted(p.name.split(".")[0] for p in (self.dir / DATASET / "by-passport").glob("*.csv.gz"))

    def snapshots(self) -> list[str]:
        """Every snapshot date, in order (one source each)."""
        if self._snapshots is None:
            self._snapshots = sorted(str(s.published) for s in self.meta(DATASET).sources)
        return self._snapshots

    def _by_destination(self, passport: str) -> dict[str, list[dict[str, str]]]:
        if passport not in self._rows:
            path = self.dir / DATASET / "by-passport" / f"{passport}.csv.gz"
            found: dict[str, list[dict[str, str]]] = {}
            if path.is_file():
                for _, row in iter_rows(path):
                    found.setdefault(row["destination"], []).append(row)
            self._rows[passport] = found
        return self._rows[passport]

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        rows = self._by_destination(key)
        today = context.as_of.isoformat()
        facts: list[FactBase] = []
        for destination in [country] if country is not None else sorted(rows):
            for row in rows.get(destination, ()):
                if row["from"] <= today and (not row["to"] or today < row["to"]):
                    facts.append(_fact(context, key, row, self._confirmed(row, today), validate=False))
        return facts

    def _confirmed(self, row: dict[str, str], today: str) -> str:
        """The latest snapshot on or before `today` within the row's period."""
        snapshots = self.snapshots()
        latest = snapshots[bisect.bisect_right(snapshots, today) - 1]
        return max(row["from"], latest)

    def count_by_country(self, context: LayerContext) -> Counter[str]:
        today = context.as_of.isoformat()
        counts: Counter[str] = Counter()
        for passport in self.known_keys():
            for destination, rows in self._by_destination(passport).items():
                counts[destination] += sum(
                    1 for r in rows if r["from"] <= today and (not r["to"] or today < r["to"])
                )
        return counts

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        problems = []
        published = {str(s.published) for s in read_meta(folder).sources}
        context = LayerContext(as_of=dt.date.max, name=lambda code: code, instruments={})
        for path in sorted((folder / "by-passport").glob("*.csv.gz")):
            passport = path.name.split(".")[0]
            for number, row in iter_rows(path):
                where = f"{dataset}/by-passport/{path.name} row {number}"
                if row["from"] not in published or (row["to"] and row["to"] not in published):
                    problems.append(f"{where}: period {row['from']}..{row['to']} is not bounded by snapshots")
                    continue
                try:
                    _fact(context, passport, row, row["from"], validate=True)
                except (ValueError, KeyError) as error:
                    problems.append(f"{where}: {' '.join(str(error).split())[:300]}")
        return problems


def _fact(context: LayerContext, passport: str, row: dict[str, str], confirmed: str, validate: bool) -> FactBase:
    requirement = row["requirement"]
    days = int(row["days"]) if row["days"] else None
    here, there = context.name(row["destination"]), context.name(passport)
    if requirement == "visa_free":
        does = f"could enter {here} without a visa" + (f" for up to {days} days" if days else "")
    else:
        does = WORDS.get(requirement, requirement).format(here=here)
    value = {
        "document": "passport",
        "admitted": requirement not in NOT_ADMITTED,
        "visa_required": VISA_REQUIRED.get(requirement),
        "requirement": requirement,
        "days": days,
    }
    return build(
        EntryRuleFact,
        validate,
        value,
        id=f"pi-{row['destination']}-{passport}-{row['from']}".lower(),
        country=row["destination"],
        about=passport,
        valid_from=day(row["from"]),
        valid_to=day(row["to"]) if row["to"] else None,
        confidence="medium",
        sources=(f"passport-index-{row['from']}",),
        summary=f"Passport Index, snapshot of {row['from']}: holders of a passport of {there} {does}.",
        row=(
            f"passport-index {row['from']}.csv: passport {passport}, destination "
            f"{row['destination']} = {row['raw']!r}"
            + (f" (unchanged in the snapshot of {confirmed})" if confirmed != row["from"] else "")
        ),
    )
