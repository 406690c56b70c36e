"""What a dossier is made from: the person's file and the choices of whoever asks for it.

Plain data, independent of where it came from (a profile file or a casework case), so the
layout never touches a database and the casework app never touches the layout.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from safepassage.profile import Profile

Kind = Literal["lawyer", "un-complaint", "rule39", "coi-annex"]
KINDS: tuple[Kind, ...] = ("lawyer", "un-complaint", "rule39", "coi-annex")
Language = Literal["en", "ru"]
LANGUAGES: tuple[Language, ...] = ("en", "ru")


class DossierError(ValueError):
    """The dossier cannot be made as asked (a committee the State had not accepted, Rule 39
    for a state outside the Convention ...). The message is one line naming what is wrong and
    never repeats case content."""


@dataclass(frozen=True)
class Event:
    date: dt.date
    kind: str  # casework's event kinds (casework/cases/records.py)
    place: str = ""
    description: str = ""


@dataclass(frozen=True)
class Consent:
    given_on: dt.date
    may_share_with: str = ""
    withdrawn_on: dt.date | None = None


@dataclass(frozen=True)
class Snapshot:
    """An assessment kept by the casework app: the JSON shape of DESIGN §5 and when it was made."""

    created: dt.datetime
    report: dict[str, Any]


@dataclass(frozen=True)
class CaseFile:
    """The person's file. From a profile file only `profile` is known; everything else the
    dossier shows as a gap to complete, never as an invented value."""

    profile: Profile
    name: str = ""  # empty: the document carries a placeholder
    place: str = ""
    summary: str = ""
    events: tuple[Event, ...] = ()
    consents: tuple[Consent, ...] = ()
    snapshots: tuple[Snapshot, ...] = ()  # oldest first
    from_case: bool = False


@dataclass(frozen=True)
class Removal:
    """A scheduled removal as the person asking knows it: what makes a request urgent."""

    date: dt.date
    time: str = ""  # "HH:MM" when known
    destination: str = ""  # ISO code; empty = not known yet


@dataclass(frozen=True)
class DossierRequest:
    kind: Kind
    country: str  # the State concerned: the one the person is in, or whose conditions are described
    as_of: dt.date
    language: Language = "en"
    committee: str = ""  # un-complaint: cat | hrc | cedaw
    removal: Removal | None = None
    contact: str = ""  # rule39: the person the Court's registry should call
