"""What every kind of dossier shares: its context, and the sections several kinds contain
(the person, the timeline, an assessment with its sources, the acceptance of a procedure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from safepassage.kb.knowledge import KnowledgeBase, KnowledgeView
from safepassage.kb.models import MembershipFact
from safepassage.report.dossier.assessments import Shown
from safepassage.report.dossier.catalogue import Catalogue
from safepassage.report.dossier.document import Document, Section, Value, todo
from safepassage.report.dossier.evidence import Footnotes, fact_statement, finding_statement
from safepassage.report.dossier.request import CaseFile, DossierRequest
from safepassage.report.dossier.selection import Scope, by_theme
from safepassage.report.explain import explain
from safepassage.report.messages import Wording

TEMPLATE_WORDS = ("todo", "confidential", "page", "risk", "floor", "original")


@dataclass
class Context:
    kb: KnowledgeBase
    request: DossierRequest
    case: CaseFile
    today: dt.date = field(default_factory=dt.date.today)  # "what changed since" runs up to it
    t: Catalogue = field(init=False)
    notes: Footnotes = field(init=False)
    wording: Wording = field(init=False)
    cache: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.t = Catalogue(self.request.language)
        self.notes = Footnotes(self.t)
        self.wording = Wording(self.request.language, self.kb)

    @property
    def view(self) -> KnowledgeView:
        return self.kb.view(self.request.as_of)

    @cached_property
    def scope(self) -> Scope:
        return Scope(self.view, self.request.country, self.case.profile)

    def name(self, code: str) -> str:
        return self.wording.country(code)

    def document(self, kind: str, **values: str) -> Document:
        t = self.t
        values = {"country": self.name(self.request.country), **values}
        return Document(
            language=self.request.language,
            title=t(f"{kind}.title", **values),
            subtitle=t(f"{kind}.subtitle", **values),
            notice=t("common.notice", date=t.date(self.request.as_of), version=self.kb.version),
            footer=t("common.footer", date=t.date(self.request.as_of), version=self.kb.version),
            running_head=t(f"{kind}.running_head", **values),
            words={word: t(f"template.{word}") for word in TEMPLATE_WORDS},
        )

    def person_name(self) -> Value:
        return self.case.name or todo(self.t("todo.name"))

    def statements(self, facts: list[Any]) -> list[dict[str, Any]]:
        return [
            fact_statement(self.kb, fact, self.notes, self.request.as_of, self.request.language)
            for fact in facts
        ]


def person_rows(ctx: Context) -> list[tuple[str, Value]]:
    t, p = ctx.t, ctx.case.profile
    origin = ctx.name(p.origin.country) + (f" ({p.origin.region})" if p.origin.region else "")
    return [
        (t("person.name"), ctx.person_name()),
        (t("person.citizenship"), ", ".join(ctx.name(c) for c in p.citizenship)),
        (t("person.origin"), origin),
        (t("person.community"), ctx.wording.communities(p.community) or t("values.not_recorded")),
        (t("person.gender"), t(f"gender.{p.gender}")),
    ]


def threat_items(ctx: Context) -> list[Value]:
    t, p = ctx.t, ctx.case.profile
    return [
        t(f"threats.{threat.actor}", state=ctx.name(threat.state or p.origin.country))
        for threat in p.threats
    ]


def wanted_rows(ctx: Context) -> list[tuple[str, Value]]:
    t, w = ctx.t, ctx.case.profile.wanted
    return [
        (t("wanted.criminal_case"), t.tristate(w.criminal_case)),
        (t("wanted.search_request"), t.tristate(w.search_request)),
        (t("wanted.interpol"), t.tristate(w.interpol)),
    ]


def document_items(ctx: Context) -> list[Value]:
    t, documents = ctx.t, ctx.case.profile.documents
    if documents is None:
        return [t("documents.unknown")]
    if not documents:
        return [t("documents.none")]
    items: list[Value] = []
    for document in documents:
        kind, _, where = document.partition(":")
        items.append(t(f"documents.{kind}", where=ctx.name(where) if len(where) == 2 else where))
    return items


def timeline_rows(ctx: Context) -> list[list[Value]]:
    t = ctx.t
    return [
        [t.date(e.date), t(f"events.{e.kind}"), e.place, e.description]
        for e in sorted(ctx.case.events, key=lambda e: e.date)
    ]


def timeline_section(ctx: Context, section: Section) -> None:
    t = ctx.t
    rows = timeline_rows(ctx)
    if rows:
        section.table([t("timeline.date"), t("timeline.event"), t("timeline.place"), t("timeline.details")], rows)
    elif ctx.case.from_case:
        section.para(t("timeline.none"))
    else:
        section.todo(t("timeline.from_profile"))


def assessment_blocks(ctx: Context, section: Section, shown: Shown) -> None:
    t, a = ctx.t, shown.assessment
    origin = (
        t("assessment.stored", created=t.date(shown.created.date()))
        if shown.created
        else t("assessment.fresh")
    )
    score = "—" if a["score"] is None else f"{a['score']:.0f} / 100"
    section.fields(
        [
            (t("assessment.country"), ctx.name(a["country"])),
            (t("assessment.as_of"), t.date(shown.as_of)),
            (t("assessment.kb_version"), shown.kb_version),
            (t("assessment.origin"), origin),
            (t("assessment.rating"), t.rating(a["rating"])),
            (t("assessment.score"), score),
            (t("assessment.confidence"), t.confidence(a["confidence"])),
        ]
    )
    said = explain(a, ctx.wording)
    section.findings([finding_statement(ctx.kb, f, ctx.notes) for f in said.findings])
    for caveat in said.caveats:
        section.para(caveat)
    if said.missing:
        section.heading(t("assessment.missing"))
        section.items([f"{m.label}: {m.text}" for m in said.missing])


def acceptance_statement(
    ctx: Context, fact: MembershipFact, procedure: str, wording: str = "acceptance.text"
) -> dict[str, Any]:
    """When the State accepted a procedure, as the knowledge base records it: the year or day
    its source gives, how sure the record is, and the record's own caveat."""
    t = ctx.t
    since = t.partial_date(fact.valid_from) if fact.valid_from else t("acceptance.undated")
    statement = fact_statement(ctx.kb, fact, ctx.notes, ctx.request.as_of, ctx.request.language)
    statement["text"] = t(
        wording,
        country=ctx.name(fact.country),
        procedure=procedure,
        since=since,
        confidence=t.confidence(fact.confidence),
    ) + " " + statement["text"]
    return statement


