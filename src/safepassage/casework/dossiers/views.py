"""The dossier download of a case page."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.cases.views import current_user, handles_erased
from safepassage.casework.dossiers.forms import DossierForm
from safepassage.casework.dossiers.service import export_dossier
from safepassage.profile.reader import ProfileError
from safepassage.report.dossier import DossierError


def _back(case_id: uuid.UUID) -> HttpResponse:
    response = redirect("cases:detail", case_id=case_id)
    response["Location"] += "#dossier"
    return response


@require_POST
@verified_login_required
@handles_erased
def download(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    # A POST, so the choices (which country, which committee) never sit in a URL or a log.
    form = DossierForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("No dossier: please check the form."))
        return _back(case_id)
    dossier = form.dossier_request()
    try:
        pdf = export_dossier(current_user(request), case_id, dossier)
    except DossierError as error:
        # the message names an option, a country code and a date, never case content
        messages.error(request, str(error).split(": ", 1)[-1])
        return _back(case_id)
    except ProfileError as error:  # a profile stored before a stricter rule (cases/records.py)
        messages.error(request, _("Correct the profile first (Edit): %(problem)s") % {"problem": str(error).removeprefix("profile: ")})
        return _back(case_id)
    response = HttpResponse(pdf, content_type="application/pdf")
    # A download, and a name without the person's: file names end up in download histories.
    response["Content-Disposition"] = f'attachment; filename="dossier-{dossier.kind}-{dossier.as_of.isoformat()}.pdf"'
    return response
