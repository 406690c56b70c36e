"""Treaty status from the UN Treaty Collection tables, as a layer keyed by country.

Two derived datasets: the status pages as scraped in March 2015 (`un-treaties-2015`: full dates
of signature and ratification, accession or succession) and the 2022 status table of the 193
UN members (`hr-treaties-2022`: year only, for three of the instruments). As-of rule: a
ratification, accession, signature or declaration is public from its own date; a table's
statement that a state had not joined is public from the table's date. The tables are
cross-checked; where they disagree the dated 2015 table decides for anything up to its date,
the 2022 table adds only what happened after (later accessions, denunciations its notes record),
and every disagreement is listed by `kb check` as a warning, never resolved silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from safepassage.kb.dates import PartialDate
from safepassage.kb.layers.layer import (
    DatasetLayer,
    LayerContext,
    build,
    day,
    iter_rows,
    read_rows,
    visible,
)
from safepassage.kb.models import BINDING_STATUSES, FactBase, MembershipFact, Source

OLD, NEW = "un-treaties-2015", "hr-treaties-2022"
COLUMNS_2015 = ("state", "instrument", "status", "signed", "joined", "joined_by", "row")
COLUMNS_2022 = ("state", "instrument", "status", "year", "denounced", "row", "note", "slip")
MEMBER_COLUMNS = ("state", "name")
# UN Treaty Collection chapter-number page -> knowledge-base instrument (instruments.yaml)
CHAPTERS = {
    "5-2": "refugee-convention-1951",
    "5-5": "refugee-protocol-1967",
    "4-9": "cat",
    "4-5": "iccpr-op1",
    "4-8-b": "op-cedaw",
}
PAGE_OF = {instrument: chapter for chapter, instrument in CHAPTERS.items()} | {"cat-art22": "4-9"}
VERBS = {"ratification": "ratified", "accession": "acceded to", "succession": "succeeded to"}
# A treaty takes effect for a state some time after the deposit the tables date (up to three
# months for these instruments); a curated date that late is not a disagreement.
TAKES_EFFECT_WITHIN = dt.timedelta(days=100)


@dataclass(frozen=True)
class Spec:
    """One membership fact before it is built."""

    state: str
    instrument: str
    status: str
    start: PartialDate | None
    end: PartialDate | None
    source: str
    summary: str
    row: str
    confidence: str = "high"
    serial: str = ""

    @property
    def id(self) -> str:
        return f"untc-{self.state}-{self.instrument}-{self.status}{self.serial}".lower()


@dataclass
class Resolved:
    specs: list[Spec] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class TreatyLayer(DatasetLayer):
    name = "treaties"
    datasets = (OLD, NEW)
    kind = MembershipFact
    keyed_by = "country"

    def __init__(self, datasets_dir: Path) -> None:
        super().__init__(datasets_dir)
        self._resolved: Resolved | None = None
        self._tables: tuple[list[dict[str, str]], list[dict[str, str]], list[str]] | None = None
        self._by_state: dict[str, list[Spec]] = {}
        self._per_state: (
            tuple[dict[str, list[dict[str, str]]], dict[str, list[dict[str, str]]], set[str], dict[str, int]] | None
        ) = None

    def _read(self) -> tuple[list[dict[str, str]], list[dict[str, str]], list[str]]:
        if self._tables is None:
            self._tables = (
                read_rows(self.dir / OLD / "status.csv"),
                read_rows(self.dir / NEW / "status.csv"),
                [r["state"] for r in read_rows(self.dir / NEW / "un-members.csv")],
            )
        return self._tables

    def known_keys(self) -> list[str]:
        old, _, members = self._read()
        return sorted({r["state"] for r in old} | set(members))

    def resolved(self, context: LayerContext) -> Resolved:
        """Every state resolved, with every warning (for `kb check`)."""
        if self._resolved is None:
            old, new, members = self._read()
            dates = str(self.meta(OLD).published), str(self.meta(NEW).published)
            self._resolved = resolve(old, new, members, *dates, context)
        return self._resolved

    def _specs(self, state: str) -> list[Spec]:
        # resolved one state at a time: a cold single-country assessment needs a handful
        if state not in self._by_state:
            old, new, members = self._read()
            if self._per_state is None:
                self._per_state = (_group(old), _group(new), set(members), _participants(old))
            old_of, new_of, member_set, participants = self._per_state
            dates = str(self.meta(OLD).published), str(self.meta(NEW).published)
            self._by_state[state] = resolve(
                old_of.get(state, []),
                new_of.get(state, []),
                [state] if state in member_set else [],
                *dates,
                _NAMELESS,
                only=state,
                participants=participants,
            ).specs
        return self._by_state[state]

    def facts(self, context: LayerContext, key: str, country: str | None = None) -> list[FactBase]:
        return [
            _fact(spec, context, validate=False)
            for spec in self._specs(key)
            if visible(spec.start, spec.end, context.as_of)
        ]

    def all_facts(self, context: LayerContext, validate: bool = True) -> list[FactBase]:
        return [_fact(spec, context, validate) for spec in self.resolved(context).specs]

    def warnings(
        self, context: LayerContext, curated: list[FactBase], sources: dict[str, Source]
    ) -> list[str]:
        found = list(self.resolved(context).warnings)
        found += curated_disagreements(self.resolved(context).specs, curated, sources)
        return found

    def check_rows(self, dataset: str, folder: Path) -> list[str]:
        problems = []
        columns = COLUMNS_2015 if dataset == OLD else COLUMNS_2022
        for number, row in iter_rows(folder / "status.csv"):
            if tuple(row) != columns:
                return [f"{dataset}/status.csv: columns {tuple(row)}, expected {columns}"]
            where = f"{dataset}/status.csv row {number}"
            if row["instrument"] not in PAGE_OF:
                problems.append(f"{where}: unknown instrument {row['instrument']!r}")
            try:
                for name in ("signed", "joined", "year", "denounced"):
                    if row.get(name):
                        PartialDate.parse(row[name])
            except ValueError as error:
                problems.append(f"{where}: {error}")
        return problems


_NAMELESS = LayerContext(as_of=dt.date.max, name=lambda code: code, instruments={})


def _title(context: LayerContext, instrument: str) -> str:
    known = context.instruments.get(instrument)
    return known.title if known else instrument


def _fact(spec: Spec, context: LayerContext, validate: bool) -> FactBase:
    summary = spec.summary.format(
        name=context.name(spec.state), title=_title(context, "cat" if spec.instrument == "cat-art22" else spec.instrument)
    )
    return build(
        MembershipFact,
        validate,
        {"instrument": spec.instrument, "status": spec.status},
        id=spec.id,
        country=spec.state,
        valid_from=spec.start,
        valid_to=spec.end,
        confidence=spec.confidence,
        sources=(spec.source,),
        summary=summary,
        row=spec.row,
    )


def _long(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def resolve(
    old: list[dict[str, str]],
    new: list[dict[str, str]],
    members: list[str],
    old_date: str,
    new_date: str,
    context: LayerContext,
    only: str | None = None,
    participants: dict[str, int] | None = None,
) -> Resolved:
    """The membership facts both tables support, and every disagreement between them (for
    one state `only`, or all). No state's result depends on another's, except the count of a
    page's participants (give it in `participants` when passing one state's rows)."""
    out = Resolved()
    scraped = day(old_date)
    compiled = day(new_date)
    participants = participants if participants is not None else _participants(old)
    if only is not None:
        old = [r for r in old if r["state"] == only]
        new = [r for r in new if r["state"] == only]
        members = [m for m in members if m == only]
    old_by = {(r["state"], r["instrument"]): r for r in old}
    new_by = {(r["state"], r["instrument"]): r for r in new}
    states = sorted({r["state"] for r in old} | set(members) | ({only} if only else set()))
    for instrument in [*CHAPTERS.values(), "cat-art22"]:
        page = PAGE_OF[instrument]
        old_source = f"untc-status-{page}-{old_date}"
        new_source = f"hr-treaties-2022-{instrument}"
        for state in states:
            a, b = old_by.get((state, instrument)), new_by.get((state, instrument))
            where = f"{state} {instrument}"
            later_start: PartialDate | None = None  # where the 2015 status gives way to a later one
            if b is not None and b["slip"]:
                out.warnings.append(
                    f"treaties: {where}: {b['row']} has a coding slip ({b['slip']}); its status "
                    "column is read"
                    + (f" and the dated 2015 table agrees ({a['row']})" if a and a["status"] == b["status"] else "")
                )
            if b is not None and a is not None:
                _compare(out, where, a, b)
            if b is not None:
                later_start = _later(out, state, instrument, a, b, new_source, compiled, where)
            if a is None:
                if state in members and instrument != "cat-art22":
                    out.specs.append(
                        Spec(
                            state,
                            instrument,
                            "non_party",
                            scraped,
                            later_start,
                            old_source,
                            "{name} was not among the participants of the {title} on the UN Treaty "
                            f"Collection's status page of {_long(scraped.earliest)}: it had neither "
                            "signed nor joined it.",
                            f"treaties/{page}.csv: not among its {participants.get(instrument, 0)} participants",
                        )
                    )
                continue
            if b is not None and b["denounced"] and a["status"] == "party":
                out.warnings.append(
                    f"treaties: {where}: the 2015 table lists a party since {a['joined']} "
                    f"({a['row']}) and the 2022 table too, but its note records a denunciation "
                    f"(“{b['note']}”, {b['row']}): party until {b['denounced']}, not a party after"
                )
            out.specs.extend(_from_2015(state, instrument, a, old_source, scraped, b, later_start))
    return out


def _participants(old: list[dict[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in old:
        counts[r["instrument"]] = counts.get(r["instrument"], 0) + 1
    return counts


def _group(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        grouped.setdefault(row["state"], []).append(row)
    return grouped


def _compare(out: Resolved, where: str, a: dict[str, str], b: dict[str, str]) -> None:
    if a["status"] == "party" and b["status"] == "party":
        if b["year"] and b["year"] != a["joined"][:4]:
            out.warnings.append(
                f"treaties: {where}: the 2015 table dates joining {a['joined']} ({a['row']}), the "
                f"2022 table gives {b['year']} ({b['row']}); the dated 2015 table is used"
            )
    elif a["status"] == "party":
        out.warnings.append(
            f"treaties: {where}: the 2015 table says party since {a['joined']} ({a['row']}), the "
            f"2022 table says {b['status']} ({b['row']}); the dated 2015 table is used"
        )
    elif a["status"] == "signatory" and b["status"] == "no_action":
        out.warnings.append(
            f"treaties: {where}: the 2015 table records a signature of {a['signed']} ({a['row']}), "
            f"the 2022 table says no action ({b['row']}); the dated 2015 table is used"
        )


def _later(
    out: Resolved,
    state: str,
    instrument: str,
    a: dict[str, str] | None,
    b: dict[str, str],
    source: str,
    compiled: PartialDate,
    where: str,
) -> PartialDate | None:
    """Facts the 2022 table adds after March 2015; returns where the 2015 status stops holding."""
    before = a["status"] if a else "none"
    if b["status"] == "party" and before != "party":
        year = int(b["year"]) if b["year"] else None
        if year is None or year <= 2014:
            out.warnings.append(
                f"treaties: {where}: the 2022 table says party"
                + (f" since {year}" if year else "")
                + f" ({b['row']}), but the dated 2015 table "
                + (f"records only a signature ({a['row']})" if a else "does not list it")
                + "; the 2015 table is used and the 2022 row is not"
            )
            return None
        start = PartialDate.parse(str(year))
        out.specs.append(
            Spec(
                state,
                instrument,
                "party",
                start,
                None,
                source,
                "{name} became a party to the {title} in " + f"{year}, as the 2022 UN treaty-status "
                "table records (year of ratification or accession only).",
                b["row"],
                serial="-2022",
            )
        )
        return start
    if b["status"] == "signatory" and before == "none":
        out.specs.append(
            Spec(
                state,
                instrument,
                "signatory",
                compiled,
                None,
                source,
                "{name} had signed but not joined the {title} when the 2022 UN treaty-status table "
                "was compiled.",
                b["row"],
                serial="-2022",
            )
        )
        return compiled
    return None


def _from_2015(
    state: str,
    instrument: str,
    a: dict[str, str],
    source: str,
    scraped: PartialDate,
    b: dict[str, str] | None,
    later_start: PartialDate | None,
) -> list[Spec]:
    specs = []
    if instrument == "cat-art22":
        return [
            Spec(
                state,
                instrument,
                "party",
                scraped,
                None,
                source,
                "{name} has declared under article 22 of the {title} that it recognises the "
                "Committee against Torture's competence to hear complaints from individuals (its "
                "declaration as the UN Treaty Collection records it; the page gives no date).",
                a["row"],
            )
        ]
    signed = day(a["signed"]) if a["signed"] else None
    joined = day(a["joined"]) if a["joined"] else None
    if signed is not None:
        specs.append(
            Spec(
                state,
                instrument,
                "signatory",
                signed,
                joined or later_start,
                source,
                "{name} signed the {title} on " + f"{_long(signed.earliest)} (a signature: it was not yet bound by it).",
                a["row"],
            )
        )
    if joined is not None:
        denounced = day(b["denounced"]) if b is not None and b["denounced"] else None
        specs.append(
            Spec(
                state,
                instrument,
                "party",
                joined,
                denounced,
                source,
                "{name} " + VERBS[a["joined_by"]] + " the {title} on " + f"{_long(joined.earliest)}, as "
                "the UN Treaty Collection records.",
                a["row"],
            )
        )
        if denounced is not None and b is not None:
            specs.append(
                Spec(
                    state,
                    instrument,
                    "non_party",
                    denounced,
                    None,
                    f"hr-treaties-2022-{instrument}",
                    "{name} denounced the {title} in " + f"{denounced}, as the note of the 2022 UN "
                    f"treaty-status table records (“{b['note']}”).",
                    b["row"],
                    serial="-denounced",
                )
            )
    return specs


def curated_disagreements(
    specs: list[Spec], curated: list[FactBase], sources: dict[str, Source]
) -> list[str]:
    """Curated memberships whose status or date the treaty tables contradict (`kb check`).

    A curated fact claims its status from `valid_from` (read at its latest, so "2009" claims
    from the end of 2009) or, without one, from its earliest source; the tables' facts that
    overlap that claim must agree on whether the state was bound. Only a group's first binding
    fact is checked for its date: later ones are later stages (a denunciation pending, say).
    """
    tables: dict[tuple[str, str], list[Spec]] = {}
    for spec in specs:
        tables.setdefault((spec.state, spec.instrument), []).append(spec)
    groups: dict[tuple[str, str], list[MembershipFact]] = {}
    for fact in curated:
        if isinstance(fact, MembershipFact) and fact.value.instrument in PAGE_OF:
            groups.setdefault((fact.country, fact.value.instrument), []).append(fact)
    found = []
    for key, facts in sorted(groups.items()):
        said_by_tables = tables.get(key, [])
        for fact in facts:
            claim_start = _claimed_from(fact, sources)
            claim_end = fact.valid_to.earliest if fact.valid_to else dt.date.max
            for spec in said_by_tables:
                lo = spec.start.latest if spec.start else dt.date.min
                hi = spec.end.earliest if spec.end else dt.date.max
                if not (claim_start < hi and lo < claim_end):
                    continue
                if _bound(fact.value.status) != _bound(spec.status) or {fact.value.status, spec.status} == {"signatory", "non_party"}:
                    found.append(
                        f"curated {fact.id}: status {fact.value.status} from {claim_start} "
                        f"disagrees with the treaty table ({spec.row}: {spec.status}"
                        + (f" from {spec.start})" if spec.start else ")")
                    )
        binding = [f for f in facts if _bound(f.value.status) and f.valid_from is not None]
        first = min(binding, key=lambda f: f.valid_from.earliest if f.valid_from else dt.date.max, default=None)
        deposit = next((s.start for s in said_by_tables if s.status == "party" and s.start and s.start.is_exact), None)
        if first is None or first.valid_from is None or deposit is None:
            continue
        if first.valid_from.latest < deposit.earliest:
            found.append(
                f"curated {first.id}: valid_from {first.valid_from} is before the deposit the "
                f"treaty table dates {deposit} ({said_by_tables[0].row})"
            )
        elif first.valid_from.earliest > deposit.earliest + TAKES_EFFECT_WITHIN:
            found.append(
                f"curated {first.id}: valid_from {first.valid_from} is more than 100 days after the "
                f"deposit the treaty table dates {deposit} ({said_by_tables[0].row}); check it is "
                "the day the treaty took effect for the state"
            )
    return found


def _bound(status: str) -> bool:
    return status in BINDING_STATUSES


def _claimed_from(fact: MembershipFact, sources: dict[str, Source]) -> dt.date:
    if fact.valid_from is not None:
        return fact.valid_from.latest
    published = [sources[s].published.latest for s in fact.sources if s in sources]
    return min(published, default=dt.date.min)
