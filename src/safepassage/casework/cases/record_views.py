"""Adding to a case file: events, notes, attachments, consent, safety plan, referrals."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from pydantic import BaseModel

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.accounts.models import User
from safepassage.casework.cases.forms import (
    AttachmentForm,
    ConsentForm,
    EventForm,
    NoteForm,
    ReferralForm,
    ReferralStatusForm,
    SafetyPlanForm,
)
from safepassage.casework.cases.records import (
    ConsentRecord,
    EventRecord,
    NoteRecord,
    ReferralRecord,
    SafetyPlanRecord,
)
from safepassage.casework.cases.service import (
    OpenCase,
    add_attachment,
    add_record,
    check_in,
    open_case,
    read_attachment,
    save_safety_plan,
    update_referral,
)
from safepassage.casework.cases.views import current_user, handles_erased
from safepassage.casework.security.downloads import content_disposition


def _saved(request: HttpRequest, case_id: uuid.UUID, anchor: str) -> HttpResponse:
    """Back to the section just changed, with its confirmation shown there."""
    messages.success(request, _("Saved."), extra_tags=anchor)
    return _back(case_id, anchor)


def _back(case_id: uuid.UUID, anchor: str) -> HttpResponse:
    response = redirect("cases:detail", case_id=case_id)
    response["Location"] += f"#{anchor}"
    return response


def _invalid(request: HttpRequest, case_id: uuid.UUID, anchor: str) -> HttpResponse:
    messages.error(request, _("Not saved: please check the form."), extra_tags=anchor)
    return _back(case_id, anchor)


def _adding_view(
    form_class: type[forms.Form],
    record_class: type[BaseModel],
    anchor: str,
    save: Callable[[User, OpenCase, Any], object] = add_record,
) -> Callable[[HttpRequest, uuid.UUID], HttpResponse]:
    """A view that validates one form, stores it as a sealed record of the case, and returns to
    the case page at the right section. Access, key and audit are the service layer's."""

    @require_POST
    @verified_login_required
    @handles_erased
    def view(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
        user = current_user(request)
        opened = open_case(user, case_id, action="case.open_for_update")
        form = form_class(request.POST)
        if not form.is_valid():
            return _invalid(request, case_id, anchor)
        save(user, opened, record_class(**form.cleaned_data))
        return _saved(request, case_id, anchor)

    return view


event_new = _adding_view(EventForm, EventRecord, "timeline")
note_new = _adding_view(NoteForm, NoteRecord, "notes")
consent_new = _adding_view(ConsentForm, ConsentRecord, "consent")
referral_new = _adding_view(ReferralForm, ReferralRecord, "referrals")


@require_POST
@verified_login_required
@handles_erased
def safety_plan_save(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = SafetyPlanForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "safety-plan")
    data = dict(form.cleaned_data)
    next_check_in = data.pop("next_check_in")
    save_safety_plan(user, opened, SafetyPlanRecord(**data), next_check_in)
    return _saved(request, case_id, "safety-plan")


@require_POST
@verified_login_required
@handles_erased
def checked_in(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    """The person checked in as agreed: noted on the timeline, the next check-in moves on."""
    user = current_user(request)
    check_in(user, open_case(user, case_id, action="case.open_for_update"))
    return _saved(request, case_id, "safety-plan")


@require_POST
@verified_login_required
@handles_erased
def attachment_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _invalid(request, case_id, "attachments")
    upload = form.cleaned_data["file"]
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        messages.error(request, _("The file is larger than 10 MB."), extra_tags="attachments")
        return _back(case_id, "attachments")
    # Read into memory and seal at once: the plaintext never lands in a temporary file.
    add_attachment(user, opened, upload.name or "file", upload.content_type or "application/octet-stream", upload.read())
    return _saved(request, case_id, "attachments")


@verified_login_required
@handles_erased
def attachment_download(request: HttpRequest, case_id: uuid.UUID, attachment_id: uuid.UUID) -> HttpResponse:
    meta, data = read_attachment(current_user(request), case_id, attachment_id)
    # Always a download, never rendered inline (an uploaded HTML file must not run on our
    # origin), and never under a name a desktop would run (security/downloads.py).
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition(meta.filename)
    return response


@require_POST
@verified_login_required
@handles_erased
def referral_status(request: HttpRequest, case_id: uuid.UUID, referral_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = ReferralStatusForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "referrals")
    update_referral(user, opened, referral_id, form.cleaned_data["status"])
    return _saved(request, case_id, "referrals")
