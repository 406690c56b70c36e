"""What a factor says, as data: a message id and typed values, never a sentence.

A factor's finding is worded by the report layer (safepassage.report.messages) in the reader's
language, from catalogues the factor ships beside its module (docs/extending.md). So the engine
holds no words: a value is a country code, a count, a distance, a date, a fact's id, a rating,
a choice among fixed words, or another message, and each language decides how to say it
(Russian declines a country name and picks one of three plural forms; English does neither).

Messages travel in the JSON output (`{"id": ..., "values": {...}}`, each value a one-key object
naming its type) and come back from it unchanged, so a stored assessment is worded again in any
language years later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from safepassage.kb.dates import PartialDate


@dataclass(frozen=True)
class Country:
    """A country by ISO 3166-1 alpha-2 code: each language names (and declines) it."""

    code: str


@dataclass(frozen=True)
class Countries:
    """Several countries, said as a list ("A, B and C")."""

    codes: tuple[str, ...]


@dataclass(frozen=True)
class Count:
    """A whole number that chooses a plural form (1 incident, 2 incidents; 1 случай, 2 случая,
    5 случаев)."""

    n: int


@dataclass(frozen=True)
class Km:
    """A distance in kilometres, said rounded to the kilometre."""

    km: float


@dataclass(frozen=True)
class People:
    """A number of people as a range from a source (equal ends: one figure)."""

    low: int
    high: int


@dataclass(frozen=True)
class When:
    """A date as precise as its source: a day, a month or a year."""

    date: PartialDate


@dataclass(frozen=True)
class Fact:
    """A knowledge-base fact, said in the reader's language (docs/extending.md, "Facts in a
    sentence")."""

    id: str


@dataclass(frozen=True)
class Facts:
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Instruments:
    """Treaties and blocs by their ids in instruments.yaml, said by their names in a list."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class Communities:
    """Communities by the codes the facts use (`community:`), said as a list."""

    codes: tuple[str, ...]


@dataclass(frozen=True)
class Factors:
    """Factors by name, said by their labels ("Police and state conduct")."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class Rating:
    """A rating band (`unsafe` ... `lower`), said with the band's one word in each language."""

    rating: str


@dataclass(frozen=True)
class Choice:
    """One of a fixed set of words the catalogue chooses between (`limited`, `poor`): the
    message selects on it, so every choice has its wording in every language."""

    key: str


@dataclass(frozen=True)
class Terms:
    """Several fixed words, each a catalogue message `<prefix>-<key>`, said as a list."""

    prefix: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Message:
    """One sentence or phrase: a catalogue id and the values it is said with."""

    id: str
    values: Mapping[str, Value] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "values": {k: _value_json(v) for k, v in self.values.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        values = data.get("values") or {}
        return cls(str(data["id"]), {k: _value_from_json(v) for k, v in values.items()})


@dataclass(frozen=True)
class Sentences:
    """Several messages said one after another."""

    parts: tuple[Message, ...]


Value: TypeAlias = (
    Country
    | Countries
    | Count
    | Km
    | People
    | When
    | Fact
    | Facts
    | Instruments
    | Communities
    | Factors
    | Rating
    | Choice
    | Terms
    | Message
    | Sentences
)


def message(id: str, **values: Value) -> Message:
    """`message("land_border-none", here=Country(context.country))`: how factors write one."""
    return Message(id, values)


def sentences(parts: Iterable[Message]) -> Message:
    """A message made of several sentences (`sentences` in the common catalogue)."""
    return Message("sentences", {"parts": Sentences(tuple(parts))})


def _value_json(value: Value) -> dict[str, Any]:
    match value:
        case Country(code):
            return {"country": code}
        case Countries(codes):
            return {"countries": list(codes)}
        case Count(n):
            return {"count": n}
        case Km(km):
            return {"km": km}
        case People(low, high):
            return {"people": [low, high]}
        case When(date):
            return {"date": str(date)}
        case Fact(id):
            return {"fact": id}
        case Facts(ids):
            return {"facts": list(ids)}
        case Instruments(ids):
            return {"instruments": list(ids)}
        case Communities(codes):
            return {"communities": list(codes)}
        case Factors(names):
            return {"factors": list(names)}
        case Rating(rating):
            return {"rating": rating}
        case Choice(key):
            return {"choice": key}
        case Terms(prefix, keys):
            return {"terms": {"prefix": prefix, "keys": list(keys)}}
        case Message():
            return {"message": value.to_json()}
        case Sentences(parts):
            return {"sentences": [part.to_json() for part in parts]}
    raise TypeError(f"not a message value: {value!r}")


def _value_from_json(data: Mapping[str, Any]) -> Value:
    if len(data) != 1:
        raise ValueError(f"a message value has one key naming its type, not {sorted(data)}")
    [(kind, raw)] = data.items()
    match kind:
        case "country":
            return Country(str(raw))
        case "countries":
            return Countries(tuple(str(c) for c in raw))
        case "count":
            return Count(int(raw))
        case "km":
            return Km(float(raw))
        case "people":
            return People(int(raw[0]), int(raw[1]))
        case "date":
            return When(PartialDate.parse(str(raw)))
        case "fact":
            return Fact(str(raw))
        case "facts":
            return Facts(tuple(str(i) for i in raw))
        case "instruments":
            return Instruments(tuple(str(i) for i in raw))
        case "communities":
            return Communities(tuple(str(c) for c in raw))
        case "factors":
            return Factors(tuple(str(n) for n in raw))
        case "rating":
            return Rating(str(raw))
        case "choice":
            return Choice(str(raw))
        case "terms":
            return Terms(str(raw["prefix"]), tuple(str(k) for k in raw["keys"]))
        case "message":
            return Message.from_json(raw)
        case "sentences":
            return Sentences(tuple(Message.from_json(part) for part in raw))
    raise ValueError(f"unknown message value type {kind!r}")
