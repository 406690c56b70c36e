"""The dossiers' words in each language, from catalogue/<language>.yaml (data, not code).

Nested keys are read as dotted names: `t("lawyer.title")`. A key missing from a catalogue is a
KeyError at once (tests compare the catalogues key by key), never a silent English fallback.
Rating and confidence words, factor labels and dates are not here: they are the report layer's
(safepassage.report.messages), so a dossier says them exactly as the web pages and the command
line do.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from safepassage.kb.dates import PartialDate
from safepassage.report.messages import Wording

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
        self.wording = Wording(language)

    def __call__(self, key: str, **values: object) -> str:
        text = self._entries[key]
        return text.format(**values) if values else text

    def plural(self, key: str, count: int, **values: object) -> str:
        """An entry with one text per CLDR plural category (`one`, `few`, `many`, `other`),
        chosen by Babel's rules for this language: 1 факт, 2 факта, 5 фактов, 21 факт."""
        category = Locale.parse(self.language).plural_form(count)
        name = f"{key}.{category}" if f"{key}.{category}" in self._entries else f"{key}.other"
        return self(name, count=count, **values)

    def get(self, key: str, default: str) -> str:
        return self._entries.get(key, default)

    def date(self, day: dt.date) -> str:
        return self.wording.date(day)

    def partial_date(self, value: PartialDate) -> str:
        """A source's date as precise as the source: a year, a month or a day."""
        return self.wording.date(value)

    def rating(self, code: str) -> str:
        return self.wording.rating(code)

    def confidence(self, code: str) -> str:
        return self.wording.confidence(code)

    def factor(self, name: str) -> str:
        return self.wording.factor_label(name)

    def tristate(self, value: object) -> str:
        if value is True:
            return self("values.yes")
        if value is False:
            return self("values.no")
        return self("values.unknown")
