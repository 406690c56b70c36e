"""The international procedures a dossier addresses (procedures.yaml), and whether a State had
accepted one on the dossier's date, as the knowledge base records it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from safepassage.kb.knowledge import KnowledgeView
from safepassage.kb.models import BINDING_STATUSES, MembershipFact
from safepassage.report.dossier.request import DossierError

DATA = Path(__file__).with_name("procedures.yaml")


@dataclass(frozen=True)
class Article:
    ref: dict[str, str]
    text: dict[str, str]


@dataclass(frozen=True)
class Procedure:
    code: str
    instrument: str  # the knowledge base's instrument id for accepting it
    name: dict[str, str]
    articles: tuple[Article, ...]
    treaty: dict[str, str]
    basis: dict[str, str]
    reading: dict[str, str]
    interim_basis: dict[str, str]


def _procedure(code: str, raw: dict[str, Any]) -> Procedure:
    empty = {"en": "", "ru": ""}
    return Procedure(
        code=code,
        instrument=raw["instrument"],
        name=raw["name"],
        articles=tuple(Article(a["ref"], a["text"]) for a in raw["articles"]),
        treaty=raw.get("treaty", empty),
        basis=raw.get("basis", empty),
        reading=raw.get("reading", empty),
        interim_basis=raw.get("interim_basis", empty),
    )


@cache
def _load() -> tuple[dict[str, Procedure], Procedure]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    committees = {code: _procedure(code, entry) for code, entry in raw["committees"].items()}
    return committees, _procedure("ecthr", raw["ecthr"])


def committees() -> dict[str, Procedure]:
    return _load()[0]


def ecthr() -> Procedure:
    return _load()[1]


def acceptance(view: KnowledgeView, country: str, instrument: str) -> MembershipFact | None:
    """The fact that binds `country` to `instrument` in this view (visible = held and published
    by the view's date), or None: the State had not accepted it, or the knowledge base does not
    know that it had. A signature, an observer seat or a suspension is no acceptance."""
    for fact in view.of_kind(country, MembershipFact):
        if fact.value.instrument == instrument and fact.value.status in BINDING_STATUSES:
            return fact
    return None


def accepted_committees(view: KnowledgeView, country: str) -> list[str]:
    return [code for code, p in committees().items() if acceptance(view, country, p.instrument)]


def committee_for(view: KnowledgeView, country: str, code: str) -> tuple[Procedure, MembershipFact]:
    """The committee asked for, if `country` had accepted its procedure on the view's date;
    otherwise a DossierError naming the committees it had accepted."""
    known = committees()
    if code not in known:
        raise DossierError(f"--committee: {code!r} is not one of {', '.join(known)}")
    procedure = known[code]
    fact = acceptance(view, country, procedure.instrument)
    if fact is None:
        accepted = accepted_committees(view, country)
        raise DossierError(
            f"--committee: {country} had not accepted the {code} procedure ({procedure.instrument}) "
            f"on {view.as_of.isoformat()} as far as the knowledge base knows; accepted: "
            + (", ".join(accepted) or "none recorded")
        )
    return procedure, fact


def convention_state(view: KnowledgeView, country: str) -> MembershipFact:
    """Rule 39 is for States bound by the European Convention on Human Rights on that date (all
    of them Council of Europe members): the Court indicates interim measures only to them."""
    fact = acceptance(view, country, ecthr().instrument)
    if fact is None:
        raise DossierError(
            f"--kind rule39: {country} was not a party to the European Convention on Human Rights "
            f"(Council of Europe) on {view.as_of.isoformat()} as far as the knowledge base knows"
        )
    return fact
