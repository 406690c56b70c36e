"""The importers `kb import` knows: our built-ins, listed here, and third parties' entry points.

As datasette lists DEFAULT_PLUGINS, the built-ins are named in code and imported directly; a
third-party package registers a module exposing `IMPORTER` under the `safepassage.importers`
entry-point group. Both go through the same interface check.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from importlib.metadata import entry_points

from safepassage.kb.importers.importer import Importer

GROUP = "safepassage.importers"
DEFAULT_IMPORTERS: tuple[str, ...] = (
    "safepassage.kb.importers.unhcr_asylum_decisions",
    "safepassage.kb.importers.passport_index",
    "safepassage.kb.importers.un_treaties_2015",
    "safepassage.kb.importers.hr_treaties_2022",
    "safepassage.kb.importers.freedom_house",
    "safepassage.kb.importers.wb_migrant_stock",
    "safepassage.kb.importers.openflights",
)


class ImporterError(RuntimeError):
    """An importer module does not implement the interface, or two share a name."""


def check_importer(candidate: object, origin: str) -> Importer:
    for attribute in ("name", "title", "reads", "run"):
        if not hasattr(candidate, attribute):
            raise ImporterError(f"{origin}: IMPORTER has no {attribute!r}")
    name = getattr(candidate, "name")  # noqa: B009
    if not isinstance(name, str) or not name.replace("-", "").isalnum() or name != name.lower():
        raise ImporterError(f"{origin}: name {name!r} must be lowercase letters, digits and dashes")
    return candidate  # type: ignore[return-value]


def _builtin() -> Iterable[tuple[str, object]]:
    for module_name in DEFAULT_IMPORTERS:
        yield module_name, getattr(importlib.import_module(module_name), "IMPORTER", None)


def _third_party() -> Iterable[tuple[str, object]]:
    for entry_point in sorted(entry_points(group=GROUP), key=lambda ep: ep.name):
        if entry_point.module in DEFAULT_IMPORTERS:
            continue
        yield f"entry point {entry_point.name!r} ({entry_point.value})", entry_point.load()


@cache
def load_importers() -> dict[str, Importer]:
    importers: dict[str, Importer] = {}
    for origin, candidate in (*_builtin(), *_third_party()):
        importer = check_importer(candidate, origin)
        if importer.name in importers:
            raise ImporterError(f"{origin}: an importer named {importer.name!r} is already registered")
        importers[importer.name] = importer
    return importers
