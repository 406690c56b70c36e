"""Parsing of command-line values, each failure a one-line BadInput naming the option."""

from __future__ import annotations

import datetime as dt

from safepassage.cli.errors import BadInput
from safepassage.kb.base import BaseLayer


def parse_as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"--as-of: expected a date as YYYY-MM-DD, got {value!r}") from None


def parse_country(value: str, base: BaseLayer, option: str) -> str:
    code = value.strip().upper()
    if code not in base:
        raise BadInput(f"{option}: {value!r} is not an ISO 3166-1 alpha-2 country code")
    return code
