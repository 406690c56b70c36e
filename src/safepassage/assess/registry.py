"""The factors the engine runs: our built-ins, listed here, and third parties' from entry points.

As datasette does with DEFAULT_PLUGINS, the built-ins are named in code and imported directly, so
a new built-in module works the moment it is listed (no reinstall to refresh package metadata)
and a test checks that every module in `factors/` is listed. A third-party package registers a
module exposing `FACTOR` under the `safepassage.factors` entry-point group; it goes through the
same interface and the same checks as ours.

A factor's words are not in its code: beside its module it ships one catalogue per language,
`<module>.<language>.ftl` (land_border.py has land_border.en.ftl and land_border.ru.ftl), which
the report layer reads (safepassage.report.messages). `catalogue_of` says where they are.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from importlib.metadata import entry_points
from importlib.resources import files
from importlib.resources.abc import Traversable

from safepassage.assess.factor import Factor, Weights

GROUP = "safepassage.factors"
SCOPES = ("person", "country")

DEFAULT_FACTORS: tuple[str, ...] = (
    "safepassage.assess.factors.land_border",
    "safepassage.assess.factors.distance",
    "safepassage.assess.factors.pursuers_home_state",
    "safepassage.assess.factors.free_entry",
    "safepassage.assess.factors.legal_cooperation",
    "safepassage.assess.factors.wanted_exposure",
    "safepassage.assess.factors.removal_record",
    "safepassage.assess.factors.police_conduct",
    "safepassage.assess.factors.community_presence",
    "safepassage.assess.factors.refugee_protection",
    "safepassage.assess.factors.violence_protection",
    "safepassage.assess.factors.international_remedies",
    "safepassage.assess.factors.onward_options",
    "safepassage.assess.factors.transnational_reach",
    "safepassage.assess.factors.rule_of_law",
)


class FactorError(RuntimeError):
    """A factor module does not implement the interface, or two factors share a name."""


def check_factor(factor: object, origin: str) -> Factor:
    """Refuse, naming `origin`, an object that does not implement the factor interface."""
    for attribute in ("name", "family", "scope", "weights", "evaluate"):
        if not hasattr(factor, attribute):
            raise FactorError(f"{origin}: FACTOR has no {attribute!r}")
    scope, weights = getattr(factor, "scope"), getattr(factor, "weights")  # noqa: B009
    if scope not in SCOPES:
        raise FactorError(f"{origin}: scope {scope!r} is not one of {SCOPES}")
    if not isinstance(weights, Weights):
        raise FactorError(
            f"{origin}: weights must be a Weights(family=..., state=..., non_state=...)"
        )
    return factor  # type: ignore[return-value]


def _builtin() -> Iterable[tuple[str, str, object]]:
    for module_name in DEFAULT_FACTORS:
        module = importlib.import_module(module_name)
        yield module_name, module_name, getattr(module, "FACTOR", None)


def _third_party() -> Iterable[tuple[str, str, object]]:
    for entry_point in sorted(entry_points(group=GROUP), key=lambda ep: ep.name):
        if entry_point.module in DEFAULT_FACTORS:
            continue  # an old install may still declare our built-ins as entry points
        factor = entry_point.load()
        if getattr(factor, "name", None) != entry_point.name:
            raise FactorError(
                f"factor registered as {entry_point.name!r} calls itself "
                f"{getattr(factor, 'name', None)!r}"
            )
        yield f"entry point {entry_point.name!r} ({entry_point.value})", entry_point.module, factor


@cache
def _registered() -> dict[str, tuple[Factor, str]]:
    """Each factor by name, with the module it came from."""
    factors: dict[str, tuple[Factor, str]] = {}
    for origin, module, candidate in (*_builtin(), *_third_party()):
        factor = check_factor(candidate, origin)
        if factor.name in factors:
            raise FactorError(f"{origin}: a factor named {factor.name!r} is already registered")
        factors[factor.name] = (factor, module)
    return {name: factors[name] for name in sorted(factors)}


@cache
def load_factors() -> tuple[Factor, ...]:
    return tuple(factor for factor, _ in _registered().values())


def catalogue_of(name: str, language: str) -> Traversable:
    """Where factor `name` keeps its messages in `language`: `<module>.<language>.ftl` beside
    its module (it may not exist: the report layer refuses a factor without one)."""
    module = _registered()[name][1]
    package, _, leaf = module.rpartition(".")
    return files(package or module).joinpath(f"{leaf}.{language}.ftl")
