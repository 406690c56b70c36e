"""Case list, search, create, read, edit and erase. Plain function views."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.accounts.models import User
from safepassage.casework.assessments.models import Snapshot
from safepassage.casework.cases.access import case_for, may_erase, teams_for_new_case, visible_cases
from safepassage.casework.cases.forms import (
    AttachmentForm,
    CaseForm,
    ConsentForm,
    EventForm,
    NoteForm,
    ReferralForm,
    SafetyPlanForm,
    SearchForm,
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
    search_cases,
    timeline,
    update_case,
)
from safepassage.casework.dossiers.forms import DossierForm
from safepassage.casework.monitoring.case_page import case_monitoring

SNAPSHOTS_SHOWN = 10  # the latest; each one listed costs a decryption


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
    user = current_user(request)
    # Search is a POST: a name in a URL would end up in access logs and browser history.
    search = SearchForm(request.POST or None)
    found: list[Case] | None = None
    if request.method == "POST" and search.is_valid():
        found = search_cases(user, search.cleaned_data["q"])
    cases = found if found is not None else list(visible_cases(user).select_related("team"))
    return render(
        request,
        "cases/list.html",
        {"cases": cases, "search": search, "searched": found is not None, "may_create": teams_for_new_case(user).exists()},
    )


def _team_choices(user: User) -> list[tuple[str, str]]:
    return [(str(t.pk), t.name) for t in teams_for_new_case(user)]


@verified_login_required
def case_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    teams = _team_choices(user)
    if not teams:
        raise Http404
    form = CaseForm(request.POST or None, teams=teams, initial={"gender": "female", "threats": ["family"]})
    if request.method == "POST" and form.is_valid():
        team = teams_for_new_case(user).get(pk=form.cleaned_data["team"])
        case = create_case(user, team, form.record)
        return redirect("cases:detail", case_id=case.pk)
    return render(request, "cases/form.html", {"form": form, "new": True})


@verified_login_required
@handles_erased
def case_detail(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id)
    case = opened.case
    plan = getattr(case, "safety_plan", None)
    snapshots = list(Snapshot.objects.filter(case=case).order_by("-created")[:SNAPSHOTS_SHOWN])
    context = {
        "case": case,
        "record": opened.record,
        "profile": opened.record.profile,
        "events": timeline(opened),
        "notes": opened.rows(list(case.notes.order_by("-created")), NoteRecord),
        "attachments": opened.rows(list(case.attachments.order_by("-created")), AttachmentRecord),
        "consents": opened.rows(list(case.consents.order_by("-created")), ConsentRecord),
        "plan": plan.open_record(opened.key, SafetyPlanRecord) if plan else None,
        "referrals": opened.rows(list(case.referrals.order_by("-created")), ReferralRecord),
        "snapshots": [(s, s.open_summary(opened.key)) for s in snapshots],
        "event_form": EventForm(initial={"date": None}),
        "note_form": NoteForm(),
        "attachment_form": AttachmentForm(),
        "consent_form": ConsentForm(),
        "plan_form": SafetyPlanForm(initial=plan.open_record(opened.key, SafetyPlanRecord).model_dump() if plan else None),
        "referral_form": ReferralForm(),
        "dossier_form": DossierForm(initial={"language": translation.get_language() or "en"}),
        "may_erase": may_erase(user),
        "statuses": REFERRAL_STATUSES,
        **case_monitoring(opened),
    }
    return render(request, "cases/detail.html", context)


@verified_login_required
@handles_erased
def case_edit(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.read" if request.method == "GET" else "case.open_for_update")
    teams = [(str(opened.case.team_id), opened.case.team.name)]
    initial = CaseForm.initial_from(opened.record, str(opened.case.team_id), opened.case.status)
    form = CaseForm(request.POST or None, teams=teams, initial=initial)
    if request.method == "POST" and form.is_valid():
        update_case(user, opened, form.record, status=form.cleaned_data["status"])
        messages.success(request, _("Saved."))
        return redirect("cases:detail", case_id=opened.case.pk)
    return render(request, "cases/form.html", {"form": form, "new": False, "case": opened.case})


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
