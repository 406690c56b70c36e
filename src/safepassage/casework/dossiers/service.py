"""Turn a case into the dossier's CaseFile and render it, audited as an export.

Security (docs/threat-model.md, "Dossiers"): the case is opened through the same service call
as every page (access check, key, audit entry `dossier.export` naming only the kind); the PDF
is typeset in memory and handed back as bytes, never written to disk or kept in the database.
"""

from __future__ import annotations

import datetime as dt
import uuid

from safepassage.casework.accounts.models import User
from safepassage.casework.assessments.models import Snapshot as StoredSnapshot
from safepassage.casework.assessments.service import knowledge_base
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.access import case_for
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.records import CaseRecord, ConsentRecord, EventRecord
from safepassage.casework.cases.service import CaseErased, OpenCase
from safepassage.casework.vault.keystore import CaseKeyMissing, case_key
from safepassage.profile.reader import profile_from_data
from safepassage.report.dossier import (
    CaseFile,
    Consent,
    DossierRequest,
    Event,
    Snapshot,
    render_dossier,
)


def case_file(opened: OpenCase) -> CaseFile:
    case = opened.case
    events = [record for _row, record in opened.rows(list(case.events.all()), EventRecord)]
    consents = [record for _row, record in opened.rows(list(case.consents.all()), ConsentRecord)]
    snapshots = [
        Snapshot(created=s.created, report=s.open_report(opened.key))
        for s in StoredSnapshot.objects.filter(case=case).order_by("created")
    ]
    return CaseFile(
        profile=profile_from_data({**opened.record.profile, "id": "case"}, quote_input=False),
        name=opened.record.name,
        place=opened.record.place,
        summary=opened.record.summary,
        events=tuple(Event(e.date, e.kind, e.place, e.description) for e in events),
        consents=tuple(Consent(c.given_on, c.may_share_with, c.withdrawn_on) for c in consents),
        snapshots=tuple(snapshots),
        from_case=True,
    )


def _open(case: Case) -> OpenCase:
    try:
        key = case_key(case.pk)
    except CaseKeyMissing:
        raise CaseErased(str(case.pk)) from None
    return OpenCase(case, key, case.open_record(key, CaseRecord))


def export_dossier(user: User, case_id: uuid.UUID | str, request: DossierRequest) -> bytes:
    """The dossier of a case this user may see (404 otherwise, as for any case page), as PDF
    bytes. The audit entry names the kind only: which country a dossier is about can tell
    where the person is or may go."""
    case = case_for(user, case_id)
    audit(user.username, "dossier.export", case.pk, detail=request.kind)
    return render_dossier(knowledge_base(), request, case_file(_open(case)))


def export_dossier_from_cli(case_id: uuid.UUID, request: DossierRequest, today: dt.date | None = None) -> bytes:
    """The command line runs where the master key is, like `backup create`: it may read any
    case, and says so in the audit log (actor `cli`) before anything is decrypted."""
    case = Case.objects.get(pk=case_id)
    audit("cli", "dossier.export", case.pk, detail=request.kind)
    return render_dossier(knowledge_base(), request, case_file(_open(case)), today)
