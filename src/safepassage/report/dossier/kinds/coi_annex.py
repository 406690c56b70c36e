"""Country-of-origin information for an asylum claim, to the EUAA COI methodology's standards:
relevant to the claim, every statement traceable to a dated source (publisher, date, address),
current as of the cut-off date and not after it, balanced (what protects is kept with what
endangers), and the gaps stated instead of filled."""

from __future__ import annotations

from safepassage.report.dossier.assessments import run
from safepassage.report.dossier.common import Context, context_statements
from safepassage.report.dossier.document import Document
from safepassage.report.dossier.selection import THEMES
from safepassage.report.explain import explain


def build(ctx: Context) -> Document:
    t, p = ctx.t, ctx.case.profile
    country = ctx.name(ctx.request.country)
    cutoff = t.date(ctx.request.as_of)
    doc = ctx.document("coi")
    statements = context_statements(ctx, THEMES)
    count = sum(len(items) for items in statements.values())
    pursuers = ", ".join(ctx.name(s) for s in sorted(p.pursuing_states))
    doc.header = [
        [t("coi.country"), country],
        [t("coi.cutoff"), cutoff],
        [t("coi.profile"), t("coi.profile_text", origin=ctx.name(p.origin.country),
                              community=ctx.wording.communities(p.community) or t("values.not_recorded"),
                              gender=t(f"gender.{p.gender}"), pursuers=pursuers)],
        [t("common.kb_version"), ctx.kb.version],
    ]
    doc.section(t("coi.method")).para(t("coi.method_text", cutoff=cutoff)).para(t("coi.method_balance"))
    gaps = []
    for theme in THEMES:
        section = doc.section(t(f"coi.themes.{theme}"))
        if statements[theme]:
            section.statements(statements[theme])
        else:
            section.para(t("coi.no_information", cutoff=cutoff))
            gaps.append(t(f"coi.themes.{theme}"))
    missing = explain(run(ctx.kb, p, ctx.request.country, ctx.request.as_of).assessment, ctx.wording).missing
    gap_section = doc.section(t("coi.gaps")).para(t.plural("coi.gaps_text", count, cutoff=cutoff))
    gap_section.items([*gaps, *(f"{m.label}: {m.text}" for m in missing)])
    doc.section(t("coi.sources")).items(list(ctx.notes.bibliography()), numbered=True)
    return doc
