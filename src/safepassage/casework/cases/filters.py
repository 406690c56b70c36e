"""The case list's filters and the coordinator's dashboard.

Which filter values may appear in a URL: status, team and rating say nothing about who or where
a person is, so they are plain GET parameters (a dashboard link, a bookmark). A name or a
location must never be in a URL (browser history, access logs, a proxy's log): those filters
are only read from a POST body, through the blind index, and a GET carrying them is ignored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from safepassage.casework.accounts.models import Team, User
from safepassage.casework.assessments.labels import RATING_LABELS
from safepassage.casework.cases import labels
from safepassage.casework.cases.access import visible_cases
from safepassage.casework.cases.case_form import UnlimitedInputs
from safepassage.casework.cases.country_field import CountryField
from safepassage.casework.cases.models import Case
from safepassage.casework.cases.service import find_cases
from safepassage.casework.vault.blind_index import name_words

NOT_ASSESSED = "none"
PUBLIC_FILTERS = ("status", "team", "rating", "due")  # the only ones ever read from a URL
SOON = dt.timedelta(hours=24)


class CaseFilterForm(UnlimitedInputs, forms.Form):
    q = forms.CharField(label=_("Name"), max_length=200, required=False)
    location = CountryField(label=_("Where the person is now"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", pgettext_lazy("cases", "all")), *labels.CASE_STATUS.items()],
    )
    team = forms.ChoiceField(label=_("Team"), required=False)
    rating = forms.ChoiceField(
        label=_("Rating where she is now"), required=False,
        choices=[],  # worded per request (__init__): the rating words are the report layer's
    )
    due = forms.ChoiceField(
        label=_("Check-ins"), required=False,
        choices=[("", pgettext_lazy("check-ins", "any")), ("overdue", _("overdue")), ("soon", _("due in the next 24 hours"))],
    )

    def __init__(self, *args: Any, teams: QuerySet[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", pgettext_lazy("teams", "all")), *((str(t.pk), t.name) for t in teams)]  # type: ignore[attr-defined]
        self.fields["rating"].choices = [  # type: ignore[attr-defined]
            ("", pgettext_lazy("ratings", "any")), *RATING_LABELS.items(), (NOT_ASSESSED, _("not assessed"))
        ]
        self._no_maxlength()

    @property
    def private(self) -> bool:
        """A name or a location was asked for (only ever from a POST)."""
        data = getattr(self, "cleaned_data", {})
        return bool(data.get("q") or data.get("location"))


def filter_form(request: Any, user: User) -> CaseFilterForm:
    teams = _teams(user)
    if request.method == "POST":
        return CaseFilterForm(request.POST, teams=teams)
    public = {k: v for k, v in request.GET.items() if k in PUBLIC_FILTERS}
    return CaseFilterForm(public or None, teams=teams)


def _teams(user: User) -> QuerySet[Team]:
    if user.organisation_id is None:
        return Team.objects.none()
    teams = Team.objects.filter(organisation_id=user.organisation_id).order_by("name")
    return teams if user.is_coordinator else teams.filter(members=user)


def filtered_cases(user: User, data: dict[str, Any]) -> QuerySet[Case]:
    cases = visible_cases(user).select_related("team")
    if data.get("status"):
        cases = cases.filter(status=data["status"])
    if data.get("team"):
        cases = cases.filter(team_id=data["team"])
    if data.get("rating") == NOT_ASSESSED:
        cases = cases.filter(location_rating="")
    elif data.get("rating"):
        cases = cases.filter(location_rating=data["rating"])
    now = timezone.now()
    if data.get("due") == "overdue":
        cases = cases.filter(next_check_in__lt=now)
    elif data.get("due") == "soon":
        cases = cases.filter(next_check_in__gte=now, next_check_in__lt=now + SOON)
    if data.get("q") or data.get("location"):
        # through the blind index, keyed per case: only the cases the other filters left
        if data.get("q") and not name_words(data["q"]):
            return cases.none()
        cases = cases.filter(pk__in=find_cases(cases, name=data.get("q") or "", location=data.get("location") or ""))
    return cases


@dataclass(frozen=True)
class Dashboard:
    open_cases: int
    overdue: int
    upcoming: list[Case]  # open cases whose next check-in is in the next 24 hours, soonest first


def dashboard(user: User) -> Dashboard:
    now = timezone.now()
    open_cases = visible_cases(user).filter(status=Case.Status.OPEN)
    return Dashboard(
        open_cases=open_cases.count(),
        overdue=open_cases.filter(next_check_in__lt=now).count(),
        upcoming=list(
            open_cases.filter(next_check_in__gte=now, next_check_in__lt=now + SOON)
            .select_related("team").order_by("next_check_in")[:10]
        ),
    )
