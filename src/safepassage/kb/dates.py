"""Dates as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.

Sources often give only a month or a year. We keep that precision instead of inventing a day,
and every comparison says which end of the period it means, so "as of" queries never let a fact
in earlier than its source could have been read (no hindsight).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or only the year."""

    earliest: dt.date
    latest: dt.date
    text: str

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, str | dt.date) and not isinstance(value, dt.datetime):
            return _parse_cached(value)  # dates repeat across facts: parse each once
        return cls._parse(value)

    @classmethod
    def _parse(cls, value: object) -> PartialDate:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value, value, value.isoformat())
        if isinstance(value, int):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        match = _PATTERN.match(value.strip())
        if not match:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        year = int(match[1])
        if match[3]:
            day = dt.date(year, int(match[2]), int(match[3]))
            return cls(day, day, day.isoformat())
        if match[2]:
            month = int(match[2])
            if not 1 <= month <= 12:
                raise ValueError(f"month out of range in {value!r}")
            last = calendar.monthrange(year, month)[1]
            return cls(dt.date(year, month, 1), dt.date(year, month, last), value.strip())
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), value.strip())

    @property
    def is_exact(self) -> bool:
        return self.earliest == self.latest

    def __str__(self) -> str:
        return self.text

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )


@functools.lru_cache(maxsize=8192)
def _parse_cached(value: str | dt.date) -> PartialDate:
    return PartialDate._parse(value)


def years_between(earlier: dt.date, later: dt.date) -> float:
    return (later - earlier).days / 365.25
