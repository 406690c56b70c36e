"""The JSON API: the same operations as the pages, through the same service layer (so the same
access checks and audit entries), for scripts and a future mobile client."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TypeVar

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_http_methods
from pydantic import BaseModel, ValidationError

from safepassage.casework.accounts.models import User
from safepassage.casework.api.auth import api_view
from safepassage.casework.api.errors import BadJson, error
from safepassage.casework.api.openapi import openapi_document
from safepassage.casework.api.schemas import (
    AssessIn,
    CaseIn,
    CaseOut,
    CaseSummary,
    Created,
    EventOut,
    SearchIn,
    SnapshotOut,
)
from safepassage.casework.assessments.models import Snapshot
from safepassage.casework.assessments.service import run_assessment
from safepassage.casework.audit.chain import record as audit
from safepassage.casework.cases.access import may_erase, teams_for_new_case, visible_cases
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.records import EventRecord
from safepassage.casework.cases.service import (
    add_record,
    create_case,
    erase_case,
    open_case,
    search_cases,
    timeline,
    today,
)
from safepassage.profile.reader import ProfileError

M = TypeVar("M", bound=BaseModel)


def _parse(request: HttpRequest, schema: type[M]) -> M:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, RecursionError):  # not JSON, not UTF-8, a 5,000-digit number, "[[[[..."
        raise BadJson("the body is not valid JSON") from None
    try:
        return schema.model_validate(data)
    except RecursionError:
        raise BadJson("the body is nested too deeply") from None
    except ValidationError as problem:
        first = problem.errors()[0]
        location, message = list(first["loc"]), str(first["msg"])
        if first["type"] == "extra_forbidden":  # the unknown key is submitted text: not echoed
            location, message = location[:-1], "a field this endpoint does not take"
        where = ".".join(str(part) for part in location) or "body"
        # The message names the field and the rule, never echoes the submitted value.
        raise BadJson(" ".join(f"{where}: {message}".split())) from None


def _json(model: BaseModel, status: int = 200) -> HttpResponse:
    return HttpResponse(model.model_dump_json(), content_type="application/json", status=status)


def _summary(case: Case) -> CaseSummary:
    return CaseSummary(id=case.pk, team=case.team.name, status=case.status, updated=case.updated)


def _listing(rows: list[Case]) -> JsonResponse:
    return JsonResponse({"cases": [json.loads(_summary(c).model_dump_json()) for c in rows]})


@api_view
@require_http_methods(["GET", "POST"])
def cases(request: HttpRequest, user: User) -> HttpResponse:
    if request.method == "GET":
        audit(user.username, "case.list", detail="api")
        return _listing(list(visible_cases(user).select_related("team")))
    payload = _parse(request, CaseIn)
    team = teams_for_new_case(user).filter(pk=payload.team).first()
    if team is None:
        return error(404, "no such team")
    case = create_case(user, team, payload.record)
    return _json(Created(id=case.pk), 201)


@api_view
@require_http_methods(["POST"])
def search(request: HttpRequest, user: User) -> HttpResponse:
    payload = _parse(request, SearchIn)
    return _listing(search_cases(user, payload.q))


@api_view
@require_http_methods(["GET", "DELETE"])
def case(request: HttpRequest, user: User, case_id: uuid.UUID) -> HttpResponse:
    if request.method == "DELETE":
        if not may_erase(user):
            raise Http404
        erase_case(user, case_id)
        return HttpResponse(status=204)
    opened = open_case(user, case_id)
    c = opened.case
    return _json(
        CaseOut(
            id=c.pk,
            team=c.team.name,
            status=c.status,
            updated=c.updated,
            name=opened.record.name,
            record=opened.record,
            events=[EventOut(id=row.pk, created=row.created, event=event) for row, event in timeline(opened)],
            snapshots=list(Snapshot.objects.filter(case=c).order_by("-created").values_list("pk", flat=True)),
        )
    )


@api_view
@require_http_methods(["POST"])
def events(request: HttpRequest, user: User, case_id: uuid.UUID) -> HttpResponse:
    opened = open_case(user, case_id, action="case.open_for_update")
    payload = _parse(request, EventRecord)
    row = add_record(user, opened, payload)
    return _json(Created(id=row.pk), 201)


@api_view
@require_http_methods(["POST"])
def assessments(request: HttpRequest, user: User, case_id: uuid.UUID) -> HttpResponse:
    opened = open_case(user, case_id, action="case.open_for_update")
    payload = _parse(request, AssessIn)
    if payload.as_of and payload.as_of > dt.date.today():
        return error(400, "as_of: the date is in the future")
    try:
        snapshot = run_assessment(user, opened, [payload.country] if payload.country else None, payload.as_of or today())
    except ProfileError as problem:  # stored before a stricter rule: the case needs a fix first
        return error(409, f"record.{problem}")
    return _json(SnapshotOut(id=snapshot.pk, created=snapshot.created, report=snapshot.open_report(opened.key)), 201)


@api_view
@require_GET
def assessment(request: HttpRequest, user: User, case_id: uuid.UUID, snapshot_id: uuid.UUID) -> HttpResponse:
    opened = open_case(user, case_id, action="assessment.read")
    snapshot = Snapshot.objects.filter(case=opened.case, pk=snapshot_id).first()
    if snapshot is None:
        raise Http404
    return _json(SnapshotOut(id=snapshot.pk, created=snapshot.created, report=snapshot.open_report(opened.key)))


@require_GET
def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse(openapi_document())
