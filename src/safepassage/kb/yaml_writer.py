"""Write knowledge-base entries as YAML in the house style, for `kb tidy`.

The files are read and reviewed by people who are not programmers, so the writer keeps every
entry's keys in the order its author wrote them, folds long sentences at the line length the rest
of the project uses, and writes short lists and small mappings on one line (`[a, b]`, `{x: y}`).
Scalars are quoted by PyYAML itself, so what is written reads back as exactly the same values.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from typing import Any

import yaml

WIDTH = 100
# Prose fields: the models collapse their whitespace, so folding them changes nothing.
FOLDED_KEYS = frozenset({"summary", "summary_ru", "note"})
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def scalar(value: object) -> str:
    text: str = yaml.dump(
        value, Dumper=_Dumper, allow_unicode=True, width=10**9, default_flow_style=True
    )
    return text.removesuffix("\n...\n").rstrip("\n")


def _flow(value: object) -> str | None:
    """A one-line rendering of a list or mapping of scalars, or None if it has structure."""
    items = value.values() if isinstance(value, dict) else value
    if not isinstance(items, Iterable) or any(
        isinstance(i, (dict, list)) and _flow(i) is None for i in items
    ):
        return None
    return scalar(value).replace("\n", " ")


def _entry_lines(key: str, value: object, indent: int) -> list[str]:
    pad = " " * indent
    if key in FOLDED_KEYS and isinstance(value, str):
        text = re.sub(r"\s+", " ", value).strip()
        one_line = f"{pad}{key}: {scalar(text)}"
        if len(one_line) <= WIDTH and "\n" not in one_line:
            return [one_line]
        wrapped = textwrap.wrap(
            text, WIDTH - indent - 2, break_long_words=False, break_on_hyphens=False
        )
        return [f"{pad}{key}: >-", *(f"{pad}  {line}" for line in wrapped)]
    if isinstance(value, (dict, list)):
        flow = _flow(value)
        if flow is not None and len(pad) + len(key) + 2 + len(flow) <= WIDTH:
            return [f"{pad}{key}: {flow}"]
        if isinstance(value, dict):
            lines = [f"{pad}{key}:"]
            for sub_key, sub_value in value.items():
                lines += _entry_lines(str(sub_key), sub_value, indent + 2)
            return lines
        lines = [f"{pad}{key}:"]
        for item in value:
            lines += list_item(item, indent + 2)
        return lines
    return [f"{pad}{key}: {scalar(value)}"]


def list_item(item: object, indent: int) -> list[str]:
    """One `- ...` item of a block list: a mapping's first key goes on the dash line."""
    pad = " " * indent
    if not isinstance(item, dict) or not item:
        return [f"{pad}- {scalar(item)}"]
    lines: list[str] = []
    for number, (key, value) in enumerate(item.items()):
        entry = _entry_lines(str(key), value, indent + 2)
        if number == 0:
            entry[0] = f"{pad}- {entry[0].lstrip()}"
        lines += entry
    return lines


def knowledge_file(header: list[str], sections: dict[str, list[dict[str, Any]]]) -> str:
    """A whole file: comment header, then each non-empty section as a block list."""
    lines = [f"# {line}" if line else "#" for line in header]
    for name, entries in sections.items():
        if not entries:
            continue
        if lines:
            lines.append("")
        lines.append(f"{name}:")
        for entry in entries:
            lines += list_item(entry, 2)
    return "\n".join(lines) + "\n"
