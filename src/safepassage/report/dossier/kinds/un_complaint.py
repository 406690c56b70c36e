"""A draft communication to one UN treaty body (CAT under article 22, the Human Rights
Committee under the Optional Protocol to the ICCPR, CEDAW under its Optional Protocol), in the
order of OHCHR's model complaint form and Fact Sheet No. 7/Rev.2: the committee and State,
the author and victim, the facts in order, domestic remedies, other procedures, the articles
invoked, the remedy sought and, when removal is imminent, a request for interim measures.

The State must have accepted the committee's procedure on the dossier's date, as the knowledge
base records it; otherwise DossierError."""

from __future__ import annotations

from safepassage.report.dossier.common import (
    Context,
    acceptance_statement,
    context_statements,
    destination,
    destination_risk,
    document_items,
    person_rows,
    removal_imminent,
    removal_rows,
    threat_items,
    timeline_section,
    wanted_rows,
)
from safepassage.report.dossier.document import Document, todo
from safepassage.report.dossier.procedures import accepted_committees, committee_for, committees
from safepassage.report.dossier.request import DossierError

REMEDY_EVENTS = ("applied_for_asylum", "detained", "released")


def build(ctx: Context) -> Document:
    if not ctx.request.committee:
        codes = accepted_committees(ctx.view, ctx.request.country)
        raise DossierError(
            f"--committee: un-complaint needs one of {', '.join(committees())}; "
            f"{ctx.request.country} had accepted on {ctx.request.as_of.isoformat()}: {', '.join(codes) or 'none recorded'}"
        )
    procedure, accepted = committee_for(ctx.view, ctx.request.country, ctx.request.committee)
    t, lang = ctx.t, ctx.request.language
    state = ctx.name(ctx.request.country)
    doc = ctx.document("un", committee=procedure.name[lang])
    doc.header = [
        [t("un.committee"), procedure.name[lang]],
        [t("un.state"), state],
        [t("un.author"), ctx.person_name()],
        [t("un.date"), todo(t("todo.submission_date"))],
    ]

    section = doc.section(t("un.s_committee")).fields(
        [
            (t("un.committee"), procedure.name[lang]),
            (t("un.treaty"), procedure.treaty[lang]),
            (t("un.procedure"), procedure.basis[lang]),
            (t("un.state"), state),
        ]
    )
    section.statements([acceptance_statement(ctx, accepted, procedure.basis[lang])])

    author = doc.section(t("un.s_author"))
    rows = person_rows(ctx)
    rows[1:1] = [
        (t("person.birth"), todo(t("todo.birth"))),
        (t("person.id_document"), todo(t("todo.id_document"))),
    ]
    rows += [
        (t("person.address"), todo(t("todo.address"))),
        (t("person.contact"), todo(t("todo.contact"))),
        (t("un.capacity"), todo(t("todo.capacity"))),
    ]
    author.fields(rows)
    consents = [c for c in ctx.case.consents if c.withdrawn_on is None]
    if consents:
        latest = max(consents, key=lambda c: c.given_on)
        author.para(t("un.consent_recorded", date=t.date(latest.given_on), share=latest.may_share_with or "—"))
    else:
        author.todo(t("todo.consent"))

    doc.section(t("un.s_victim")).todo(t("todo.victim"))
    doc.section(t("un.s_counsel")).todo(t("todo.counsel"))
    doc.section(t("un.s_anonymity")).para(t("un.anonymity_text")).todo(t("todo.anonymity"))

    facts = doc.section(t("un.s_facts")).para(t("un.facts_intro"))
    facts.items(threat_items(ctx)).fields(wanted_rows(ctx)).items(document_items(ctx))
    facts.heading(t("un.facts_timeline"))
    timeline_section(ctx, facts)
    facts.todo(t("todo.narrative"))
    context = context_statements(ctx, ("reach", "cooperation", "conduct", "protection"))
    facts.heading(t("un.facts_state", country=state))
    for theme, items in context.items():
        if items:
            facts.heading(t(f"coi.themes.{theme}"), level=3).statements(items)

    remedies = doc.section(t("un.s_remedies")).para(t("un.remedies_intro"))
    used = [e for e in sorted(ctx.case.events, key=lambda e: e.date) if e.kind in REMEDY_EVENTS]
    remedies.items([f"{t.date(e.date)}: {t(f'events.{e.kind}')} {e.place}".strip() for e in used])
    remedies.todo(t("todo.remedies"))

    doc.section(t("un.s_other")).para(t("un.other_text")).todo(t("todo.other_procedures"))

    articles = doc.section(t("un.s_articles")).para(t("un.articles_intro", treaty=procedure.treaty[lang]))
    articles.fields([(a.ref[lang], a.text[lang]) for a in procedure.articles])
    articles.para(t("un.articles_reading", reading=procedure.reading[lang]))
    articles.todo(t("todo.articles"))

    where, _ = destination(ctx)
    target = ctx.name(where) if where else t("un.the_destination")
    doc.section(t("un.s_remedy")).items(
        [t("un.remedy_no_removal", country=target), t("un.remedy_protection"), t("un.remedy_review"), todo(t("todo.remedy"))]
    )

    interim = doc.section(t("un.s_interim"))
    if removal_imminent(ctx):
        interim.para(t("un.interim_request", country=target, basis=procedure.interim_basis[lang]))
        interim.fields(removal_rows(ctx))
        destination_risk(ctx, interim)
        interim.todo(t("todo.interim_grounds"))
    else:
        interim.para(t("un.interim_not_now"))

    doc.section(t("un.s_documents")).items([todo(t(f"un.document_{n}")) for n in range(1, 6)], numbered=True)
    doc.section(t("un.s_signature")).fields(
        [(t("un.place_date"), todo(t("todo.place_date"))), (t("un.signature"), todo(t("todo.signature")))]
    )
    return doc
