"""Ratification status of UN human-rights instruments for the 193 UN members (2022 table).

world-politics-datalab compiled it from the UN Treaty Collection in May-June 2022: for each UN
member, state party (with the year of ratification or accession), signatory, or no action. We
take the instruments the knowledge base knows, keep the year as the table gives it, read a
denunciation the table's note records, and flag rows whose own columns disagree (a "coding
slip", e.g. a state-party flag of 0 beside the status "state party"), so `kb check` lists them.
The table also gives the list of UN member states.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from safepassage.kb.importers.derived import write_csv
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import UnknownName, current_alpha2
from safepassage.kb.layers.treaties import COLUMNS_2022, MEMBER_COLUMNS

FILES = {
    "hr_status_cat.csv": "cat",
    "hr_status_iccpr_op1.csv": "iccpr-op1",
    "hr_status_op_cedaw.csv": "op-cedaw",
}
STATUSES = {"state party": "party", "signatory state": "signatory", "no action": "no_action"}
HEADER = ["iso2", "member", "state party", "year ratification or accession", "signatory", "no action", "status", "note"]
DENOUNCED = re.compile(r"denounced\D*(\d{4})", re.I)
BASE = "https://github.com/world-politics-datalab/humanrights-treaties-ratification-status/blob/main/"


class HrTreaties2022:
    name = "hr-treaties-2022"
    title = "Ratification status of core UN human-rights instruments for the 193 UN members (2022)"
    reads = (*FILES, "README.md")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        if not released:
            raise ImportFailure("the table does not state its date: give --released YYYY-MM-DD")
        rows: list[list[object]] = []
        members: dict[str, str] = {}
        slips = 0
        for file, instrument in FILES.items():
            for row in _read(raw / file, instrument):
                rows.append(row)
                slips += bool(row[7])
            names = {str(r[0]): str(r[-1]) for r in _read_members(raw / file)}
            if members and set(names) != set(members):
                raise ImportFailure(f"{file}: lists other states than {next(iter(FILES))}")
            members = members or names
        if len(members) != 193:
            raise ImportFailure(f"expected the 193 UN member states, found {len(members)}")
        rows.sort(key=lambda r: (str(r[1]), str(r[0])))
        written = write_csv(out / "status.csv", COLUMNS_2022, rows)
        write_csv(out / "un-members.csv", MEMBER_COLUMNS, sorted(members.items()))
        return Release(
            title="Core United Nations Human Rights Instruments: their ratification status (UN members, 2022)",
            publisher="world-politics-datalab, from the UN Treaty Collection",
            url="https://github.com/world-politics-datalab/humanrights-treaties-ratification-status",
            version=f"data of 2022-05/06, repository state of {released}",
            published=released,
            licence="no licence file; compiled from United Nations public records",
            compiled_by="github.com/world-politics-datalab/humanrights-treaties-ratification-status",
            sources=[
                {
                    "id": f"hr-treaties-2022-{instrument}",
                    "publisher": "world-politics-datalab (from the UN Treaty Collection)",
                    "title": f"Core UN human rights instruments: ratification status ({file})",
                    "url": BASE + file,
                    "published": released,
                }
                for file, instrument in FILES.items()
            ],
            counts={"rows written": written, "UN members": len(members), "rows with a coding slip": slips},
            notes=[
                "status: 'state party' -> party (year = 'year ratification or accession'), "
                "'signatory state' -> signatory, 'no action' -> no_action (neither signed nor "
                "joined when the table was compiled).",
                "`denounced` is the year a denunciation that the row's note records (e.g. "
                "'Denounced the OP 1997'); the table still calls these states parties.",
                "`slip` describes a row whose columns disagree with its status (the flags "
                "'state party', 'signatory', 'no action' or the year); the status column is "
                "read, and kb check lists the row for the cross-check with the 2015 table.",
                "un-members.csv is the table's list of the 193 UN member states.",
                "Withdrawn codes are read as today's (country-names.yaml: TP, East Timor's "
                "former code, is TL).",
            ],
        )


def _records(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != HEADER:
            raise RowError(path.name, 1, "*", f"unexpected columns {reader.fieldnames}")
        return [(number, record) for number, record in enumerate(reader, start=2)]


def _read_members(path: Path) -> list[tuple[str, str]]:
    return [
        (_code(path.name, number, record["iso2"]), record["member"].strip())
        for number, record in _records(path)
    ]


def _read(path: Path, instrument: str) -> list[list[object]]:
    rows = []
    for number, record in _records(path):
        given = record["iso2"].strip()
        state = _code(path.name, number, given)
        text = record["status"].strip()
        if text not in STATUSES:
            raise RowError(path.name, number, "status", f"unknown status {text!r}")
        status = STATUSES[text]
        year_text = record["year ratification or accession"].strip()
        year: int | None = None
        if year_text:
            if not re.fullmatch(r"\d{4}", year_text) or not 1945 <= int(year_text) <= 2100:
                raise RowError(path.name, number, "year ratification or accession", f"not a year: {year_text!r}")
            year = int(year_text)
        note = record["note"].strip()
        denounced = DENOUNCED.search(note)
        rows.append(
            [
                state,
                instrument,
                status,
                year or "",
                denounced.group(1) if denounced else "",
                f"{path.name} row {number}: {record['member'].strip()}",
                note,
                _slip(record, status, year),
            ]
        )
    return rows


def _code(file: str, number: int, given: str) -> str:
    try:
        state = current_alpha2(given)
    except UnknownName:
        state = None
    if state is None:
        raise RowError(file, number, "iso2", f"not the code of a UN member state: {given.strip()!r}")
    return state


def _slip(record: dict[str, str], status: str, year: int | None) -> str:
    flags = {k: record[k].strip() for k in ("state party", "signatory", "no action")}
    expected = {
        "party": {"state party": "1", "signatory": "0", "no action": "0"},
        "signatory": {"state party": "0", "signatory": "1", "no action": "0"},
        "no_action": {"state party": "0", "signatory": "0", "no action": "1"},
    }[status]
    wrong = [f"'{k}' is {v or 'empty'}" for k, v in flags.items() if v != expected[k]]
    if status == "party" and year is None:
        wrong.append("no year")
    if status != "party" and year is not None:
        wrong.append(f"a year ({year}) without being a party")
    return "; ".join(wrong) + f" beside status '{record['status'].strip()}'" if wrong else ""


IMPORTER = HrTreaties2022()
