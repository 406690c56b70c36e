"""Words for the engine's messages, in English or Russian: the one renderer every face uses.

The command line's reports, the casework pages and the dossiers all say a finding through
`Wording(language, kb).say(message)`, so one finding reads the same everywhere. The words come
from Project Fluent catalogues (fluent.runtime; plural forms and number grouping from Babel's
CLDR data): this package's `<language>.ftl` for ratings, dates, caveats and page furniture, and
each factor's own `<module>.<language>.ftl` beside its module (assess/registry.catalogue_of).
A message id a catalogue lacks, or a value a message does not use correctly, is a
WordingError, never a silent fallback to English: the tests say every message of every factor
in both languages.

Facts have one rule for every face (`fact_text`): the Russian reader gets the fact's
`summary_ru` where the knowledge base has one; inside a finding's sentence a fact without it is
said from its typed values (a date, a place, what happened), so no English enters a Russian
sentence; in a list of facts it is shown in English, marked as such.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from babel.dates import get_month_names
from babel.lists import format_list
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast

from safepassage.assess.message import (
    Choice,
    Communities,
    Count,
    Countries,
    Country,
    Fact,
    Factors,
    Facts,
    Instruments,
    Km,
    Message,
    People,
    Rating,
    Sentences,
    Terms,
    Value,
    When,
)
from safepassage.assess.registry import catalogue_of, load_factors
from safepassage.kb.dates import PartialDate
from safepassage.kb.knowledge import KnowledgeBase
from safepassage.kb.models import CooperationPracticeFact, FactBase, IncidentFact
from safepassage.report.messages.names import country_forms, country_name

LANGUAGES = ("en", "ru")


class WordingError(RuntimeError):
    """A message a catalogue cannot say: unknown id, missing value, a factor without words."""


@dataclass(frozen=True)
class Said:
    """A text and the language it is in (a fact shown in English on a Russian page says so)."""

    text: str
    language: str


def _resource(text: str, origin: str) -> ast.Resource:
    resource = FluentResource(text)
    junk = [entry for entry in resource.body if isinstance(entry, ast.Junk)]
    if junk:
        raise WordingError(f"{origin}: cannot read the catalogue near {str(junk[0].content)[:60]!r}")
    return resource


def _capitalised(text: object) -> Any:
    """CAP($x) in a catalogue: a phrase that starts a sentence ("in 2004" -> "In 2004")."""
    said = str(text)
    return said[:1].upper() + said[1:]


def _ids(resource: ast.Resource) -> list[str]:
    return [entry.id.name for entry in resource.body if isinstance(entry, ast.Message | ast.Term)]


@cache
def bundle(language: str) -> FluentBundle:
    """The common catalogue and every registered factor's, for one language."""
    if language not in LANGUAGES:
        raise WordingError(f"no words for language {language!r} (have {', '.join(LANGUAGES)})")
    fluent = FluentBundle([language], functions={"CAP": _capitalised}, use_isolating=False)
    common = files(__package__).joinpath(f"{language}.ftl").read_text(encoding="utf-8")
    fluent.add_resource(_resource(common, f"report/messages/{language}.ftl"))
    for factor in load_factors():
        path = catalogue_of(factor.name, language)
        if not path.is_file():
            raise WordingError(
                f"factor {factor.name!r} ships no {language} words: put {path.name} beside its "
                "module (docs/extending.md)"
            )
        resource = _resource(path.read_text(encoding="utf-8"), path.name)
        for message_id in _ids(resource):
            if message_id != factor.name and not message_id.startswith(f"{factor.name}-"):
                raise WordingError(
                    f"{path.name}: message {message_id!r} must be named {factor.name!r} or "
                    f"start with {factor.name + '-'!r}"
                )
        fluent.add_resource(resource)
    return fluent


def message_ids(language: str) -> set[str]:
    return set(bundle(language)._messages)


