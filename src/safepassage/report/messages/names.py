"""Country names as sentences need them: English from the base layer, Russian in six cases with
the preposition each takes (country-names.ru.csv, made by scripts/decline-country-names.py from
CLDR's names through Babel and pymorphy3's dictionary, then reviewed by hand)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.lists import format_list

from safepassage.kb.base import load_base_layer

RUSSIAN_FILE = Path(__file__).with_name("country-names.ru.csv")
CASES = ("gen", "dat", "acc", "ins", "loc")
# "из России", but "с Кубы": the islands that take "на" take "с" for "from".
FROM = {"в": "из", "во": "из", "на": "с"}


@dataclass(frozen=True)
class RussianName:
    nom: str
    gen: str
    dat: str
    acc: str
    ins: str
    loc: str
    preposition: str  # в, во or на


@cache
def russian_names(path: Path = RUSSIAN_FILE) -> dict[str, RussianName]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: RussianName(
                row["nom"], row["gen"], row["dat"], row["acc"], row["ins"], row["loc"], row["in"]
            )
            for row in csv.DictReader(handle)
        }


def country_name(code: str, language: str) -> str:
    """A country's name to show on its own (a table cell, a heading)."""
    if language == "ru" and code in russian_names():
        return russian_names()[code].nom
    return load_base_layer().name(code)


def _listed(items: Sequence[str], language: str) -> str:
    return format_list(list(items), locale=language) if items else ""


def country_forms(codes: Sequence[str], language: str) -> dict[str, str]:
    """The Fluent variables for one country or a list of them, suffixed to the value's name:
    "" (nominative), "-gen" ... "-loc", "-in", "-to", "-from". English has no cases: every
    form is the name (its messages write the prepositions themselves)."""
    if language != "ru" or not all(code in russian_names() for code in codes):
        names = _listed([country_name(code, language) for code in codes], language)
        return {suffix: names for suffix in ("", *(f"-{c}" for c in CASES), "-in", "-to", "-from")}
    found = [russian_names()[code] for code in codes]
    forms = {"": _listed([n.nom for n in found], language)}
    for case in CASES:
        forms[f"-{case}"] = _listed([getattr(n, case) for n in found], language)
    prepositions = {n.preposition for n in found}
    for suffix, attribute, words in (
        ("-in", "loc", None),
        ("-to", "acc", None),
        ("-from", "gen", FROM),
    ):
        if len(prepositions) == 1:
            [said] = prepositions
            word = words[said] if words else said
            forms[suffix] = f"{word} " + _listed([getattr(n, attribute) for n in found], language)
        else:  # "в Армении и на Кубе": each with its own
            forms[suffix] = _listed(
                [
                    f"{words[n.preposition] if words else n.preposition} {getattr(n, attribute)}"
                    for n in found
                ],
                language,
            )
    return forms
