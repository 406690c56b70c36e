"""A request to the European Court of Human Rights for an interim measure under Rule 39,
following the Court's practice direction on requests for interim measures: "Rule 39 – Urgent"
and the person to contact in bold on the first page, the date, time and destination of the
removal, detailed grounds for the particular fears, and the domestic decisions attached.

Only for States bound by the Convention on the dossier's date; otherwise DossierError."""

from __future__ import annotations

from safepassage.report.dossier.common import (
    Context,
    acceptance_statement,
    context_statements,
    destination,
    destination_risk,
    document_items,
    removal_rows,
    threat_items,
    timeline_section,
    wanted_rows,
)
from safepassage.report.dossier.document import Document, Value, todo
from safepassage.report.dossier.procedures import convention_state, ecthr
from safepassage.report.dossier.request import DossierError


def build(ctx: Context) -> Document:
    member = convention_state(ctx.view, ctx.request.country)
    t, lang, p = ctx.t, ctx.request.language, ctx.case.profile
    state = ctx.name(ctx.request.country)
    where, _ = destination(ctx)
    if where == ctx.request.country:
        raise DossierError("--destination: the removal must be to another country than the respondent State")
    target = ctx.name(where) if where else t("un.the_destination")
    doc = ctx.document("rule39", applicant=ctx.case.name or t("rule39.the_applicant"))
    doc.banner = [t("rule39.banner")]
    contact: Value = ctx.request.contact or todo(t("todo.contact_person"))
    doc.header = [[t("rule39.contact"), contact], *[list(row) for row in removal_rows(ctx)], [t("rule39.respondent"), state]]

    parties = doc.section(t("rule39.s_parties")).fields(
        [
            (t("person.name"), ctx.person_name()),
            (t("person.citizenship"), ", ".join(ctx.name(c) for c in p.citizenship)),
            (t("person.birth"), todo(t("todo.birth"))),
            (t("rule39.address"), todo(t("todo.detention_address"))),
            (t("rule39.domestic_reference"), todo(t("todo.domestic_reference"))),
            (t("rule39.application"), todo(t("todo.application_number"))),
            (t("rule39.respondent"), state),
        ]
    )
    parties.statements([acceptance_statement(ctx, member, ecthr().name[lang], "acceptance.convention")])

    doc.section(t("rule39.s_measure")).para(t("rule39.measure_text", state=state, country=target))

    facts = doc.section(t("rule39.s_facts"))
    facts.items(threat_items(ctx)).fields(wanted_rows(ctx)).items(document_items(ctx))
    timeline_section(ctx, facts)
    facts.todo(t("todo.narrative"))

    grounds = doc.section(t("rule39.s_grounds")).para(t("rule39.grounds_intro"))
    grounds.fields([(a.ref[lang], a.text[lang]) for a in ecthr().articles])
    grounds.heading(t("rule39.grounds_destination", country=target))
    destination_risk(ctx, grounds)
    grounds.heading(t("rule39.grounds_state", state=state))
    for theme, items in context_statements(ctx, ("cooperation", "conduct", "protection")).items():
        if items:
            grounds.heading(t(f"coi.themes.{theme}"), level=3).statements(items)
    grounds.heading(t("rule39.grounds_personal"))
    grounds.todo(t("todo.personal_grounds"))

    doc.section(t("rule39.s_timing")).para(t("rule39.timing_text")).todo(t("todo.final_decision"))
    doc.section(t("rule39.s_decisions")).para(t("rule39.decisions_intro")).items(
        [todo(t(f"rule39.decision_{n}")) for n in range(1, 6)], numbered=True
    )
    doc.section(t("rule39.s_contact")).para(t("rule39.contact_text")).fields(
        [(t("rule39.contact"), contact), (t("rule39.phone"), todo(t("todo.phone")))]
    )
    return doc
