"""Translated labels for the stored codes (event kinds, referral kinds and statuses)."""

from __future__ import annotations

from django import template

from safepassage.casework.cases.forms import (
    DOCUMENTS,
    EVENT_LABELS,
    REFERRAL_LABELS,
    STATUS_LABELS,
    THREATS,
    TRISTATE,
    TRISTATE_CODES,
)

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


@register.filter
def tristate(value: object) -> str:
    """The profile's yes / no / unknown (stored as true, false, "unknown")."""
    return str(dict(TRISTATE)[TRISTATE_CODES.get(value, "unknown")])


@register.filter
def document_label(code: str) -> str:
    return str(dict(DOCUMENTS).get(code, code))


@register.filter
def threat_label(code: str) -> str:
    return str(dict(THREATS).get(code, code))
