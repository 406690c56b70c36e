"""Adding to a case file: events, notes, attachments, consent, safety plan, referrals."""

from __future__ import annotations

import uuid
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.casework.accounts.decorators import verified_login_required
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
    add_attachment,
    add_consent,
    add_event,
    add_note,
    add_referral,
    open_case,
    read_attachment,
    save_safety_plan,
    update_referral,
)
from safepassage.casework.cases.views import current_user, handles_erased


def _back(case_id: uuid.UUID, anchor: str) -> HttpResponse:
    response = redirect("cases:detail", case_id=case_id)
    response["Location"] += f"#{anchor}"
    return response


def _invalid(request: HttpRequest, case_id: uuid.UUID, anchor: str) -> HttpResponse:
    messages.error(request, _("Not saved: please check the form."))
    return _back(case_id, anchor)


@require_POST
@verified_login_required
@handles_erased
def event_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = EventForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "timeline")
    add_event(user, opened, EventRecord(**form.cleaned_data))
    return _back(case_id, "timeline")


@require_POST
@verified_login_required
@handles_erased
def note_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "notes")
    add_note(user, opened, NoteRecord(**form.cleaned_data))
    return _back(case_id, "notes")


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
        messages.error(request, _("The file is larger than 10 MB."))
        return _back(case_id, "attachments")
    # Read into memory and seal at once: the plaintext never lands in a temporary file.
    add_attachment(user, opened, upload.name or "file", upload.content_type or "application/octet-stream", upload.read())
    return _back(case_id, "attachments")


@verified_login_required
@handles_erased
def attachment_download(request: HttpRequest, case_id: uuid.UUID, attachment_id: uuid.UUID) -> HttpResponse:
    meta, data = read_attachment(current_user(request), case_id, attachment_id)
    response = HttpResponse(data, content_type="application/octet-stream")
    # Always a download, never rendered inline: an uploaded HTML file must not run on our origin.
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(meta.filename)}"
    return response


def _quote(filename: str) -> str:
    return quote(filename, safe="")


@require_POST
@verified_login_required
@handles_erased
def consent_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "consent")
    add_consent(user, opened, ConsentRecord(**form.cleaned_data))
    return _back(case_id, "consent")


@require_POST
@verified_login_required
@handles_erased
def safety_plan_save(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = SafetyPlanForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "safety-plan")
    save_safety_plan(user, opened, SafetyPlanRecord(**form.cleaned_data))
    return _back(case_id, "safety-plan")


@require_POST
@verified_login_required
@handles_erased
def referral_new(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    opened = open_case(user, case_id, action="case.open_for_update")
    form = ReferralForm(request.POST)
    if not form.is_valid():
        return _invalid(request, case_id, "referrals")
    add_referral(user, opened, ReferralRecord(**form.cleaned_data))
    return _back(case_id, "referrals")


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
    return _back(case_id, "referrals")
