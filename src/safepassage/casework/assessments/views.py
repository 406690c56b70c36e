"""Assess now (one country or all), see a snapshot with its map and reasons, and what changed."""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.assessments.forms import AssessForm
from safepassage.casework.assessments.labels import RATING_LABELS, wording
from safepassage.casework.assessments.models import Snapshot
from safepassage.casework.assessments.service import compare, localise, run_assessment
from safepassage.casework.cases.service import open_case, today
from safepassage.casework.cases.views import current_user, handles_erased
from safepassage.profile.reader import ProfileError
from safepassage.report.world_map import map_style, world_svg


@require_POST
@verified_login_required
@handles_erased
def assess(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = AssessForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("cases:detail", case_id=case_id)
    country = form.cleaned_data["country"]
    try:
        snapshot = run_assessment(user, opened, [country] if country else None, form.cleaned_data["as_of"] or today())
    except ProfileError as error:
        messages.error(request, _("Correct the profile first (Edit): %(problem)s") % {"problem": str(error).removeprefix("profile: ")})
        return redirect("cases:detail", case_id=case_id)
    return redirect("assessments:detail", case_id=case_id, snapshot_id=snapshot.pk)


@verified_login_required
@handles_erased
def snapshot_detail(request: HttpRequest, case_id: uuid.UUID, snapshot_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="assessment.read")
    try:
        snapshot = Snapshot.objects.get(case=opened.case, pk=snapshot_id)
    except Snapshot.DoesNotExist:
        raise Http404 from None
    summary = snapshot.open_summary(opened.key)
    earlier = Snapshot.objects.filter(case=opened.case, created__lt=snapshot.created).order_by("-created").first()
    earlier_summary = earlier.open_summary(opened.key) if earlier else None
    report = localise(snapshot.open_report(opened.key), translation.get_language() or "en")
    return render(
        request,
        "assessments/snapshot.html",
        {
            "case": opened.case,
            "record": opened.record,
            "snapshot": snapshot,
            "summary": summary,
            # as people say it, in the reader's language (report.messages)
            "as_of_said": wording().date(dt.date.fromisoformat(summary.as_of)),
            "report": report,
            "map_svg": world_svg(),
            "map_css": map_style(summary.ratings),
            "legend": list(RATING_LABELS.items()),
            "changes": compare(earlier_summary, summary),
            "earlier": earlier,
            "names": {a["country"]: a["name"] for a in report["assessments"]},
        },
    )