def context_statements(ctx: Context, themes: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    grouped = by_theme(ctx.scope, themes)
    return {theme: ctx.statements(facts) for theme, facts in grouped.items()}


def removal_imminent(ctx: Context) -> bool:
    """A removal is imminent when the person asking says one is scheduled, or when the case's
    latest event is a detention not followed by a release (the founding case's situation)."""
    if ctx.request.removal is not None:
        return True
    events = sorted(ctx.case.events, key=lambda e: e.date)
    return bool(events) and events[-1].kind == "detained"


def destination(ctx: Context) -> tuple[str, bool]:
    """The country a removal would send her to, and whether that is only presumed: the one
    given, else the pursuers' state when there is exactly one other than the State concerned."""
    removal = ctx.request.removal
    if removal and removal.destination:
        return removal.destination, False
    others = sorted(ctx.case.profile.pursuing_states - {ctx.request.country})
    return (others[0], True) if len(others) == 1 else ("", True)


def removal_rows(ctx: Context) -> list[tuple[str, Value]]:
    t, removal = ctx.t, ctx.request.removal
    where, presumed = destination(ctx)
    if where and not presumed:
        place: Value = ctx.name(where)
    elif where:
        place = todo(t("todo.destination_presumed", country=ctx.name(where)))
    else:
        place = todo(t("todo.destination"))
    return [
        (t("removal.date"), t.date(removal.date) if removal else todo(t("todo.removal_date"))),
        (t("removal.time"), removal.time if removal and removal.time else todo(t("todo.removal_time"))),
        (t("removal.destination"), place),
    ]


def destination_risk(ctx: Context, section: Section) -> None:
    """Why removal would harm her: the engine's assessment of the destination for this person
    as known on the dossier's date, every finding with its sources."""
    where, _ = destination(ctx)
    if not where:
        section.todo(ctx.t("todo.destination_risk"))
        return
    from safepassage.report.dossier.assessments import run

    section.para(ctx.t("grounds.destination_assessment", country=ctx.name(where), date=ctx.t.date(ctx.request.as_of)))
    assessment_blocks(ctx, section, run(ctx.kb, ctx.case.profile, where, ctx.request.as_of))
