"""Translated labels for the stored codes (cases/labels.py), country and community names in the
reader's language, and messages that belong to one section of a page."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from safepassage.casework.cases import labels
from safepassage.casework.cases.country_field import country_datalist, country_name, language
from safepassage.kb.names import community_name

register = template.Library()


@register.filter
def event_label(code: str) -> str:
    return str(labels.EVENTS.get(code, code))


@register.filter
def referral_label(code: str) -> str:
    return str(labels.REFERRALS.get(code, code))


@register.filter
def status_label(code: str) -> str:
    """A referral's status."""
    return str(labels.REFERRAL_STATUS.get(code, code))


@register.filter
def case_status(code: str) -> str:
    return str(labels.CASE_STATUS.get(code, code))


@register.filter
def tristate(value: object) -> str:
    """The profile's yes / no / unknown (stored as true, false, "unknown")."""
    return str(labels.TRISTATE[labels.TRISTATE_CODES.get(value, "unknown")])


@register.filter
def document_label(code: str) -> str:
    kind, _, status = code.partition(":")
    if kind == "passport" and status:
        return f"{labels.DOCUMENTS['passport']}: {labels.PASSPORT_ANSWERS.get(status, status)}"
    if kind in ("visa", "residence") and status:
        from django.utils.translation import gettext

        what = gettext("visa") if kind == "visa" else gettext("residence permit")
        where = gettext("Schengen area") if status == "schengen" else country_name(status.upper())
        return f"{what}: {where}"
    return str(labels.DOCUMENTS.get(code, code))


@register.filter
def threat_label(code: str) -> str:
    return str(labels.THREATS.get(code, code))


@register.filter
def gender_label(code: str) -> str:
    return str(labels.GENDERS.get(code, code))


@register.filter
def prominence_label(code: str | None) -> str:
    return str(labels.PROMINENCE.get(code or "", code))


@register.filter
def country(code: str | None) -> str:
    return country_name(code) if code else "—"


@register.filter
def countries(codes: Iterable[str] | None) -> str:
    return ", ".join(country_name(c) for c in codes or []) or "—"


@register.filter
def communities(codes: Iterable[str] | None) -> str:
    lang = language()
    return ", ".join(community_name(c, lang) for c in codes or []) or "—"


@register.simple_tag
def country_names() -> SafeString:
    """The page's one list of country names for every country input."""
    return country_datalist()


@register.inclusion_tag("cases/_section_messages.html", takes_context=True)
def section_messages(context: dict[str, Any], section: str) -> dict[str, Any]:
    """The confirmations ("Saved.") of one section, shown where the page returns to."""
    shown = [m for m in context.get("messages") or [] if section in (m.extra_tags or "").split()]
    return {"section_messages": shown}


@register.filter
def rating_label(code: str) -> str:
    from safepassage.casework.assessments.labels import RATING_LABELS

    return str(RATING_LABELS.get(code, code))


@register.filter
def region(code: str) -> str:
    from safepassage.casework.cases.case_form import region_name

    return region_name(code)


@functools.cache
def _blank_form(form_class: type[forms.Form], auto_id: str, lang: str) -> str:
    return render_to_string("cases/_fields.html", {"form": form_class(auto_id=auto_id)})


@register.simple_tag
def blank_form(form: forms.Form, auto_id: str) -> SafeString:
    """The fields of an empty form (new event, note, consent ...), rendered once per language
    and process: they are the same on every case page, and rendering them is a good part of it."""
    return mark_safe(_blank_form(type(form), auto_id, language()))
