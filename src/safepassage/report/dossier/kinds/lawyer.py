"""The lawyer's file: the person, the threats, her documents, the timeline, every assessment
with its findings and sources, and what changed since.

Each section is one function in SECTIONS, in the order printed. Planned routes, once the route
planner (`safepassage.routes`) exists, are one more function here reading the case's routes;
nothing is printed for them until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from safepassage.report.dossier.assessments import Shown, compare, run, shown_assessments
from safepassage.report.dossier.common import (
    Context,
    assessment_blocks,
    document_items,
    person_rows,
    threat_items,
    timeline_section,
    wanted_rows,
)
from safepassage.report.dossier.document import Document, Section
from safepassage.report.dossier.evidence import finding_statement
from safepassage.report.explain import said_finding

Build = Callable[[Context, Document], None]


def situation(ctx: Context, doc: Document) -> None:
    t, p = ctx.t, ctx.case.profile
    rows = person_rows(ctx)
    where = ctx.name(p.location.country) if p.location else t("values.not_recorded")
    if p.location and p.location.region:
        where += f" ({p.location.region})"
    rows.append((t("person.location"), where + (f", {ctx.case.place}" if ctx.case.place else "")))
    section = doc.section(t("lawyer.situation")).fields(rows)
    if ctx.case.summary:
        section.para(ctx.case.summary)


def threats(ctx: Context, doc: Document) -> None:
    t = ctx.t
    doc.section(t("lawyer.threats")).items(threat_items(ctx)).fields(wanted_rows(ctx))


def documents(ctx: Context, doc: Document) -> None:
    doc.section(ctx.t("lawyer.documents")).items(document_items(ctx))


def timeline(ctx: Context, doc: Document) -> None:
    timeline_section(ctx, doc.section(ctx.t("lawyer.timeline")))


def assessments(ctx: Context, doc: Document) -> None:
    t = ctx.t
    section = doc.section(t("lawyer.assessments"))
    for number, shown in enumerate(_shown(ctx), 1):
        section.heading(t("lawyer.assessment_number", number=number, date=t.date(shown.as_of)))
        assessment_blocks(ctx, section, shown)


def changes(ctx: Context, doc: Document) -> None:
    """From each assessment to the next, and from the last to what the knowledge base holds
    today: later knowledge, labelled as such, never mixed into what was known then."""
    t = ctx.t
    section = doc.section(t("lawyer.changes"))
    shown = _shown(ctx)
    today = run(ctx.kb, ctx.case.profile, ctx.request.country, ctx.today)
    steps = list(zip(shown, [*shown[1:], today], strict=True))
    for before, after in steps:
        label = t("lawyer.change_now") if after is today else t.date(after.as_of)
        section.heading(t("lawyer.change_heading", before=t.date(before.as_of), after=label))
        _change_blocks(ctx, section, before, after)


def _change_blocks(ctx: Context, section: Section, before: Shown, after: Shown) -> None:
    t = ctx.t
    diff = compare(before.assessment, after.assessment)
    if diff.none:
        section.para(t("lawyer.no_change"))
        return
    if diff.rating:
        old, new = diff.rating
        section.para(t("lawyer.rating_changed", before=t.rating(old), after=t.rating(new)))

    def stated(finding: dict[str, Any]) -> dict[str, Any]:
        return finding_statement(ctx.kb, said_finding(finding, ctx.wording), ctx.notes)

    if diff.added:
        section.para(t("lawyer.added"))
        section.findings([stated(f) for f in diff.added])
    if diff.changed:
        section.para(t("lawyer.risk_changed"))
        section.findings([{**stated(f), "risk": f"{old:.2f} → {f['risk']:.2f}"} for f, old in diff.changed])
    if diff.dropped:
        section.para(t("lawyer.dropped"))
        section.items([t.factor(name) for name in diff.dropped])
    if diff.new_facts:
        facts = [ctx.kb.facts_by_id[i] for i in diff.new_facts if i in ctx.kb.facts_by_id]
        section.para(t.plural("lawyer.new_facts", len(facts)))


SECTIONS: tuple[Build, ...] = (situation, threats, documents, timeline, assessments, changes)


def _shown(ctx: Context) -> list[Shown]:
    if "shown" not in ctx.cache:
        ctx.cache["shown"] = shown_assessments(ctx.kb, ctx.case, ctx.request.country, ctx.request.as_of)
    return ctx.cache["shown"]  # type: ignore[return-value]


def build(ctx: Context) -> Document:
    doc = ctx.document("lawyer")
    doc.header = [[ctx.t("person.name"), ctx.person_name()], [ctx.t("common.as_of"), ctx.t.date(ctx.request.as_of)]]
    for add in SECTIONS:
        add(ctx, doc)
    return doc
