"""The monitor on the case page (watch names, alerts) and the incident review queue."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.accounts.models import Role, User
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.service import open_case
from safepassage.casework.cases.views import current_user, handles_erased
from safepassage.casework.monitoring.alerts import review_alert
from safepassage.casework.monitoring.forms import IncidentReviewForm, WatchForm
from safepassage.casework.monitoring.models import IncidentCandidate
from safepassage.casework.monitoring.records import WatchRecord
from safepassage.casework.monitoring.watch import save_watch

INCIDENTS_SHOWN = 100


def _to_monitoring(case_id: uuid.UUID) -> HttpResponse:
    response = redirect("cases:detail", case_id=case_id)
    response["Location"] += "#monitoring"
    return response


@require_POST
@verified_login_required
@handles_erased
def watch_save(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = WatchForm(request.POST)
    if not form.is_valid() or not form.names_list():
        messages.error(request, _("Not saved: please check the form."))
        return _to_monitoring(case_id)
    save_watch(user, opened, WatchRecord(names=form.names_list(), min_score=form.cleaned_data["min_score"]), form.cleaned_data["enabled"])
    messages.success(request, _("Saved."))
    return _to_monitoring(case_id)


@require_POST
@verified_login_required
@handles_erased
def alert_review(request: HttpRequest, case_id: uuid.UUID, alert_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    review_alert(user, opened, alert_id)
    return _to_monitoring(case_id)


def _reviewer(request: HttpRequest) -> User:
    """Incident review is for coordinators and caseworkers; administrators manage accounts only."""
    user = current_user(request)
    if user.organisation_id is None or user.role not in (Role.COORDINATOR, Role.CASEWORKER):
        raise Http404
    return user


@verified_login_required
def incident_list(request: HttpRequest) -> HttpResponse:
    _reviewer(request)
    candidates = list(IncidentCandidate.objects.select_related("article")[:INCIDENTS_SHOWN])
    return render(request, "monitoring/incidents.html", {"candidates": candidates, "today": timezone.localdate()})


@require_POST
@verified_login_required
def incident_review(request: HttpRequest, candidate_id: int) -> HttpResponse:
    user = _reviewer(request)
    form = IncidentReviewForm(request.POST)
    candidate = IncidentCandidate.objects.filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404
    if not form.is_valid():
        messages.error(request, _("Not saved: please check the form."))
        return redirect("monitoring:incidents")
    candidate.status = form.cleaned_data["status"]
    candidate.note = form.cleaned_data["note"]
    candidate.reviewed_by, candidate.reviewed_at = user.username, timezone.now()
    candidate.save(update_fields=["status", "note", "reviewed_by", "reviewed_at"])
    audit(user.username, "incident.review", detail=f"{candidate.pk} {candidate.status}")
    return redirect("monitoring:incidents")
