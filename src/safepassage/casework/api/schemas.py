"""API input and output shapes (pydantic), also the source of the OpenAPI document."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from safepassage.casework.cases.records import CaseRecord, EventRecord
from safepassage.kb.base import load_base_layer


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CaseIn(Input):
    team: uuid.UUID
    record: CaseRecord


class SearchIn(Input):
    q: str = Field(min_length=1, max_length=200)


class AssessIn(Input):
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    as_of: dt.date | None = None

    @field_validator("country")
    @classmethod
    def _known(cls, code: str | None) -> str | None:
        # two capitals is not enough: "XX" would be assessed as a country and stored
        if code is not None and code not in load_base_layer():
            raise ValueError("not an ISO 3166-1 alpha-2 country code")
        return code


class CaseSummary(BaseModel):
    """A line of a case list. No name: reading names is reading cases, one audited GET each,
    as on the web pages (a bulk name dump would leave no per-case trace)."""

    id: uuid.UUID
    team: str
    status: str
    updated: dt.datetime


class EventOut(BaseModel):
    id: uuid.UUID
    created: dt.datetime
    event: EventRecord


class CaseOut(CaseSummary):
    name: str
    record: CaseRecord
    events: list[EventOut]
    snapshots: list[uuid.UUID]


class SnapshotOut(BaseModel):
    id: uuid.UUID
    created: dt.datetime
    report: dict[str, Any]


class Created(BaseModel):
    id: uuid.UUID


class Error(BaseModel):
    error: str
