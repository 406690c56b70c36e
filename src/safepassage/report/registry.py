"""Discover output formats through the `safepassage.formats` entry-point group."""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points

from safepassage.report.model import Format

GROUP = "safepassage.formats"


@cache
def load_formats() -> dict[str, Format]:
    return {ep.name: ep.load() for ep in entry_points(group=GROUP)}
