"""Case list, search, create, read, edit and erase. Plain function views."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.accounts.models import User
from safepassage.casework.assessments.models import Snapshot
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.access import case_for, may_erase, teams_for_new_case
from safepassage.casework.cases.case_form import CaseForm
from safepassage.casework.cases.filters import dashboard, filter_form, filtered_cases
from safepassage.casework.cases.forms import (
    AttachmentForm,
    ConsentForm,
    EventForm,
    NoteForm,
    ReferralForm,
    SafetyPlanForm,
)
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.records import (
    REFERRAL_STATUSES,
    AttachmentRecord,
    ConsentRecord,
    NoteRecord,
    ReferralRecord,
    SafetyPlanRecord,
)
from safepassage.casework.cases.service import (
    CaseErased,
    create_case,
    erase_case,
    open_case,
    timeline,
    update_case,
)
from safepassage.casework.dossiers.forms import DossierForm
from safepassage.casework.monitoring.case_page import case_monitoring

WORST_FIRST = {"unsafe": 0, "elevated": 1, "moderate": 2, "lower": 3, "unknown": 4}
SNAPSHOTS_SHOWN = 10  # the latest; each one listed costs a decryption
EVENTS_SHOWN = 30  # the latest events on the case page; "all" shows every one


def current_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def handles_erased(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A case whose key was destroyed (e.g. seen in a restored backup) is shown as erased."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except CaseErased:
            return render(request, "cases/erased.html", status=410)

    return wrapper


@verified_login_required
def case_list(request: HttpRequest) -> HttpResponse:
    """The case list with its filters, and the dashboard above it. A name or a location is only
    ever taken from a POST (cases/filters.py says why)."""
    user = current_user(request)
    form = filter_form(request, user)
    cases: list[Case] = []
    if form.is_bound and form.is_valid():
        cases = list(filtered_cases(user, form.cleaned_data))
        if form.private:
            asked = [k for k in ("q", "location") if form.cleaned_data.get(k)]
            audit(user.username, "case.search", detail=", ".join("name" if k == "q" else k for k in asked))
    elif not form.is_bound:
        cases = list(filtered_cases(user, {}))
    return render(
        request,
        "cases/list.html",
        {
            "cases": cases,
            "filters": form,
            "filtered": form.is_bound,
            "dashboard": dashboard(user),
            "now": timezone.now(),
            "may_create": teams_for_new_case(user).exists(),
        },
    )


def _team_choices(user: User) -> list[tuple[str, str]]:
    return [(str(t.pk), t.name) for t in teams_for_new_case(user)]


def _confirm_or_edit(request: HttpRequest, form: CaseForm, context: dict[str, Any]) -> HttpResponse | None:
    """The case form's two steps: a valid form is first shown back in full ("Save" or
    "Change"); only a POST from that page (`confirmed`) saves. Returns None to save."""
    if request.method == "POST" and form.is_valid():
        if request.POST.get("confirmed") == "1":
            return None
        if request.POST.get("change") != "1":
            return render(request, "cases/confirm.html", {"form": form, "rows": form.summary_rows(), **context})
    return render(request, "cases/form.html", {"form": form, **context})


@verified_login_required
def case_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    teams = _team_choices(user)
    if not teams:
        raise Http404
    form = CaseForm(request.POST or None, teams=teams, initial={"gender": "female", "threats": ["family"]})
    shown = _confirm_or_edit(request, form, {"new": True})
    if shown is not None:
        return shown
    team = teams_for_new_case(user).get(pk=form.cleaned_data["team"])
    case = create_case(user, team, form.record)
    messages.success(request, _("Saved."))
    return redirect("cases:detail", case_id=case.pk)


@verified_login_required
@handles_erased
def case_detail(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id)
    case = opened.case
    plan = getattr(case, "safety_plan", None)
    plan_record = plan.open_record(opened.key, SafetyPlanRecord) if plan else None
    # the list needs each snapshot's small summary, never its report (an all-country one is large)
    snapshots = list(Snapshot.objects.filter(case=case).defer("sealed").order_by("-created")[:SNAPSHOTS_SHOWN])
    plan_initial = {**(plan_record.model_dump() if plan_record else {}), "next_check_in": case.next_check_in}
    events = timeline(opened)
    every_event = request.GET.get("events") == "all"
    context = {
        "case": case,
        "record": opened.record,
        "profile": opened.record.profile,
        "events": events if every_event else events[:EVENTS_SHOWN],
        "events_hidden": 0 if every_event else max(0, len(events) - EVENTS_SHOWN),
        "notes": opened.rows(list(case.notes.order_by("-created")), NoteRecord),
        # listing an attachment needs its name and size, not its (up to 10 MB) content
        "attachments": opened.rows(list(case.attachments.defer("content").order_by("-created")), AttachmentRecord),
        "consents": opened.rows(list(case.consents.order_by("-created")), ConsentRecord),
        "plan": plan_record,
        "referrals": opened.rows(list(case.referrals.order_by("-created")), ReferralRecord),
        "snapshots": [(s, s.open_summary(opened.key)) for s in snapshots],
        "event_form": EventForm(),
        "note_form": NoteForm(),
        "attachment_form": AttachmentForm(),
        "consent_form": ConsentForm(),
        "plan_form": SafetyPlanForm(initial=plan_initial, auto_id="plan-%s"),
        "referral_form": ReferralForm(),
        "now": timezone.now(),
        "dossier_form": DossierForm(initial={"language": translation.get_language() or "en"}),
        "may_erase": may_erase(user),
        "statuses": REFERRAL_STATUSES,
        **case_monitoring(opened),
    }
    return render(request, "cases/detail.html", context)


@verified_login_required
@handles_erased
def case_summary(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """A printable summary of the case (print CSS: no header, forms or buttons)."""
    user = current_user(request)
    opened = open_case(user, case_id, action="case.summary")
    case = opened.case
    plan = getattr(case, "safety_plan", None)
    latest = Snapshot.objects.filter(case=case).defer("sealed").order_by("-created").first()
    summary = latest.open_summary(opened.key) if latest else None
    return render(request, "cases/summary.html", {
        "case": case,
        "record": opened.record,
        "profile": opened.record.profile,
        "events": timeline(opened),
        "plan": plan.open_record(opened.key, SafetyPlanRecord) if plan else None,
        "referrals": opened.rows(list(case.referrals.order_by("-created")), ReferralRecord),
        "consents": opened.rows(list(case.consents.order_by("-created")), ConsentRecord),
        "latest": latest,
        "latest_summary": summary,
        "ratings": sorted(summary.ratings.items(), key=lambda pair: WORST_FIRST.get(pair[1], 9)) if summary else [],
        "printed": timezone.now(),
    })


@verified_login_required
@handles_erased
def case_edit(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.read" if request.method == "GET" else "case.open_for_update")
    teams = [(str(opened.case.team_id), opened.case.team.name)]
    initial = CaseForm.initial_from(opened.record, str(opened.case.team_id), opened.case.status)
    form = CaseForm(request.POST or None, teams=teams, initial=initial)
    shown = _confirm_or_edit(request, form, {"new": False, "case": opened.case})
    if shown is not None:
        return shown
    update_case(user, opened, form.record, status=form.cleaned_data["status"])
    messages.success(request, _("Saved."))
    return redirect("cases:detail", case_id=opened.case.pk)


@verified_login_required
def case_erase(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """Emergency erase: a coordinator destroys the case's key, then its rows."""
    user = current_user(request)
    if not may_erase(user):
        raise Http404
    if request.method == "POST" and request.POST.get("confirm") == "erase":
        erase_case(user, case_id)
        messages.success(request, _("The case was erased. Its data cannot be recovered, also not from backups."))
        return redirect("cases:list")
    return render(request, "cases/erase.html", {"case": case_for(user, case_id)})