class Wording:
    """Says messages, ratings, dates and facts in one language."""

    def __init__(self, language: str, kb: KnowledgeBase | None = None) -> None:
        self.language = language
        self.kb = kb
        self._bundle = bundle(language)

    # --- messages --------------------------------------------------------------------------

    def say(self, message: Message | Mapping[str, Any]) -> str:
        if not isinstance(message, Message):
            message = Message.from_json(message)
        args: dict[str, Any] = {}
        for name, value in message.values.items():
            for suffix, said in self._forms(value).items():
                args[name + suffix] = said
        return self._format(message.id, args)

    def _format(self, message_id: str, args: Mapping[str, Any], attribute: str | None = None) -> str:
        if not self._bundle.has_message(message_id):
            raise WordingError(f"no {self.language} words for message {message_id!r}")
        found = self._bundle.get_message(message_id)
        pattern = found.attributes.get(attribute) if attribute else found.value
        if pattern is None:
            pattern = found.value
        if pattern is None:
            raise WordingError(f"message {message_id!r} in {self.language} has no text")
        text, errors = self._bundle.format_pattern(pattern, dict(args))
        if errors:
            raise WordingError(f"message {message_id!r} in {self.language}: {errors[0]}")
        return str(text)

    def _forms(self, value: Value) -> dict[str, Any]:
        """The Fluent variables for one value: suffix -> what it says."""
        match value:
            case Country(code):
                return country_forms([code], self.language)
            case Countries(codes):
                return country_forms(list(codes), self.language)
            case Count(n):
                return {"": n}
            case Km(km):
                return {"": self._format("km", {"km": round(km)})}
            case People(low, high):
                precision = "one" if low == high else "range"
                said = self._format("people", {"precision": precision, "low": low, "high": high, "n": high})
                return {"": said}
            case When(date):
                return {
                    "": self.date(date),
                    "-in": self.date(date, "date-in"),
                    "-year": str(date.earliest.year),  # digits alone ("Freedom in the World 2024")
                }
            case Fact(fact_id):
                return {"": self._fact_in_sentence(fact_id)}
            case Facts(ids):
                return {"": " ".join(self._fact_in_sentence(i) for i in ids)}
            case Instruments(ids):
                return {"": self._list([self.instrument(i) for i in ids])}
            case Communities(codes):
                keys = [
                    (f"community-{c}" if self._bundle.has_message(f"community-{c}") else "community-other", c)
                    for c in codes
                ]
                return {
                    "": self._list([self._format(k, {"code": c}) for k, c in keys]),
                    "-gen": self._list([self._format(k, {"code": c}, attribute="gen") for k, c in keys]),
                }
            case Factors(names):
                # quoted: a label has "and" in it, a list of them would not read
                quoted = [self._format("factor-quoted", {"label": self.factor_label(n)}) for n in names]
                return {"": self._list(quoted)}
            case Rating(rating):
                return {"": self.rating(rating)}
            case Choice(key):
                return {"": key}
            case Terms(prefix, keys):
                return {"": self._list([self._format(f"{prefix}-{k}", {}) for k in keys])}
            case Message():
                return {"": self.say(value)}
            case Sentences(parts):
                return {"": " ".join(self.say(part) for part in parts)}
        raise WordingError(f"not a message value: {value!r}")

    def _list(self, items: list[str]) -> str:
        return format_list(items, locale=self.language) if items else ""

    # --- words the faces show on their own -------------------------------------------------

    def rating(self, code: str) -> str:
        return self._format(f"rating-{code}", {})

    def confidence(self, code: str) -> str:
        return self._format(f"confidence-{code}", {})

    def factor_label(self, name: str) -> str:
        """A factor's name as a heading ("Land border with the pursuers' state"): the message
        named after the factor in its catalogue."""
        return self._format(name, {}) if self._bundle.has_message(name) else name

    def country(self, code: str) -> str:
        return country_name(code, self.language)

    def communities(self, codes: tuple[str, ...] | list[str]) -> str:
        """Communities named as in a sentence ("the Chechen community"), for a profile's row."""
        return str(self._forms(Communities(tuple(codes)))[""])

    def instrument(self, instrument_id: str) -> str:
        key = f"instrument-{instrument_id}"
        if self._bundle.has_message(key):
            return self._format(key, {})
        if self.kb is not None and instrument_id in self.kb.instruments:
            return self.kb.instruments[instrument_id].title  # a treaty's own title: a proper name
        return instrument_id

    def text(self, key: str, **values: Any) -> str:
        """A line of the common catalogue (page furniture: `report-title`, `caveat-...`)."""
        return self._format(key, values)

    def date(self, day: dt.date | PartialDate, key: str = "date") -> str:
        """A date as people say it: "7 February 2025", "February 2025", "2025"; with
        key="date-in": "on 7 February 2025", "in February 2025"."""
        date = PartialDate.parse(day)
        first = date.earliest
        if date.is_exact:
            precision = "day"
        elif first.month == 1 and date.latest.month == 12 and date.latest.day == 31:
            precision = "year"
        else:
            precision = "month"
        args = {
            "precision": precision,
            "day": str(first.day),
            "month": first.month,
            "month-name": get_month_names("wide", "stand-alone", self.language)[first.month],
            "month-gen": get_month_names("wide", "format", self.language)[first.month],
            "year": str(first.year),
        }
        return self._format(key, args)

    # --- facts -----------------------------------------------------------------------------

    def _fact(self, fact_id: str) -> FactBase | None:
        return self.kb.facts_by_id.get(fact_id) if self.kb is not None else None

    def fact_text(self, fact_id: str) -> Said:
        """A fact as a list of facts shows it: its Russian text where there is one, else its
        English summary, said to be English."""
        fact = self._fact(fact_id)
        if fact is None:
            return Said(self._format("fact-unknown", {"id": fact_id}), self.language)
        return self.fact_text_of(fact)

    def fact_text_of(self, fact: FactBase) -> Said:
        if self.language == "ru" and fact.summary_ru:
            return Said(fact.summary_ru, "ru")
        return Said(fact.summary, "en")

    def _fact_in_sentence(self, fact_id: str) -> str:
        fact = self._fact(fact_id)
        if fact is None:
            return self._format("fact-unknown", {"id": fact_id})
        if self.language == "en":
            return fact.summary
        if self.language == "ru" and fact.summary_ru:
            return fact.summary_ru
        return self._described(fact)

    def _described(self, fact: FactBase) -> str:
        """A fact said from its typed values, for a language it has no text in."""
        if isinstance(fact, IncidentFact):
            origin = fact.pursuing_state
            args: dict[str, Any] = {
                **{f"where{k}": v for k, v in country_forms([fact.country], self.language).items()},
                "when-in": self.date(fact.value.date, "date-in"),
                "who": fact.value.person.gender,
                "origin": country_name(origin, self.language) if origin else "none",
                "outcomes": self._list([self._format(f"outcome-{o}", {}) for o in fact.value.outcomes]),
            }
            return self._format("fact-incident", args)
        if isinstance(fact, CooperationPracticeFact):
            args = {
                **{f"here{k}": v for k, v in country_forms([fact.country], self.language).items()},
                **{
                    f"counterpart{k}": v
                    for k, v in country_forms([fact.value.counterpart], self.language).items()
                },
                "level": fact.value.level,
                "practice": fact.value.practice,
            }
            text = self._format("fact-cooperation_practice", args)
            return text[:1].upper() + text[1:]
        raise WordingError(
            f"fact {fact.id} ({type(fact).__name__}) has no {self.language} text to say in a sentence: "
            "add summary_ru, or say it from its values in report/messages"
        )
