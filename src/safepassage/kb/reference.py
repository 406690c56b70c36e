"""The fact-kind reference in docs/kb-format.md, written from the models themselves.

Reviewers read the lists of kinds, fields and allowed values in the docs; the loader enforces
them from the models. Generating the docs from the models keeps one registry: a new kind or a
new outcome is added once, and `scripts/update-kb-reference.py` rewrites the docs (a test fails
while they disagree).
"""

from __future__ import annotations

import datetime as dt
import re
import types
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from safepassage.kb.dates import PartialDate
from safepassage.kb.models import FACT_MODELS, Incident

START, END = "<!-- {name}:start -->", "<!-- {name}:end -->"


def _type_text(annotation: Any) -> str:
    origin = get_origin(annotation)
    if origin is Literal:
        return ", ".join(f"`{value}`" for value in get_args(annotation))
    if origin in (Union, types.UnionType):
        parts = [_type_text(a) for a in get_args(annotation) if a is not type(None)]
        return " or ".join(parts)
    if origin is tuple:
        return "a list of: " + _type_text(get_args(annotation)[0])
    if origin is not None and hasattr(annotation, "__metadata__"):
        return _type_text(get_args(annotation)[0])
    if annotation is bool:
        return "true/false"
    if annotation in (int, float):
        return "number"
    if annotation is str:
        return "text"
    if annotation in (PartialDate, dt.date):
        return "date"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "; ".join(_field_text(n, f) for n, f in annotation.model_fields.items())
    if getattr(annotation, "__name__", "") == "CountryCode" or "pattern='^[A-Z]{2}$'" in repr(
        annotation
    ):
        return "CC"
    return str(annotation)


def _field_text(name: str, info: FieldInfo) -> str:
    annotation = info.annotation
    kind = _type_text(annotation)
    if re.search(r"\^\[A-Z\]\{2\}\$", repr(info.metadata) + repr(annotation)):
        kind = "CC"
    extras = [kind] if kind else []
    if not info.is_required():
        extras.append("optional")
    if info.description:
        extras.append(info.description)
    return f"`{name}` ({'; '.join(extras)})"


def kinds_table() -> str:
    lines = ["| kind | `value` fields | notes |", "|---|---|---|"]
    for model in FACT_MODELS:
        kind = get_args(model.model_fields["kind"].annotation)[0]
        value = model.model_fields["value"].annotation
        assert isinstance(value, type) and issubclass(value, BaseModel)
        fields = (
            "see *Incidents* below"
            if value is Incident
            else ", ".join(_field_text(n, f) for n, f in value.model_fields.items())
        )
        lines.append(f"| `{kind}` | {fields} | {model.guidance} |")
    return "\n".join(lines)


def incident_fields() -> str:
    lines = []
    for name, info in Incident.model_fields.items():
        lines.append(f"- {_field_text(name, info)}")
    return "\n".join(lines)


BLOCKS = {"kinds": kinds_table, "incident-fields": incident_fields}


def render_reference(text: str) -> str:
    """`text` with every generated block replaced by what the models say now."""
    for name, make in BLOCKS.items():
        start, end = START.format(name=name), END.format(name=name)
        before, found, rest = text.partition(start)
        if not found:
            raise ValueError(f"docs/kb-format.md has no {start} marker")
        _, found, after = rest.partition(end)
        if not found:
            raise ValueError(f"docs/kb-format.md has no {end} marker")
        text = f"{before}{start}\n{make()}\n{end}{after}"
    return text
