"""Hypothesis strategies for hostile input: arbitrary JSON-like values, YAML-ish text, and
valid documents with one part replaced by anything."""

from __future__ import annotations

import copy
import json
from typing import Any

import yaml
from hypothesis import strategies as st

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.sampled_from(["RU", "KZ", "XX", "ru", "RU-CE", "KZ-ALA", "family", "state", "unknown", "passport", "2025-02-07", "9999-12-31"])
)
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
# Pieces of YAML syntax that break parsers in interesting ways: anchors and aliases, tags,
# flow collections, block scalars, document markers, odd whitespace, dates, huge numbers.
YAML_PIECES = st.sampled_from(
    [
        "&a [1, *a]", "*undefined", "!!python/object:os.system", "!!binary zz", "!!timestamp x",
        "[", "]", "{", "}", "- ", ": ", "? ", "|\n  text", ">-\n  folded", "---", "...", "\t", "\r\n",
        "2020-02-30", "2020-13-45 25:61:61", "1e400", "0x" + "f" * 40, "1" * 60, "~", "null", "yes",
        "'unclosed", '"\\u00', "%YAML 1.1", "<<: *a", "key: value", "id: x", "country: KZ", "\u202e",
    ]
)
YAML_ISH = st.lists(YAML_PIECES | st.text(max_size=20), max_size=12).map("".join)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn, valid: Any) -> Any:
    """A copy of `valid` with one value (or the whole) replaced, or one key added or removed."""
    document = copy.deepcopy(valid)
    path = draw(st.sampled_from(_paths(document)))
    action = draw(st.sampled_from(["replace", "add", "remove"]))
    if not path:
        return draw(JSON_VALUES) if action == "replace" else document
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = draw(JSON_VALUES)
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.text(max_size=12))] = draw(JSON_VALUES)
    elif action == "remove":
        del parent[last]
    return document


def as_text(document: Any, kind: str) -> str:
    """The document as a file would hold it (YAML or JSON); unserialisable floats as YAML."""
    if kind == "json":
        return json.dumps(document, allow_nan=True)
    return str(yaml.safe_dump(document, allow_unicode=True))
