"""Country names and codes in datasets -> ISO 3166-1 alpha-2, exactly or not at all.

pycountry matches official, common and short names and codes exactly (case-insensitively); a
name it does not know must be listed in `country-names.yaml`. There is no fuzzy matching: a
fuzzy match once read "Republic of Korea" as North Korea.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ALIASES_FILE = Path(__file__).with_name("country-names.yaml")


class UnknownName(LookupError):
    pass


@cache
def _aliases() -> dict[str, str | None]:
    raw: dict[str, Any] = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))
    return {str(k): (None if v is None else str(v)) for k, v in raw["names"].items()}


def code_for_name(name: str) -> str | None:
    """The alpha-2 code for a country name, None for a listed territory without one.

    Raises UnknownName for a name neither pycountry nor the alias list knows.
    """
    import pycountry

    name = name.strip()
    aliases = _aliases()
    if name in aliases:
        return aliases[name]
    # "Bolivia (Plurinational State of)" is the UN's spelling of pycountry's
    # "Bolivia, Plurinational State of"
    for candidate in (name, re.sub(r"^(.*) \((.*)\)$", r"\1, \2", name)):
        try:
            return str(pycountry.countries.lookup(candidate).alpha_2)
        except LookupError:
            continue
    raise UnknownName(name)


@cache
def _legacy_codes() -> dict[str, str | None]:
    raw: dict[str, Any] = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))
    return {str(k): (None if v is None else str(v)) for k, v in (raw.get("codes") or {}).items()}


def current_alpha2(code: str) -> str | None:
    """Today's alpha-2 code for a code a dataset gives: itself, or a withdrawn code's successor
    listed in country-names.yaml; None for a withdrawn code listed without one.

    Raises UnknownName for any other code.
    """
    code = code.strip().upper()
    if is_alpha2(code):
        return code
    legacy = _legacy_codes()
    if code in legacy:
        return legacy[code]
    raise UnknownName(code)


@cache
def code_for_alpha3(code: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=code.strip().upper())
    return None if country is None else str(country.alpha_2)


@cache
def is_alpha2(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None
