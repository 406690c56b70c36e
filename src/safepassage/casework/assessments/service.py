"""Running the engine for a case and keeping the result as a snapshot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from safepassage.assess import assess_world
from safepassage.casework.accounts.models import User
from safepassage.casework.assessments.models import Snapshot, SnapshotSummary
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.service import OpenCase
from safepassage.kb import KnowledgeBase, load
from safepassage.profile.reader import profile_from_data
from safepassage.report.explain import explain
from safepassage.report.messages import LANGUAGES, Wording
from safepassage.report.model import Report


@cache
def knowledge_base() -> KnowledgeBase:
    """Loaded once per process (about 0.3 s); the bundled data does not change while running."""
    return load()


def run_assessment(user: User, opened: OpenCase, countries: list[str] | None, as_of: dt.date) -> Snapshot:
    kb = knowledge_base()
    # ProfileError for a profile stored before a stricter rule: the caller asks for a fix
    profile = profile_from_data({**opened.record.profile, "id": "case"}, quote_input=False)
    assessments = assess_world(profile, kb.view(as_of), countries)
    report = Report(profile, as_of, kb, assessments).to_dict()
    summary = SnapshotSummary(
        as_of=as_of.isoformat(),
        kb_version=kb.version,
        scope=countries,
        ratings={a.country: a.rating for a in assessments},
    )
    snapshot = Snapshot(case=opened.case, created_by=user.username)
    snapshot.seal_report(opened.key, report, summary)
    snapshot.save()
    audit(user.username, "assessment.create", opened.case.pk, detail=f"{len(assessments)} country(ies)")
    return snapshot


@dataclass(frozen=True)
class Change:
    country: str
    before: str | None
    after: str | None


def compare(before: SnapshotSummary | None, after: SnapshotSummary) -> list[Change]:
    """Countries whose rating differs between two snapshots (new ones included)."""
    if before is None:
        return []
    changes = []
    for country in sorted(set(before.ratings) | set(after.ratings)):
        old, new = before.ratings.get(country), after.ratings.get(country)
        if old != new and new is not None and (old is not None or before.scope is None):
            changes.append(Change(country, old, new))
    return changes


def localise(report: dict[str, Any], language: str) -> dict[str, Any]:
    """A stored report in the reader's language, by the one renderer every face uses
    (report.explain): each assessment gets its country's name, rating and confidence words,
    main reason and caveats; each finding its label, text (and the text's language: a finding
    stored before messages existed has only its English summary) and floor word; each missing
    item its label and text."""
    wording = Wording(language if language in LANGUAGES else "en", knowledge_base())
    for assessment in report["assessments"]:
        said = explain(assessment, wording)
        assessment.update(
            name=said.name,
            rating_label=said.rating_word,
            confidence_label=said.confidence_word,
            headline=said.findings[0] if said.findings else None,
            caveats_text=said.caveats,
        )
        for finding, worded in zip(assessment["findings"], said.findings, strict=True):
            finding.update(
                label=worded.label,
                text=worded.text,
                text_lang=worded.language,
                floor_label=worded.floor,
                floor_note=wording.text("finding-floor", rating=worded.floor) if worded.floor else "",
            )
        for missing, worded_missing in zip(assessment["missing"], said.missing, strict=True):
            missing.update(label=worded_missing.label, text=worded_missing.text, text_lang=worded_missing.language)
    return report
