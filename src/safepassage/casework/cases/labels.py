"""Translated labels for every stored code the case pages show: one registry for the forms, the
pages and the filters, so a code never reaches a Russian page as English."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

CASE_STATUS = {"open": pgettext_lazy("case", "open"), "closed": pgettext_lazy("case", "closed")}
TRISTATE = {"unknown": _("unknown"), "yes": _("yes"), "no": _("no")}
TRISTATE_VALUES = {"yes": True, "no": False, "unknown": "unknown"}
TRISTATE_CODES = {True: "yes", False: "no", "unknown": "unknown"}
THREATS = {"family": _("family / clan"), "state": _("the state"), "non_state": _("other non-state group")}
GENDERS = {"female": _("female"), "male": _("male"), "other": _("other"), "unknown": _("unknown")}
PROMINENCE = {
    "": _("not stated"),
    "none": _("not known publicly"),
    "activist": _("activist"),
    "public_figure": _("public figure (journalist, blogger, opposition)"),
    "relative_of_official": _("relative of a ruler or an official"),
}
DOCUMENT_ANSWERS = {"unknown": _("not known"), "holds": _("holds it"), "does_not_hold": _("does not hold it")}
PASSPORT_ANSWERS = {
    "unknown": _("not known"),
    "none": _("has no international passport"),
    "valid": _("holds a valid one"),
    "expired": _("holds an expired one"),
    "cancelled": _("cancelled by the issuing state"),
    "held_by_family": _("kept by relatives or a guardian"),
}
DOCUMENTS = {
    "passport": _("international passport"),
    "internal_id": _("internal ID (Russian internal passport or similar)"),
    "refugee_travel_document": _("refugee travel document"),
}
EVENTS = {
    "detained": _("detained"),
    "released": _("released"),
    "moved": _("moved"),
    "sheltered": _("sheltered"),
    "contacted": _("contacted"),
    "crossed_border": _("crossed a border"),
    "applied_for_asylum": _("applied for asylum"),
    "threatened": _("threatened"),
    "located_by_pursuers": _("located by pursuers"),
    "documents_taken": _("documents taken"),
    "documents_obtained": _("documents obtained"),
    "checked_in": _("checked in as agreed"),
    "other": _("other"),
}
REFERRALS = {
    "shelter": _("shelter"),
    "lawyer": _("lawyer"),
    "unhcr": _("UNHCR"),
    "embassy": _("embassy"),
    "medical": _("medical"),
    "psychosocial": _("psychosocial support"),
    "other": _("other"),
}
REFERRAL_STATUS = {
    "proposed": _("proposed"),
    "made": _("made"),
    "accepted": _("accepted"),
    "declined": _("declined"),
    "completed": _("completed"),
}
