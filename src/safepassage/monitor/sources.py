"""The list of feeds the monitor reads (data/sources.yaml): a file people review and extend.

Each source says where its feed URL was seen documented (`found_in`); none was fetched while
the list was written (no network there), so the first run of `safepassage monitor run` is what
tells whether a feed is still served."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError

SOURCES_FILE = Path(__file__).parent / "data" / "sources.yaml"


class SourcesError(ValueError):
    """The sources file is not valid (one line naming the entry and field)."""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{1,60}$")]
    name: Annotated[str, Field(min_length=1, max_length=200)]
    url: HttpUrl
    languages: tuple[str, ...]
    kind: Annotated[str, Field(pattern=r"^(news|rights-group|agency|international-organisation)$")]
    regions: tuple[str, ...] = ()
    found_in: Annotated[str, Field(min_length=10, max_length=500)]


@cache
def load_sources(path: Path = SOURCES_FILE) -> tuple[Source, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources = []
    for number, item in enumerate(raw.get("sources", []), start=1):
        try:
            sources.append(Source.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise SourcesError(f"{path.name}: source {number}: {where}: {first['msg']}") from None
    ids = [s.id for s in sources]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SourcesError(f"{path.name}: duplicate source id {duplicates[0]}")
    return tuple(sources)
