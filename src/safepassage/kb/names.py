"""Names people type and read: every spelling of a country the forms understand, and the
display names of the knowledge base's communities.

Countries come from the base layer (names in English and Russian) plus a small reviewed file of
other names people type (`data/base/country-aliases.csv`: "Россия" where ISO says "Российская
Федерация", "UK", "USA"). Communities are the codes the facts use (`community:`), named in
`data/base/community-names.csv`. Both files hold names only, never facts.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from safepassage.kb.base import load_base_layer

BASE_DIR = Path(__file__).parent / "data" / "base"
ALIASES_FILE = BASE_DIR / "country-aliases.csv"
COMMUNITIES_FILE = BASE_DIR / "community-names.csv"

_NOT_LETTERS = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """The form of a name used to compare it: case, accents (ё/е, ü/u), punctuation and spacing
    do not matter; letters do, so "Ge" never equals "Germany"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTERS.sub(" ", letters).strip()


@cache
def _aliases(path: Path = ALIASES_FILE) -> tuple[tuple[str, str, str], ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple((row["code"], row["language"], row["alias"]) for row in csv.DictReader(handle))


@cache
def country_index() -> dict[str, str]:
    """Folded name (English, Russian or alias) -> ISO 3166-1 alpha-2 code."""
    index: dict[str, str] = {}
    for code, country in load_base_layer().countries.items():
        for name in (country.name_en, country.name_ru):
            index[fold(name)] = code
    for code, _language, alias in _aliases():
        index.setdefault(fold(alias), code)
    return index


def country_code(text: str) -> str | None:
    """The country a typed name means, or None: an exact name, never a prefix."""
    return country_index().get(fold(text)) if text.strip() else None


def country_aliases(code: str) -> list[str]:
    return [alias for c, _language, alias in _aliases() if c == code]


@dataclass(frozen=True)
class Community:
    code: str
    name_en: str
    name_ru: str

    def name(self, language: str = "en") -> str:
        return self.name_ru if language == "ru" else self.name_en


@cache
def community_names(path: Path = COMMUNITIES_FILE) -> dict[str, Community]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["community"]: Community(row["community"], row["name_en"], row["name_ru"])
            for row in csv.DictReader(handle)
        }


def community_name(code: str, language: str = "en") -> str:
    """The community's display name, or its code when the file does not name it yet."""
    community = community_names().get(code)
    return community.name(language) if community else code
