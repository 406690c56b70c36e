"""The assessments a dossier shows: stored snapshots or fresh runs of the engine, in the JSON
shape of DESIGN §5, and what changed from one to the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from safepassage.assess import assess_world
from safepassage.kb.knowledge import KnowledgeBase
from safepassage.profile import Profile
from safepassage.report.dossier.request import CaseFile
from safepassage.report.model import Report


@dataclass(frozen=True)
class Shown:
    """One assessment of one country, with where it came from."""

    as_of: dt.date
    kb_version: str
    assessment: dict[str, Any]  # one entry of the report's "assessments"
    created: dt.datetime | None = None  # a stored snapshot's time; None: run for this dossier


def run(kb: KnowledgeBase, profile: Profile, country: str, day: dt.date) -> Shown:
    report = Report(profile, day, kb, assess_world(profile, kb.view(day), [country])).to_dict()
    return Shown(day, kb.version, report["assessments"][0])


def of_country(report: dict[str, Any], country: str) -> dict[str, Any] | None:
    return next((a for a in report["assessments"] if a["country"] == country), None)


def shown_assessments(kb: KnowledgeBase, case: CaseFile, country: str, as_of: dt.date) -> list[Shown]:
    """The case's stored snapshots of this country made with what was known by `as_of`
    (later ones would be hindsight), oldest first; none stored, one run now as of that date."""
    shown = []
    for snapshot in case.snapshots:
        day = dt.date.fromisoformat(snapshot.report["as_of"])
        found = of_country(snapshot.report, country)
        if found is not None and day <= as_of:
            shown.append(Shown(day, snapshot.report["kb_version"], found, snapshot.created))
    return shown or [run(kb, case.profile, country, as_of)]


@dataclass(frozen=True)
class Changes:
    rating: tuple[str, str] | None  # (before, after) when it differs
    added: list[dict[str, Any]]  # findings of factors that found nothing before
    dropped: list[str]  # factors that no longer find anything
    changed: list[tuple[dict[str, Any], float]]  # findings whose risk moved, with the old risk
    new_facts: list[str]  # fact ids behind the later findings that the earlier did not use

    @property
    def none(self) -> bool:
        return not (self.rating or self.added or self.dropped or self.changed or self.new_facts)


def compare(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    old = {f["factor"]: f for f in before["findings"]}
    new = {f["factor"]: f for f in after["findings"]}
    old_facts = {i for f in before["findings"] for i in f["facts"]}
    return Changes(
        rating=(before["rating"], after["rating"]) if before["rating"] != after["rating"] else None,
        added=[f for name, f in new.items() if name not in old],
        dropped=[name for name in old if name not in new],
        changed=[
            (f, old[name]["risk"])
            for name, f in new.items()
            if name in old and abs(f["risk"] - old[name]["risk"]) >= 0.01
        ],
        new_facts=list(dict.fromkeys(i for f in after["findings"] for i in f["facts"] if i not in old_facts)),
    )
