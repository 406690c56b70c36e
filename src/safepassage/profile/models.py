"""Who the person is, who pursues them, what they hold.

`documents` omitted means *unknown*, not "none": an assessment must then say it cannot judge
onward travel, rather than assume the person is stuck. Fields added later (prominence,
previously_targeted, passport status, a threat's state_power) default to "not stated", so an
older profile file keeps exactly the meaning it had.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from safepassage.kb.base import load_base_layer

Tristate = Literal[True, False, "unknown"]
ThreatActor = Literal["family", "state", "non_state"]
# How widely known the person is: a state hunts prominent critics hardest, and a ruler's or an
# official's relative is pursued with the state's means.
Prominence = Literal["none", "activist", "public_figure", "relative_of_official"]
# A passport's state; plain `passport` in a document list means a valid one.
PassportStatus = Literal["valid", "expired", "cancelled", "held_by_family"]
PASSPORT_STATUSES: tuple[str, ...] = ("valid", "expired", "cancelled", "held_by_family")
_DOCUMENT = re.compile(
    r"^(internal_id|passport(:(valid|expired|cancelled|held_by_family))?|refugee_travel_document"
    r"|visa:[A-Za-z]{2,}|residence:[A-Z]{2})$"
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
    # The pursuer holds state power (a relative who is an official, a ruler's family): they can
    # use the state's police, courts and agents abroad, so the engine weighs a state threat too.
    state_power: bool = False

    @field_validator("state")
    @classmethod
    def _known(cls, code: str | None) -> str | None:
        return None if code is None else _country(code, "state")


class Wanted(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    criminal_case: Tristate = "unknown"
    search_request: Tristate = "unknown"
    interpol: Tristate = "unknown"


class PreviouslyTargeted(BaseModel):
    """What the pursuers have already tried against this person, as far as is known."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    attempts_on_life: Tristate = "unknown"
    abduction_attempts: Tristate = "unknown"
    threats_abroad: Tristate = "unknown"

    @property
    def any(self) -> bool:
        return True in (self.attempts_on_life, self.abduction_attempts, self.threats_abroad)

    @property
    def violently(self) -> bool:
        """An attempt on the person's life or liberty, not only threats."""
        return True in (self.attempts_on_life, self.abduction_attempts)


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
    prominence: Prominence | None = None  # None: not stated
    previously_targeted: PreviouslyTargeted = PreviouslyTargeted()
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
                    f"{document!r} is not a document kind (internal_id, passport, "
                    "passport:valid|expired|cancelled|held_by_family, visa:<zone>, "
                    "residence:<CC>, refugee_travel_document)"
                )
        if sum(d.split(":")[0] == "passport" for d in documents or ()) > 1:
            raise ValueError("give one passport entry with its status (passport:<status>)")
        return documents

    @cached_property
    def pursuing_states(self) -> frozenset[str]:
        """States whose institutions the pursuers can use (the origin when none is named)."""
        return frozenset(t.state or self.origin.country for t in self.threats)

    @cached_property
    def threat_actors(self) -> frozenset[str]:
        """Kinds of pursuer the engine weighs for: a pursuer with state power counts as a state
        threat as well as its own kind (a ruler's family can send agents abroad)."""
        actors = {t.actor for t in self.threats}
        if any(t.state_power for t in self.threats):
            actors.add("state")
        return frozenset(actors)

    @property
    def state_pursued(self) -> bool:
        """The person's own state (or someone wielding its power) pursues them."""
        return "state" in self.threat_actors

    @property
    def prominent(self) -> bool:
        return self.prominence in ("activist", "public_figure", "relative_of_official")

    @property
    def documents_known(self) -> bool:
        return self.documents is not None

    def holds(self, document: str) -> bool:
        """Whether the person holds this document and can use it (`passport`: a valid one)."""
        if document == "passport":
            return self.passport_status == "valid"
        return document in (self.documents or ())

    @property
    def passport_status(self) -> PassportStatus | None:
        """The passport's status, or None when the person has no passport (or it is unknown)."""
        for document in self.documents or ():
            kind, _, status = document.partition(":")
            if kind == "passport":
                return status or "valid"  # type: ignore[return-value]
        return None

    @property
    def has_travel_document(self) -> bool:
        """A usable international travel document: a valid passport or a refugee travel
        document (an expired, cancelled or confiscated passport takes no one across a border)."""
        return self.holds("passport") or self.holds("refugee_travel_document")
