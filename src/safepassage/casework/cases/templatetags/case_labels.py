"""Translated labels for the stored codes (event kinds, referral kinds and statuses)."""

from __future__ import annotations

from django import template

from safepassage.casework.cases.forms import EVENT_LABELS, REFERRAL_LABELS, STATUS_LABELS

register = template.Library()


@register.filter
def event_label(code: str) -> str:
    return str(EVENT_LABELS.get(code, code))


@register.filter
def referral_label(code: str) -> str:
    return str(REFERRAL_LABELS.get(code, code))


@register.filter
def status_label(code: str) -> str:
    return str(STATUS_LABELS.get(code, code))
