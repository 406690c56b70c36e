"""What the monitor seals with a case's key: the names watched for her, and each alert (which
article named her, with which words, near which places). An alert is case data even though the
article is public: that this article is about this case is exactly what must not leak."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Name = Annotated[str, Field(min_length=1, max_length=200)]


class WatchRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    names: Annotated[list[Name], Field(min_length=1, max_length=30)]
    min_score: Annotated[float, Field(ge=0.3, le=1.0)] = 0.6


class PlaceRecord(BaseModel):
    name: str
    country: str
    kind: str
    text: str


class AlertRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["named", "named_with_place"]
    article_id: str
    url: str
    title: str
    published: str | None
    source: str
    name: str  # the watched name that matched
    matched: list[str]  # the article's words
    score: float
    places: list[PlaceRecord]
    excerpt: str
