"""Who the person is, who pursues them, what they hold.

`documents` omitted means *unknown*, not "none": an assessment must then say it cannot judge
onward travel, rather than assume the person is stuck.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from safepassage.kb.base import load_base_layer

Tristate = Literal[True, False, "unknown"]
ThreatActor = Literal["family", "state", "non_state"]
_DOCUMENT = re.compile(
    r"^(internal_id|passport|refugee_travel_document|visa:[A-Za-z]{2,}|residence:[A-Z]{2})$"
)


def _country(code: str, field: str) -> str:
    if code not in load_base_layer():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


class Origin(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    country: str
    region: Annotated[str | None, Field(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")] = None

    @field_validator("country")
    @classmethod
    def _known(cls, code: str) -> str:
        return _country(code, "country")


class Threat(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    actor: ThreatActor
    state: str | None = None

    @field_validator("state")
    @classmethod
    def _known(cls, code: str | None) -> str | None:
        return None if code is None else _country(code, "state")


class Wanted(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    criminal_case: Tristate = "unknown"
    search_request: Tristate = "unknown"
    interpol: Tristate = "unknown"


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    country: str
    region: Annotated[str | None, Field(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")] = None  # ISO 3166-2

    @field_validator("country")
    @classmethod
    def _known(cls, code: str) -> str:
        return _country(code, "country")

    @field_validator("region")
    @classmethod
    def _in_country(cls, region: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")
        if region is not None and country is not None and not region.startswith(f"{country}-"):
            raise ValueError(f"{region!r} is not a region of the location's country (ISO 3166-2 codes start with it)")
        return region


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(min_length=1, max_length=100)]
    citizenship: Annotated[tuple[str, ...], Field(min_length=1)]
    origin: Origin
    community: tuple[Annotated[str, Field(pattern=r"^[a-z][a-z_-]*$")], ...] = ()
    gender: Literal["female", "male", "other", "unknown"] = "unknown"
    threats: Annotated[tuple[Threat, ...], Field(min_length=1)]
    wanted: Wanted = Wanted()
    documents: tuple[str, ...] | None = None
    location: Location | None = None

    @field_validator("citizenship")
    @classmethod
    def _known_citizenship(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_country(code, "citizenship") for code in codes)

    @field_validator("documents")
    @classmethod
    def _document_names(cls, documents: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for document in documents or ():
            if not _DOCUMENT.match(document):
                raise ValueError(
                    f"{document!r} is not a document kind (internal_id, passport, visa:<zone>, "
                    "residence:<CC>, refugee_travel_document)"
                )
        return documents

    @property
    def pursuing_states(self) -> frozenset[str]:
        """States whose institutions the pursuers can use (the origin when none is named)."""
        return frozenset(t.state or self.origin.country for t in self.threats)

    @property
    def threat_actors(self) -> frozenset[str]:
        return frozenset(t.actor for t in self.threats)

    @property
    def documents_known(self) -> bool:
        return self.documents is not None

    def holds(self, document: str) -> bool:
        return document in (self.documents or ())

    @property
    def has_travel_document(self) -> bool:
        """An international travel document: a passport or a refugee travel document."""
        return self.holds("passport") or self.holds("refugee_travel_document")
