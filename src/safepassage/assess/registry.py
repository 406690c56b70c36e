"""Discover factors through the `safepassage.factors` entry-point group.

Our own factors are declared there in pyproject.toml exactly as a third-party package would
declare its own, so nothing distinguishes a built-in from an extension.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points

from safepassage.assess.factor import Factor

GROUP = "safepassage.factors"


@cache
def load_factors() -> tuple[Factor, ...]:
    factors = []
    for entry_point in sorted(entry_points(group=GROUP), key=lambda ep: ep.name):
        factor = entry_point.load()
        if factor.name != entry_point.name:
            raise RuntimeError(
                f"factor registered as {entry_point.name!r} calls itself {factor.name!r}"
            )
        factors.append(factor)
    return tuple(factors)
