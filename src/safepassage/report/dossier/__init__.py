"""Dossiers as PDF: the lawyer's file, a UN treaty-body communication, a Rule 39 request to
the European Court of Human Rights and a COI annex (docs/dossiers.md).

`render_dossier` is the one entry point for the command line and the casework app: it builds
the document from a CaseFile and typesets it in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from safepassage.kb.knowledge import KnowledgeBase
from safepassage.report.dossier.common import Context
from safepassage.report.dossier.document import Document
from safepassage.report.dossier.kinds import coi_annex, lawyer, rule39, un_complaint
from safepassage.report.dossier.render import render_pdf
from safepassage.report.dossier.request import (
    KINDS,
    LANGUAGES,
    CaseFile,
    Consent,
    DossierError,
    DossierRequest,
    Event,
    Removal,
    Snapshot,
)

BUILDERS: dict[str, Callable[[Context], Document]] = {
    "lawyer": lawyer.build,
    "un-complaint": un_complaint.build,
    "rule39": rule39.build,
    "coi-annex": coi_annex.build,
}
assert set(BUILDERS) == set(KINDS)


def build_document(kb: KnowledgeBase, request: DossierRequest, case: CaseFile, today: dt.date | None = None) -> Document:
    if not request.country:  # the State she is in: the one that would remove her
        if case.profile.location is None:
            raise DossierError("--country: the profile records no location; name the country")
        request = replace(request, country=case.profile.location.country)
    if request.country not in kb.base:
        raise DossierError(f"--country: {request.country!r} is not an ISO 3166-1 alpha-2 country code")
    context = Context(kb, request, case, today=today or dt.date.today())
    return BUILDERS[request.kind](context)


def render_dossier(kb: KnowledgeBase, request: DossierRequest, case: CaseFile, today: dt.date | None = None) -> bytes:
    """The dossier as PDF bytes; DossierError (one line) when it cannot be made as asked."""
    return render_pdf(build_document(kb, request, case, today).to_data())


__all__ = [
    "KINDS",
    "LANGUAGES",
    "CaseFile",
    "Consent",
    "DossierError",
    "DossierRequest",
    "Event",
    "Removal",
    "Snapshot",
    "build_document",
    "render_dossier",
]
