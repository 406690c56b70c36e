"""Assess now (one country or all), see a snapshot with its map and reasons, and what changed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.casework.accounts.decorators import verified_login_required
from safepassage.casework.assessments.forms import AssessForm
from safepassage.casework.assessments.labels import RATING_LABELS, wording
from safepassage.casework.assessments.models import Snapshot
from safepassage.casework.assessments.service import compare, localise, run_assessment
from safepassage.casework.cases.country_field import country_name
from safepassage.casework.cases.service import OpenCase, open_case, today
from safepassage.casework.cases.views import current_user, handles_erased
from safepassage.kb.base import load_base_layer
from safepassage.profile.reader import ProfileError
from safepassage.report.world_map import MAP_STYLE, legend_swatch, world_svg


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


FULL_REASONS = 10  # a snapshot of up to this many countries shows every reason on its page


def _opened_snapshot(request: HttpRequest, case_id: uuid.UUID, snapshot_id: uuid.UUID) -> tuple[OpenCase, Snapshot, dict[str, Any]]:
    opened = open_case(current_user(request), case_id, action="assessment.read")
    try:
        snapshot = Snapshot.objects.get(case=opened.case, pk=snapshot_id)
    except Snapshot.DoesNotExist:
        raise Http404 from None
    report = localise(snapshot.open_report(opened.key), translation.get_language() or "en")
    for rank, assessment in enumerate(report["assessments"], 1):
        assessment["rank"] = rank
    return opened, snapshot, report


@verified_login_required
@handles_erased
def snapshot_detail(request: HttpRequest, case_id: uuid.UUID, snapshot_id: uuid.UUID) -> HttpResponse:
    """The map and the ranking. With many countries each shows its rating and main reason and
    links to its own page of reasons, so the page of every country stays light on a phone.
    Anchors and links name a country by its rank, never its code: a URL in the browser's
    history must not say which countries were considered for her."""
    opened, snapshot, report = _opened_snapshot(request, case_id, snapshot_id)
    summary = snapshot.open_summary(opened.key)
    earlier = Snapshot.objects.filter(case=opened.case, created__lt=snapshot.created).defer("sealed").order_by("-created").first()
    earlier_summary = earlier.open_summary(opened.key) if earlier else None
    full = len(report["assessments"]) <= FULL_REASONS
    ranks = {a["country"]: a["rank"] for a in report["assessments"]}
    links = {
        code: f"#rank-{rank}" if full else reverse("assessments:country", args=[case_id, snapshot_id, rank])
        for code, rank in ranks.items()
    }
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
            "full": full,
            "map_svg": world_svg(
                summary.ratings,
                {code: country_name(code) for code in load_base_layer().countries},
                {rating: str(word) for rating, word in RATING_LABELS.items()},
                not_assessed=gettext("not assessed"),
                label=gettext("World map: each assessed country in its rating's colour and pattern"),
                links=links,
            ),
            "map_css": MAP_STYLE,
            "legend": [(legend_swatch(r), word) for r, word in RATING_LABELS.items()]
            + ([(legend_swatch(None), gettext("not assessed"))] if summary.scope else []),
            "changes": compare(earlier_summary, summary),
            "earlier": earlier,
        },
    )


@verified_login_required
@handles_erased
def snapshot_country(request: HttpRequest, case_id: uuid.UUID, snapshot_id: uuid.UUID, rank: int) -> HttpResponse:
    """One country's reasons in a snapshot, by its rank in the ranking."""
    opened, snapshot, report = _opened_snapshot(request, case_id, snapshot_id)
    if not 1 <= rank <= len(report["assessments"]):
        raise Http404
    return render(
        request,
        "assessments/country.html",
        {"case": opened.case, "record": opened.record, "snapshot": snapshot, "a": report["assessments"][rank - 1]},
    )
