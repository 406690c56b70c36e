"""The dossiers' words in each language, from catalogue/<language>.yaml (data, not code).

Nested keys are read as dotted names: `t("lawyer.title")`. A key missing from a catalogue is a
KeyError at once (tests compare the catalogues key by key), never a silent English fallback.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from safepassage.kb.dates import PartialDate

DIRECTORY = Path(__file__).with_name("catalogue")


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat |= _flatten(value, f"{name}.")
        else:
            flat[name] = str(value)
    return flat


@cache
def entries(language: str) -> dict[str, str]:
    raw = yaml.safe_load((DIRECTORY / f"{language}.yaml").read_text(encoding="utf-8"))
    return _flatten(raw)


class Catalogue:
    def __init__(self, language: str) -> None:
        self.language = language
        self._entries = entries(language)

    def __call__(self, key: str, **values: object) -> str:
        text = self._entries[key]
        return text.format(**values) if values else text

    def get(self, key: str, default: str) -> str:
        return self._entries.get(key, default)

    def date(self, day: dt.date) -> str:
        month = self(f"months.{day.month}")
        return self("format.date", day=day.day, month=month, year=day.year)

    def partial_date(self, value: PartialDate) -> str:
        """A source's date as precise as the source: a year, a month or a day."""
        if value.is_exact:
            return self.date(value.earliest)
        if value.earliest.month == 1 and value.latest.month == 12:
            return self("format.year", year=value.earliest.year)
        month = self(f"months_nominative.{value.earliest.month}")
        return self("format.month", month=month, year=value.earliest.year)

    def tristate(self, value: object) -> str:
        if value is True:
            return self("values.yes")
        if value is False:
            return self("values.no")
        return self("values.unknown")
