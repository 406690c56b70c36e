"""UN Treaty Collection status pages as scraped in March 2015 (zmjones/untreaties).

For each instrument the knowledge base knows, one derived row per participant: the date of
signature and the date of ratification, accession (`a`) or succession (`d`), exactly as the
page gives them (the date the instrument was deposited, not the later date it took effect).
The declarations file of the Convention against Torture gives the article 22 declarations it
contains (recognition of the Committee's competence to hear individuals); its text carries no
dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from safepassage.kb.importers.derived import write_csv
from safepassage.kb.importers.importer import ImportFailure, Release, RowError
from safepassage.kb.importers.names import UnknownName, code_for_name
from safepassage.kb.layers.treaties import CHAPTERS as INSTRUMENTS
from safepassage.kb.layers.treaties import COLUMNS_2015

MARKERS = {"": "ratification", "a": "accession", "d": "succession"}
DATE = re.compile(r"^(\d{1,2} [A-Z][a-z]{2} \d{4})\s*([a-zA-Z]*)$")
ART22 = re.compile(
    r"recogni[sz]e\S*\s+the\s+(?:Committee'?s\s+competence|competence\s+of\s+the\s+Committee)"
    r"[^.]{0,160}?communications\s+from\s+(?:or\s+on\s+behalf\s+of\s+)?individuals",
    re.I | re.S,
)
NEGATED = re.compile(r"\bnot\s+recogni[sz]e", re.I)


class UnTreaties2015:
    name = "un-treaties-2015"
    title = "UN Treaty Collection, status of treaties with dates of signature and ratification (March 2015)"
    reads = (*(f"treaties/{f}.csv" for f in INSTRUMENTS), "declarations/4-9.txt", "index.csv")

    def run(self, raw: Path, out: Path, released: str | None) -> Release:
        if not released:
            raise ImportFailure("the scrape does not state its date: give --released YYYY-MM-DD")
        pages = _index(raw / "index.csv")
        rows: list[list[object]] = []
        counts: dict[str, int] = {}
        for chapter, instrument in INSTRUMENTS.items():
            found = _read_status(raw / "treaties" / f"{chapter}.csv", instrument)
            counts[f"{chapter}.csv participants"] = len(found)
            rows.extend(found)
        parties = {(str(r[0]), str(r[1])) for r in rows if r[2] == "party"}
        art22 = _article_22(raw / "declarations" / "4-9.txt", parties)
        counts["article 22 declarations found in declarations/4-9.txt"] = len(art22)
        rows.extend(art22)
        rows.sort(key=lambda r: (str(r[1]), str(r[0])))
        counts["rows written"] = write_csv(out / "status.csv", COLUMNS_2015, rows)
        return Release(
            title="UN Treaty Collection, Status of Treaties (Chapters IV and V), as scraped in March 2015",
            publisher="United Nations, Treaty Collection (scraped by zmjones/untreaties)",
            url="https://treaties.un.org/",
            version=f"scraped {released}",
            published=released,
            licence="no licence file; United Nations public records",
            compiled_by="github.com/zmjones/untreaties",
            sources=[
                {
                    "id": f"untc-status-{chapter}-{released}",
                    "publisher": "United Nations Treaty Collection",
                    "title": f"Status of Treaties: {pages[chapter][0]} (as scraped on {released})",
                    "url": pages[chapter][1],
                    "published": released,
                }
                for chapter in INSTRUMENTS
            ],
            counts=counts,
            notes=[
                "status party where the page gives a date of ratification, accession (a) or "
                "succession (d); signatory where it gives only a signature date.",
                "`joined` is the date the page gives (deposit of the instrument); the treaty "
                "takes effect for the state later, as its own articles say.",
                "cat-art22 rows: a declaration in declarations/4-9.txt that recognises the "
                "Committee against Torture's competence to receive communications from "
                "individuals, by a state the page lists as a party; the text carries no date. The "
                "scrape holds the declarations section only, so most article 22 declarations "
                "are not in it: absence here proves nothing.",
                "A state not listed on a page had neither signed nor joined by the scrape date.",
            ],
        )


def _index(path: Path) -> dict[str, tuple[str, str]]:
    pages: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            chapter = f"{record['chapter_no']}-{record['treaty_no'].replace('.', '-')}"
            pages[chapter] = (record["treaty_name"].strip(), record["url"].strip())
    missing = [c for c in INSTRUMENTS if c not in pages]
    if missing:
        raise ImportFailure(f"index.csv: no entry for {', '.join(missing)}")
    return pages


def _read_status(path: Path, instrument: str) -> list[list[object]]:
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    header = table[0]
    if header[0] != "Participant":
        raise RowError(path.name, 1, header[0], "expected the first column to be 'Participant'")
    signature = next((i for i, h in enumerate(header) if h.startswith("Signature")), None)
    joined = next(
        (i for i, h in enumerate(header) if i and ("Ratification" in h or "Accession" in h)), None
    )
    if joined is None:
        raise RowError(path.name, 1, "*", "no ratification or accession column")
    rows: list[list[object]] = []
    for number, cells in enumerate(table[1:], start=2):
        if len(cells) != len(header):
            raise RowError(path.name, number, "*", f"{len(cells)} cells, expected {len(header)}")
        participant = cells[0].strip()
        try:
            state = code_for_name(participant)
        except UnknownName:
            raise RowError(path.name, number, "Participant", f"unknown country name {participant!r} (add it to country-names.yaml)") from None
        if state is None:
            continue
        signed = _date(path.name, number, header[signature], cells[signature])[0] if signature is not None else None
        date, how = _date(path.name, number, header[joined], cells[joined])
        if date is None and signed is None:
            raise RowError(path.name, number, header[joined], "neither a signature nor a ratification date")
        rows.append(
            [
                state,
                instrument,
                "party" if date else "signatory",
                signed.isoformat() if signed else "",
                date.isoformat() if date else "",
                how or "",
                f"treaties/{path.name} row {number}: {participant}",
            ]
        )
    return rows


def _date(file: str, row: int, column: str, cell: str) -> tuple[dt.date | None, str | None]:
    cell = cell.strip()
    if not cell:
        return None, None
    match = DATE.match(cell)
    if not match or match.group(2) not in MARKERS:
        raise RowError(file, row, column, f"expected a date like '30 Aug 2005 a', got {cell!r}")
    try:
        day = dt.datetime.strptime(match.group(1), "%d %b %Y").date()
    except ValueError:
        raise RowError(file, row, column, f"not a calendar date: {cell!r}") from None
    return day, MARKERS[match.group(2)]


def _article_22(path: Path, parties: set[tuple[str, str]]) -> list[list[object]]:
    rows: list[list[object]] = []
    text = path.read_text(encoding="utf-8")
    for block in re.split(r"^#", text, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        match = ART22.search(body)
        if not match or NEGATED.search(body[max(0, match.start() - 20) : match.end()]):
            continue
        try:
            state = code_for_name(name)
        except UnknownName:
            raise RowError(path.name, f"#{name.strip()}", "participant", f"unknown country name {name.strip()!r}") from None
        if state is None or (state, "cat") not in parties:
            continue
        rows.append([state, "cat-art22", "party", "", "", "declaration", f"declarations/4-9.txt #{name.strip()}"])
    return rows


IMPORTER = UnTreaties2015()
