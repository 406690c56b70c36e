"""What is sealed inside each row: pydantic schemas, shared by the web forms and the JSON API.

Everything a case holds about the person is here, encrypted with the case's key. Only what
access control and ordering need stays in clear columns (ids, team, status, timestamps).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from safepassage.profile.reader import ProfileError, profile_from_data

Text = Annotated[str, Field(max_length=5000)]
Line = Annotated[str, Field(max_length=300)]

EVENT_KINDS = (
    "detained", "released", "moved", "sheltered", "contacted", "crossed_border",
    "applied_for_asylum", "threatened", "located_by_pursuers", "documents_taken",
    "documents_obtained", "checked_in", "other",
)  # fmt: skip
EventKind = Literal[
    "detained", "released", "moved", "sheltered", "contacted", "crossed_border",
    "applied_for_asylum", "threatened", "located_by_pursuers", "documents_taken",
    "documents_obtained", "checked_in", "other",
]  # fmt: skip
REFERRAL_KINDS = ("shelter", "lawyer", "unhcr", "embassy", "medical", "psychosocial", "other")
ReferralKind = Literal["shelter", "lawyer", "unhcr", "embassy", "medical", "psychosocial", "other"]
REFERRAL_STATUSES = ("proposed", "made", "accepted", "declined", "completed")
ReferralStatus = Literal["proposed", "made", "accepted", "declined", "completed"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


DocumentAnswer = Literal["unknown", "holds", "does_not_hold"]
PassportAnswer = Literal["unknown", "none", "valid", "expired", "cancelled", "held_by_family"]


class DocumentAnswers(Record):
    """What the caseworker answered for each document, "not known" included: the profile's
    `documents` list cannot say "the passport is valid, the internal ID not known", so the
    answers are kept as given and the profile's list is derived from them (cases/case_form.py)."""

    internal_id: DocumentAnswer = "unknown"
    passport: PassportAnswer = "unknown"
    refugee_travel_document: DocumentAnswer = "unknown"
    visas: list[Annotated[str, Field(pattern=r"^([A-Z]{2}|schengen)$")]] = []
    residence: list[Annotated[str, Field(pattern=r"^[A-Z]{2}$")]] = []


class CaseRecord(Record):
    name: Annotated[str, Field(min_length=1, max_length=200)]
    profile: dict[str, Any]  # DESIGN.md §5, validated by the engine's own reader, stored as it parsed it
    documents: DocumentAnswers | None = None  # the form's answers; None before the form had them
    place: Line = ""  # where the person is tonight, in words (the profile holds country/region)
    summary: Text = ""

    @field_validator("profile")
    @classmethod
    def _valid_profile(cls, data: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        """What is kept is the profile as the engine read it, never the submitted JSON: a
        wrapper or extra keys around a valid profile (the reader accepts a reference case's
        {"profile": ...}) would otherwise be stored and come back to every later reader.
        A record read back from storage (context "stored") that a newer, stricter rule refuses
        stays readable as it was; assessing it asks for the fix (assessments/service.py)."""
        try:
            profile = profile_from_data(data, quote_input=False)
        except ProfileError as error:
            if (info.context or {}).get("stored"):
                return data
            raise ValueError(str(error)) from None
        return profile.model_dump(mode="json", exclude_none=True)


class EventRecord(Record):
    kind: EventKind
    date: dt.date
    place: Line = ""
    description: Text = ""


class NoteRecord(Record):
    text: Annotated[str, Field(min_length=1, max_length=20000)]


class AttachmentRecord(Record):
    filename: Line
    content_type: Line
    size: int


class ConsentRecord(Record):
    """What the person agreed to, as GBV case management asks: informed, specific, revocable."""

    may_store: bool
    may_share_with: Line = ""  # whom the case may be shared with (organisations, lawyers ...)
    limits: Text = ""  # what must not be stored or shared
    given_on: dt.date
    withdrawn_on: dt.date | None = None
    how: Line = ""  # how consent was obtained (in person, by phone, interpreter ...)


class SafetyPlanRecord(Record):
    check_in: Text = ""  # agreed check-in times and channel
    # hours between agreed check-ins; the next one's time is the case's clear `next_check_in`
    check_in_every_hours: Annotated[int, Field(ge=1, le=24 * 30)] | None = None
    code_words: Text = ""
    trusted_contacts: Text = ""
    if_detained: Text = ""


class ReferralRecord(Record):
    kind: ReferralKind
    to: Line
    status: ReferralStatus = "proposed"
    date: dt.date
    note: Text = ""
